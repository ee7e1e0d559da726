// The signed-in session around whichever AuthProvider is in use: it binds the API clients to the
// provider's token, and when any API answers 401 it signs out and remembers why, so the sign-in
// page can say 登录已过期.
import { connectApi } from '../api/client';
import type { AuthProvider, ConsoleUser, SignInRequest } from './auth-provider';

export type SignOutReason = 'expired' | 'signed_out' | null;

export class AuthSession {
  private reason: SignOutReason = null;
  private readonly listeners = new Set<() => void>();

  constructor(readonly provider: AuthProvider) {
    connectApi({ token: () => provider.token(), onUnauthorized: () => void this.expire() });
  }

  user(): ConsoleUser | null {
    return this.provider.currentUser();
  }

  /** Why the last session ended, until the next sign-in. */
  signOutReason(): SignOutReason {
    return this.reason;
  }

  async signIn(request: SignInRequest): Promise<ConsoleUser | null> {
    const user = await this.provider.signIn(request);
    this.setReason(null);
    return user;
  }

  async signOut(): Promise<void> {
    this.setReason('signed_out');
    await this.provider.signOut();
  }

  /** An API refused the token: back to the sign-in page with 登录已过期. */
  async expire(): Promise<void> {
    if (!this.provider.currentUser()) return;
    this.setReason('expired');
    await this.provider.signOut();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    const unsubscribe = this.provider.subscribe(listener);
    return () => {
      this.listeners.delete(listener);
      unsubscribe();
    };
  }

  private setReason(reason: SignOutReason): void {
    this.reason = reason;
    for (const listener of this.listeners) listener();
  }
}
