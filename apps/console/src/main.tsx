// antd 5 renders its popups with React 19 through this patch (https://u.ant.design/v5-for-19).
import '@ant-design/v5-patch-for-react-19';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConsoleApp } from './app';
import { AuthSession } from './auth/auth-session';
import { DevAuthProvider } from './auth/dev-auth-provider';

// Development sign-in for now; an OpenID Connect AuthProvider replaces DevAuthProvider here.
const session = new AuthSession(new DevAuthProvider());

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <ConsoleApp session={session} />
  </StrictMode>,
);
