// How the console knows who is signed in. Development signs in as a demo user through the
// gateway (DevAuthProvider); a later OpenID Connect provider implements the same interface.
// Tokens live in memory only: never localStorage or sessionStorage, so a reload signs out.

export const ROLES = ['clerk', 'dispatcher', 'handler', 'unit_head', 'supervisor', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '窗口登记',
  dispatcher: '分办',
  handler: '办理',
  unit_head: '单位负责人',
  supervisor: '督查督办',
  analyst: '统计分析',
  admin: '系统管理',
};

/** The signed-in staff member, as the console shows and routes them. */
export interface ConsoleUser {
  id: string;
  /** How the header shows them. */
  name: string;
  roles: Role[];
  unitId: string | null;
  unitName: string | null;
}

/** What a sign-in needs: development names a demo user; OpenID Connect needs nothing (it redirects). */
export interface SignInRequest {
  userId?: string;
}

export interface AuthProvider {
  readonly kind: 'development' | 'oidc';
  /** Who is signed in now, or null. */
  currentUser(): ConsoleUser | null;
  /** The bearer token for the services, or null. */
  token(): string | null;
  /** Signs in; resolves with the user (null when the provider leaves the page, as a redirect does). */
  signIn(request: SignInRequest): Promise<ConsoleUser | null>;
  signOut(): Promise<void>;
  /** Calls the listener whenever the user changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(user: ConsoleUser, roles: readonly Role[]): boolean {
  return user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));
}
