import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { APPEAL_HEARING_RECORDED, AppealKind, toOffsetIso, type AppealHearingRecordedPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { DeadlinesError } from '@petition/deadlines';
import { CLOCK, ValidationFailedError } from '@petition/service-kit';
import { FlowDeadlines } from '../../matters/flow-deadlines';
import { MattersRepository } from '../../matters/matters.repository';
import { AppealNotReexaminationError, HearingRejectedError } from '../appeals.errors';
import { AppealsRepository } from '../appeals.repository';
import type { RecordHearingDto } from '../dto/appeal.dto';
import { AppealView } from '../dto/appeal.view';
import { withOpenAppeal } from './locked-appeal';

/**
 * Records a hearing (听证) of a re-examination after it took place. Hearing time is not counted
 * (条例 Art. 36): libs/deadlines pauses the decision deadline for it, which moves the due date;
 * `appeal.hearing_recorded` carries the deadline as it now stands for the deadline tracker.
 */
@Injectable()
export class RecordHearingUseCase {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly matters: MattersRepository,
    private readonly deadlines: FlowDeadlines,
    private readonly events: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(user: StaffUser, id: string, input: RecordHearingDto): Promise<AppealView> {
    const now = this.clock.now();
    const from = new Date(input.from);
    const to = new Date(input.to);
    if (to.getTime() <= from.getTime()) throw new ValidationFailedError([{ field: 'to', reason: 'must be after from' }]);
    if (to.getTime() > now.getTime())
      throw new ValidationFailedError([{ field: 'to', reason: `record a hearing once it has ended (now ${toOffsetIso(now)})` }]);
    return withOpenAppeal(this.appeals, this.matters, id, now, async (m, _matter, appeal) => {
      if (appeal.kind !== AppealKind.Reexamination) throw new AppealNotReexaminationError();
      let paused;
      try {
        paused = this.deadlines
          .load(appeal.decisionDeadline as Record<string, unknown>)
          .pause({ from, to, by: user.sub, reason: input.reason || '听证 (hearing, 条例 Art. 36)' });
      } catch (err) {
        if (err instanceof DeadlinesError) throw new HearingRejectedError(err.message);
        throw err;
      }
      Object.assign(appeal, { decisionDeadline: paused.toJSON() as unknown as Record<string, unknown>, decisionDue: new Date(paused.due) });
      await this.appeals.save(m, appeal);
      const payload: AppealHearingRecordedPayload = {
        appealId: appeal.id,
        petitionId: appeal.petitionId,
        kind: AppealKind.Reexamination,
        from: toOffsetIso(from),
        to: toOffsetIso(to),
        decisionDeadline: FlowDeadlines.toRef(paused),
        recordedAt: toOffsetIso(now),
      };
      await this.events.publish(m, now, { type: APPEAL_HEARING_RECORDED, petitionId: appeal.petitionId, payload });
      return AppealView.from(appeal, paused);
    });
  }
}
