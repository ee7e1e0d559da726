import { App as AntApp, ConfigProvider } from 'antd';
import { useState, type JSX, type ReactNode } from 'react';
import zhCN from 'antd/locale/zh_CN';
import { createBrowserRouter, createMemoryRouter, Navigate, RouterProvider, type RouteObject } from 'react-router-dom';
import { hasAnyRole } from './auth/auth-provider';
import { AuthContextProvider, useCurrentUser } from './auth/auth-context';
import type { AuthSession } from './auth/auth-session';
import { RequireAuth } from './auth/require-auth';
import { ConsoleLayout } from './layout/console-layout';
import { homePathFor, WORKSPACE_GROUPS, type Workspace, type WorkspaceGroup } from './layout/workspaces';
import { SignInPage } from './pages/sign-in-page';
import { ForbiddenPage, NoWorkspacePage, NotFoundPage } from './pages/status-pages';
import { UnderConstructionPage } from './pages/under-construction';
import { QueuePage } from './pages/dispatch/queue-page';
import { ReturnsPage } from './pages/dispatch/returns-page';
import { HotlinePage } from './pages/window/hotline-page';
import { LookupPage } from './pages/window/lookup-page';
import { RegistrationWorkspace } from './pages/window/registration-workspace';
import { TriagePage } from './pages/window/triage-page';
import { InboxPage } from './pages/handling/inbox-page';
import { WorkItemPage } from './pages/handling/work-item-page';
import { ExtensionApprovalsPage } from './pages/unit/extension-approvals-page';
import { UnitOverviewPage } from './pages/unit/unit-overview-page';
import './time/format';

/** The pages built so far; every other workspace shows its 建设中 placeholder. */
const BUILT: Record<string, () => JSX.Element> = {
  '/window/register': () => <RegistrationWorkspace />,
  '/window/lookup': () => <LookupPage />,
  '/window/triage': () => <TriagePage />,
  '/window/hotline': () => <HotlinePage />,
  '/dispatch/queue': () => <QueuePage />,
  '/dispatch/returns': () => <ReturnsPage />,
  '/handling/inbox': () => <InboxPage />,
  '/unit/approvals': () => <ExtensionApprovalsPage />,
  '/unit/overview': () => <UnitOverviewPage />,
};

function WorkspaceRoute({ group, workspace }: { group: WorkspaceGroup; workspace: Workspace }) {
  const user = useCurrentUser();
  if (!hasAnyRole(user, group.roles)) return <ForbiddenPage />;
  const page = BUILT[workspace.path];
  return page ? page() : <UnderConstructionPage workspace={workspace} />;
}

function Home() {
  const user = useCurrentUser();
  const home = homePathFor(user);
  return home ? <Navigate to={home} replace /> : <NoWorkspacePage />;
}

export const routes: RouteObject[] = [
  { path: '/signin', element: <SignInPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <ConsoleLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Home /> },
      ...WORKSPACE_GROUPS.flatMap((group) =>
        group.workspaces.map((workspace) => ({ path: workspace.path, element: <WorkspaceRoute group={group} workspace={workspace} /> })),
      ),
      // A work item of the handler's inbox (also opened by unit heads); the page checks the roles.
      { path: '/handling/items/:id', element: <WorkItemPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

/** antd in Chinese, and antd's App for messages and modals that follow the theme. */
export function ConsoleProviders({ session, children }: { session: AuthSession; children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <AuthContextProvider session={session}>{children}</AuthContextProvider>
      </AntApp>
    </ConfigProvider>
  );
}

/** The console. `initialPath` (tests) runs it in memory instead of the browser's address bar. */
export function ConsoleApp({ session, initialPath }: { session: AuthSession; initialPath?: string }) {
  const [router] = useState(() =>
    initialPath ? createMemoryRouter(routes, { initialEntries: [initialPath] }) : createBrowserRouter(routes),
  );
  return (
    <ConsoleProviders session={session}>
      <RouterProvider router={router} />
    </ConsoleProviders>
  );
}
