import { screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { inDays, UNIT_HEAD, workItem } from '../handling/handling-fixtures';
import { UnitOverviewPage } from './unit-overview-page';

describe('本单位办理情况 (the unit head’s overview)', () => {
  it('counts open items by deadline state from the inbox, page by page, and lists the longest overdue first', async () => {
    const requests = fakeApi({
      'GET /handling/api/work-items': (req) => {
        const state = req.query.get('state');
        if (state === 'on_track')
          return req.query.get('cursor')
            ? json({ items: [workItem({ id: 't3' })], nextCursor: null })
            : json({ items: [workItem({ id: 't1' }), workItem({ id: 't2' })], nextCursor: 'more' });
        if (state === 'warning')
          return json({ items: [workItem({ id: 'w1', deadlineState: 'warning', title: '垃圾清运' })], nextCursor: null });
        return json({
          items: [
            workItem({ id: 'o1', deadlineState: 'overdue', title: '路灯损坏', currentDue: inDays(-9.5) }),
            workItem({ id: 'o2', deadlineState: 'overdue', title: '井盖缺失', currentDue: inDays(-1.5) }),
          ],
          nextCursor: null,
        });
      },
    });
    renderPage(
      <MemoryRouter>
        <UnitOverviewPage />
      </MemoryRouter>,
      UNIT_HEAD,
    );

    expect(await screen.findByText('路灯损坏')).toBeInTheDocument();
    expect(within(screen.getByTestId('count-on_track')).getByText('3')).toBeInTheDocument();
    expect(within(screen.getByTestId('count-warning')).getByText('1')).toBeInTheDocument();
    expect(within(screen.getByTestId('count-overdue')).getByText('2')).toBeInTheDocument();
    expect(screen.getByText('超期 10 天')).toBeInTheDocument();
    const overdueRows = screen.getByText('路灯损坏').closest('tbody') as HTMLElement;
    expect(
      within(overdueRows)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([expect.stringContaining('路灯损坏'), expect.stringContaining('井盖缺失')]);
    expect(requests.map((r) => `${r.query.get('state')}:${r.query.get('cursor') ?? ''}`).sort()).toEqual([
      'on_track:',
      'on_track:more',
      'overdue:',
      'warning:',
    ]);
  });
});
