// (c) The dispatcher (分办员) assigns a petition no routing rule could place: the school matter of
// (a) (学校管理, EDU.SCHOOL, which the demo city deliberately leaves without a rule) waits in
// 人工分办; the dispatcher picks 广州市教育局 as the lead unit and 交办. Written against the
// dispatcher's queue while it lands (apps/console/src/pages/dispatch/): 建设中 fails naming it.
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import {
  appears,
  choose,
  expectVisible,
  MissingPageError,
  openWorkspace,
  pick,
  picker,
  signIn,
  signOutOrStartOver,
  textField,
} from './harness/console';
import { scenario, type Registered, type World } from './harness/world';

const DISPATCHER = { id: 'dispatcher', label: '分办员' };
const QUEUE_PAGE = 'apps/console/src/pages/dispatch/ (人工分办, /dispatch/queue)';
const LEAD = { search: '教育局', name: '广州市教育局' };
const INSTRUCTIONS = '请按职责依法办理，核查学校收费情况，按期答复信访人。';

interface Assignment {
  id: string;
  petitionId: string;
  leadUnitId: string;
  status: string;
}

/** Where the assignment's fields are: a dialog or drawer the 交办 button opened, else the page itself. */
async function assignmentForm(page: Page): Promise<Locator> {
  const overlay = page.locator('.ant-modal:visible, .ant-drawer-content:visible');
  if (await appears(overlay.first(), 3000)) return overlay.last();
  return page.locator('main, .ant-layout-content').first();
}

export function dispatcherScenario(world: () => World): void {
  const school = (): Registered => {
    const registered = world().school;
    if (!registered?.id) throw new Error('needs the school petition registered in (a)');
    return registered;
  };

  scenario(
    world,
    'c',
    '(c) 分办员 assigns a queued petition from 人工分办 — expected to pass once the dispatcher’s queue page lands',
    (step) => {
      step('signs in as 分办员; 人工分办 is a page, not 建设中', async (page) => {
        const { api } = world();
        const { id, trackingNo } = school();
        // Dispatch queues it when intake's event arrives: wait (API, an assertion) until it is there.
        await api.waitFor(`${trackingNo} in the dispatcher's queue (GET /dispatch/api/dispatch-queue)`, async () => {
          const queue = await api.get<{ items: Array<{ petitionId: string; reasonKind: string }> }>(
            '/dispatch/api/dispatch-queue?limit=50',
            DISPATCHER.id,
          );
          return queue.items.find((q) => q.petitionId === id);
        });
        await signOutOrStartOver(page, world().platform.url);
        await signIn(page, DISPATCHER.label);
        await openWorkspace(page, '人工分办', QUEUE_PAGE);
      });

      step('finds the petition in the queue and assigns it to 广州市教育局 (交办)', async (page) => {
        const { trackingNo, title } = school();
        const row = page.locator('tr.ant-table-row').filter({ hasText: trackingNo });
        await expectVisible(row, `${trackingNo} in the 人工分办 queue table (${QUEUE_PAGE})`);
        assert.match(await row.first().innerText(), new RegExp(title.slice(0, 6)), 'the queue row shows the petition’s title');
        await world().browser.screenshot('dispatcher-queue');
        const assign = row.first().getByRole('button', { name: /交\s*办/ });
        if (await assign.isVisible()) await assign.click();
        else await row.first().getByText(trackingNo).click(); // a queue whose rows open the petition
        const form = await assignmentForm(page);
        const lead = picker(form, '主办单位');
        if (!(await appears(lead, 5000)))
          throw new MissingPageError(`no 主办单位 picker after choosing ${trackingNo} in 人工分办 (${QUEUE_PAGE})`);
        await pick(page, lead, LEAD.search, LEAD.name, '主办单位');
        if (await form.getByRole('radio', { name: /普通/ }).count()) await choose(form, /普通/);
        const instructions = textField(form, '办理要求');
        if (await instructions.isVisible()) await instructions.fill(INSTRUCTIONS);
        await world().browser.screenshot('dispatcher-assign');
        await form
          .getByRole('button', { name: /交\s*办/ })
          .last()
          .click();
        // A confirmation, when the page asks for one.
        const confirm = page
          .locator('.ant-popconfirm:visible, .ant-modal-confirm:visible')
          .getByRole('button', { name: /确\s*定|交\s*办/ });
        if (await appears(confirm, 2000)) await confirm.click();
        await expectVisible(page.getByText(/已交办|交办成功/), 'the assignment confirmed on the page (已交办 / 交办成功)');
      });

      step('dispatch has the assignment, led by 广州市教育局 (GET /dispatch/api/assignments)', async (page) => {
        const { api } = world();
        const { id, trackingNo } = school();
        const units = await api.all<{ id: string; name: string }>('/dispatch/api/units?limit=200', DISPATCHER.id);
        const education = units.find((u) => u.name === LEAD.name);
        assert.ok(education, `${LEAD.name} is in the directory`);
        const active = await api.waitFor(`an active assignment of ${trackingNo}`, async () => {
          const page = await api.get<{ items: Assignment[] }>(`/dispatch/api/assignments?petitionId=${id}`, DISPATCHER.id);
          return page.items.find((a) => a.status === 'active');
        });
        assert.equal(active.leadUnitId, education.id, `${trackingNo} is led by ${LEAD.name}`);
        const stillQueued = page.locator('tr.ant-table-row').filter({ hasText: trackingNo });
        if (await page.getByRole('heading', { name: '人工分办', level: 3 }).isVisible()) {
          await stillQueued
            .first()
            .waitFor({ state: 'detached', timeout: 10_000 })
            .catch(() => {
              throw new Error(`${trackingNo} is still listed in 人工分办 after 交办`);
            });
        }
        await world().browser.screenshot('dispatcher-assigned');
      });
    },
  );
}
