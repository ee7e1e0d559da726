import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, REFERENCE_ROUTES, type Routes as ApiRoutes } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { acceptedDetail, extensionRequest, HANDLER, ITEM_ID, workItemDetail } from './handling-fixtures';
import type { WorkItemDetail } from './handling-api';
import { WorkItemPage } from './work-item-page';

const ITEM_PATH = `/handling/api/work-items/${ITEM_ID}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The work item page; `detail()` answers each load, so a test changes what the next reload sees. */
function openItem(detail: () => WorkItemDetail, routes: ApiRoutes = {}) {
  const requests = fakeApi({ ...REFERENCE_ROUTES, [`GET ${ITEM_PATH}`]: () => json(detail()), ...routes });
  renderPage(
    <MemoryRouter initialEntries={[`/handling/items/${ITEM_ID}`]}>
      <Routes>
        <Route path="/handling/items/:id" element={<WorkItemPage />} />
      </Routes>
    </MemoryRouter>,
    HANDLER,
  );
  return { requests, user: userEvent.setup() };
}

// antd spaces a two-character Chinese label: 受 理.
const ACCEPT = /^受\s?理$/;
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;
const dialog = (name: string) => screen.findByRole('dialog', { name });

describe('办理 (a work item)', () => {
  it('accepts, then the reply form asks for what is missing and puts an API 400’s reason under its field', async () => {
    let current = workItemDetail();
    const { requests, user } = openItem(() => current, {
      [`POST ${ITEM_PATH}/accept`]: () => {
        current = acceptedDetail();
        return json(current);
      },
      [`POST ${ITEM_PATH}/reply`]: () =>
        json(
          {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: '输入有误 (validation failed)',
            details: [{ field: 'legalBasis', reason: 'legalBasis must be shorter than or equal to 5000 characters' }],
          },
          400,
        ),
    });

    expect(await screen.findByRole('heading', { name: '小区门口道路长期积水' })).toBeInTheDocument();
    expect(screen.getByTestId('work-item-status')).toHaveTextContent('待受理');
    // The directory's names, not the codes.
    expect(await screen.findByText('城市排水 / 五山街道')).toBeInTheDocument();
    // Before acceptance there is nothing to reply to.
    expect(screen.queryByRole('button', { name: '出具处理意见书' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: ACCEPT }));
    await user.click(await screen.findByRole('button', { name: '确认受理' }));

    expect(await screen.findByText('已受理，办理期限开始计算')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('work-item-status')).toHaveTextContent('办理中'));
    const accept = requests.find((r) => r.path === `${ITEM_PATH}/accept`);
    expect(accept?.method).toBe('POST');
    expect(accept?.headers.get('Idempotency-Key')).toMatch(UUID);
    expect(screen.queryByRole('button', { name: ACCEPT })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '出具处理意见书' }));
    const modal = await dialog('出具处理意见书');
    await user.click(within(modal).getByRole('button', { name: '提交处理意见书' }));
    expect(await within(modal).findByText('请选择处理结果')).toBeInTheDocument();
    expect(within(modal).getByText('请填写查明事实')).toBeInTheDocument();
    expect(within(modal).getByText('请填写处理意见')).toBeInTheDocument();
    expect(within(modal).getByText('请填写法律政策依据')).toBeInTheDocument();
    expect(within(modal).getByText('请填写处理意见书正文')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === `${ITEM_PATH}/reply`)).toEqual([]);

    await user.click(within(modal).getByText('予以支持'));
    await user.type(within(modal).getByLabelText('查明事实'), '经现场核查，排水管道堵塞属实。');
    await user.type(within(modal).getByLabelText('处理意见'), '已安排疏通。');
    await user.type(within(modal).getByLabelText('法律政策依据'), '《城镇排水与污水处理条例》第二十条');
    await user.type(within(modal).getByLabelText('处理意见书正文'), '您反映的积水问题已处理。');
    await user.click(within(modal).getByRole('button', { name: '提交处理意见书' }));

    const reason = await within(modal).findByText('legalBasis must be shorter than or equal to 5000 characters');
    expect(reason.closest('.ant-form-item')).toBe(fieldOf('法律政策依据'));
    expect(within(modal).getByText('请按提示修改后重新提交')).toBeInTheDocument();
    const reply = requests.find((r) => r.path === `${ITEM_PATH}/reply`);
    expect(reply?.body).toEqual({
      outcome: 'support',
      facts: '经现场核查，排水管道堵塞属实。',
      decision: '已安排疏通。',
      legalBasis: '《城镇排水与污水处理条例》第二十条',
      text: '您反映的积水问题已处理。',
      attachments: [],
    });
    expect(reply?.headers.get('Idempotency-Key')).toMatch(UUID);
  });

  it('asks for an extension and gives the request number for the unit head', async () => {
    let current = acceptedDetail();
    const { requests, user } = openItem(() => current, {
      [`POST ${ITEM_PATH}/extension-requests`]: (req) => {
        const body = req.body as { days: number; reason: string };
        current = acceptedDetail({ notes: [] });
        return json(extensionRequest({ days: body.days, reason: body.reason }), 201);
      },
    });

    await user.click(await screen.findByRole('button', { name: '申请延期' }));
    const modal = await dialog('申请延期');
    await user.click(within(modal).getByRole('button', { name: '提交申请' }));
    expect(await within(modal).findByText('请填写延期天数')).toBeInTheDocument();
    expect(within(modal).getByText('请填写延期理由')).toBeInTheDocument();

    await user.type(within(modal).getByLabelText('延期天数'), '20');
    await user.type(within(modal).getByLabelText('延期理由'), '需等待第三方检测报告');
    await user.click(within(modal).getByRole('button', { name: '提交申请' }));

    expect(await screen.findByText('延期申请已提交，待单位负责人审批')).toBeInTheDocument();
    expect(await screen.findByText('延期 20 日的申请已提交，待单位负责人审批')).toBeInTheDocument();
    expect(screen.getByText('5c0e7b1a-9d2f-4e3b-8a1c-6f5d4e3c2b1a')).toBeInTheDocument();
    const request = requests.find((r) => r.path === `${ITEM_PATH}/extension-requests`);
    expect(request?.body).toEqual({ days: 20, reason: '需等待第三方检测报告' });
    expect(request?.headers.get('Idempotency-Key')).toMatch(UUID);
    // The detail is read again after the write.
    await waitFor(() => expect(requests.filter((r) => r.method === 'GET' && r.path === ITEM_PATH)).toHaveLength(2));
  });

  it('shows the API’s refusal of an extension in the form', async () => {
    const { user } = openItem(() => acceptedDetail(), {
      [`POST ${ITEM_PATH}/extension-requests`]: () =>
        json(
          { statusCode: 409, code: 'EXTENSION_NOT_ALLOWED', message: '已有待审批的延期申请 (a request is already waiting)', details: [] },
          409,
        ),
    });
    await user.click(await screen.findByRole('button', { name: '申请延期' }));
    const modal = await dialog('申请延期');
    await user.type(within(modal).getByLabelText('延期天数'), '10');
    await user.type(within(modal).getByLabelText('延期理由'), '需补充材料');
    await user.click(within(modal).getByRole('button', { name: '提交申请' }));
    expect(await within(modal).findByText('已有待审批的延期申请 (a request is already waiting)')).toBeInTheDocument();
  });

  it('reads the whole petition once the reason is given', async () => {
    const { requests, user } = openItem(() => acceptedDetail(), {
      [`GET ${ITEM_PATH}/case-file`]: () =>
        json({
          petitionId: '7f1c2f9e-2c7e-4d7e-9d38-0d7c9a1e5b11',
          trackingNo: '440106-20261123-000001',
          channel: 'visit',
          nature: 'claim',
          title: '小区门口道路长期积水',
          content: '每逢下雨积水严重，请求疏通排水管道。',
          categoryCode: 'URBAN.DRAINAGE',
          regionCode: '440106001',
          receivedAt: '2026-11-23T01:05:00.000Z',
          registeredAt: '2026-11-23T01:05:00.000Z',
          petitionerNameMasked: '张*',
          headcount: 6,
          representatives: [{ name: '李*', phone: '138****0000' }],
          emergency: true,
          emergencySignals: ['mass_gathering'],
          attachments: [
            {
              id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
              fileName: '现场照片.jpg',
              contentType: 'image/jpeg',
              sizeBytes: 20480,
              sha256: 'a'.repeat(64),
              createdAt: '2026-11-23T01:05:00.000Z',
            },
          ],
          linked: [
            {
              petitionId: '1a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d',
              trackingNo: '440106-20261002-000007',
              relation: 'original',
              registeredAt: '2026-10-02T01:00:00.000Z',
              status: 'closed',
              triageOutcome: null,
            },
          ],
        }),
      [`GET ${ITEM_PATH}/case-file/attachments/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d`]: () => json('bytes'),
    });

    await user.click(await screen.findByRole('button', { name: /阅读全文/ }));
    const modal = await dialog('阅读信访事项全文');
    expect(within(modal).getByLabelText('查阅事由')).toHaveValue('办理需要阅读信访事项全文');
    await user.click(within(modal).getByRole('button', { name: '确认阅读' }));

    expect(await screen.findByTestId('case-file-content')).toHaveTextContent('每逢下雨积水严重，请求疏通排水管道。');
    expect(screen.getByText('李*（138****0000）')).toBeInTheDocument();
    expect(screen.getByText('群体聚集')).toBeInTheDocument();
    expect(screen.getByText('440106-20261002-000007')).toBeInTheDocument();
    expect(requests.find((r) => r.path === `${ITEM_PATH}/case-file`)?.query.get('reason')).toBe('办理需要阅读信访事项全文');

    await user.click(within(screen.getByText('现场照片.jpg').closest('li') as HTMLElement).getByRole('button', { name: /下\s?载/ }));
    await waitFor(() => {
      const download = requests.find((r) => r.path.includes('/case-file/attachments/'));
      expect(download?.query.get('reason')).toBe('办理需要阅读信访事项全文');
      expect(download?.headers.get('Authorization')).toBe('Bearer test-token');
    });
  });

  it('shows a co-handler only its own part: 协办意见, no acceptance or reply', async () => {
    openItem(() => workItemDetail({ role: 'co_handler' }));
    expect(await screen.findByRole('button', { name: '协办意见' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: ACCEPT })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '出具处理意见书' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '申请退回' })).not.toBeInTheDocument();
  });

  it('shows the review’s reason for rework with the reply form again', async () => {
    const { user } = openItem(() =>
      acceptedDetail({ replyCount: 1, reworkReason: '事实认定不清，请补充现场核查情况', reworkDue: '2026-12-20T16:00:00.000Z' }),
    );
    expect(await screen.findByText('退回理由：事实认定不清，请补充现场核查情况')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '重新出具处理意见书' }));
    const modal = await dialog('重新出具处理意见书');
    expect(within(modal).getByText('退回理由：事实认定不清，请补充现场核查情况')).toBeInTheDocument();
    expect(within(modal).getByText(/重办期限 2026-12-21 00:00/)).toBeInTheDocument();
  });
});
