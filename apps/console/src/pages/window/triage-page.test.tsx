import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeApi, json, REFERENCE_ROUTES, registrationView, type RecordedRequest } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { TriagePage } from './triage-page';

const HELD = registrationView({
  id: '0d6f3b55-8a55-4d44-b6a4-2f7f6c0a0001',
  trackingNo: '440106-20261123-000009',
  channel: 'online',
  source: 'online',
  status: 'registered',
  title: '外省企业欠薪',
  content: '外省某企业拖欠工资三个月。',
  categoryCode: 'URBAN.DRAINAGE',
});

const NOTICE_OWED = registrationView({
  id: '0d6f3b55-8a55-4d44-b6a4-2f7f6c0a0002',
  trackingNo: '440106-20261120-000003',
  channel: 'letter',
  status: 'ended',
  title: '要求撤销法院判决',
  triage: {
    outcome: 'inform',
    target: '向人民法院提起诉讼：广州市天河区人民法院',
    note: null,
    relatedPetitionId: null,
    by: 'clerk-1',
    at: '2026-11-21T10:00:00.000+08:00',
  },
  writtenNotice: { due: '2026-12-06T00:00:00.000+08:00', givenAt: null, method: null },
});

/** `GET /intake/api/petitions`: the held ones, or with `noticePending=true` the notices owed. */
function petitionLists(notices: unknown[]) {
  return (req: RecordedRequest) =>
    req.query.get('noticePending') === 'true'
      ? json({ items: notices, nextCursor: null })
      : json({ items: req.query.get('status') === 'registered' ? [HELD] : [], nextCursor: null });
}

describe('待分流 (triage)', () => {
  it('lists the held petitions; forwarding posts the authority and shows the API’s reason under its field', async () => {
    let attempt = 0;
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'GET /intake/api/petitions': petitionLists([]),
      [`POST /intake/api/petitions/${HELD.id}/triage`]: () => {
        attempt++;
        if (attempt === 1)
          return json(
            {
              statusCode: 400,
              code: 'VALIDATION_FAILED',
              message: '输入有误 (validation failed)',
              details: [{ field: 'authority', reason: 'authority must be longer than or equal to 2 characters' }],
            },
            400,
          );
        return json({
          ...HELD,
          status: 'ended',
          triage: { outcome: 'forward', target: '某省人力资源和社会保障厅', note: null, relatedPetitionId: null, by: 'clerk-1', at: null },
          writtenNotice: { due: '2026-12-08T00:00:00.000+08:00', givenAt: null, method: null },
        });
      },
    });
    const user = userEvent.setup();
    renderPage(<TriagePage />);

    const row = (await screen.findByText('440106-20261123-000009')).closest('tr') as HTMLElement;
    expect(within(row).getByText('网上信访 · 网上提交')).toBeInTheDocument();
    expect(requests.find((r) => r.path === '/intake/api/petitions')?.query.get('status')).toBe('registered');

    await user.click(within(row).getByRole('button', { name: '分流 440106-20261123-000009' }));
    const dialog = await screen.findByRole('dialog');
    // A letter or online petition cannot be answered on the spot.
    expect(within(dialog).getByLabelText(/当场答复/)).toBeDisabled();
    await user.click(within(dialog).getByLabelText('转送：属其他机关职权范围'));
    await user.click(screen.getByRole('button', { name: '确定分流' }));
    expect(await within(dialog).findByText('请填写有权处理的机关')).toBeInTheDocument();

    await user.type(within(dialog).getByLabelText('转送机关'), '某省人力资源和社会保障厅');
    await user.click(screen.getByRole('button', { name: '确定分流' }));

    const reason = await within(dialog).findByText('authority must be longer than or equal to 2 characters');
    expect(within(reason.closest('.ant-form-item') as HTMLElement).getByText('转送机关')).toBeInTheDocument();
    expect(within(dialog).getByText('请按提示修改后重新提交')).toBeInTheDocument();
    const posts = requests.filter((r) => r.path === `/intake/api/petitions/${HELD.id}/triage`);
    expect(posts[0].body).toEqual({ outcome: 'forward', authority: '某省人力资源和社会保障厅' });

    // The same decision sent again keeps its Idempotency-Key; this time it is taken.
    await user.click(screen.getByRole('button', { name: '确定分流' }));
    expect(await screen.findByText('暂无待分流的信访件，网上提交和暂缓分流的信访件会出现在这里')).toBeInTheDocument();
    const [first, second] = requests.filter((r) => r.path === `/intake/api/petitions/${HELD.id}/triage`);
    expect(second.headers.get('Idempotency-Key')).toBe(first.headers.get('Idempotency-Key'));
    expect(await screen.findByText(/已分流，请在 2026-12-07 前送达书面告知/)).toBeInTheDocument();
  });

  it('informs with the proper channel', async () => {
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'GET /intake/api/petitions': petitionLists([]),
      [`POST /intake/api/petitions/${HELD.id}/triage`]: () => json({ ...HELD, status: 'ended' }),
    });
    const user = userEvent.setup();
    renderPage(<TriagePage />);
    await user.click(await screen.findByRole('button', { name: '分流 440106-20261123-000009' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('告知：应通过诉讼、仲裁、复议等法定途径解决'));
    await user.click(within(dialog).getByLabelText('法定途径'));
    await user.click(await screen.findByText('申请劳动人事争议仲裁'));
    await user.type(within(dialog).getByLabelText('受理机关（可选）'), '天河区劳动人事争议仲裁委员会');
    await user.click(screen.getByRole('button', { name: '确定分流' }));

    await waitFor(() => expect(requests.filter((r) => r.path.endsWith('/triage'))).toHaveLength(1));
    expect(requests.find((r) => r.path.endsWith('/triage'))?.body).toEqual({
      outcome: 'inform',
      properChannel: 'labor_arbitration',
      authority: '天河区劳动人事争议仲裁委员会',
    });
  });

  it('lists the written notices owed with their last day, offers the notice to download, and records one', async () => {
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'GET /intake/api/petitions': petitionLists([NOTICE_OWED]),
      [`POST /intake/api/petitions/${NOTICE_OWED.id}/written-notice`]: () =>
        json({
          ...NOTICE_OWED,
          writtenNotice: { due: '2026-12-06T00:00:00.000+08:00', givenAt: '2026-11-23T10:00:00+08:00', method: 'in_person' },
        }),
    });
    const user = userEvent.setup();
    renderPage(<TriagePage />);

    await user.click(screen.getByRole('tab', { name: '待书面告知' }));
    const row = (await screen.findByText('440106-20261120-000003')).closest('tr') as HTMLElement;
    expect(within(row).getByText('告知（引导通过法定途径）：向人民法院提起诉讼：广州市天河区人民法院')).toBeInTheDocument();
    expect(within(row).getByText('2026-12-05')).toBeInTheDocument();
    expect(within(row).getByRole('button', { name: /下载告知书/ })).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: '记录送达 440106-20261120-000003' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('当面送达'));
    await user.click(screen.getByRole('button', { name: '记录送达' }));

    expect(await screen.findByText('没有待送达的书面告知，不予受理的决定都已告知信访人')).toBeInTheDocument();
    const post = requests.find((r) => r.path === `/intake/api/petitions/${NOTICE_OWED.id}/written-notice`);
    expect(post?.body).toEqual({ method: 'in_person' });
    expect(post?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('downloads the notice the decision owes, as a .docx with the reason logged', async () => {
    const requests = fakeApi({ ...REFERENCE_ROUTES, 'GET /intake/api/petitions': petitionLists([NOTICE_OWED]) });
    // The document route answers bytes, not JSON.
    const recorded = globalThis.fetch;
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = input instanceof Request ? input : new Request(String(input), init);
      if (new URL(request.url).pathname.includes('/documents/')) {
        await recorded(request.clone());
        return new Response('PK', {
          status: 200,
          headers: {
            'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
            'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent('告知书-440106-20261120-000003.docx')}`,
          },
        });
      }
      return recorded(request);
    };
    const saved: string[] = [];
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:notice'), revokeObjectURL: vi.fn() });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    const user = userEvent.setup();
    renderPage(<TriagePage />);
    await user.click(screen.getByRole('tab', { name: '待书面告知' }));
    await user.click(await screen.findByRole('button', { name: /下载告知书/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('下载用途')).toHaveValue('送达信访人');
    await user.click(within(dialog).getByRole('button', { name: /下\s*载/ }));

    expect(await screen.findByText('已下载 告知书-440106-20261120-000003.docx')).toBeInTheDocument();
    const download = requests.find((r) => r.path.includes('/documents/'));
    expect(download?.path).toBe(`/intake/api/petitions/${NOTICE_OWED.id}/documents/inform_notice`);
    expect(download?.query.get('reason')).toBe('送达信访人');
    expect(download?.headers.get('Authorization')).toBe('Bearer test-token');
    expect(saved).toEqual(['告知书-440106-20261120-000003.docx']);
    click.mockRestore();
    Object.assign(URL, { createObjectURL: undefined, revokeObjectURL: undefined });
  });
});
