import { randomUUID } from 'node:crypto';
import { DEV_JWT_SECRET, signStaffToken } from '@petition/auth';
import type { Role } from '@petition/contracts';

/** `Authorization` header value for a staff member with `roles` in `unitId`. */
export function bearer(roles: Role[], unitId: string | null = null, sub = `test-${randomUUID()}`): string {
  return `Bearer ${signStaffToken({ sub, roles, unitId }, process.env.JWT_SECRET ?? DEV_JWT_SECRET, '1h')}`;
}
