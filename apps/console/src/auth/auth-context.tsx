import { createContext, useCallback, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ConsoleUser } from './auth-provider';
import type { AuthSession, SignOutReason } from './auth-session';

interface AuthState {
  session: AuthSession;
  user: ConsoleUser | null;
  signOutReason: SignOutReason;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthContextProvider({ session, children }: { session: AuthSession; children: ReactNode }) {
  const subscribe = useCallback((listener: () => void) => session.subscribe(listener), [session]);
  const user = useSyncExternalStore(subscribe, () => session.user());
  const signOutReason = useSyncExternalStore(subscribe, () => session.signOutReason());
  return <AuthContext.Provider value={{ session, user, signOutReason }}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthContextProvider');
  return state;
}

/** The signed-in user; only inside routes behind RequireAuth. */
export function useCurrentUser(): ConsoleUser {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser without a signed-in user');
  return user;
}
