import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  APPEAL_DECIDED,
  AppealKind,
  PETITION_CONCLUDED,
  toOffsetIso,
  type AppealDecidedPayload,
  type PetitionConcludedPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK } from '@petition/service-kit';
import { FlowDeadlines } from '../../matters/flow-deadlines';
import { MattersRepository } from '../../matters/matters.repository';
import { AppealsRepository } from '../appeals.repository';
import type { DecideAppealDto } from '../dto/appeal.dto';
import { AppealView } from '../dto/appeal.view';
import { withOpenAppeal } from './locked-appeal';

/**
 * Decides an appeal (维持 / 变更 / 撤销). After a review the re-examination window
 * (`reexam_request`) runs from the decision; after a re-examination the matter is concluded
 * (终结, 条例 Art. 36: `petition.concluded`, intake refuses the same facts from then on).
 */
@Injectable()
export class DecideAppealUseCase {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly matters: MattersRepository,
    private readonly deadlines: FlowDeadlines,
    private readonly events: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(user: StaffUser, id: string, input: DecideAppealDto): Promise<AppealView> {
    const now = this.clock.now();
    return withOpenAppeal(this.appeals, this.matters, id, now, async (m, matter, appeal) => {
      let deadline = this.deadlines.load(appeal.decisionDeadline as Record<string, unknown>);
      // A request registered with a receipt after "now" cannot happen over HTTP; guard the event path's clock skew.
      if (now.getTime() >= Date.parse(deadline.start)) deadline = deadline.complete(now);
      const next = appeal.kind === AppealKind.Review ? this.deadlines.ref('reexam_request', now) : null;
      Object.assign(appeal, {
        status: 'decided',
        outcome: input.outcome,
        decisionReason: input.reason,
        decidedBy: user.sub,
        decidedAt: now,
        decisionDeadline: deadline.toJSON() as unknown as Record<string, unknown>,
        nextRequestDeadline: next,
        nextRequestDue: next ? new Date(next.due) : null,
      });
      await this.appeals.save(m, appeal);
      const payload: AppealDecidedPayload = {
        appealId: appeal.id,
        petitionId: appeal.petitionId,
        kind: appeal.kind,
        outcome: input.outcome,
        nextRequestDeadline: next,
        reason: input.reason,
        decidedAt: toOffsetIso(now),
      };
      await this.events.publish(m, now, { type: APPEAL_DECIDED, petitionId: appeal.petitionId, payload });
      if (appeal.kind === AppealKind.Reexamination) {
        Object.assign(matter, { concludedAt: now, updatedAt: now });
        await this.matters.save(m, matter);
        const concluded: PetitionConcludedPayload = {
          petitionId: appeal.petitionId,
          reason: 'reexamination_decided',
          concludedAt: toOffsetIso(now),
        };
        await this.events.publish(m, now, { type: PETITION_CONCLUDED, petitionId: appeal.petitionId, payload: concluded });
      }
      return AppealView.from(appeal, deadline);
    });
  }
}
