import { signStaffToken } from '@petition/auth';
import { Role } from '@petition/contracts';

/**
 * Development sign-in for the staff console under `npm start`: a fixed cast of demo staff (one per
 * role, and a handler and a unit head for a few units of the directory), and tokens for them signed
 * exactly as `npm run token` signs (HS256 with JWT_SECRET or the documented development secret).
 * The gateway serves it only outside production; production consoles get their token from the
 * city's identity provider.
 */

/** One demo staff member the console offers at its development sign-in. */
export interface DevUser {
  id: string;
  label: string;
  roles: Role[];
  unitId: string | null;
  unitName: string | null;
}

/** A unit of the directory that gets a demo handler and unit head. */
export interface DevUnit {
  id: string;
  code: string;
  name: string;
}

/** What the gateway needs to offer the development sign-in. */
export interface DevSignIn {
  /** The secret tokens are signed with: the services' JWT_SECRET. */
  secret: string;
  /** The units that get a handler and a unit head (read from dispatch's directory). */
  units(): Promise<DevUnit[]>;
  /** Token lifetime in seconds; 8 h like `npm run token`. */
  ttlSeconds?: number;
}

/** A token for a demo user. */
export interface DevToken {
  token: string;
  /** ISO 8601, from the token's own `exp`. */
  expiresAt: string;
}

const STAFF: DevUser[] = [
  { id: 'clerk', label: '窗口登记员', roles: [Role.Clerk], unitId: null, unitName: null },
  { id: 'dispatcher', label: '分办员', roles: [Role.Dispatcher], unitId: null, unitName: null },
  { id: 'supervisor', label: '督办员', roles: [Role.Supervisor], unitId: null, unitName: null },
  { id: 'analyst', label: '统计分析员', roles: [Role.Analyst], unitId: null, unitName: null },
];

/** The demo users: the bureau's staff, then a handler (经办人) and a unit head (单位负责人) per unit. */
export function devUsers(units: DevUnit[]): DevUser[] {
  return [
    ...STAFF,
    ...units.flatMap((u): DevUser[] => [
      { id: `handler-${u.code}`, label: `经办人 · ${u.name}`, roles: [Role.Handler], unitId: u.id, unitName: u.name },
      { id: `unit-head-${u.code}`, label: `单位负责人 · ${u.name}`, roles: [Role.UnitHead], unitId: u.id, unitName: u.name },
    ]),
  ];
}

/** Signs a token for a demo user; `sub` is `dev-<user id>`, so the services' logs name who acted. */
export function issueDevToken(user: DevUser, secret: string, ttlSeconds = 8 * 3600): DevToken {
  const token = signStaffToken({ sub: `dev-${user.id}`, roles: user.roles, unitId: user.unitId }, secret, ttlSeconds);
  const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { exp: number };
  return { token, expiresAt: new Date(exp * 1000).toISOString() };
}

/**
 * Units of the demo city that have work in the README's walk-through and the demo rules: 天河区
 * (drainage in its streets), the water, city-management, human-resources and housing bureaus.
 */
export const DEMO_SIGN_IN_UNITS = ['GZ-440106', 'GZ-SWJ', 'GZ-CGJ', 'GZ-RSJ', 'GZ-ZJJ'];

interface UnitRow {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/**
 * Development sign-in whose units come from dispatch's `GET /api/units`, read with a short-lived
 * dispatcher token the gateway signs for itself. The demo units above when the directory has them,
 * otherwise its first active units (a directory other than the demo city's). A successful read is
 * kept for a minute; a failed one is not kept, and the error reaches the caller.
 */
export function devSignInFromDispatch(options: {
  dispatchUrl: string;
  secret: string;
  codes?: string[];
  count?: number;
  fetchImpl?: typeof fetch;
}): DevSignIn {
  const { dispatchUrl, secret, codes = DEMO_SIGN_IN_UNITS, count = codes.length, fetchImpl = fetch } = options;
  let cached: { at: number; units: DevUnit[] } | undefined;
  const units = async (): Promise<DevUnit[]> => {
    if (cached && Date.now() - cached.at < 60_000) return cached.units;
    const token = signStaffToken({ sub: 'console-gateway', roles: [Role.Dispatcher], unitId: null }, secret, 60);
    const all: UnitRow[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page++) {
      const url = new URL('/api/units', dispatchUrl);
      url.searchParams.set('limit', '200');
      if (cursor) url.searchParams.set('cursor', cursor);
      const res = await fetchImpl(url, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`dispatch answered ${res.status} to GET /api/units`);
      const body = (await res.json()) as { items: UnitRow[]; nextCursor: string | null };
      all.push(...body.items);
      cursor = body.nextCursor;
      if (!cursor || codes.every((c) => all.some((u) => u.code === c))) break;
    }
    const active = all.filter((u) => u.active);
    const preferred = codes.map((c) => active.find((u) => u.code === c)).filter((u): u is UnitRow => u !== undefined);
    const chosen = (preferred.length ? preferred : active).slice(0, count).map(({ id, code, name }) => ({ id, code, name }));
    cached = { at: Date.now(), units: chosen };
    return chosen;
  };
  return { secret, units };
}
