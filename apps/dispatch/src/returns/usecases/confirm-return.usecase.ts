import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  ASSIGNMENT_RETURNED,
  Nature,
  Track,
  toOffsetIso,
  type AssignmentReturnedPayload,
  type PetitionRegisteredPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { checkAssignmentUnits } from '../../assignments/assignment-units';
import { InvalidAssignmentUnitsError } from '../../assignments/assignments.errors';
import { AssignmentsRepository } from '../../assignments/assignments.repository';
import type { AssignmentEntity } from '../../assignments/entities/assignment.entity';
import { DispatchPetitionUseCase } from '../../assignments/usecases/dispatch-petition.usecase';
import type { ConfirmReturnDto } from '../dto/returns.dto';
import { ReturnView } from '../dto/returns.dto';
import type { AssignmentReturnEntity } from '../entities/assignment-return.entity';
import { ReturnAlreadyDecidedError, ReturnNotFoundError } from '../returns.errors';
import { ReturnsRepository } from '../returns.repository';

/** A matter returned this many times goes to the manual queue, flagged for escalation. */
export const ESCALATE_AFTER_RETURNS = 2;

/**
 * A dispatcher confirms a return: the assignment becomes `returned` (it does not count against
 * the unit), and the matter is re-dispatched in the same transaction — to the dispatcher's
 * choice, else by the rules skipping every unit that returned it; a matter returned twice goes to
 * the manual queue flagged for escalation. The partial unique index keeps one active assignment.
 */
@Injectable()
export class ConfirmReturnUseCase {
  constructor(
    private readonly returns: ReturnsRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly dispatch: DispatchPetitionUseCase,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: StaffUser, id: string, dto: ConfirmReturnDto): Promise<ReturnView> {
    return this.returns.transaction(async (m) => {
      const ret = await this.returns.lockById(m, id);
      if (!ret) throw new ReturnNotFoundError(id);
      if (ret.status !== 'requested') throw new ReturnAlreadyDecidedError(id, ret.status);
      const assignment = await this.assignments.lockById(m, ret.assignmentId);
      if (!assignment?.petition) throw new ReturnNotFoundError(id);
      const petition = assignment.petition as unknown as PetitionRegisteredPayload;
      const now = this.clock.now();
      await this.returns.decide(m, id, { status: 'confirmed', decidedBy: user.sub, decidedAt: now, decisionNote: dto.note ?? null });
      await this.assignments.markReturned(m, assignment.id, now);
      const returnedBy = await this.returns.confirmedUnits(m, petition.petitionId);
      const escalated = returnedBy.length >= ESCALATE_AFTER_RETURNS;
      await this.publishReturned(m, ret, assignment, now, escalated);
      await this.redispatch(m, petition, dto, returnedBy, escalated, user, now);
      return ReturnView.from({ ...ret, status: 'confirmed', decidedBy: user.sub, decidedAt: now, decisionNote: dto.note ?? null });
    });
  }

  private async redispatch(
    m: EntityManager,
    petition: PetitionRegisteredPayload,
    dto: ConfirmReturnDto,
    returnedBy: string[],
    escalated: boolean,
    user: StaffUser,
    now: Date,
  ): Promise<void> {
    if (escalated) {
      const reason = `returned ${returnedBy.length} times as misrouted: flagged for escalation (多次退回)`;
      await this.dispatch.enqueue(m, petition, { reason, reasonKind: 'escalated', escalated: true, triageStart: now }, now, undefined);
      return;
    }
    if (dto.leadUnitId) {
      const co = dto.coHandlerUnitIds ?? [];
      const issues = checkAssignmentUnits(petition, dto.leadUnitId, co, await this.assignments.units(m, [dto.leadUnitId, ...co]));
      if (returnedBy.includes(dto.leadUnitId)) issues.push({ field: 'leadUnitId', reason: 'this unit already returned the matter' });
      if (issues.length) throw new InvalidAssignmentUnitsError(issues);
      const decision = {
        kind: 'assign' as const,
        leadUnitId: dto.leadUnitId,
        coHandlerUnitIds: co,
        track: dto.track ?? petitionTrack(petition),
        instructions: dto.instructions ?? null,
        ruleId: null,
      };
      await this.dispatch.assign(m, petition, decision, `dispatcher:${user.sub}`, now, undefined);
      return;
    }
    await this.dispatch.routeOrQueue(m, petition, now, undefined, returnedBy);
  }

  private async publishReturned(
    m: EntityManager,
    ret: AssignmentReturnEntity,
    a: AssignmentEntity,
    now: Date,
    escalated: boolean,
  ): Promise<void> {
    const payload: AssignmentReturnedPayload = {
      returnId: ret.id,
      assignmentId: a.id,
      petitionId: a.petitionId,
      unitId: ret.unitId,
      reason: ret.reason,
      requestedAt: toOffsetIso(ret.requestedAt),
      confirmedAt: toOffsetIso(now),
      countsAgainstUnit: false,
      escalated,
    };
    await this.outbox.publish(m, now, { type: ASSIGNMENT_RETURNED, petitionId: a.petitionId, payload });
  }
}

/** Without the dispatcher's choice a suggestion stays on the suggestion track; anything else is standard. */
function petitionTrack(petition: PetitionRegisteredPayload): Track {
  return petition.nature === Nature.Suggestion ? Track.Suggestion : Track.Standard;
}
