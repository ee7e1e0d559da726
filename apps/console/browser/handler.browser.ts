// (b) The lead unit works the drainage petition of (a): 经办人 · 广州市天河区人民政府 finds it at the top
// of 待办事项, opens it, reads its content, accepts it (受理), records a contact (记录联系), asks for
// an extension (申请延期) that 单位负责人 · 广州市天河区人民政府 approves in 延期审批, and replies
// (出具处理意见书). Written against the handler's and unit head's pages while they land
// (apps/console/src/pages/handling/, pages/unit/): a page still 建设中 fails naming it.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  appears,
  buttonName,
  choose,
  expectVisible,
  MissingPageError,
  openWorkspace,
  signIn,
  signOut,
  signOutOrStartOver,
  textField,
} from './harness/console';
import { scenario, type Registered, type World } from './harness/world';

const HANDLER = { id: 'handler-GZ-440106', label: '经办人 · 广州市天河区人民政府' };
const UNIT_HEAD = { id: 'unit-head-GZ-440106', label: '单位负责人 · 广州市天河区人民政府' };
const INBOX_PAGE = 'apps/console/src/pages/handling/inbox-page.tsx';
const APPROVALS_PAGE = 'apps/console/src/pages/unit/extension-approvals-page.tsx';

interface WorkItem {
  id: string;
  trackingNo: string;
  status: string;
  handlingDue: string | null;
  contacts?: Array<{ summary: string }>;
}

const CONTACT_SUMMARY = '电话联系信访人，约定 11 月 4 日上午到现场查看积水点。';
const EXTENSION_REASON = '需协调市水务局对五山路排水管网进行检测，检测周期较长。';
const REPLY = {
  outcome: '予以支持',
  facts: '经现场核查，五山路小区门口雨水篦子被落叶和泥沙堵塞，排水支管局部塌陷。',
  decision: '已安排疏通雨水篦子并修复塌陷支管，雨季前增加巡查频次。',
  legalBasis: '《城镇排水与污水处理条例》第二十条',
  text: '陈建国先生：您反映的五山路小区门口道路积水问题，经核查属实，已安排疏通和修复，预计十一月底前完工。',
};

/** The modal a button opened (antd Modal: role dialog, named by its title). */
async function dialog(page: Page, title: string): Promise<Locator> {
  return expectVisible(page.getByRole('dialog', { name: title }), `the dialog 「${title}」`);
}

/** Clicks a button the work item offers, failing by its name when the page does not offer it. */
async function action(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name: typeof name === 'string' ? buttonName(name) : name });
  await expectVisible(button, `the button 「${String(name)}」 on the work item`);
  await button.first().click();
}

/** Submits a modal by its OK button and waits for it to close; an error alert in it fails the step. */
async function submit(page: Page, modal: Locator, ok: string | RegExp): Promise<void> {
  await modal.getByRole('button', { name: ok }).click();
  const closed = await modal
    .waitFor({ state: 'hidden', timeout: 15_000 })
    .then(() => true)
    .catch(() => false);
  if (!closed) {
    const errors = await modal.locator('.ant-alert-error, .ant-form-item-explain-error').allInnerTexts();
    throw new Error(`the dialog did not close after 「${String(ok)}」${errors.length ? `: ${errors.join('; ')}` : ''}`);
  }
}

export function handlerScenario(world: () => World): void {
  let item: WorkItem | undefined;
  let extensionRequestId: string | null = null;
  const drainage = (): Registered => {
    const registered = world().drainage;
    if (!registered) throw new Error('needs the drainage petition registered in (a)');
    return registered;
  };
  const readItem = async (): Promise<WorkItem> => {
    assert.ok(item, 'the work item opened earlier in this scenario');
    return world().api.get<WorkItem>(`/handling/api/work-items/${item.id}`, HANDLER.id);
  };

  scenario(world, 'b', '(b) the lead unit handles it — expected to pass once the handler and unit head pages land', (step) => {
    step(`signs out and signs in as ${HANDLER.label}; 待办事项 is a page, not 建设中`, async (page) => {
      const { api } = world();
      const { trackingNo } = drainage();
      // Routing happens between the services: wait (API, an assertion) until the unit has it, so the
      // inbox shows it the first time it loads.
      item = await api.waitFor(`${trackingNo} in 天河区人民政府's inbox (GET /handling/api/work-items)`, async () => {
        const inbox = await api.get<{ items: WorkItem[] }>('/handling/api/work-items?limit=50', HANDLER.id);
        return inbox.items.find((w) => w.trackingNo === trackingNo);
      });
      await signOutOrStartOver(page, world().platform.url);
      await signIn(page, HANDLER.label);
      await openWorkspace(page, '待办事项', INBOX_PAGE);
    });

    step('finds the petition at the top of the inbox and opens it', async (page) => {
      const { trackingNo, title } = drainage();
      const rows = page.locator('tr.ant-table-row');
      const top = await expectVisible(rows.first(), `a row of the inbox table (${INBOX_PAGE})`);
      assert.match(await top.innerText(), new RegExp(trackingNo), `the inbox's top row is ${trackingNo}`);
      await world().browser.screenshot('inbox');
      await top.getByText(trackingNo).click();
      await expectVisible(page.getByRole('heading', { name: title, level: 3 }), `the work item page of ${trackingNo}, headed by its title`);
    });

    step('reads the petition’s content', async (page) => {
      const { content } = drainage();
      // The case file is read with a stated reason (every read is logged), when the page asks for one.
      const readFull = page.getByRole('button', { name: '阅读全文' });
      if (await appears(readFull, 1500)) {
        await readFull.click();
        const modal = await dialog(page, '阅读信访事项全文');
        const reason = textField(modal, '查阅事由');
        if (!(await reason.inputValue()).trim()) await reason.fill('受理前了解信访事项全文');
        await submit(page, modal, /确\s*定|阅读|查阅/);
      }
      await expectVisible(page.getByText(content, { exact: false }), 'the petition’s content on the work item');
      await world().browser.screenshot('work-item');
    });

    step('accepts it (受理)', async (page) => {
      await action(page, '受理');
      // A confirmation (Popconfirm) when the page asks for one.
      const confirm = page.locator('.ant-popconfirm:visible, .ant-modal-confirm:visible').getByRole('button', { name: /确认受理|确\s*定/ });
      if (await appears(confirm, 2000)) await confirm.click();
      await expectVisible(page.getByRole('button', { name: buttonName('记录联系') }), 'the accepted work item’s 记录联系');
      const accepted = await readItem();
      assert.equal(accepted.status, 'accepted', 'handling has the work item accepted');
      assert.ok(accepted.handlingDue, 'accepting fixed the handling deadline');
      item = accepted;
    });

    step('records a contact with the petitioner (记录联系)', async (page) => {
      // The handler phones the petitioner: ten minutes pass, on the services' clocks and the page's.
      world().platform.advanceClock('10m');
      await world().browser.context.clock.fastForward('10:00');
      await action(page, '记录联系');
      const modal = await dialog(page, '记录联系信访人');
      await textField(modal, '联系情况').fill(CONTACT_SUMMARY);
      await submit(page, modal, /保\s*存/);
      const read = await readItem();
      assert.ok(
        read.contacts?.some((c) => c.summary === CONTACT_SUMMARY),
        'handling has the contact',
      );
    });

    step('asks for a 15-day extension (申请延期)', async (page) => {
      await action(page, '申请延期');
      const modal = await dialog(page, '申请延期');
      await modal.getByRole('spinbutton', { name: /延期天数/ }).fill('15');
      await textField(modal, '延期理由').fill(EXTENSION_REASON);
      await submit(page, modal, /提交申请/);
      // The request's number, when the page shows it (the unit head's page may need it).
      const shown = await page.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/).allInnerTexts();
      extensionRequestId = shown[0] ?? null;
      await world().browser.screenshot('extension-requested');
    });

    step(`${UNIT_HEAD.label} approves it in 延期审批 (同意)`, async (page) => {
      const before = await readItem();
      await signOut(page);
      await signIn(page, UNIT_HEAD.label);
      await openWorkspace(page, '延期审批', APPROVALS_PAGE);
      const { trackingNo } = drainage();
      const row = page.locator('tr.ant-table-row').filter({ hasText: trackingNo });
      const approve = /^(同\s*意|批\s*准|批准延期)$/; // never 不同意 / 不予批准
      if (await appears(row.first(), 5000)) {
        // A list of the unit's pending requests: approve the petition's row.
        await world().browser.screenshot('unit-head-approvals');
        await row.first().getByRole('button', { name: approve }).first().click();
      } else if (await textField(page, '申请编号').isVisible()) {
        // No list: the request is approved by its number, which the handler's page showed.
        if (!extensionRequestId) throw new MissingPageError('延期审批 asks for 申请编号, but the handler’s page showed no request number');
        await textField(page, '申请编号').fill(extensionRequestId);
        await textField(page, '审批意见').fill('同意延期十五日。');
        await world().browser.screenshot('unit-head-approvals');
        await page.getByRole('button', { name: approve }).first().click();
      } else {
        throw new MissingPageError(`延期审批 shows neither a row for ${trackingNo} nor a 申请编号 field (${APPROVALS_PAGE})`);
      }
      // A confirmation, when the page asks for one.
      const confirm = page
        .locator('.ant-popconfirm:visible, .ant-modal-confirm:visible, .ant-modal:visible')
        .getByRole('button', { name: /确\s*定|同\s*意|批准/ });
      if (await appears(confirm, 2000)) await confirm.click();
      await expectVisible(page.getByText(/已批准|已同意/), 'the approval confirmed on the page (已批准 / 已同意)');
      const after = await world().api.waitFor('the handling deadline moved by the approved extension', async () => {
        const read = await readItem();
        return read.handlingDue && before.handlingDue && Date.parse(read.handlingDue) > Date.parse(before.handlingDue) ? read : null;
      });
      item = after;
      await world().browser.screenshot('extension-approved');
    });

    step('the handler replies with 出具处理意见书', async (page) => {
      const { trackingNo, title } = drainage();
      await signOut(page);
      await signIn(page, HANDLER.label);
      await openWorkspace(page, '待办事项', INBOX_PAGE);
      const row = page.locator('tr.ant-table-row').filter({ hasText: trackingNo });
      await expectVisible(row, `${trackingNo} in the inbox`).then((r) => r.getByText(trackingNo).click());
      await expectVisible(page.getByRole('heading', { name: title, level: 3 }), `the work item page of ${trackingNo}`);
      await action(page, '出具处理意见书');
      const modal = await dialog(page, '出具处理意见书');
      await choose(modal, REPLY.outcome);
      await textField(modal, '查明事实').fill(REPLY.facts);
      await textField(modal, '处理意见').fill(REPLY.decision);
      await textField(modal, '法律政策依据').fill(REPLY.legalBasis);
      await textField(modal, '处理意见书正文').fill(REPLY.text);
      await world().browser.screenshot('reply');
      await submit(page, modal, /提交处理意见书|提\s*交/);
      await expectVisible(page.getByText(/待审核|已答复/), 'the work item replied, waiting for review (已答复，待审核)');
      const replied = await readItem();
      assert.equal(replied.status, 'replied', 'handling has the reply');
      await world().browser.screenshot('replied');
    });
  });
}
