import { Injectable } from '@nestjs/common';
import {
  AppealKind,
  PetitionStatus,
  Satisfaction,
  type AppealDecidedPayload,
  type AppealFiledPayload,
  type EvaluationRecordedPayload,
  type EventEnvelope,
  type PetitionClosedPayload,
  type PetitionConcludedPayload,
  type PetitionRepliedPayload,
  type ReplyDeliveredPayload,
  type ReviewApprovedPayload,
} from '@petition/contracts';
import { lastDayOfPeriod } from '@petition/deadlines';
import type { EntityManager } from 'typeorm';
import { APPEAL_KIND_LABELS as KIND_LABEL, APPEAL_OUTCOME_LABELS as OUTCOME_LABEL } from '../decisions/decision-labels';
import { DecisionsRepository } from '../decisions/decisions.repository';
import type { PetitionEntity } from '../petitions/entities/petition.entity';
import { PetitionsRepository } from '../petitions/petitions.repository';
import { TimelineRepository, type TimelineKind } from '../timeline/timeline.repository';
import { RANK } from './status-rank';

const SATISFACTION_LABEL: Record<Satisfaction, string> = {
  [Satisfaction.Satisfied]: '满意',
  [Satisfaction.BasicallySatisfied]: '基本满意',
  [Satisfaction.Dissatisfied]: '不满意',
};

/**
 * Follows the reply, review and appeal steps (handling's `petition.replied`, supervision's
 * events) into intake's status and the petitioner's timeline. Notes are written for the
 * petitioner: no reasons, no unit names, no personal data. Status never moves back; the windows
 * for review and re-examination are the deadlines supervision fixed.
 */
@Injectable()
export class SupervisionProgressService {
  constructor(
    private readonly petitions: PetitionsRepository,
    private readonly timeline: TimelineRepository,
    private readonly decisions: DecisionsRepository,
  ) {}

  /** The letter is kept now and shown to the petitioner only once supervision has approved and delivered it. */
  async onReplied(manager: EntityManager, e: EventEnvelope<PetitionRepliedPayload>): Promise<void> {
    await this.decisions.recordLetter(manager, {
      replyId: e.payload.replyId,
      petitionId: e.payload.petitionId,
      round: e.payload.round,
      outcome: e.payload.outcome,
      text: e.payload.text,
      facts: e.payload.facts,
      decision: e.payload.decision,
      legalBasis: e.payload.legalBasis,
      unitId: e.payload.unitId,
      repliedAt: new Date(e.payload.repliedAt),
    });
    await this.step(manager, e.payload.petitionId, e.payload.repliedAt, 'replied', null, { status: PetitionStatus.Replied });
  }

  async onReviewApproved(manager: EntityManager, e: EventEnvelope<ReviewApprovedPayload>): Promise<void> {
    await this.step(manager, e.payload.petitionId, e.payload.decidedAt, 'reply_approved', null, { status: PetitionStatus.Approved });
  }

  async onReplyDelivered(manager: EntityManager, e: EventEnvelope<ReplyDeliveredPayload>): Promise<void> {
    const due = e.payload.reviewRequestDeadline.due;
    await this.decisions.markDelivered(manager, e.payload.replyId, new Date(e.payload.deliveredAt));
    await this.step(
      manager,
      e.payload.petitionId,
      e.payload.deliveredAt,
      'reply_delivered',
      `如对答复不服，可于 ${lastDayOfPeriod(due)} 前申请复查`,
      {
        status: PetitionStatus.Approved,
        replyDeliveredAt: new Date(e.payload.deliveredAt),
        reviewRequestDue: new Date(due),
      },
    );
  }

  async onEvaluationRecorded(manager: EntityManager, e: EventEnvelope<EvaluationRecordedPayload>): Promise<void> {
    await this.step(
      manager,
      e.payload.petitionId,
      e.payload.recordedAt,
      'evaluation_recorded',
      `评价：${SATISFACTION_LABEL[e.payload.satisfaction]}`,
      {},
    );
  }

  async onClosed(manager: EntityManager, e: EventEnvelope<PetitionClosedPayload>): Promise<void> {
    await this.step(manager, e.payload.petitionId, e.payload.closedAt, 'closed', null, { status: PetitionStatus.Closed });
  }

  async onAppealFiled(manager: EntityManager, e: EventEnvelope<AppealFiledPayload>): Promise<void> {
    const kind = KIND_LABEL[e.payload.kind];
    await this.step(
      manager,
      e.payload.petitionId,
      e.payload.filedAt,
      'appeal_filed',
      `${kind}申请已受理，将于 ${lastDayOfPeriod(e.payload.decisionDeadline.due)} 前作出${kind}意见`,
      {},
    );
  }

  async onAppealDecided(manager: EntityManager, e: EventEnvelope<AppealDecidedPayload>): Promise<void> {
    const next = e.payload.kind === AppealKind.Review ? (e.payload.nextRequestDeadline ?? null) : null;
    await this.decisions.recordAppealDecision(manager, {
      appealId: e.payload.appealId,
      petitionId: e.payload.petitionId,
      kind: e.payload.kind,
      outcome: e.payload.outcome,
      reason: e.payload.reason ?? null,
      decidedAt: new Date(e.payload.decidedAt),
    });
    const note = `${KIND_LABEL[e.payload.kind]}意见：${OUTCOME_LABEL[e.payload.outcome]}${next ? `；如不服，可于 ${lastDayOfPeriod(next.due)} 前申请复核` : ''}`;
    await this.step(
      manager,
      e.payload.petitionId,
      e.payload.decidedAt,
      'appeal_decided',
      note,
      next ? { reexamRequestDue: new Date(next.due) } : {},
    );
  }

  /** After this, the same matter raised again is refused (条例 Art. 36); the repeat policy reads the status. */
  async onConcluded(manager: EntityManager, e: EventEnvelope<PetitionConcludedPayload>): Promise<void> {
    await this.step(
      manager,
      e.payload.petitionId,
      e.payload.concludedAt,
      'concluded',
      '本事项已终结，同一事项不再受理（《信访工作条例》第三十六条）',
      { status: PetitionStatus.Concluded },
    );
  }

  /** Records one step; an unknown petition (another deployment's data on a shared topic) is skipped. */
  private async step(
    manager: EntityManager,
    petitionId: string,
    atIso: string,
    kind: TimelineKind,
    note: string | null,
    changes: Partial<Pick<PetitionEntity, 'status' | 'replyDeliveredAt' | 'reviewRequestDue' | 'reexamRequestDue'>>,
  ): Promise<void> {
    const p = await this.petitions.lockById(manager, petitionId);
    if (!p) return;
    const at = new Date(atIso);
    // A late event never moves the status back (a reply that arrives after its approval, say).
    const next = changes.status && RANK[changes.status] > RANK[p.status] ? changes.status : undefined;
    const { status: _ignored, ...rest } = changes;
    if (next || Object.keys(rest).length)
      await this.petitions.updateStatus(manager, p.id, { ...rest, ...(next ? { status: next } : {}) }, at);
    await this.timeline.append(manager, p.id, kind, at, note);
  }
}
