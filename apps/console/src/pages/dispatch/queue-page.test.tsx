import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { QueuePage } from './queue-page';
import { DIRECTORY_ROUTES, DISPATCHER, PETITION, TIANHE, WATER } from './test-fixtures';

const QUEUED = {
  petitionId: PETITION,
  trackingNo: '440106-20261123-000007',
  title: '小区门口道路长期积水',
  nature: 'claim',
  categoryCode: 'URBAN.DRAINAGE',
  regionCode: '440106001',
  headcount: 6,
  emergency: false,
  petitionerNameMasked: '张*',
  reasonKind: 'collective',
  reason: 'collective petition (6 people): leaders decide (集体访)',
  escalated: false,
  queuedAt: '2026-11-23T09:05:00.000+08:00',
  triageDue: '2026-11-24T00:00:00.000+08:00',
  triageRuleSet: 'gd-2026.1',
  overdue: false,
};

/** Picks an option of an antd Select by its name. */
async function pick(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByLabelText(label));
  const dropdown = await waitFor(() => {
    const open = [...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')];
    const match = open.reverse().find((d) => within(d as HTMLElement).queryByText(option));
    if (!match) throw new Error(`no option ${option}`);
    return match as HTMLElement;
  });
  await user.click(within(dropdown).getByText(option));
}

describe('人工分办 (dispatch queue)', () => {
  it('lists the queue with each petition’s reason in words, and explains the routing rule by rule', async () => {
    const rule = (id: string, leadUnitId: string, regionCode: string | null) => ({
      id,
      categoryCode: 'URBAN.DRAINAGE',
      regionCode,
      nature: null,
      leadUnitId,
      coHandlerUnitIds: [],
      track: 'standard',
      priority: 0,
    });
    const requests = fakeApi({
      ...DIRECTORY_ROUTES,
      'GET /dispatch/api/dispatch-queue': () => json({ items: [QUEUED], nextCursor: null }),
      'POST /dispatch/api/routing/explain': () =>
        json({
          categoryCode: 'URBAN.DRAINAGE',
          regionChain: ['440106001', '440106', '440100'],
          candidates: [
            { rule: rule('r1', TIANHE, '440106'), outcome: 'winner', cause: 'best_match', reason: 'region 440106 (district)' },
            { rule: rule('r2', WATER, null), outcome: 'outranked', cause: 'outranked', reason: 'ranked below r1 (...)' },
          ],
          decision: { kind: 'queue', reasonKind: 'collective', reason: 'collective petition of 6: flagged for leaders (集体访)' },
          reason: 'collective petition of 6: flagged for leaders (集体访)',
        }),
    });
    const user = userEvent.setup();
    renderPage(<QueuePage />, DISPATCHER);

    expect(await screen.findByText('440106-20261123-000007')).toBeInTheDocument();
    expect(screen.getByText('集体访，需领导先阅')).toBeInTheDocument();
    // The engine's English sentence never reaches the page: the code is worded with the petition's data.
    expect(screen.getByText('6 人集体信访，须领导阅示后交办。')).toBeInTheDocument();
    expect(screen.queryByText(/collective petition/)).not.toBeInTheDocument();
    expect(screen.getByText('集体访 6 人')).toBeInTheDocument();
    expect(await screen.findByText('五山街道')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: /展开行|Expand row/ }));
    expect(await screen.findByText('五山街道 → 天河区 → 广州市')).toBeInTheDocument();
    expect(screen.getByText('最适用：地区最具体，其次指明信访性质，再次优先级最高')).toBeInTheDocument();
    expect(screen.getByText('有更适用的规则')).toBeInTheDocument();
    expect(screen.queryByText(/ranked below|region 440106/)).not.toBeInTheDocument();
    expect(requests.find((r) => r.path === '/dispatch/api/routing/explain')?.body).toMatchObject({
      nature: 'claim',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
      headcount: 6,
    });
  });

  it('words a petition no rule covers with its category and place', async () => {
    fakeApi({
      ...DIRECTORY_ROUTES,
      'GET /dispatch/api/dispatch-queue': () =>
        json({
          items: [
            {
              ...QUEUED,
              headcount: 1,
              reasonKind: 'no_rule',
              reason: 'no usable routing rule for category URBAN.DRAINAGE in region 440106001',
            },
          ],
          nextCursor: null,
        }),
    });
    renderPage(<QueuePage />, DISPATCHER);
    expect(await screen.findByText('“城市排水”在“五山街道”及其上级地区没有可用的路由规则，须人工指定承办单位。')).toBeInTheDocument();
  });

  it('assigns with a lead unit and co-handlers, showing their load, and the petition leaves the queue', async () => {
    const requests = fakeApi({
      ...DIRECTORY_ROUTES,
      'GET /dispatch/api/dispatch-queue': () => json({ items: [QUEUED], nextCursor: null }),
      'POST /dispatch/api/assignments': (req) =>
        json(
          {
            id: 'a1',
            petitionId: PETITION,
            trackingNo: QUEUED.trackingNo,
            leadUnitId: (req.body as { leadUnitId: string }).leadUnitId,
            coHandlerUnitIds: [WATER],
            track: 'standard',
            acceptDue: '2026-11-27T00:00:00.000+08:00',
          },
          201,
        ),
    });
    const user = userEvent.setup();
    renderPage(<QueuePage />, DISPATCHER);

    await user.click(await screen.findByRole('button', { name: '交办 440106-20261123-000007' }));
    const dialog = await screen.findByRole('dialog');
    // The units that fit the petition: the district of the place and the drainage department, not city management.
    await pick(user, '主办单位', '天河区人民政府');
    expect(within(dialog).getByText('主办在办 12')).toBeInTheDocument();
    expect(within(dialog).getByText('逾期未受理 2')).toBeInTheDocument();
    await pick(user, '协办单位', '广州市水务局');
    expect(screen.queryByText('广州市城市管理和综合执法局')).not.toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('办理要求'), '请属地街道牵头，三日内联系信访人');

    await user.click(screen.getByRole('button', { name: '确认交办' }));

    await waitFor(() => expect(requests.filter((r) => r.path === '/dispatch/api/assignments')).toHaveLength(1));
    const post = requests.find((r) => r.path === '/dispatch/api/assignments');
    expect(post?.body).toEqual({
      petitionId: PETITION,
      leadUnitId: TIANHE,
      coHandlerUnitIds: [WATER],
      track: 'standard',
      instructions: '请属地街道牵头，三日内联系信访人',
    });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await screen.findByText('分办队列已清空，所有信访件都已交办')).toBeInTheDocument();
  });

  it('puts the API’s reason under the unit it is about', async () => {
    fakeApi({
      ...DIRECTORY_ROUTES,
      'GET /dispatch/api/dispatch-queue': () => json({ items: [QUEUED], nextCursor: null }),
      'POST /dispatch/api/assignments': () =>
        json(
          {
            statusCode: 422,
            code: 'ASSIGNMENT_INVALID_UNITS',
            message: '承办单位无效 (invalid units for this assignment)',
            details: [{ field: 'leadUnitId', reason: 'unknown or deactivated unit' }],
          },
          422,
        ),
    });
    const user = userEvent.setup();
    renderPage(<QueuePage />, DISPATCHER);
    await user.click(await screen.findByRole('button', { name: '交办 440106-20261123-000007' }));
    await pick(user, '主办单位', '广州市水务局');
    await user.click(screen.getByRole('button', { name: '确认交办' }));

    const reason = await screen.findByText('unknown or deactivated unit');
    expect(within(reason.closest('.ant-form-item') as HTMLElement).getByText('主办单位')).toBeInTheDocument();
    expect(screen.getByText('承办单位无效 (invalid units for this assignment)：请按提示修改')).toBeInTheDocument();
  });
});
