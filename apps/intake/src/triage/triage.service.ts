import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { Channel, PetitionStatus, TriageOutcome, toOffsetIso } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { PetitionView } from '../petitions/dto/petition.view';
import type { PetitionEntity } from '../petitions/entities/petition.entity';
import { registeredEvent, repeatLinkedEvent, triagedEvent, type PetitionEvent } from '../petitions/petition-events';
import { PetitionNotFoundError } from '../petitions/petitions.errors';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { publicNoteOf, timelineKindOf } from '../petitions/usecases/register-petition.usecase';
import { LITIGATION_CATEGORY } from '../reference/reference-seed';
import { WrittenNoticeDeadline } from '../petitions/written-notice';
import { TimelineRepository } from '../timeline/timeline.repository';
import type { RecordWrittenNoticeDto } from './dto/written-notice.dto';
import type { TriagePetitionDto } from './dto/triage-petition.dto';
import {
  AlreadyTriagedError,
  LitigationNotDispatchableError,
  NoWrittenNoticeOwedError,
  NotAnswerableOnTheSpotError,
  RelatedNotConcludedError,
  RelatedNotFoundError,
  RelatedNotOpenError,
  WrittenNoticeAlreadyGivenError,
} from './triage.errors';

const CHANNEL_NAMES: Record<string, string> = {
  litigation: '向人民法院提起诉讼',
  arbitration: '申请仲裁',
  administrative_review: '申请行政复议',
  administrative_reconsideration: '申请行政复议',
  labor_arbitration: '申请劳动人事争议仲裁',
  other: '其他法定途径',
};

/** States in which a matter is still open, so a repeat can join it. */
const OPEN: ReadonlySet<PetitionStatus> = new Set([
  PetitionStatus.Registered,
  PetitionStatus.Dispatched,
  PetitionStatus.Assigned,
  PetitionStatus.Accepted,
  PetitionStatus.Replied,
  PetitionStatus.Approved,
  PetitionStatus.Closed,
]);

/** A clerk's triage of a registered petition (docs/rules.md `triage`). */
@Injectable()
export class TriageService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly timeline: TimelineRepository,
    private readonly writtenNotice: WrittenNoticeDeadline,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async triage(id: string, input: TriagePetitionDto, by: StaffUser): Promise<PetitionView> {
    const related = input.relatedTrackingNo ? await this.petitions.findByTrackingNo(input.relatedTrackingNo) : null;
    if (input.relatedTrackingNo && !related) throw new RelatedNotFoundError(input.relatedTrackingNo);
    return this.petitions.transaction(async (manager) => {
      const p = await this.petitions.lockById(manager, id);
      if (!p) throw new PetitionNotFoundError(id);
      if (p.status !== PetitionStatus.Registered) throw new AlreadyTriagedError(p.status);
      const now = this.clock.now();
      const events = this.apply(p, input, related, now);
      const change = {
        status: p.status,
        triageOutcome: input.outcome,
        triageTarget: p.triageTarget,
        triageNote: input.note ?? null,
        relatedPetitionId: p.relatedPetitionId,
        triagedBy: by.sub,
        triagedAt: now,
        answerText: p.answerText,
        noticeDue: this.writtenNotice.dueFor(input.outcome, p.receivedAt),
      };
      await this.petitions.applyTriage(manager, p.id, change);
      Object.assign(p, change);
      await this.timeline.append(manager, p.id, timelineKindOf(input.outcome), now, publicNoteOf(p));
      await this.outbox.publish(manager, now, events);
      return PetitionView.from(p);
    });
  }

  /** Checks the outcome against the law and sets status, target and link on `p`; returns the events. */
  private apply(p: PetitionEntity, input: TriagePetitionDto, related: PetitionEntity | null, now: Date): PetitionEvent[] {
    p.triageOutcome = input.outcome;
    switch (input.outcome) {
      case TriageOutcome.Dispatch:
        if (p.categoryCode === LITIGATION_CATEGORY) throw new LitigationNotDispatchableError();
        p.status = PetitionStatus.Dispatched;
        return [registeredEvent(p), triagedEvent(p, now, input.outcome, false)];
      case TriageOutcome.Inform:
        p.status = PetitionStatus.Ended;
        p.triageTarget = [CHANNEL_NAMES[input.properChannel ?? 'other'], input.authority].filter(Boolean).join('：');
        return [triagedEvent(p, now, input.outcome, false)];
      case TriageOutcome.Forward:
        p.status = PetitionStatus.Ended;
        p.triageTarget = input.authority ?? null;
        return [triagedEvent(p, now, input.outcome, false)];
      case TriageOutcome.Refuse: {
        const r = related as PetitionEntity;
        if (r.status !== PetitionStatus.Concluded) throw new RelatedNotConcludedError(r.trackingNo, r.status);
        Object.assign(p, { status: PetitionStatus.Ended, triageTarget: r.trackingNo, relatedPetitionId: r.id });
        return [triagedEvent(p, now, input.outcome, false)];
      }
      case TriageOutcome.LinkRepeat: {
        const r = related as PetitionEntity;
        if (!OPEN.has(r.status) || r.id === p.id) throw new RelatedNotOpenError(r.trackingNo, r.status);
        Object.assign(p, { status: PetitionStatus.Ended, triageTarget: r.trackingNo, relatedPetitionId: r.id });
        return [repeatLinkedEvent(p, r, 1, now), triagedEvent(p, now, input.outcome, false)];
      }
      case TriageOutcome.AnswerOnTheSpot:
        if (p.channel !== Channel.Visit && p.channel !== Channel.Call) throw new NotAnswerableOnTheSpotError(p.channel);
        Object.assign(p, { status: PetitionStatus.Ended, answerText: input.answer ?? null });
        return [triagedEvent(p, now, input.outcome, false)];
    }
  }

  /**
   * Records that the written notice of a decision not to accept reached the petitioner (the
   * document itself is printed or sent elsewhere). Once only: the first record is the one that
   * says whether the 15 days of 条例 Art. 22 were kept.
   */
  async recordWrittenNotice(id: string, input: RecordWrittenNoticeDto, by: StaffUser): Promise<PetitionView> {
    return this.petitions.transaction(async (manager) => {
      const p = await this.petitions.lockById(manager, id);
      if (!p) throw new PetitionNotFoundError(id);
      if (!p.noticeDue)
        throw new NoWrittenNoticeOwedError(p.triageOutcome ? `the decision was ${p.triageOutcome}` : `petition is ${p.status}`);
      if (p.noticeGivenAt) throw new WrittenNoticeAlreadyGivenError(toOffsetIso(p.noticeGivenAt));
      const now = this.clock.now();
      const change = { noticeGivenAt: now, noticeGivenBy: by.sub, noticeMethod: input.method };
      await this.petitions.recordWrittenNotice(manager, p.id, change);
      Object.assign(p, change);
      return PetitionView.from(p);
    });
  }
}
