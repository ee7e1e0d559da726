import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { ActionSource, SUPERVISION_ORDER_ANSWERED, toOffsetIso, type SupervisionOrderAnsweredPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, decodeCursor, encodeCursor } from '@petition/service-kit';
import type { DataSource } from 'typeorm';
import type {
  AnswerSupervisionOrderDto,
  IssueSupervisionOrderDto,
  IssueUrgeDto,
  SupervisionOrderPage,
  SupervisionOrderQueryDto,
  SupervisionOrderView,
  UnitRecordPage,
  UrgeView,
} from './dto/escalation.dto';
import type { SupervisionOrderEntity } from './entities/supervision-order.entity';
import type { UrgeEntity } from './entities/urge.entity';
import { SupervisionOrderAlreadyAnsweredError, SupervisionOrderNotFoundError } from './escalation.errors';
import { EscalationRepository } from './escalation.repository';
import { readableUnit } from './unit-scope';
import { IssueSupervisionOrderUseCase } from './usecases/issue-supervision-order.usecase';
import { IssueUrgeUseCase } from './usecases/issue-urge.usecase';

const iso = (d: Date | null): string | null => (d === null ? null : toOffsetIso(d));

/** Urges and supervision orders by hand, answers, and the unit's record. */
@Injectable()
export class EscalationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repository: EscalationRepository,
    private readonly outbox: EventOutbox,
    private readonly issueUrgeUseCase: IssueUrgeUseCase,
    private readonly issueOrderUseCase: IssueSupervisionOrderUseCase,
  ) {}

  async issueUrge(user: StaffUser, body: IssueUrgeDto): Promise<UrgeView> {
    const now = this.clock.now();
    const urge = await this.dataSource.transaction((m) =>
      this.issueUrgeUseCase.execute(m, { ...body, source: ActionSource.Supervisor, issuedBy: user.sub }, now),
    );
    return toUrgeView(urge as UrgeEntity);
  }

  async issueOrder(user: StaffUser, body: IssueSupervisionOrderDto): Promise<SupervisionOrderView> {
    const now = this.clock.now();
    const order = await this.dataSource.transaction((m) =>
      this.issueOrderUseCase.execute(m, { ...body, source: ActionSource.Supervisor, issuedBy: user.sub }, now),
    );
    return toOrderView(order as SupervisionOrderEntity);
  }

  /** The unit's handler or head answers its own unit's order; other units' orders are "not found". */
  async answer(user: StaffUser, id: string, body: AnswerSupervisionOrderDto): Promise<SupervisionOrderView> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (m) => {
      const order = await this.repository.findOrderForUpdate(m, id);
      if (order === null || order.unitId !== user.unitId) throw new SupervisionOrderNotFoundError(id);
      if (order.state === 'answered') throw new SupervisionOrderAlreadyAnsweredError(id);
      Object.assign(order, {
        state: 'answered',
        answer: body.answer,
        answeredBy: user.sub,
        answeredAt: now,
        answeredOnTime: now < order.answerDue,
      });
      await this.repository.saveOrder(m, order);
      const payload: SupervisionOrderAnsweredPayload = {
        orderId: order.id,
        petitionId: order.petitionId,
        unitId: order.unitId,
        answeredOnTime: order.answeredOnTime as boolean,
        answeredAt: toOffsetIso(now),
      };
      await this.outbox.publish(m, now, { type: SUPERVISION_ORDER_ANSWERED, petitionId: order.petitionId, payload });
      return toOrderView(order);
    });
  }

  async listOrders(user: StaffUser, query: SupervisionOrderQueryDto): Promise<SupervisionOrderPage> {
    const unitId = readableUnit(user, query.unitId);
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const rows = await this.repository.listOrders({
      unitId,
      state: query.state,
      limit,
      after: after ? { issuedAt: String(after[0]), id: String(after[1]) } : undefined,
    });
    const last = rows[rows.length - 1];
    return {
      items: rows.map(toOrderView),
      nextCursor: rows.length === limit && last ? encodeCursor([last.issuedAt.toISOString(), last.id]) : null,
    };
  }

  async unitRecord(user: StaffUser, unitId: string, limit = 50, cursor?: string): Promise<UnitRecordPage> {
    readableUnit(user, unitId);
    const after = cursor ? decodeCursor(cursor, ['instant', 'uuid']) : null;
    const rows = await this.repository.unitRecord(unitId, after ? { at: String(after[0]), id: String(after[1]) } : null, limit);
    const last = rows[rows.length - 1];
    return {
      unitId,
      items: rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        petitionId: r.petition_id,
        at: toOffsetIso(r.at),
        stage: r.stage,
        reason: r.reason,
        source: r.source as ActionSource | null,
        state: r.state,
        due: iso(r.due),
      })),
      nextCursor: rows.length === limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
    };
  }
}

function toUrgeView(u: UrgeEntity): UrgeView {
  return {
    id: u.id,
    petitionId: u.petitionId,
    unitId: u.unitId,
    deadlineId: u.deadlineId,
    stage: u.stage,
    reason: u.reason,
    source: u.source,
    issuedAt: toOffsetIso(u.issuedAt),
  };
}

function toOrderView(o: SupervisionOrderEntity): SupervisionOrderView {
  return {
    id: o.id,
    petitionId: o.petitionId,
    unitId: o.unitId,
    deadlineId: o.deadlineId,
    level: o.level,
    reason: o.reason,
    source: o.source,
    issuedAt: toOffsetIso(o.issuedAt),
    answerDue: toOffsetIso(o.answerDue),
    state: o.state,
    answer: o.answer,
    answeredAt: iso(o.answeredAt),
    answeredOnTime: o.answeredOnTime,
  };
}
