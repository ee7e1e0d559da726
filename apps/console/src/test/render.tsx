import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { ConsoleProviders } from '../app';
import type { AuthProvider, ConsoleUser } from '../auth/auth-provider';
import { AuthSession } from '../auth/auth-session';

export const CLERK: ConsoleUser = { id: 'clerk-1', name: '窗口登记员 李明', roles: ['clerk'], unitId: null, unitName: null };

/** An AuthProvider already signed in as `user`, with a fixed token. */
export function signedInProvider(user: ConsoleUser, token = 'test-token'): AuthProvider {
  let current: ConsoleUser | null = user;
  const listeners = new Set<() => void>();
  return {
    kind: 'development',
    currentUser: () => current,
    token: () => (current ? token : null),
    signIn: async () => (current = user),
    signOut: async () => {
      current = null;
      listeners.forEach((l) => l());
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** One page inside the console's providers, signed in as `user`. */
export function renderPage(page: ReactElement, user: ConsoleUser = CLERK) {
  const session = new AuthSession(signedInProvider(user));
  return { session, ...render(<ConsoleProviders session={session}>{page}</ConsoleProviders>) };
}
