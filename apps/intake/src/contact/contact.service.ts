import { Inject, Injectable } from '@nestjs/common';
import { hasAnyRole, type StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { Nature, Role, toOffsetIso } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import type { PetitionEntity } from '../petitions/entities/petition.entity';
import { PetitionNotFoundError } from '../petitions/petitions.errors';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { PiiCipher } from '../pii/pii-cipher';
import { ContactAccessRepository } from './contact-access.repository';
import { ConfidentialAccusationError } from './contact.errors';
import type { ContactAccessView, PetitionContactView, RepresentativeContactView } from './dto/contact.dto';

/** Roles that see contact data of every petition (the bureau's own staff). */
const BUREAU_ROLES: readonly Role[] = [Role.Clerk, Role.Supervisor];
/** Roles of a unit's staff, who see it only for petitions their unit leads. */
const UNIT_ROLES: readonly Role[] = [Role.Handler, Role.UnitHead];

/**
 * Full contact data for those entitled to it, each read — and each refused attempt — written to
 * the audit log first (who, when, why, which fields). Everywhere else petitioner data stays masked.
 */
@Injectable()
export class ContactService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly audit: ContactAccessRepository,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A unit that does not lead the matter gets exactly what an unknown id gets (404
   * `PETITION_NOT_FOUND`), so the endpoint tells no one which petitions exist; the lead unit of an
   * accusation, which knows the matter, is told why (403). Every refusal is logged like a read.
   */
  async read(id: string, reason: string, user: StaffUser): Promise<PetitionContactView> {
    const p = await this.petitions.findById(id);
    if (!p) throw new PetitionNotFoundError(id);
    const entitlement = this.entitlement(p, user);
    if (entitlement !== 'entitled') {
      await this.record(p, user, `refused: ${reason}`, ['refused']);
      if (entitlement === 'confidential') throw new ConfidentialAccusationError();
      throw new PetitionNotFoundError(id);
    }
    const view = this.decrypt(p);
    const fields = Object.entries(view)
      .filter(([k, v]) => k !== 'petitionId' && v !== null && !(Array.isArray(v) && v.length === 0))
      .map(([k]) => k);
    await this.record(p, user, reason, fields);
    return view;
  }

  private async record(p: PetitionEntity, user: StaffUser, reason: string, fields: string[]): Promise<void> {
    await this.audit.record({
      petitionId: p.id,
      actor: user.sub,
      actorRoles: user.roles,
      actorUnitId: user.unitId,
      reason,
      fields,
      at: this.clock.now(),
    });
  }

  async accessLog(id: string): Promise<ContactAccessView[]> {
    const rows = await this.audit.forPetition(id);
    return rows.map((r) => ({
      actor: r.actor,
      actorRoles: r.actorRoles,
      actorUnitId: r.actorUnitId,
      reason: r.reason,
      fields: r.fields,
      at: toOffsetIso(r.at),
    }));
  }

  /**
   * The bureau's staff always; a unit's staff only while their unit leads the current assignment
   * (intake forgets the lead when its assignment is returned: ProgressService.onReturned), and
   * never for an accusation (条例 Art. 30).
   */
  private entitlement(p: PetitionEntity, user: StaffUser): 'entitled' | 'confidential' | 'not_entitled' {
    if (user.roles.includes(Role.Admin) || hasAnyRole(user, BUREAU_ROLES)) return 'entitled';
    if (hasAnyRole(user, UNIT_ROLES) && user.unitId && p.leadUnitId === user.unitId)
      return p.nature === Nature.Accusation ? 'confidential' : 'entitled';
    return 'not_entitled';
  }

  private decrypt(p: PetitionEntity): PetitionContactView {
    const open = (v: string | null) => (v ? this.pii.decrypt(v) : null);
    const reps = p.representativesEnc
      ? (JSON.parse(this.pii.decrypt(p.representativesEnc)) as Array<{ name: string; idNumber?: string; phone?: string }>)
      : [];
    return {
      petitionId: p.id,
      name: this.pii.decrypt(p.petitionerNameEnc),
      idNumber: open(p.petitionerIdEnc),
      phone: open(p.petitionerPhoneEnc),
      address: open(p.petitionerAddressEnc),
      callerNumber: open(p.callerNumberEnc),
      representatives: reps.map((r): RepresentativeContactView => ({ name: r.name, idNumber: r.idNumber ?? null, phone: r.phone ?? null })),
    };
  }
}
