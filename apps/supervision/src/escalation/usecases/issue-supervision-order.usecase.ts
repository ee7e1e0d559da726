import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  SUPERVISION_ORDER_ISSUED,
  toOffsetIso,
  type ActionSource,
  type DeadlineRef,
  type SupervisionLevel,
  type SupervisionOrderIssuedPayload,
} from '@petition/contracts';
import { Deadline } from '@petition/deadlines';
import { EventOutbox } from '@petition/messaging';
import type { EntityManager } from 'typeorm';
import { DeadlineBook } from '../../deadlines/deadline-book';
import type { SupervisionOrderEntity } from '../entities/supervision-order.entity';
import { EscalationRepository } from '../escalation.repository';

/** What a supervision order needs; `deadlineId` names the overdue deadline when the ladder issues it. */
export interface IssueSupervisionOrderInput {
  petitionId: string;
  unitId: string;
  reason: string;
  level: SupervisionLevel;
  source: ActionSource;
  issuedBy: string;
  deadlineId?: string | null;
}

/**
 * Issues a supervision order (督办单) or flagged supervision (挂牌督办) with its own answer
 * deadline (`supervision_order`, fixed now from libs/deadlines); the order and
 * `supervision_order.issued` commit in the caller's transaction. The tracker opens the answer
 * deadline when the event comes back.
 */
@Injectable()
export class IssueSupervisionOrderUseCase {
  constructor(
    private readonly repository: EscalationRepository,
    private readonly outbox: EventOutbox,
    private readonly book: DeadlineBook,
  ) {}

  /** @returns the order, or null when the ladder had already issued this level for this deadline. */
  async execute(m: EntityManager, input: IssueSupervisionOrderInput, now: Date): Promise<SupervisionOrderEntity | null> {
    const answer = Deadline.start({ start: now, stage: 'supervision_order', rules: this.book.rules, calendar: this.book.calendar });
    const answerDeadline: DeadlineRef = {
      stage: 'supervision_order',
      startedAt: toOffsetIso(now),
      due: answer.due,
      ruleSet: answer.ruleSetVersion,
      provisional: answer.provisional,
    };
    const order: SupervisionOrderEntity = {
      id: randomUUID(),
      petitionId: input.petitionId,
      unitId: input.unitId,
      deadlineId: input.deadlineId ?? null,
      level: input.level,
      reason: input.reason,
      source: input.source,
      issuedBy: input.issuedBy,
      issuedAt: now,
      answerDeadline,
      answerDue: new Date(answer.dueMs),
      state: 'open',
      answer: null,
      answeredBy: null,
      answeredAt: null,
      answeredOnTime: null,
    };
    if (!(await this.repository.insertOrder(m, order))) return null;
    const payload: SupervisionOrderIssuedPayload = {
      orderId: order.id,
      petitionId: order.petitionId,
      unitId: order.unitId,
      deadlineId: order.deadlineId,
      level: order.level,
      reason: order.reason,
      source: order.source,
      answerDeadline,
      issuedAt: toOffsetIso(now),
    };
    await this.outbox.publish(m, now, { type: SUPERVISION_ORDER_ISSUED, petitionId: order.petitionId, payload });
    return order;
  }
}
