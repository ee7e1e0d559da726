import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ActionSource, URGE_ISSUED, toOffsetIso, type UrgeIssuedPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import type { EntityManager } from 'typeorm';
import type { UrgeEntity } from '../entities/urge.entity';
import { EscalationRepository } from '../escalation.repository';

/** What an urge needs; `deadlineId`/`stage` name the overdue deadline when the ladder urges. */
export interface IssueUrgeInput {
  petitionId: string;
  unitId: string;
  reason: string;
  source: ActionSource;
  issuedBy: string;
  deadlineId?: string | null;
  stage?: string | null;
}

/** Sends an urge notice (催办) to a unit: the row and `urge.issued` in the caller's transaction. */
@Injectable()
export class IssueUrgeUseCase {
  constructor(
    private readonly repository: EscalationRepository,
    private readonly outbox: EventOutbox,
  ) {}

  /** @returns the urge, or null when the ladder had already urged for this deadline. */
  async execute(m: EntityManager, input: IssueUrgeInput, now: Date): Promise<UrgeEntity | null> {
    const urge: UrgeEntity = {
      id: randomUUID(),
      petitionId: input.petitionId,
      unitId: input.unitId,
      deadlineId: input.deadlineId ?? null,
      stage: input.stage ?? null,
      reason: input.reason,
      source: input.source,
      issuedBy: input.issuedBy,
      issuedAt: now,
    };
    if (!(await this.repository.insertUrge(m, urge))) return null;
    const payload: UrgeIssuedPayload = {
      urgeId: urge.id,
      petitionId: urge.petitionId,
      unitId: urge.unitId,
      deadlineId: urge.deadlineId,
      stage: urge.stage,
      reason: urge.reason,
      source: urge.source,
      issuedAt: toOffsetIso(now),
    };
    await this.outbox.publish(m, now, { type: URGE_ISSUED, petitionId: urge.petitionId, payload });
    return urge;
  }
}
