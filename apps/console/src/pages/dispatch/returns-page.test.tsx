import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { DIRECTORY_ROUTES, DISPATCHER, PETITION, TIANHE, WATER } from './test-fixtures';
import { ReturnsPage } from './returns-page';

const RETURN_ID = '5d1f0d8e-7b1a-4c55-9a55-1e2d3c4b5a01';

const REQUESTED = {
  id: RETURN_ID,
  assignmentId: 'a1',
  petitionId: PETITION,
  unitId: TIANHE,
  reason: '该路段排水设施属市水务局管养，非本单位职责',
  requestedBy: 'handler-1',
  requestedAt: '2026-11-24T10:00:00.000+08:00',
  status: 'requested',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
};

const ROUTES = {
  ...DIRECTORY_ROUTES,
  'GET /dispatch/api/returns': () => json({ items: [REQUESTED], nextCursor: null }),
  'GET /dispatch/api/assignments': () =>
    json({
      items: [
        {
          id: 'a1',
          petitionId: PETITION,
          trackingNo: '440106-20261123-000007',
          leadUnitId: TIANHE,
          coHandlerUnitIds: [],
          track: 'standard',
          nature: 'claim',
          title: '小区门口道路长期积水',
          categoryCode: 'URBAN.DRAINAGE',
          regionCode: '440106001',
          status: 'active',
        },
      ],
      nextCursor: null,
    }),
};

describe('退回审核 (returns)', () => {
  it('shows the unit’s reason, and confirms with a new lead unit', async () => {
    const requests = fakeApi({
      ...ROUTES,
      [`POST /dispatch/api/returns/${RETURN_ID}/confirm`]: () => json({ ...REQUESTED, status: 'confirmed' }),
    });
    const user = userEvent.setup();
    renderPage(<ReturnsPage />, DISPATCHER);

    const row = (await screen.findByText('440106-20261123-000007')).closest('tr') as HTMLElement;
    expect(within(row).getByText('该路段排水设施属市水务局管养，非本单位职责')).toBeInTheDocument();
    expect(await within(row).findByText('天河区人民政府')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: /确认退回/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByLabelText('指定新的主办单位'));
    await user.click(within(dialog).getByLabelText('主办单位'));
    // The unit that returned it is not offered again.
    const dropdown = await waitFor(() => {
      const d = document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
      if (!d) throw new Error('no dropdown');
      return d as HTMLElement;
    });
    expect(within(dropdown).queryByText('天河区人民政府')).not.toBeInTheDocument();
    await user.click(within(dropdown).getByText('广州市水务局'));
    await user.click(within(dialog).getByRole('button', { name: '确认退回' }));

    expect(await screen.findByText('没有待审核的退回申请')).toBeInTheDocument();
    expect(requests.find((r) => r.path.endsWith('/confirm'))?.body).toEqual({ leadUnitId: WATER, track: 'standard' });
  });

  it('rejects with a reason', async () => {
    const requests = fakeApi({
      ...ROUTES,
      [`POST /dispatch/api/returns/${RETURN_ID}/reject`]: () => json({ ...REQUESTED, status: 'rejected' }),
    });
    const user = userEvent.setup();
    renderPage(<ReturnsPage />, DISPATCHER);
    const row = (await screen.findByText('440106-20261123-000007')).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: /驳\s*回/ }));
    const dialog = await screen.findByRole('dialog');
    await user.click(screen.getByRole('button', { name: '确认驳回' }));
    expect(await within(dialog).findByText('请填写驳回理由')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText('驳回理由'), '经核实属本单位职责，请依法受理');
    await user.click(screen.getByRole('button', { name: '确认驳回' }));

    expect(await screen.findByText('没有待审核的退回申请')).toBeInTheDocument();
    expect(requests.find((r) => r.path.endsWith('/reject'))?.body).toEqual({ note: '经核实属本单位职责，请依法受理' });
  });
});
