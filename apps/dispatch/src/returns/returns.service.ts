import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  ASSIGNMENT_RETURN_REJECTED,
  toOffsetIso,
  type AssignmentReturnRejectedPayload,
  type AssignmentReturnRequestedPayload,
  type EventEnvelope,
  type Page,
} from '@petition/contracts';
import { EventOutbox, PermanentEventError } from '@petition/messaging';
import { CLOCK, DomainError, decodeCursor, encodeCursor } from '@petition/service-kit';
import { AssignmentDeadlines } from '../assignments/assignment-deadlines';
import { AssignmentsRepository } from '../assignments/assignments.repository';
import { ReturnView, type RejectReturnDto, type ReturnQueryDto } from './dto/returns.dto';
import { AssignmentReturnEntity } from './entities/assignment-return.entity';
import {
  ReturnAlreadyDecidedError,
  ReturnAlreadyRequestedError,
  ReturnAssignmentNotActiveError,
  ReturnAssignmentNotFoundError,
  ReturnNoUnitError,
  ReturnNotFoundError,
  ReturnWindowClosedError,
} from './returns.errors';
import { ReturnsRepository } from './returns.repository';

/** A return request, from the unit's HTTP call or from handling's event. */
interface ReturnRequest {
  assignmentId: string;
  unitId: string;
  reason: string;
  requestedBy: string;
  requestedAt: Date;
}

/**
 * Returns (退回): the lead unit asks within its `unit_return` window; a dispatcher rejects (the
 * assignment stays, deadlines unchanged) or confirms ({@link ConfirmReturnUseCase}).
 */
@Injectable()
export class ReturnsService {
  constructor(
    private readonly repository: ReturnsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly deadlines: AssignmentDeadlines,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `POST /api/assignments/:id/returns` by a handler or unit head of the lead unit. */
  async request(user: StaffUser, assignmentId: string, reason: string): Promise<ReturnView> {
    if (!user.unitId) throw new ReturnNoUnitError();
    const unitId = user.unitId;
    return this.repository.transaction(async (m) =>
      ReturnView.from(await this.record(m, { assignmentId, unitId, reason, requestedBy: user.sub, requestedAt: this.clock.now() })),
    );
  }

  /** `assignment.return_requested` from handling; a request the rules refuse can never succeed, so it is dead-lettered with the reason. */
  async onReturnRequested(manager: EntityManager, event: EventEnvelope<AssignmentReturnRequestedPayload>): Promise<void> {
    const p = event.payload;
    try {
      await this.record(manager, {
        assignmentId: p.assignmentId,
        unitId: p.unitId,
        reason: p.reason,
        requestedBy: p.requestedBy,
        requestedAt: new Date(p.requestedAt),
      });
    } catch (err) {
      if (err instanceof DomainError) throw new PermanentEventError(`${err.code}: ${err.message}`);
      throw err;
    }
  }

  async reject(user: StaffUser, id: string, dto: RejectReturnDto): Promise<ReturnView> {
    return this.repository.transaction(async (m) => {
      const ret = await this.repository.lockById(m, id);
      if (!ret) throw new ReturnNotFoundError(id);
      if (ret.status !== 'requested') throw new ReturnAlreadyDecidedError(id, ret.status);
      const now = this.clock.now();
      const decided = { ...ret, status: 'rejected' as const, decidedBy: user.sub, decidedAt: now, decisionNote: dto.note };
      await this.repository.decide(m, id, { status: 'rejected', decidedBy: user.sub, decidedAt: now, decisionNote: dto.note });
      const payload: AssignmentReturnRejectedPayload = {
        returnId: id,
        assignmentId: ret.assignmentId,
        petitionId: ret.petitionId,
        unitId: ret.unitId,
        decisionNote: dto.note,
        rejectedAt: toOffsetIso(now),
      };
      await this.outbox.publish(m, now, { type: ASSIGNMENT_RETURN_REJECTED, petitionId: ret.petitionId, payload });
      return ReturnView.from(decided);
    });
  }

  async list(query: ReturnQueryDto): Promise<Page<ReturnView>> {
    const limit = query.limit ?? 50;
    const cur = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const rows = await this.repository.list(
      query.status ?? 'requested',
      limit + 1,
      cur ? { at: new Date(String(cur[0])), id: String(cur[1]) } : null,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(ReturnView.from),
      nextCursor: rows.length > limit && last ? encodeCursor([last.requestedAt.toISOString(), last.id]) : null,
    };
  }

  private async record(m: EntityManager, req: ReturnRequest): Promise<AssignmentReturnEntity> {
    const a = await this.assignments.lockById(m, req.assignmentId);
    if (!a || a.leadUnitId !== req.unitId) throw new ReturnAssignmentNotFoundError(req.assignmentId);
    if (a.status !== 'active') throw new ReturnAssignmentNotActiveError(req.assignmentId);
    const due = a.returnDue ?? new Date(this.deadlines.unitReturn(a.assignedAt).due);
    if (req.requestedAt >= due) throw new ReturnWindowClosedError(toOffsetIso(due));
    if (await this.repository.openFor(m, a.id)) throw new ReturnAlreadyRequestedError(a.id);
    const row = Object.assign(new AssignmentReturnEntity(), {
      id: randomUUID(),
      assignmentId: a.id,
      petitionId: a.petitionId,
      unitId: req.unitId,
      reason: req.reason,
      requestedBy: req.requestedBy,
      requestedAt: req.requestedAt,
      status: 'requested' as const,
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    });
    await this.repository.insert(m, row);
    return row;
  }
}
