import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import { Channel, Nature, PetitionStatus, TriageOutcome, toOffsetIso } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import {
  CLOCK,
  IdempotencyKeyTaken,
  RESPONSE_SEALER,
  ValidationFailedError,
  currentIdempotentRequest,
  type FieldReason,
  type ResponseSealer,
} from '@petition/service-kit';
import { idNumberHash, nameHash, phoneHash } from '../../pii/identity-hashes';
import { PiiCipher, maskIdNumber, maskName, maskPhone } from '../../pii/pii-cipher';
import { ReferenceService } from '../../reference/reference.service';
import { judgeRepeat, type RepeatVerdict } from '../../repeats/repeat-policy';
import { textTerms } from '../../repeats/text-terms';
import { RegistrationView } from '../dto/registration.view';
import { PetitionView } from '../dto/petition.view';
import { detectEmergencySignals } from '../emergency-detector';
import { PetitionEntity } from '../entities/petition.entity';
import { emergencyEvent, registeredEvent, repeatLinkedEvent, triagedEvent, type PetitionEvent } from '../petition-events';
import type { PetitionDraft } from '../petition-draft';
import { RegistrationContendedError } from '../petitions.errors';
import { PetitionsRepository } from '../petitions.repository';
import { RegistrationRepository, type FirstStep } from '../registration.repository';
import { newQueryCode } from '../query-codes';
import { TrackingNumbers } from '../tracking-numbers';
import { WrittenNoticeDeadline } from '../written-notice';

/** Registrations of one identity racing each other retry at most this often. */
const MAX_ATTEMPTS = 20;

/** Who decides at registration, for triage decisions no clerk made. */
export const SYSTEM_ACTOR = 'system';

/**
 * Registers a petition from any channel: validates codes against the directory, encrypts and
 * masks the petitioner's data, detects emergencies and repeats, numbers it, and records the
 * petition, its first timeline steps and its events in one transaction.
 */
@Injectable()
export class RegisterPetitionUseCase {
  constructor(
    private readonly repository: PetitionsRepository,
    private readonly reference: ReferenceService,
    private readonly registrations: RegistrationRepository,
    private readonly trackingNumbers: TrackingNumbers,
    private readonly writtenNotice: WrittenNoticeDeadline,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(RESPONSE_SEALER) private readonly sealer: ResponseSealer,
  ) {}

  /** Field problems with a draft beyond what the DTO can check alone ("" prefix for a single petition). */
  async problems(draft: PetitionDraft, prefix = ''): Promise<FieldReason[]> {
    const f = draft.fields;
    const out = await this.reference.problems(f.regionCode, f.categoryCode, prefix);
    if (f.accusedUnitId && (f.nature ?? Nature.Claim) !== Nature.Accusation)
      out.push({ field: `${prefix}accusedUnitId`, reason: 'only an accusation names an accused unit' });
    if (draft.source === 'online' && !f.anonymous && !f.petitionerPhone && !f.petitionerIdNumber) {
      out.push({
        field: `${prefix}petitionerPhone`,
        reason: 'an online petition needs a phone or an ID number so the petitioner can be reached',
      });
    }
    if (draft.letter && draft.channel !== 'letter')
      out.push({ field: `${prefix}letter`, reason: 'letter details belong to the letter channel' });
    if (draft.call && draft.channel !== 'call') out.push({ field: `${prefix}call`, reason: 'call details belong to the call channel' });
    if (draft.route === 'answer_on_the_spot' && draft.channel !== Channel.Visit && draft.channel !== Channel.Call)
      out.push({ field: `${prefix}route`, reason: 'only a visit or a call can be answered on the spot' });
    if (draft.answer !== undefined && draft.route !== 'answer_on_the_spot')
      out.push({ field: `${prefix}answer`, reason: 'an answer belongs to route answer_on_the_spot' });
    if (draft.receivedAt && draft.receivedAt.getTime() > this.clock.now().getTime())
      out.push({ field: `${prefix}receivedAt`, reason: 'cannot be later than now' });
    return out;
  }

  /**
   * `storeAnswerAs`: the HTTP status with which the caller answers exactly the returned view; the
   * answer is then stored under the request's Idempotency-Key in the registration's own statement.
   */
  async execute(draft: PetitionDraft, storeAnswerAs?: number): Promise<RegistrationView> {
    const problems = await this.problems(draft);
    if (problems.length) throw new ValidationFailedError(problems);
    const now = this.clock.now();
    const petition = this.build(draft, now);
    const queryCode = newQueryCode();
    petition.queryCodeHash = this.pii.hash(`qc:${queryCode}`);
    if (draft.externalOrderId) {
      const known = await this.repository.findByExternalOrderId(null, draft.externalOrderId);
      if (known) return { ...PetitionView.from(known), queryCode: null };
    }
    petition.trackingNo = await this.trackingNumbers.next(petition.regionCode.slice(0, 6), toOffsetIso(now).slice(0, 10));
    try {
      return await this.record(petition, draft, now, queryCode, storeAnswerAs);
    } catch (err) {
      // Two imports of one hotline order at the same moment: the unique index lets one win.
      const raced =
        draft.externalOrderId && isUniqueViolation(err) ? await this.repository.findByExternalOrderId(null, draft.externalOrderId) : null;
      if (raced) return { ...PetitionView.from(raced), queryCode: null };
      throw err;
    }
  }

  /**
   * Detects a repeat and writes the petition with its first steps and events. Anonymous petitions
   * cannot be matched to a person, so they are never repeats; nor is an online submission decided
   * here: its phone and ID number are whatever the sender typed, so linking or refusing it, or
   * telling the sender that a matching matter exists, would let a stranger probe for — or bury —
   * someone else's petition. A clerk sees its likely repeats at triage and decides
   * (`GET /api/petitions/:id/repeat-candidates`). When another registration of the
   * same identity commits between the read and the write, nothing is written and the decision is
   * taken again on the fresh snapshot — so of two identical registrations at the same instant one
   * becomes the matter and the other its repeat.
   */
  private async record(
    petition: PetitionEntity,
    draft: PetitionDraft,
    now: Date,
    queryCode: string,
    storeAnswerAs: number | undefined,
  ): Promise<RegistrationView> {
    const served = storeAnswerAs ? currentIdempotentRequest() : undefined;
    const identified =
      draft.source !== 'online' && !petition.anonymous && (petition.petitionerIdHash !== null || petition.petitionerPhoneHash !== null);
    const hashes = identified ? [petition.petitionerIdHash, petition.petitionerPhoneHash].filter((h): h is string => h !== null) : [];
    for (let attempt = 1; ; attempt++) {
      const snapshot = identified
        ? await this.registrations.snapshot({
            hashes,
            idHash: petition.petitionerIdHash,
            phoneHash: petition.petitionerPhoneHash,
            categoryCode: petition.categoryCode,
            district: petition.regionCode.slice(0, 6),
          })
        : { candidates: [], heads: new Map<string, number>() };
      const verdict = judgeRepeat(petition.terms, snapshot.candidates);
      const events = this.decide(petition, verdict, draft, now).map((e) => this.outbox.record(now, e));
      const steps: FirstStep[] = [
        { id: randomUUID(), kind: draft.source === 'online' ? 'submitted_online' : 'registered', publicNote: null, at: now },
      ];
      if (petition.triageOutcome)
        steps.push({
          id: randomUUID(),
          kind: timelineKindOf(petition.triageOutcome as TriageOutcome),
          publicNote: publicNoteOf(petition),
          at: now,
        });
      const heads = new Map(hashes.map((h) => [h, snapshot.heads.get(h) ?? 0]));
      const answer: RegistrationView = { ...PetitionView.from(petition), queryCode };
      const stored =
        served && storeAnswerAs
          ? {
              scope: served.scope,
              key: served.key,
              claim: !served.claimed,
              requestHash: served.requestHash,
              statusCode: storeAnswerAs,
              // Stored with no expiry: the query code in it is sealed, never in clear.
              body: this.sealer.seal(answer),
            }
          : null;
      const outcome = await this.registrations.insert(petition, heads, steps, events, stored);
      if (outcome === 'inserted') {
        if (served && stored) served.storedInTransaction = true;
        return answer;
      }
      if (outcome === 'key_taken') throw new IdempotencyKeyTaken(`Idempotency-Key already used for ${served?.scope}`);
      if (attempt >= MAX_ATTEMPTS) throw new RegistrationContendedError(MAX_ATTEMPTS);
      // Each round lets one racer of the identity commit; a short jittered pause spreads the rest.
      await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
    }
  }

  private build(draft: PetitionDraft, now: Date): PetitionEntity {
    const f = draft.fields;
    const anonymous = f.anonymous === true;
    const name = f.petitionerName ?? '匿名';
    const text = `${f.title}\n${f.content}`;
    const signals = detectEmergencySignals(text);
    const reps = f.representatives ?? [];
    return Object.assign(new PetitionEntity(), {
      id: randomUUID(),
      channel: draft.channel,
      source: draft.source,
      nature: f.nature ?? Nature.Claim,
      status: PetitionStatus.Registered,
      title: f.title,
      content: f.content,
      categoryCode: f.categoryCode,
      regionCode: f.regionCode,
      petitionerRef: `ptr_${randomUUID()}`,
      anonymous,
      petitionerNameEnc: this.pii.encrypt(name),
      petitionerNameMasked: anonymous && !f.petitionerName ? '匿名' : maskName(name),
      petitionerNameHash: anonymous || !f.petitionerName ? null : nameHash(this.pii, f.petitionerName),
      petitionerIdEnc: f.petitionerIdNumber ? this.pii.encrypt(f.petitionerIdNumber.toUpperCase()) : null,
      petitionerIdHash: f.petitionerIdNumber ? idNumberHash(this.pii, f.petitionerIdNumber) : null,
      petitionerIdMasked: f.petitionerIdNumber ? maskIdNumber(f.petitionerIdNumber.toUpperCase()) : null,
      petitionerPhoneEnc: f.petitionerPhone ? this.pii.encrypt(f.petitionerPhone) : null,
      petitionerPhoneHash: f.petitionerPhone ? phoneHash(this.pii, f.petitionerPhone) : null,
      petitionerPhoneMasked: f.petitionerPhone ? maskPhone(f.petitionerPhone) : null,
      petitionerAddressEnc: f.petitionerAddress ? this.pii.encrypt(f.petitionerAddress) : null,
      representativesEnc: reps.length ? this.pii.encrypt(JSON.stringify(reps)) : null,
      representativesMasked: reps.map((r) => ({ name: maskName(r.name), phone: r.phone ? maskPhone(r.phone) : null })),
      headcount: f.headcount ?? 1,
      emergency: draft.emergencyFlag || signals.length > 0,
      emergencySignals: signals,
      accusedUnitId: f.accusedUnitId ?? null,
      letterReceivedOn: draft.letter?.receivedDate.slice(0, 10) ?? null,
      letterPostmark: draft.letter?.postmark ?? null,
      callerNumberEnc: draft.call ? this.pii.encrypt(draft.call.callerNumber) : null,
      callerNumberMasked: draft.call ? maskPhone(draft.call.callerNumber) : null,
      externalOrderId: draft.externalOrderId ?? null,
      terms: textTerms(text),
      triageOutcome: null,
      triageTarget: null,
      triageNote: null,
      relatedPetitionId: null,
      triagedBy: null,
      triagedAt: null,
      leadUnitId: null,
      coHandlerUnitIds: [],
      replyDeliveredAt: null,
      reviewRequestDue: null,
      reexamRequestDue: null,
      answerText: null,
      noticeDue: null,
      noticeGivenAt: null,
      noticeGivenBy: null,
      noticeMethod: null,
      acceptedAt: null,
      handlingDue: null,
      registeredBy: draft.registeredBy,
      registeredAt: now,
      receivedAt: draft.receivedAt ?? now,
      updatedAt: now,
    });
  }

  /** Sets status and triage from the repeat verdict and the source; returns the events to publish. */
  private decide(p: PetitionEntity, verdict: RepeatVerdict, draft: PetitionDraft, now: Date): PetitionEvent[] {
    const events: PetitionEvent[] = [];
    // A retried decision starts from scratch.
    Object.assign(p, {
      status: PetitionStatus.Registered,
      triageOutcome: null,
      triageTarget: null,
      relatedPetitionId: null,
      triagedBy: null,
      triagedAt: null,
      answerText: null,
      noticeDue: null,
    });
    const settle = (outcome: TriageOutcome, status: PetitionStatus, related: string | null, target: string | null, by = SYSTEM_ACTOR) =>
      Object.assign(p, {
        triageOutcome: outcome,
        status,
        relatedPetitionId: related,
        triageTarget: target,
        triagedBy: by,
        triagedAt: now,
        noticeDue: this.writtenNotice.dueFor(outcome, p.receivedAt),
      });
    if (p.emergency) events.push(emergencyEvent(p, now, draft.emergencyFlag));
    if (verdict.kind === 'link') {
      settle(TriageOutcome.LinkRepeat, PetitionStatus.Ended, verdict.original.id, verdict.original.trackingNo);
      events.push(repeatLinkedEvent(p, verdict.original, verdict.similarity, now), triagedEvent(p, now, TriageOutcome.LinkRepeat, true));
    } else if (verdict.kind === 'refuse') {
      settle(TriageOutcome.Refuse, PetitionStatus.Ended, verdict.original.id, verdict.original.trackingNo);
      events.push(triagedEvent(p, now, TriageOutcome.Refuse, true));
    } else if (draft.route === 'answer_on_the_spot') {
      // The clerk's own decision, made with the petitioner in front of them.
      settle(TriageOutcome.AnswerOnTheSpot, PetitionStatus.Ended, null, null, draft.registeredBy);
      p.answerText = draft.answer ?? null;
      events.push(triagedEvent(p, now, TriageOutcome.AnswerOnTheSpot, false));
    } else if (draft.source !== 'online' && draft.route !== 'triage') {
      // Staff and hotline registrations go straight to dispatch unless the clerk holds them for
      // triage; online ones always wait for a clerk.
      settle(TriageOutcome.Dispatch, PetitionStatus.Dispatched, null, null);
      events.push(registeredEvent(p), triagedEvent(p, now, TriageOutcome.Dispatch, true));
    }
    return events;
  }
}

function isUniqueViolation(err: unknown): boolean {
  return (
    (err as { code?: string; driverError?: { code?: string } })?.driverError?.code === '23505' ||
    (err as { code?: string })?.code === '23505'
  );
}

/** The timeline step a triage outcome shows as. */
export function timelineKindOf(
  outcome: TriageOutcome,
): 'dispatched' | 'informed' | 'forwarded' | 'refused' | 'linked_as_repeat' | 'answered_on_the_spot' {
  switch (outcome) {
    case TriageOutcome.Dispatch:
      return 'dispatched';
    case TriageOutcome.Inform:
      return 'informed';
    case TriageOutcome.Forward:
      return 'forwarded';
    case TriageOutcome.Refuse:
      return 'refused';
    case TriageOutcome.LinkRepeat:
      return 'linked_as_repeat';
    case TriageOutcome.AnswerOnTheSpot:
      return 'answered_on_the_spot';
  }
}

/** What the petitioner's timeline says of a refusal (不再受理); fixed, see {@link publicNoteOf}. */
export const REFUSED_PUBLIC_NOTE = '同一事项已办理终结，不再受理（《信访工作条例》第三十六条）';
/** What the petitioner's timeline says of a link to an open matter (重复信访); fixed, see {@link publicNoteOf}. */
export const LINKED_PUBLIC_NOTE = '同一事项正在办理中，已并入原事项一并办理（《信访工作条例》第十九条）';

/** What the petitioner is told about a triage decision (an institution at most: never a person nor another petition). */
export function publicNoteOf(p: PetitionEntity): string | null {
  switch (p.triageOutcome as TriageOutcome | null) {
    case TriageOutcome.Inform:
      return `请通过以下途径解决：${p.triageTarget ?? ''}`;
    case TriageOutcome.Forward:
      return `已转送：${p.triageTarget ?? ''}`;
    // Never the other petition's tracking number: the public view must not confirm to whoever holds
    // this query code that someone else's matter exists, let alone how to find it.
    case TriageOutcome.Refuse:
      return REFUSED_PUBLIC_NOTE;
    case TriageOutcome.LinkRepeat:
      return LINKED_PUBLIC_NOTE;
    case TriageOutcome.AnswerOnTheSpot:
      return `当场答复：${p.answerText ?? ''}`;
    case TriageOutcome.Dispatch:
    case null:
      return null;
  }
}
