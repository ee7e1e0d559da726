import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  DEADLINE_OVERDUE,
  PETITION_REPEAT_LINKED,
  type DeadlineFlaggedPayload,
  type PetitionRepeatLinkedPayload,
} from '@petition/contracts';
import { stageHolder } from '@petition/deadlines';
import { EventSubscriber, handleEach, subscriptionsOn, type SubscribesToEvents } from '@petition/messaging';
import { AssessmentRepository } from './assessment.repository';
import { counterDeltas, matterContributions, overdueContributions } from './contributions';
import { MATTER_EVENT_TYPES, addRepeat, applyMatterEvent, type MatterFacts } from './matter-facts';
import { monthOf } from './periods';

/**
 * The assessment projection: folds every event that decides a KPI into per-matter facts and keeps
 * the per-unit, per-period counters in step (as the difference of the matter's contributions before
 * and after), in the event's inbox transaction. Built only from the topics, so it can be rebuilt.
 */
@Injectable()
@EventSubscriber()
export class AssessmentFactsHandler implements SubscribesToEvents {
  constructor(private readonly repository: AssessmentRepository) {}

  readonly subscriptions = subscriptionsOn('assessment-facts', {
    [PETITION_REPEAT_LINKED]: (event, m) => this.repeatLinked(event.payload, m),
    [DEADLINE_OVERDUE]: (event, m) => this.overdue(event.payload, m),
    ...handleEach(MATTER_EVENT_TYPES, async (event, m) => {
      if (event.petitionId) await this.update(m, event.petitionId, (f) => applyMatterEvent(f, event));
    }),
  });

  /** A repeat petition touches two matters: the original's repeat count, and the repeat itself. */
  private async repeatLinked(p: PetitionRepeatLinkedPayload, m: EntityManager): Promise<void> {
    const linkedAt = new Date(p.linkedAt);
    if (
      !(await this.repository.insertRepeat(m, {
        petitionId: p.petitionId,
        originalPetitionId: p.originalPetitionId,
        trackingNo: p.trackingNo,
        linkedAt,
      }))
    )
      return;
    // Lock in petition id order, so two repeats of crossing matters cannot deadlock.
    for (const id of [p.petitionId, p.originalPetitionId].sort()) {
      await this.update(m, id, (f) => {
        if (id === p.originalPetitionId) {
          f.trackingNo ??= p.originalTrackingNo;
          addRepeat(f, linkedAt);
        } else {
          f.trackingNo ??= p.trackingNo;
          f.isRepeat = true;
        }
      });
    }
  }

  private async overdue(p: DeadlineFlaggedPayload, m: EntityManager): Promise<void> {
    // Only a unit's own steps count against it. Flags of the bureau's steps published before the
    // tracker held the bureau to them still name the lead unit; a rebuild must not count them.
    if (!p.unitId || p.flag !== 'overdue' || stageHolder(p.stage) !== 'unit') return;
    const before = await this.repository.lockOverdue(m, p.petitionId, p.unitId);
    const month = monthOf(p.firedAt);
    await this.repository.upsertOverdue(m, p.petitionId, p.unitId, month, p.stage, new Date(p.firedAt));
    if (before?.includes(month)) return;
    const after = [...(before ?? []), month];
    await this.repository.applyDeltas(
      m,
      counterDeltas(overdueContributions(p.unitId, before ?? []), overdueContributions(p.unitId, after)),
    );
  }

  private async update(m: EntityManager, petitionId: string, change: (f: MatterFacts) => void): Promise<void> {
    const facts = await this.repository.lockMatter(m, petitionId);
    const before = matterContributions(facts);
    change(facts);
    const after = matterContributions(facts);
    await this.repository.saveMatter(m, facts, [...new Set(after.flatMap((c) => c.months))].sort());
    await this.repository.applyDeltas(m, counterDeltas(before, after));
  }
}
