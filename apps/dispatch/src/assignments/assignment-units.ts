import { Nature, UnitKind, type PetitionRegisteredPayload } from '@petition/contracts';
import type { FieldReason } from '@petition/service-kit';
import type { UnitEntity } from '../directory/entities/unit.entity';

/**
 * What a dispatcher's choice of units must respect: known, active units; the lead not also a
 * co-handler; an accusation led by discipline inspection and never reaching the accused unit
 * (条例 Art. 30). Pure, so the rules are testable without a database.
 */
export function checkAssignmentUnits(
  petition: PetitionRegisteredPayload,
  leadUnitId: string,
  coHandlerUnitIds: string[],
  units: UnitEntity[],
): FieldReason[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const issues: FieldReason[] = [];
  const lead = byId.get(leadUnitId);
  if (!lead?.active) issues.push({ field: 'leadUnitId', reason: 'unknown or deactivated unit' });
  if (coHandlerUnitIds.some((u) => !byId.get(u)?.active)) issues.push({ field: 'coHandlerUnitIds', reason: 'unknown or deactivated unit' });
  if (coHandlerUnitIds.includes(leadUnitId))
    issues.push({ field: 'coHandlerUnitIds', reason: 'the lead unit cannot also be a co-handler' });
  if (petition.nature === Nature.Accusation) {
    const accused = petition.accusedUnitId;
    if (accused && (leadUnitId === accused || coHandlerUnitIds.includes(accused)))
      issues.push({ field: 'leadUnitId', reason: 'an accusation never goes to the accused unit (条例 Art. 30)' });
    if (lead && lead.kind !== UnitKind.DisciplineInspection)
      issues.push({ field: 'leadUnitId', reason: 'accusations go to a discipline inspection unit (条例 Art. 30)' });
  }
  return issues;
}
