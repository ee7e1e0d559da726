// (a) The clerk at the window (窗口登记员) registers two visits of one person through 登记信访:
// the first with nothing to warn of, saved at once; the second previewed with the first named as
// an open matter, and saved once the clerk confirms. Both show their tracking number and query
// code, and both are at intake. The first (学校管理, no routing rule) waits in the dispatcher's
// queue for (c); the second (城市排水 in 五山, 天河区) goes to 广州市天河区人民政府 for (b).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { choose, describedValue, expectVisible, pick, picker, signIn, textField } from './harness/console';
import { scenario, type Registered, type World } from './harness/world';

const PETITIONER = { name: '陈建国', phone: '13926078812', address: '广州市天河区五山路 381 号' };

export const SCHOOL_MATTER = {
  title: '学校强制学生购买教辅资料',
  content: '孩子在五山某公办小学读书，学校这学期统一订购教辅资料，每人 280 元，没有公示收费依据，请求教育部门查处。',
  category: '学校管理', // EDU.SCHOOL: no routing rule in the demo city
  categoryCode: 'EDU.SCHOOL',
  region: '五山街道', // 440106001, a street of 天河区
  regionCode: '440106001',
};

export const DRAINAGE_MATTER = {
  title: '五山路小区门口道路长期积水',
  content: '每逢下雨小区门口积水严重，深处没过脚踝，老人小孩出行困难，请求疏通排水管道。',
  category: '城市排水', // URBAN.DRAINAGE in 天河区: lead 广州市天河区人民政府
  categoryCode: 'URBAN.DRAINAGE',
  region: '五山街道',
  regionCode: '440106001',
};

type Matter = typeof SCHOOL_MATTER;

/** Fills 登记信访 as the clerk would: a visit (来访), the person, the matter, where it happened. */
async function fillRegistration(page: Page, matter: Matter): Promise<void> {
  const form = await expectVisible(page.getByRole('form', { name: '登记信访' }), 'the registration form 登记信访');
  await choose(form, '来访');
  await textField(form, '姓名').fill(PETITIONER.name);
  await textField(form, '联系电话').fill(PETITIONER.phone);
  await textField(form, '住址').fill(PETITIONER.address);
  await textField(form, '标题').fill(matter.title);
  await textField(form, '信访内容').fill(matter.content);
  await pick(page, picker(form, '问题分类'), matter.category, matter.category, '问题分类');
  await pick(page, picker(form, '问题发生地'), matter.region, matter.region, '问题发生地');
}

/** The result after saving: 登记成功, the tracking number and, this once, the query code. */
async function readResult(page: Page, matter: Matter): Promise<Registered> {
  await expectVisible(page.getByText('登记成功', { exact: true }), 'the result 登记成功 after saving');
  const trackingNo = (await describedValue(page, '信访件编号')).match(/\d{6}-\d{8}-\d{6}/)?.[0];
  assert.ok(trackingNo, 'the result shows a tracking number like 440106-20261102-000001');
  assert.ok(trackingNo.includes('-20261102-'), `the tracking number ${trackingNo} carries the platform's date, 2 November 2026`);
  const queryCode = (await describedValue(page, '查询码')).match(/[A-Z0-9]{6,}/)?.[0];
  assert.ok(queryCode, 'the result shows the query code');
  await expectVisible(page.getByText('查询码只显示这一次'), 'the warning that the query code is shown only once');
  return { trackingNo, queryCode, title: matter.title, content: matter.content };
}

export function registrationScenario(world: () => World): void {
  scenario(world, 'a', '(a) 窗口登记员 registers visits at the window', (step) => {
    step('signs in as 窗口登记员 from the development sign-in and lands on 登记信访', async (page) => {
      await expectVisible(page.getByRole('button', { name: '以窗口登记员登录' }), 'the demo users of the development sign-in');
      await world().browser.screenshot('sign-in');
      await signIn(page, '窗口登记员');
      await expectVisible(page.getByRole('heading', { name: '登记信访', level: 3 }), 'the clerk’s home, 登记信访');
      await expectVisible(page.getByRole('form', { name: '登记信访' }), 'the registration form');
      await world().browser.screenshot('registration');
    });

    step('registers a visit nothing warns of: saved at once, with its tracking number and query code', async (page) => {
      await fillRegistration(page, SCHOOL_MATTER);
      await page.getByRole('button', { name: '预检并登记' }).click();
      world().school = await readResult(page, SCHOOL_MATTER);
      await world().browser.screenshot('registered');
      await page.getByRole('button', { name: '登记下一件' }).click();
      await expectVisible(page.getByRole('form', { name: '登记信访' }), 'an empty registration form after 登记下一件');
    });

    step('previews the same person’s next matter, names the open one, and saves it once the clerk confirms', async (page) => {
      const school = world().school;
      assert.ok(school, 'the first registration of this scenario');
      await fillRegistration(page, DRAINAGE_MATTER);
      await page.getByRole('button', { name: '预检并登记' }).click();
      const preview = await expectVisible(
        page.locator('.ant-card').filter({ has: page.getByText('保存前请确认', { exact: true }) }),
        'the preview step 保存前请确认',
      );
      await expectVisible(preview.getByText('保存后直接转交办理'), 'what saving will do: 保存后直接转交办理');
      await expectVisible(
        preview.getByText(`该信访人另有事项正在办理：${school.trackingNo}「${SCHOOL_MATTER.title}」`, { exact: false }),
        `the open-matter warning naming ${school.trackingNo}`,
      );
      await world().browser.screenshot('preview');
      await page.getByRole('button', { name: '确认登记' }).click();
      const drainage = await readResult(page, DRAINAGE_MATTER);
      assert.notEqual(drainage.trackingNo, school.trackingNo);
      world().drainage = drainage;
      await world().browser.screenshot('result');
    });

    step('both visits are at intake (GET /intake/api/petitions)', async () => {
      const { api, school, drainage } = world();
      assert.ok(school && drainage, 'both registrations of this scenario');
      const page = await api.get<{
        items: Array<{ id: string; trackingNo: string; title: string; categoryCode: string; channel: string }>;
      }>(`/intake/api/petitions?regionCode=${SCHOOL_MATTER.regionCode}&channel=visit&limit=50`, 'clerk');
      for (const [registered, matter] of [
        [school, SCHOOL_MATTER],
        [drainage, DRAINAGE_MATTER],
      ] as const) {
        const found = page.items.find((p) => p.trackingNo === registered.trackingNo);
        assert.ok(found, `${registered.trackingNo} is listed at intake`);
        assert.equal(found.title, matter.title);
        assert.equal(found.categoryCode, matter.categoryCode);
        assert.equal(found.channel, 'visit');
        registered.id = found.id;
      }
    });
  });
}
