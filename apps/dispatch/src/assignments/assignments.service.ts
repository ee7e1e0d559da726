import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import type { EventEnvelope, Page, PetitionRegisteredPayload } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import { QueueRepository } from '../queue/queue.repository';
import { checkAssignmentUnits } from './assignment-units';
import { InvalidAssignmentUnitsError, NotInQueueError } from './assignments.errors';
import { AssignmentsRepository } from './assignments.repository';
import { AssignmentView } from './dto/assignment.view';
import type { ManualAssignmentDto } from './dto/manual-assignment.dto';
import { DispatchPetitionUseCase } from './usecases/dispatch-petition.usecase';

/** Automatic dispatch of registered petitions, and dispatchers' assignments from the manual queue. */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly repository: AssignmentsRepository,
    private readonly queue: QueueRepository,
    private readonly dispatch: DispatchPetitionUseCase,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Routes a registered petition inside the consumer's transaction. A petition that already has
   * an active assignment is left alone (the unique index makes that hold even under races).
   */
  async onRegistered(manager: EntityManager, event: EventEnvelope<PetitionRegisteredPayload>): Promise<void> {
    if (await this.repository.activeFor(manager, event.payload.petitionId)) return;
    await this.dispatch.routeOrQueue(manager, event.payload, this.clock.now(), event);
  }

  /** A dispatcher assigns a queued petition; the queue row is locked so it is assigned once. */
  async assignFromQueue(user: StaffUser, dto: ManualAssignmentDto): Promise<AssignmentView> {
    return this.repository.transaction(async (m) => {
      const entry = await this.queue.lockOpen(m, dto.petitionId);
      if (!entry) throw new NotInQueueError(dto.petitionId);
      const petition = entry.petition as unknown as PetitionRegisteredPayload;
      const co = dto.coHandlerUnitIds ?? [];
      const issues = checkAssignmentUnits(petition, dto.leadUnitId, co, await this.repository.units(m, [dto.leadUnitId, ...co]));
      if (issues.length) throw new InvalidAssignmentUnitsError(issues);
      const now = this.clock.now();
      await this.queue.resolve(m, dto.petitionId, now);
      const decision = {
        kind: 'assign' as const,
        leadUnitId: dto.leadUnitId,
        coHandlerUnitIds: co,
        track: dto.track,
        instructions: dto.instructions ?? null,
        ruleId: null,
      };
      return AssignmentView.from(await this.dispatch.assign(m, petition, decision, `dispatcher:${user.sub}`, now, undefined));
    });
  }

  async forPetition(petitionId: string): Promise<Page<AssignmentView>> {
    const rows = await this.repository.forPetition(petitionId);
    return { items: rows.map(AssignmentView.from), nextCursor: null };
  }
}
