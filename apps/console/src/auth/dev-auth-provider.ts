// Development sign-in through the gateway: `GET /auth/dev/users` lists the demo users,
// `POST /auth/dev/token { userId }` answers `{ token, expiresAt }`. Both answer 404 in production.
import { isRole, type AuthProvider, type ConsoleUser, type SignInRequest } from './auth-provider';

/** One demo user, as the gateway lists them. */
export interface DevUser {
  id: string;
  label: string;
  roles: string[];
  unitId: string | null;
  unitName: string | null;
}

/** The gateway offers no development sign-in (production, or no gateway in front of the console). */
export class DevSignInUnavailableError extends Error {
  constructor(status: number) {
    super(`development sign-in unavailable (HTTP ${status})`);
    this.name = 'DevSignInUnavailableError';
  }
}

interface Session {
  user: ConsoleUser;
  token: string;
  expiresAt: string;
}

export class DevAuthProvider implements AuthProvider {
  readonly kind = 'development' as const;
  private session: Session | null = null;
  private users: DevUser[] | null = null;
  private readonly listeners = new Set<() => void>();

  /** `fetchImpl` for tests; the browser's fetch otherwise. */
  constructor(private readonly fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init)) {}

  async listUsers(): Promise<DevUser[]> {
    const res = await this.fetchImpl('/auth/dev/users', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new DevSignInUnavailableError(res.status);
    this.users = (await res.json()) as DevUser[];
    return this.users;
  }

  currentUser(): ConsoleUser | null {
    return this.session?.user ?? null;
  }

  token(): string | null {
    return this.session?.token ?? null;
  }

  /** When the current token stops being accepted. */
  expiresAt(): string | null {
    return this.session?.expiresAt ?? null;
  }

  async signIn(request: SignInRequest): Promise<ConsoleUser> {
    if (!request.userId) throw new Error('development sign-in needs a userId');
    const dev = (this.users ?? (await this.listUsers())).find((u) => u.id === request.userId);
    if (!dev) throw new Error(`unknown demo user ${request.userId}`);
    const res = await this.fetchImpl('/auth/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ userId: dev.id }),
    });
    if (!res.ok) throw new DevSignInUnavailableError(res.status);
    const { token, expiresAt } = (await res.json()) as { token: string; expiresAt: string };
    const user: ConsoleUser = { id: dev.id, name: dev.label, roles: dev.roles.filter(isRole), unitId: dev.unitId, unitName: dev.unitName };
    this.session = { user, token, expiresAt };
    this.notify();
    return user;
  }

  async signOut(): Promise<void> {
    this.session = null;
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
