import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ConsoleApp } from './app';
import { AuthSession } from './auth/auth-session';
import { DevAuthProvider, type DevUser } from './auth/dev-auth-provider';
import { fakeApi, json, REFERENCE_ROUTES, type Routes } from './test/fake-api';

const USERS: DevUser[] = [
  { id: 'clerk', label: '窗口登记员 李明', roles: ['clerk'], unitId: null, unitName: null },
  { id: 'dispatcher', label: '分办员 王芳', roles: ['dispatcher'], unitId: null, unitName: null },
  { id: 'tianhe-handler', label: '经办人 陈静', roles: ['handler'], unitId: 'u-tianhe', unitName: '天河区人民政府' },
];

const DEV_AUTH: Routes = {
  'GET /auth/dev/users': () => json(USERS),
  'POST /auth/dev/token': (req) =>
    json({ token: `token-of-${(req.body as { userId: string }).userId}`, expiresAt: '2026-11-23T10:00:00+08:00' }),
};

function start(path: string, routes: Routes = {}) {
  const requests = fakeApi({ ...DEV_AUTH, ...REFERENCE_ROUTES, ...routes });
  const session = new AuthSession(new DevAuthProvider());
  render(<ConsoleApp session={session} initialPath={path} />);
  return { requests, session, user: userEvent.setup() };
}

describe('the console', () => {
  it('sends a visitor to /signin, lists the demo users, and signs in to the clerk’s workspace', async () => {
    const { requests, user } = start('/window/register');
    expect(await screen.findByText('窗口登记员 李明')).toBeInTheDocument();
    expect(screen.getByText('经办人 陈静')).toBeInTheDocument();
    expect(screen.getByText('天河区人民政府')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '以窗口登记员 李明登录' }));

    expect(await screen.findByRole('heading', { name: '登记信访' })).toBeInTheDocument();
    expect(screen.getByTestId('signed-in-user')).toHaveTextContent('窗口登记员 李明');
    const menu = screen.getByRole('menu');
    expect(within(menu).getByText('窗口登记')).toBeInTheDocument();
    expect(within(menu).queryByText('分办')).not.toBeInTheDocument();
    expect(requests.find((r) => r.path === '/auth/dev/token')?.body).toEqual({ userId: 'clerk' });
    // The services get the token; nothing is kept in the browser's storage.
    await waitFor(() =>
      expect(requests.find((r) => r.path === '/dispatch/api/regions')?.headers.get('Authorization')).toBe('Bearer token-of-clerk'),
    );
    expect(window.localStorage.length).toBe(0);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('shows a handler their workspace (the inbox) and signs out', async () => {
    const { user } = start('/');
    await user.click(await screen.findByRole('button', { name: '以经办人 陈静登录' }));

    expect(await screen.findByRole('heading', { name: /待办事项/ })).toBeInTheDocument();
    expect(screen.queryByText('建设中')).not.toBeInTheDocument();
    expect(screen.getByTestId('signed-in-user')).toHaveTextContent('天河区人民政府');

    await user.click(screen.getByRole('button', { name: /退出/ }));
    expect(await screen.findByRole('button', { name: '以经办人 陈静登录' })).toBeInTheDocument();
    expect(screen.queryByText('登录已过期，请重新登录')).not.toBeInTheDocument();
  });

  it('refuses a workspace of another role', async () => {
    const { user } = start('/dispatch/queue');
    await user.click(await screen.findByRole('button', { name: '以窗口登记员 李明登录' }));
    expect(await screen.findByText('无权访问')).toBeInTheDocument();
  });

  it('returns to /signin with 登录已过期 when an API answers 401', async () => {
    const { user } = start('/window/register', {
      'GET /dispatch/api/regions': () => json({ statusCode: 401, code: 'TOKEN_EXPIRED', message: '登录已过期', details: [] }, 401),
    });
    await user.click(await screen.findByRole('button', { name: '以窗口登记员 李明登录' }));

    // Sign-in, the landing page's first calls, the 401 and the way back to sign-in: several renders in jsdom.
    expect(await screen.findByText('登录已过期，请重新登录', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: '以窗口登记员 李明登录' })).toBeInTheDocument();
  });

  it('says so when the gateway offers no development sign-in', async () => {
    start('/signin', { 'GET /auth/dev/users': () => json({ statusCode: 404, code: 'ROUTE_NOT_FOUND', message: 'no', details: [] }, 404) });
    expect(await screen.findByText('开发登录不可用')).toBeInTheDocument();
  });
});
