import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { fakeApi, json } from '../../test/fake-api';
import { renderPage } from '../../test/render';
import { HANDLER, inDays, workItem } from './handling-fixtures';
import { InboxPage } from './inbox-page';

const rowOf = (text: string) => screen.getByText(text).closest('tr') as HTMLElement;

function renderInbox() {
  return renderPage(
    <MemoryRouter initialEntries={['/handling/inbox']}>
      <Routes>
        <Route path="/handling/inbox" element={<InboxPage />} />
        <Route path="/handling/items/:id" element={<p>事项页 opened</p>} />
      </Routes>
    </MemoryRouter>,
    HANDLER,
  );
}

describe('待办事项 (the unit inbox)', () => {
  it('shows each item with its role, status, deadline in force and a coloured deadline tag, and loads the next page with the cursor', async () => {
    const requests = fakeApi({
      'GET /handling/api/work-items': (req) =>
        req.query.get('cursor') === 'page-2'
          ? json({
              items: [workItem({ id: 'c3', trackingNo: '440106-20261120-000009', title: '夜间施工噪音', currentDue: inDays(40) })],
              nextCursor: null,
            })
          : json({
              items: [
                workItem({
                  id: 'c1',
                  trackingNo: '440106-20261101-000001',
                  title: '路灯损坏',
                  status: 'accepted',
                  deadlineState: 'overdue',
                  currentDue: inDays(-2.5),
                }),
                workItem({
                  id: 'c2',
                  trackingNo: '440106-20261110-000002',
                  title: '垃圾清运不及时',
                  role: 'co_handler',
                  deadlineState: 'warning',
                  currentDue: '2026-11-30T16:00:00.000Z',
                }),
              ],
              nextCursor: 'page-2',
            }),
    });
    const user = userEvent.setup();
    renderInbox();

    const overdue = await screen.findByText('路灯损坏');
    expect(within(rowOf('路灯损坏')).getByText('超期').closest('.ant-tag')).toHaveClass('ant-tag-red');
    expect(within(rowOf('路灯损坏')).getByText('超期 3 天')).toBeInTheDocument();
    expect(within(rowOf('路灯损坏')).getByText('主办')).toBeInTheDocument();
    expect(within(rowOf('路灯损坏')).getByText('办理中')).toBeInTheDocument();
    expect(overdue).toBeInTheDocument();

    const warning = rowOf('垃圾清运不及时');
    expect(within(warning).getByText('预警').closest('.ant-tag')).toHaveClass('ant-tag-orange');
    expect(within(warning).getByText('协办')).toBeInTheDocument();
    // A co-handler does not accept: it waits for the lead's acceptance.
    expect(within(warning).getByText('待主办单位受理')).toBeInTheDocument();
    // 16:00 UTC is midnight in the city.
    expect(within(warning).getByText('2026-12-01 00:00')).toBeInTheDocument();

    expect(requests[0].query.get('cursor')).toBeNull();
    expect(requests[0].headers.get('Authorization')).toBe('Bearer test-token');

    await user.click(screen.getByRole('button', { name: '加载更多' }));
    const third = await screen.findByText('夜间施工噪音');
    expect(
      within(third.closest('tr') as HTMLElement)
        .getByText('正常')
        .closest('.ant-tag'),
    ).toHaveClass('ant-tag-green');
    expect(requests.filter((r) => r.path === '/handling/api/work-items').map((r) => r.query.get('cursor'))).toEqual([null, 'page-2']);
    // Earlier rows stay; the last page has no cursor, so no more button.
    expect(screen.getByText('路灯损坏')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
    expect(screen.getByText('已显示全部 3 件')).toBeInTheDocument();

    await user.click(screen.getByText('夜间施工噪音'));
    expect(await screen.findByText('事项页 opened')).toBeInTheDocument();
  });

  it('filters by deadline state through the API, and says so when nothing matches', async () => {
    const requests = fakeApi({
      'GET /handling/api/work-items': (req) =>
        json({ items: req.query.get('state') ? [] : [workItem({ title: '路灯损坏' })], nextCursor: null }),
    });
    const user = userEvent.setup();
    renderInbox();
    expect(await screen.findByText('路灯损坏')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: '期限状态' }));
    await user.click(await screen.findByTitle('超期'));

    expect(await screen.findByText('没有符合筛选条件的事项，可调整或清除筛选条件。')).toBeInTheDocument();
    await waitFor(() => expect(requests.at(-1)?.query.get('state')).toBe('overdue'));
  });

  it('searches by number or title words and narrows to emergencies through the API, marking them 紧急', async () => {
    const requests = fakeApi({
      'GET /handling/api/work-items': (req) =>
        json({
          items:
            req.query.get('emergency') === 'true'
              ? [workItem({ id: 'e1', title: '地下通道积水有人被困', emergency: true })]
              : req.query.get('q')
                ? [workItem({ id: 's1', title: '路灯损坏' })]
                : [workItem({ id: 'e1', title: '地下通道积水有人被困', emergency: true }), workItem({ id: 'p1', title: '路灯损坏' })],
          nextCursor: null,
        }),
    });
    const user = userEvent.setup();
    renderInbox();
    const urgent = await screen.findByText('地下通道积水有人被困');
    expect(
      within(urgent.closest('tr') as HTMLElement)
        .getByText('紧急')
        .closest('.ant-tag'),
    ).toHaveClass('ant-tag-red');
    expect(within(rowOf('路灯损坏')).queryByText('紧急')).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: '搜索编号或标题' }), ' 路灯 {Enter}');
    await waitFor(() => expect(requests.at(-1)?.query.get('q')).toBe('路灯'));
    await waitFor(() => expect(screen.queryByText('地下通道积水有人被困')).not.toBeInTheDocument());

    await user.click(screen.getByRole('checkbox', { name: '仅看紧急' }));
    await waitFor(() => expect(requests.at(-1)?.query.get('emergency')).toBe('true'));
    expect(requests.at(-1)?.query.get('q')).toBe('路灯');
  });

  it('shows the API’s message when the inbox cannot be loaded', async () => {
    fakeApi({
      'GET /handling/api/work-items': () =>
        json({ statusCode: 403, code: 'WORK_ITEM_NO_UNIT', message: '账号未关联承办单位', details: [] }, 403),
    });
    renderInbox();
    expect(await screen.findByText('加载待办事项失败：账号未关联承办单位')).toBeInTheDocument();
  });
});
