import type { Role } from '@petition/contracts';

/** The authenticated staff member, from the JWT claims `sub`, `roles` and `unitId`. */
export interface StaffUser {
  sub: string;
  roles: Role[];
  /** The unit the person works in; null for city-wide roles (bureau dispatchers, supervisors). */
  unitId: string | null;
}

/** True when the user holds any of `roles`. */
export function hasAnyRole(user: StaffUser, roles: readonly Role[]): boolean {
  return roles.some((r) => user.roles.includes(r));
}
