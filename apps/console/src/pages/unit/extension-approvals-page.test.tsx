import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { extensionRequest, UNIT_HEAD } from '../handling/handling-fixtures';
import { ExtensionApprovalsPage } from './extension-approvals-page';

const REQUEST_ID = '5c0e7b1a-9d2f-4e3b-8a1c-6f5d4e3c2b1a';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const listed = (over: Record<string, unknown> = {}) => ({
  ...extensionRequest({ id: REQUEST_ID }),
  trackingNo: '440106-20261102-000007',
  title: '小区雨水井堵塞积水',
  ...over,
});

function renderApprovals() {
  return renderPage(
    <MemoryRouter initialEntries={['/unit/approvals']}>
      <ExtensionApprovalsPage />
    </MemoryRouter>,
    UNIT_HEAD,
  );
}

describe('延期审批 (the unit head decides the unit’s extension requests)', () => {
  it('lists what waits, oldest first, and approves one with a note', async () => {
    let pending = [listed()];
    const requests = fakeApi({
      'GET /handling/api/extension-requests': () => json({ items: pending, nextCursor: null }),
      [`POST /handling/api/extension-requests/${REQUEST_ID}/approve`]: (req) => {
        pending = [];
        return json(
          extensionRequest({
            id: REQUEST_ID,
            status: 'approved',
            decisionNote: (req.body as { note?: string }).note ?? null,
            dueAfter: '2027-02-11T16:00:00.000Z',
          }),
        );
      },
    });
    const user = userEvent.setup();
    renderApprovals();

    const row = (await screen.findByText('440106-20261102-000007')).closest('tr') as HTMLElement;
    expect(within(row).getByText('小区雨水井堵塞积水')).toBeInTheDocument();
    expect(requests[0].query.get('status')).toBe('pending');
    await user.click(within(row).getByRole('button', { name: /^同\s*意$/ }));
    await user.type(await screen.findByLabelText('审批意见'), '同意延期二十日。');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^同\s*意$/ }));

    expect(await screen.findByText('已批准延期 20 日，新的办理期限 2027-02-12 00:00')).toBeInTheDocument();
    expect(await screen.findByText('没有待审批的延期申请。')).toBeInTheDocument();
    const approve = requests.find((r) => r.path.endsWith('/approve'));
    expect(approve?.body).toEqual({ note: '同意延期二十日。' });
    expect(approve?.headers.get('Idempotency-Key')).toMatch(UUID);
  });

  it('shows the API’s refusal in the dialog when the request was decided meanwhile', async () => {
    fakeApi({
      'GET /handling/api/extension-requests': () => json({ items: [listed()], nextCursor: null }),
      [`POST /handling/api/extension-requests/${REQUEST_ID}/deny`]: () =>
        json({ statusCode: 409, code: 'EXTENSION_ALREADY_DECIDED', message: '该延期申请已审批 (approved)', details: [] }, 409),
    });
    const user = userEvent.setup();
    renderApprovals();

    const row = (await screen.findByText('440106-20261102-000007')).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: '不同意' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: '不同意' }));
    expect(await screen.findByText('该延期申请已审批 (approved)')).toBeInTheDocument();
  });
});
