import { randomUUID } from 'node:crypto';
import { Role } from '@petition/contracts';
import { mayReadCaseFile } from './case-file-access';

const lead = randomUUID();
const co = randomUUID();
const other = randomUUID();
const petition = { leadUnitId: lead, coHandlerUnitIds: [co], accusedUnitId: null as string | null };
const staff = (roles: Role[], unitId: string | null = null) => ({ sub: 'u', roles, unitId });

describe('mayReadCaseFile', () => {
  it('lets the lead and the co-handlers read, and no other unit', () => {
    expect(mayReadCaseFile(petition, staff([Role.Handler], lead))).toBe(true);
    expect(mayReadCaseFile(petition, staff([Role.UnitHead], co))).toBe(true);
    expect(mayReadCaseFile(petition, staff([Role.Handler], other))).toBe(false);
    expect(mayReadCaseFile(petition, staff([Role.Handler]))).toBe(false);
    expect(mayReadCaseFile(petition, staff([Role.Analyst]))).toBe(false);
  });

  it('lets the bureau read every petition', () => {
    for (const role of [Role.Clerk, Role.Dispatcher, Role.Supervisor, Role.Admin])
      expect(mayReadCaseFile(petition, staff([role]))).toBe(true);
  });

  it('never lets the accused unit read an accusation, even as the bureau or a co-handler', () => {
    const accusation = { ...petition, accusedUnitId: co };
    expect(mayReadCaseFile(accusation, staff([Role.Handler], co))).toBe(false);
    expect(mayReadCaseFile(accusation, staff([Role.Supervisor], co))).toBe(false);
    expect(mayReadCaseFile(accusation, staff([Role.Handler], lead))).toBe(true);
  });
});
