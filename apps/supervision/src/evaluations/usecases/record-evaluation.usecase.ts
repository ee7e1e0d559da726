import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  EVALUATION_RECORDED,
  EvaluationSource,
  PETITION_CLOSED,
  toOffsetIso,
  type EvaluationRecordedPayload,
  type EvaluationSubmittedPayload,
  type EventEnvelope,
  type PetitionClosedPayload,
  type Satisfaction,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { MatterNotDeliveredError, MatterNotFoundError } from '../../matters/matters.errors';
import { MattersRepository } from '../../matters/matters.repository';
import type { RecordCallbackDto } from '../dto/evaluation.dto';
import { EvaluationView } from '../dto/evaluation.dto';
import type { EvaluationEntity } from '../entities/evaluation.entity';
import { EvaluationsRepository } from '../evaluations.repository';

/** What any evaluation says, whoever took it. */
interface EvaluationInput {
  petitionId: string;
  satisfaction: Satisfaction;
  solved: boolean;
  source: EvaluationSource;
  method: string;
  summary: string | null;
  recordedBy: string;
}

/**
 * Records an evaluation of the matter's latest delivered reply, from a staff callback (回访) or
 * from the petitioner through intake. The newest evaluation becomes the one that counts; the first
 * of a delivered round closes the matter (`petition.closed`). Without a delivered reply there is
 * nothing to evaluate: 409 over HTTP; for an event the error is retried, then dead-lettered.
 */
@Injectable()
export class RecordEvaluationUseCase {
  constructor(
    private readonly evaluations: EvaluationsRepository,
    private readonly matters: MattersRepository,
    private readonly events: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A callback recorded by staff. */
  callback(user: StaffUser, input: RecordCallbackDto): Promise<EvaluationView> {
    return this.matters.transaction(async (m) => {
      const e = await this.record(m, { ...input, source: EvaluationSource.Callback, recordedBy: user.sub });
      return EvaluationView.from(e);
    });
  }

  /** The petitioner's evaluation, from intake's `evaluation.submitted`. */
  async submitted(m: EntityManager, event: EventEnvelope<EvaluationSubmittedPayload>): Promise<void> {
    const p = event.payload;
    await this.record(
      m,
      {
        petitionId: p.petitionId,
        satisfaction: p.satisfaction,
        solved: p.solved,
        source: EvaluationSource.Petitioner,
        method: 'online',
        summary: p.comment || null,
        recordedBy: 'petitioner',
      },
      event,
    );
  }

  private async record(m: EntityManager, input: EvaluationInput, cause?: EventEnvelope): Promise<EvaluationEntity> {
    const now = this.clock.now();
    const matter = await this.matters.lock(m, input.petitionId);
    if (!matter) throw new MatterNotFoundError(input.petitionId);
    if (!matter.deliveredReplyId || matter.deliveredRound === null || !matter.leadUnitId)
      throw new MatterNotDeliveredError('评价 (evaluate)');
    const firstOfRound = (await this.evaluations.countOfRound(m, matter.petitionId, matter.deliveredRound)) === 0;
    const evaluation: EvaluationEntity = {
      id: randomUUID(),
      petitionId: matter.petitionId,
      unitId: matter.leadUnitId,
      replyId: matter.deliveredReplyId,
      round: matter.deliveredRound,
      satisfaction: input.satisfaction,
      solved: input.solved,
      source: input.source,
      method: input.method,
      summary: input.summary,
      recordedBy: input.recordedBy,
      recordedAt: now,
      current: true,
    };
    await this.evaluations.insertAsCurrent(m, evaluation);
    const payload: EvaluationRecordedPayload = {
      evaluationId: evaluation.id,
      petitionId: evaluation.petitionId,
      unitId: evaluation.unitId,
      replyId: evaluation.replyId,
      round: evaluation.round,
      satisfaction: evaluation.satisfaction,
      solved: evaluation.solved,
      source: evaluation.source,
      recordedAt: toOffsetIso(now),
    };
    await this.events.publish(m, now, { type: EVALUATION_RECORDED, petitionId: matter.petitionId, payload, cause: cause });
    if (firstOfRound) {
      Object.assign(matter, { closedAt: now, updatedAt: now });
      await this.matters.save(m, matter);
      const closed: PetitionClosedPayload = { petitionId: matter.petitionId, unitId: matter.leadUnitId, closedAt: toOffsetIso(now) };
      await this.events.publish(m, now, { type: PETITION_CLOSED, petitionId: matter.petitionId, payload: closed, cause: cause });
    }
    return evaluation;
  }
}
