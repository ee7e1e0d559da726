import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@petition/clock';
import type { EventEnvelope, PetitionRepliedPayload } from '@petition/contracts';
import { CLOCK, decodeCursor, encodeCursor } from '@petition/service-kit';
import { MattersRepository } from '../matters/matters.repository';
import type { ReviewQueryDto } from './dto/review-query.dto';
import { ReviewView, type ReviewPage } from './dto/review.view';
import type { ReviewEntity } from './entities/review.entity';
import { ReviewNotFoundError } from './reviews.errors';
import { ReviewsRepository } from './reviews.repository';

/** The review queue: a pending review per reply, read by supervisors oldest first. */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly matters: MattersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * A reply arrived: it waits for review with its letter. A newer round supersedes an undecided
   * older one; an older round arriving late is kept, already superseded. Redeliveries change nothing.
   */
  async onReplied(manager: EntityManager, event: EventEnvelope<PetitionRepliedPayload>): Promise<void> {
    const p = event.payload;
    const now = this.clock.now();
    const matter = await this.matters.ensureLocked(manager, p.petitionId, p.unitId, now);
    const existing = await this.reviews.ofPetition(manager, p.petitionId);
    if (existing.some((r) => r.replyId === p.replyId)) return;
    const newer = existing.some((r) => r.round > p.round);
    const review: ReviewEntity = {
      id: randomUUID(),
      petitionId: p.petitionId,
      replyId: p.replyId,
      workItemId: p.workItemId,
      assignmentId: p.assignmentId,
      unitId: p.unitId,
      round: p.round,
      outcome: p.outcome,
      facts: p.facts,
      decision: p.decision,
      legalBasis: p.legalBasis,
      text: p.text,
      attachments: p.attachments,
      handlingDeadline: p.handlingDeadline,
      repliedOnTime: p.repliedOnTime,
      repliedAt: new Date(p.repliedAt),
      receivedAt: now,
      status: newer ? 'superseded' : 'pending',
      decidedBy: null,
      decidedAt: null,
      comment: null,
      returnReason: null,
      firstReview: null,
      deliveryMethod: null,
      deliveryDeadline: null,
      reworkDeadline: null,
      deliveredAt: null,
      deliveredBy: null,
      callbackDeadline: null,
      reviewRequestDeadline: null,
    };
    if (!(await this.reviews.insertIfAbsent(manager, review))) return;
    for (const older of existing.filter((r) => r.status === 'pending' && r.round < p.round)) {
      older.status = 'superseded';
      await this.reviews.save(manager, older);
    }
    if (!newer) {
      matter.leadUnitId = p.unitId;
      matter.updatedAt = now;
      await this.matters.save(manager, matter);
    }
  }

  async list(query: ReviewQueryDto): Promise<ReviewPage> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const rows = await this.reviews.list(
      { status: query.status, unitId: query.unitId, petitionId: query.petitionId },
      limit + 1,
      after ? { at: String(after[0]), id: String(after[1]) } : null,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(ReviewView.from),
      nextCursor: rows.length > limit && last ? encodeCursor([last.receivedAt.toISOString(), last.id]) : null,
    };
  }

  async get(id: string): Promise<ReviewView> {
    const review = await this.reviews.find(id);
    if (!review) throw new ReviewNotFoundError(id);
    return ReviewView.from(review);
  }
}
