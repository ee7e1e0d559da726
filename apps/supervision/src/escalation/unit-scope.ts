import { hasAnyRole, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import { OutsideUnitError } from './escalation.errors';

/**
 * The unit a caller may read: any (undefined = no restriction) for supervisors, analysts and
 * admins; their own for unit staff, who get a 403 when they name another.
 */
export function readableUnit(user: StaffUser, asked: string | undefined, field = 'unitId'): string | undefined {
  if (hasAnyRole(user, [Role.Supervisor, Role.Admin, Role.Analyst])) return asked;
  if (user.unitId === null || (asked !== undefined && asked !== user.unitId)) throw new OutsideUnitError(field);
  return user.unitId;
}
