import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, REFERENCE_ROUTES } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { LookupPage } from './lookup-page';

const HISTORY = {
  matchedBy: 'id_number',
  nameMasked: '张*',
  truncated: false,
  petitions: [
    {
      id: 'p2',
      trackingNo: '440106-20261120-000004',
      title: '小区门口道路长期积水',
      channel: 'visit',
      categoryCode: 'URBAN.DRAINAGE',
      regionCode: '440106001',
      status: 'closed',
      open: false,
      triageOutcome: 'dispatch',
      replyOutcome: 'support',
      relatedTrackingNo: null,
      openWindow: { kind: 'review', until: '2027-01-08T00:00:00.000+08:00' },
      registeredAt: '2026-11-20T09:00:00.000+08:00',
    },
    {
      id: 'p1',
      trackingNo: '440106-20261101-000002',
      title: '外省企业欠薪',
      channel: 'letter',
      categoryCode: 'LABOR.WAGES',
      regionCode: '440106001',
      status: 'ended',
      open: false,
      triageOutcome: 'forward',
      replyOutcome: null,
      relatedTrackingNo: null,
      openWindow: null,
      registeredAt: '2026-11-01T09:00:00.000+08:00',
    },
  ],
};

const search = () => screen.getByRole('button', { name: /查\s*询/ });

describe('信访人查询 (petitioner lookup)', () => {
  it('refuses two identities at once, with the reason under each, and asks nothing of the API', async () => {
    const requests = fakeApi(REFERENCE_ROUTES);
    const user = userEvent.setup();
    renderPage(<LookupPage />);

    expect(screen.getByText('每次查询均留痕')).toBeInTheDocument();
    await user.type(screen.getByLabelText('身份证号'), '440106199001011234');
    await user.type(screen.getByLabelText('联系电话'), '13812345678');
    await user.type(screen.getByLabelText('查询事由'), '来访人询问办理情况');
    await user.click(search());

    const reasons = await screen.findAllByText('只能按一种方式查询：身份证号、联系电话或姓名加地区，请清空其余各项');
    expect(reasons).toHaveLength(2);
    expect(within(reasons[0].closest('.ant-form-item') as HTMLElement).getByText('身份证号')).toBeInTheDocument();
    expect(within(reasons[1].closest('.ant-form-item') as HTMLElement).getByText('联系电话')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/intake/api/petitioners/lookup')).toEqual([]);
  });

  it('asks for a reason', async () => {
    const requests = fakeApi(REFERENCE_ROUTES);
    const user = userEvent.setup();
    renderPage(<LookupPage />);
    await user.type(screen.getByLabelText('联系电话'), '13812345678');
    await user.click(search());
    expect(await screen.findByText('请填写查询事由（记入查询日志）')).toBeInTheDocument();
    expect(requests.filter((r) => r.path === '/intake/api/petitioners/lookup')).toEqual([]);
  });

  it('looks up by one identity and shows the person’s petitions with status, outcome and open review window', async () => {
    const requests = fakeApi({ ...REFERENCE_ROUTES, 'POST /intake/api/petitioners/lookup': () => json(HISTORY) });
    const user = userEvent.setup();
    renderPage(<LookupPage />);

    await user.type(screen.getByLabelText('身份证号'), '44010619900101123x');
    await user.type(screen.getByLabelText('查询事由'), '来访人询问其此前反映事项的办理情况');
    await user.click(search());

    expect(await screen.findByText('440106-20261120-000004')).toBeInTheDocument();
    const lookup = requests.find((r) => r.path === '/intake/api/petitioners/lookup');
    expect(lookup?.body).toEqual({ idNumber: '44010619900101123X', reason: '来访人询问其此前反映事项的办理情况' });
    const first = screen.getByText('小区门口道路长期积水').closest('tr') as HTMLElement;
    expect(within(first).getByText('来访')).toBeInTheDocument();
    expect(within(first).getByText('已办结')).toBeInTheDocument();
    expect(within(first).getByText('予以支持')).toBeInTheDocument();
    expect(within(first).getByText('复查，最后一日 2027-01-07')).toBeInTheDocument();
    const second = screen.getByText('外省企业欠薪').closest('tr') as HTMLElement;
    expect(within(second).getByText('来信')).toBeInTheDocument();
    expect(within(second).getByText('已处理完毕')).toBeInTheDocument();
    expect(within(second).getByText('转送有权处理机关')).toBeInTheDocument();
    expect(screen.getByText('按身份证号匹配')).toBeInTheDocument();
  });

  it('puts the API’s reasons under their fields', async () => {
    fakeApi({
      ...REFERENCE_ROUTES,
      'POST /intake/api/petitioners/lookup': () =>
        json(
          {
            statusCode: 400,
            code: 'VALIDATION_FAILED',
            message: '输入有误 (validation failed)',
            details: [{ field: 'phone', reason: 'phone must be a mainland mobile or landline number' }],
          },
          400,
        ),
    });
    const user = userEvent.setup();
    renderPage(<LookupPage />);
    await user.type(screen.getByLabelText('联系电话'), '13812345678');
    await user.type(screen.getByLabelText('查询事由'), '核实来访人身份');
    await user.click(search());

    const reason = await screen.findByText('phone must be a mainland mobile or landline number');
    expect(within(reason.closest('.ant-form-item') as HTMLElement).getByText('联系电话')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText('请按提示修改后重新查询')).toBeInTheDocument());
  });
});
