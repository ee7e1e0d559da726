import { Channel, Nature, UnitKind, UnitLevel, type PetitionRegisteredPayload } from '@petition/contracts';
import type { UnitEntity } from '../directory/entities/unit.entity';
import { checkAssignmentUnits } from './assignment-units';

const unit = (id: string, kind = UnitKind.FunctionalDepartment, active = true): UnitEntity =>
  ({
    id,
    code: id,
    name: id,
    level: UnitLevel.City,
    kind,
    parentId: null,
    regionCodes: [],
    categoryCodes: [],
    active,
    updatedAt: null,
  }) as UnitEntity;
const petition = (nature: Nature, accusedUnitId: string | null = null): PetitionRegisteredPayload => ({
  petitionId: 'p',
  trackingNo: 't',
  channel: Channel.Online,
  nature,
  title: 't',
  categoryCode: 'C',
  regionCode: '440106',
  petitionerRef: 'r',
  petitionerNameMasked: '王*',
  headcount: 1,
  emergency: false,
  accusedUnitId,
  registeredAt: '2026-11-22T10:00:00+08:00',
});

describe('checkAssignmentUnits', () => {
  it('accepts known active units', () => {
    expect(checkAssignmentUnits(petition(Nature.Claim), 'a', ['b'], [unit('a'), unit('b')])).toEqual([]);
  });

  it('refuses unknown or deactivated units and a lead that is also a co-handler', () => {
    expect(
      checkAssignmentUnits(petition(Nature.Claim), 'a', ['a', 'x'], [unit('a'), unit('x', UnitKind.FunctionalDepartment, false)]).map(
        (i) => i.field,
      ),
    ).toEqual(['coHandlerUnitIds', 'coHandlerUnitIds']);
    expect(checkAssignmentUnits(petition(Nature.Claim), 'missing', [], []).map((i) => i.field)).toEqual(['leadUnitId']);
  });

  it('keeps accusations with discipline inspection and away from the accused unit (条例 Art. 30)', () => {
    expect(checkAssignmentUnits(petition(Nature.Accusation), 'dept', [], [unit('dept')]).map((i) => i.reason)).toEqual([
      'accusations go to a discipline inspection unit (条例 Art. 30)',
    ]);
    expect(
      checkAssignmentUnits(petition(Nature.Accusation, 'jw'), 'jw', [], [unit('jw', UnitKind.DisciplineInspection)]).map((i) => i.reason),
    ).toEqual(['an accusation never goes to the accused unit (条例 Art. 30)']);
    expect(checkAssignmentUnits(petition(Nature.Accusation, 'dept'), 'jw', [], [unit('jw', UnitKind.DisciplineInspection)])).toEqual([]);
  });
});
