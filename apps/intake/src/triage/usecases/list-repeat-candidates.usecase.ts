import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { PetitionStatus, toOffsetIso } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import { PetitionNotFoundError } from '../../petitions/petitions.errors';
import { PetitionsRepository } from '../../petitions/petitions.repository';
import { RegistrationRepository } from '../../petitions/registration.repository';
import { similarPetitions } from '../../repeats/repeat-policy';
import { PetitionerHistoryRepository } from '../../window/petitioner-history.repository';
import type { RepeatCandidateView } from '../dto/repeat-candidate.view';

/** What the lookup log says a triage check was for. */
export const TRIAGE_CHECK_REASON = '分拣查重 (triage repeat check)';

/**
 * The earlier petitions a petition awaiting triage may repeat — same phone or ID number (keyed
 * hashes), category and district, similar text — verified or not, most similar first. Online
 * submissions are never linked or refused automatically (docs/window.md, Repeats): this is what
 * the clerk decides them by. The earlier petitions it shows are logged like a window lookup.
 */
@Injectable()
export class ListRepeatCandidatesUseCase {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly registrations: RegistrationRepository,
    private readonly history: PetitionerHistoryRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(id: string, by: StaffUser): Promise<RepeatCandidateView[]> {
    const p = await this.petitions.findById(id);
    if (!p) throw new PetitionNotFoundError(id);
    const hashes = [p.petitionerIdHash, p.petitionerPhoneHash].filter((h): h is string => h !== null);
    if (p.anonymous || hashes.length === 0) return [];
    const snapshot = await this.registrations.snapshot({
      hashes,
      idHash: p.petitionerIdHash,
      phoneHash: p.petitionerPhoneHash,
      categoryCode: p.categoryCode,
      district: p.regionCode.slice(0, 6),
    });
    const earlier = snapshot.candidates.filter((c) => c.id !== p.id);
    const similar = similarPetitions(p.terms, earlier);
    const rows = await this.petitions.findByIds(similar.map((s) => s.candidate.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const out: RepeatCandidateView[] = [];
    for (const { candidate, similarity } of similar) {
      const r = byId.get(candidate.id);
      // Only petitions registered before this one: a later one is the repeat, not the original.
      if (!r || r.registeredAt.getTime() > p.registeredAt.getTime()) continue;
      out.push({
        petitionId: r.id,
        trackingNo: r.trackingNo,
        title: r.title,
        status: r.status,
        source: r.source,
        verified: candidate.verified,
        similarity,
        suggestedOutcome: r.status === PetitionStatus.Concluded ? 'refuse' : 'link_repeat',
        registeredAt: toOffsetIso(r.registeredAt),
      });
    }
    await this.history.record({
      actor: by.sub,
      actorRoles: by.roles,
      reason: TRIAGE_CHECK_REASON,
      matchedBy: 'triage_repeat_check',
      petitionIds: out.map((c) => c.petitionId),
      at: this.clock.now(),
    });
    return out;
  }
}
