import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { PetitionStatus, toOffsetIso } from '@petition/contracts';
import { CLOCK, ValidationFailedError, type FieldReason } from '@petition/service-kit';
import { idNumberHash, nameHash, phoneHash } from '../../pii/identity-hashes';
import { PiiCipher } from '../../pii/pii-cipher';
import type { LookupPetitionerDto } from '../dto/lookup-petitioner.dto';
import type { OpenWindowView, PetitionHistoryItemView, PetitionerHistoryView } from '../dto/petitioner-history.view';
import { PetitionerHistoryRepository, type HistoryRow, type IdentityKey } from '../petitioner-history.repository';

/** The window shows at most this many earlier petitions; a person with more is told so. */
export const HISTORY_LIMIT = 100;

const CLOSED_FOR_GOOD: ReadonlySet<PetitionStatus> = new Set([PetitionStatus.Ended, PetitionStatus.Concluded]);

/**
 * Who is this petitioner, and what did they raise before? The clerk gives one identity — an ID
 * number, a phone, or a name with the region — and a reason; the answer is every petition
 * registered under it, with its status, outcome and any request window still open. Matching is by
 * keyed hash only; the lookup is logged, with the petitions it showed, before it is answered.
 */
@Injectable()
export class LookupPetitionerUseCase {
  constructor(
    private readonly history: PetitionerHistoryRepository,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(input: LookupPetitionerDto, by: StaffUser): Promise<PetitionerHistoryView> {
    const key = this.keyOf(input);
    const rows = await this.history.find(key, HISTORY_LIMIT + 1);
    const shown = rows.slice(0, HISTORY_LIMIT);
    const now = this.clock.now();
    await this.history.record({
      actor: by.sub,
      actorRoles: by.roles,
      reason: input.reason,
      matchedBy: key.by,
      petitionIds: shown.map((r) => r.id),
      at: now,
    });
    return {
      matchedBy: key.by,
      nameMasked: shown[0]?.nameMasked ?? null,
      petitions: shown.map((r) => historyItem(r, now)),
      truncated: rows.length > HISTORY_LIMIT,
    };
  }

  private keyOf(input: LookupPetitionerDto): IdentityKey {
    const given = [input.idNumber && 'idNumber', input.phone && 'phone', (input.name || input.regionCode) && 'name'].filter(Boolean);
    const problems: FieldReason[] = [];
    if (given.length !== 1) problems.push({ field: 'idNumber', reason: 'give exactly one of: idNumber, phone, or name with regionCode' });
    else if (input.name && !input.regionCode) problems.push({ field: 'regionCode', reason: 'a lookup by name needs the region' });
    else if (input.regionCode && !input.name)
      problems.push({ field: 'name', reason: 'regionCode narrows a lookup by name; give the name' });
    if (problems.length) throw new ValidationFailedError(problems);
    if (input.idNumber) return { by: 'id_number', hash: idNumberHash(this.pii, input.idNumber) };
    if (input.phone) return { by: 'phone', hash: phoneHash(this.pii, input.phone) };
    return { by: 'name_region', hash: nameHash(this.pii, input.name as string), regionCode: input.regionCode as string };
  }
}

/** One row as the window shows it; `now` decides whether a request window is still open. */
export function historyItem(r: HistoryRow, now: Date): PetitionHistoryItemView {
  return {
    id: r.id,
    trackingNo: r.trackingNo,
    title: r.title,
    channel: r.channel,
    categoryCode: r.categoryCode,
    regionCode: r.regionCode,
    status: r.status,
    open: !CLOSED_FOR_GOOD.has(r.status),
    triageOutcome: r.triageOutcome,
    replyOutcome: r.replyOutcome,
    relatedTrackingNo: r.relatedTrackingNo,
    openWindow: openWindow(r, now),
    registeredAt: toOffsetIso(new Date(r.registeredAt)),
  };
}

function openWindow(r: HistoryRow, now: Date): OpenWindowView | null {
  if (r.status === PetitionStatus.Concluded) return null;
  const t = now.getTime();
  // A review decision opens the re-examination window; until then the review window is the one that counts.
  if (r.reexamRequestDue)
    return t < new Date(r.reexamRequestDue).getTime() ? { kind: 'reexamination', until: toOffsetIso(new Date(r.reexamRequestDue)) } : null;
  if (r.reviewRequestDue && t < new Date(r.reviewRequestDue).getTime())
    return { kind: 'review', until: toOffsetIso(new Date(r.reviewRequestDue)) };
  return null;
}
