import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json, REFERENCE_ROUTES, registrationView } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { RegistrationWorkspace } from './registration-workspace';
import { RegisterPetitionPage } from './register-petition-page';

const TODAY = registrationView({ trackingNo: '440106-20261123-000005', status: 'accepted', title: '路灯不亮' });
const COLLEAGUE = registrationView({ id: 'other', trackingNo: '440106-20261123-000006', title: '同事登记的一件', registeredBy: 'clerk-2' });

describe('今日登记 (today’s registrations beside the form)', () => {
  it('lists today’s registrations, the clerk’s own or the whole window’s, with their status, and the documents each can have', async () => {
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'GET /intake/api/petitions': (req) =>
        json({ items: req.query.get('registeredBy') === 'me' ? [TODAY] : [TODAY, COLLEAGUE], nextCursor: null }),
      [`GET /intake/api/petitions/${TODAY.id}/documents`]: () =>
        json([
          { kind: 'acceptance_notice', title: '受理告知书', subject: 'accepted', issuedAt: null, templateVersion: null, sha256: null },
        ]),
    });
    const user = userEvent.setup();
    renderPage(<RegistrationWorkspace />);

    const panel = await screen.findByTestId('today-registrations');
    expect(await within(panel).findByText('440106-20261123-000005')).toBeInTheDocument();
    expect(within(panel).getByText('承办单位已受理')).toBeInTheDocument();
    expect(within(panel).queryByText('同事登记的一件')).not.toBeInTheDocument();
    const list = requests.find((r) => r.path === '/intake/api/petitions' && r.method === 'GET');
    expect(list?.query.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00\+08:00$/);
    expect(list?.query.get('source')).toBe('staff');
    expect(list?.query.get('registeredBy')).toBe('me');

    await user.click(within(panel).getByText('全部窗口'));
    expect(await within(panel).findByText('同事登记的一件')).toBeInTheDocument();
    expect(
      requests
        .filter((r) => r.path === '/intake/api/petitions')
        .at(-1)
        ?.query.get('registeredBy'),
    ).toBeNull();

    await user.click(within(within(panel).getByText('路灯不亮').closest('li') as HTMLElement).getByRole('button', { name: /文\s*书/ }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText('受理告知书')).toBeInTheDocument();
    expect(within(dialog).getByText('尚未出具，首次下载时出具')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: /下\s*载/ })).toBeInTheDocument();
  });

  it('says so when there is none yet', async () => {
    fakeApi({ ...REFERENCE_ROUTES, 'GET /intake/api/petitions': () => json({ items: [], nextCursor: null }) });
    renderPage(<RegistrationWorkspace />);
    expect(await screen.findByText('今天还没有登记的信访件')).toBeInTheDocument();
  });
});

describe('当场答复 (answer on the spot at registration)', () => {
  it('sends the route and the answer, and shows the answer once saved', async () => {
    const answer = '路灯由街道城管科负责维修，报修电话020-12345678。';
    const requests = fakeApi({
      ...REFERENCE_ROUTES,
      'POST /intake/api/petitions/preview': () =>
        json({ outcome: 'answer_on_the_spot', repeat: null, openMatters: [], emergencySignals: [], warnings: [] }),
      'POST /intake/api/petitions': () => json(registrationView({ status: 'ended', answer }), 201),
    });
    const user = userEvent.setup();
    renderPage(<RegisterPetitionPage initialValues={{ categoryCode: 'URBAN.DRAINAGE', regionCode: '440106001' }} />);
    await user.type(screen.getByLabelText('姓名'), '张三');
    await user.type(screen.getByLabelText('标题'), '咨询路灯报修');
    await user.type(screen.getByLabelText('信访内容'), '路灯坏了找谁修？');
    await user.click(screen.getByLabelText('当场答复'));
    await user.click(screen.getByRole('button', { name: '预检并登记' }));
    expect(await screen.findByText('请填写当场答复的内容')).toBeInTheDocument();

    await user.type(screen.getByLabelText('答复内容'), answer);
    await user.click(screen.getByRole('button', { name: '预检并登记' }));

    expect(await screen.findByText('登记成功')).toBeInTheDocument();
    await waitFor(() => expect(requests.filter((r) => r.path === '/intake/api/petitions')).toHaveLength(1));
    expect(requests.find((r) => r.path === '/intake/api/petitions')?.body).toMatchObject({ route: 'answer_on_the_spot', answer });
    expect(screen.getByText(answer)).toBeInTheDocument();
    expect(screen.getByText('已处理完毕')).toBeInTheDocument();
  });
});
