import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  APPEAL_FILED,
  AppealKind,
  toOffsetIso,
  type AppealFiledPayload,
  type AppealRequestedPayload,
  type EventEnvelope,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, ValidationFailedError } from '@petition/service-kit';
import { FlowDeadlines } from '../../matters/flow-deadlines';
import { MatterNotFoundError } from '../../matters/matters.errors';
import { MattersRepository } from '../../matters/matters.repository';
import { checkAppealWindow } from '../appeal-window';
import { AppealRefusedError } from '../appeals.errors';
import { AppealsRepository } from '../appeals.repository';
import type { FileAppealDto } from '../dto/appeal.dto';
import { AppealView } from '../dto/appeal.view';
import type { AppealEntity, AppealSource } from '../entities/appeal.entity';

/** A request as either channel brings it. */
interface AppealRequest {
  petitionId: string;
  kind: AppealKind;
  grounds: string;
  receivedAt: Date;
  source: AppealSource;
  registeredBy: string;
}

/**
 * Files a review (复查) or re-examination (复核) request once its window is checked; the decision
 * deadline (`review_decision` / `reexam_decision`) runs from receipt and travels in `appeal.filed`.
 * Staff get a refusal as an error and nothing is stored; a petitioner's online request that fails
 * the check is stored as refused with its reason (the event is consumed, not dead-lettered).
 */
@Injectable()
export class FileAppealUseCase {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly matters: MattersRepository,
    private readonly deadlines: FlowDeadlines,
    private readonly events: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A paper or window request registered by staff. */
  register(user: StaffUser, input: FileAppealDto): Promise<AppealView> {
    const now = this.clock.now();
    const receivedAt = new Date(input.receivedAt);
    if (receivedAt.getTime() > now.getTime())
      throw new ValidationFailedError([{ field: 'receivedAt', reason: `must not be in the future (now ${toOffsetIso(now)})` }]);
    return this.matters.transaction(async (m) => {
      const appeal = await this.file(
        m,
        { petitionId: input.petitionId, kind: input.kind, grounds: input.grounds, receivedAt, source: 'staff', registeredBy: user.sub },
        'throw',
      );
      return this.view(appeal);
    });
  }

  /** A request the petitioner made online, from intake's `appeal.requested`. */
  async requested(m: EntityManager, event: EventEnvelope<AppealRequestedPayload>): Promise<void> {
    const p = event.payload;
    await this.file(
      m,
      {
        petitionId: p.petitionId,
        kind: p.kind,
        grounds: p.grounds,
        receivedAt: new Date(p.requestedAt),
        source: 'petitioner',
        registeredBy: 'petitioner',
      },
      'record',
      event,
    );
  }

  private async file(m: EntityManager, req: AppealRequest, onRefusal: 'throw' | 'record', cause?: EventEnvelope): Promise<AppealEntity> {
    const now = this.clock.now();
    const matter = await this.matters.lock(m, req.petitionId);
    if (!matter && onRefusal === 'throw') throw new MatterNotFoundError(req.petitionId);
    const review = await this.appeals.live(m, req.petitionId, AppealKind.Review);
    const check = checkAppealWindow({
      kind: req.kind,
      receivedAt: req.receivedAt,
      deliveredAt: matter?.deliveredAt ?? null,
      reviewRequestDue: matter?.reviewRequestDue ?? null,
      concludedAt: matter?.concludedAt ?? null,
      sameKind: req.kind === AppealKind.Review ? review : await this.appeals.live(m, req.petitionId, req.kind),
      review,
    });
    const appeal: AppealEntity = {
      id: randomUUID(),
      petitionId: req.petitionId,
      kind: req.kind,
      unitId: matter?.leadUnitId ?? null,
      source: req.source,
      grounds: req.grounds,
      receivedAt: req.receivedAt,
      registeredBy: req.registeredBy,
      registeredAt: now,
      status: 'filed',
      refusalCode: null,
      refusalReason: null,
      decisionDeadline: null,
      decisionDue: null,
      outcome: null,
      decisionReason: null,
      decidedBy: null,
      decidedAt: null,
      nextRequestDeadline: null,
      nextRequestDue: null,
    };
    if (!check.ok) {
      if (onRefusal === 'throw') throw new AppealRefusedError(check.code, check.reason, req.kind);
      Object.assign(appeal, { status: 'refused', refusalCode: check.code, refusalReason: check.reason });
      await this.appeals.insert(m, appeal);
      return appeal;
    }
    const deadline = this.deadlines.start(req.kind === AppealKind.Review ? 'review_decision' : 'reexam_decision', req.receivedAt);
    Object.assign(appeal, {
      decisionDeadline: deadline.toJSON() as unknown as Record<string, unknown>,
      decisionDue: new Date(deadline.due),
    });
    await this.appeals.insert(m, appeal);
    const payload: AppealFiledPayload = {
      appealId: appeal.id,
      petitionId: appeal.petitionId,
      kind: appeal.kind,
      unitId: appeal.unitId,
      decisionDeadline: FlowDeadlines.toRef(deadline),
      filedAt: toOffsetIso(now),
    };
    await this.events.publish(m, now, { type: APPEAL_FILED, petitionId: appeal.petitionId, payload, cause: cause });
    return appeal;
  }

  private view(appeal: AppealEntity): AppealView {
    return AppealView.from(appeal, appeal.decisionDeadline ? this.deadlines.load(appeal.decisionDeadline) : null);
  }
}
