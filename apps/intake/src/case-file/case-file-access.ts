import { hasAnyRole, type StaffUser } from '@petition/auth';
import { Role } from '@petition/contracts';
import type { PetitionEntity } from '../petitions/entities/petition.entity';

/** The bureau's staff read every petition in full; they register, route and supervise it. */
const BUREAU_ROLES: readonly Role[] = [Role.Admin, Role.Clerk, Role.Dispatcher, Role.Supervisor];
/** A unit's staff read only the matters their unit handles. */
const UNIT_ROLES: readonly Role[] = [Role.Handler, Role.UnitHead];

/**
 * Whether `user` may read the whole petition — its content, attachments and linked petitions. A
 * unit's staff may for a matter their unit leads or co-handles in the current assignment; never the
 * unit an accusation accuses (条例 Art. 30), whatever else it is. Pure, so it is tested alone.
 */
export function mayReadCaseFile(p: Pick<PetitionEntity, 'leadUnitId' | 'coHandlerUnitIds' | 'accusedUnitId'>, user: StaffUser): boolean {
  if (user.unitId && p.accusedUnitId === user.unitId) return false;
  if (hasAnyRole(user, BUREAU_ROLES)) return true;
  if (!hasAnyRole(user, UNIT_ROLES) || !user.unitId) return false;
  return p.leadUnitId === user.unitId || p.coHandlerUnitIds.includes(user.unitId);
}
