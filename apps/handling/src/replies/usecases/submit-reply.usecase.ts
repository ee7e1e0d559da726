import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  AssignmentRole,
  PETITION_REPLIED,
  WorkItemStatus,
  toOffsetIso,
  type DeadlineRef,
  type PetitionRepliedPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, ValidationFailedError, type FieldReason } from '@petition/service-kit';
import type { EntityManager } from 'typeorm';
import { AttachmentsRepository } from '../../attachments/attachments.repository';
import { WorkItemAccess } from '../../work-items/work-item-access';
import type { WorkItemEntity } from '../../work-items/entities/work-item.entity';
import { HandlingDeadlines } from '../../work-items/handling-deadlines';
import { NotLeadError, WorkItemStateError } from '../../work-items/work-items.errors';
import { WorkItemsRepository } from '../../work-items/work-items.repository';
import { ReplyView, type ReplyAttachmentInputDto, type SubmitReplyDto } from '../dto/reply.dto';
import type { ReplyAttachmentEntity } from '../entities/reply-attachment.entity';
import type { WorkItemReplyEntity } from '../entities/work-item-reply.entity';
import { RepliesRepository } from '../replies.repository';

/**
 * The lead unit's decision letter (答复, 条例 Art. 32). It completes the deadline in force — the
 * handling deadline with any approved extension, or after a rework the rework deadline supervision
 * set — and goes to supervision for result review as `petition.replied`.
 */
@Injectable()
export class SubmitReplyUseCase {
  constructor(
    private readonly workItems: WorkItemsRepository,
    private readonly replies: RepliesRepository,
    private readonly uploads: AttachmentsRepository,
    private readonly deadlines: HandlingDeadlines,
    private readonly access: WorkItemAccess,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: StaffUser, id: string, input: SubmitReplyDto): Promise<ReplyView> {
    const now = this.clock.now();
    return this.access.inOwnItem(user, id, 'reply.create', async (m, item, unitId) => {
      if (item.role !== AssignmentRole.Lead) throw new NotLeadError('答复', 'reply');
      if (item.status !== WorkItemStatus.Accepted) throw new WorkItemStateError('答复', item.status);
      if (item.returnRequestedAt) throw new WorkItemStateError('答复', 'return_requested');
      const { deadline, onTime } = this.completeDeadlineInForce(item, now);
      const reply: WorkItemReplyEntity = {
        id: randomUUID(),
        workItemId: item.id,
        round: item.replyCount + 1,
        outcome: input.outcome,
        facts: input.facts,
        decision: input.decision,
        legalBasis: input.legalBasis,
        text: input.text,
        handlingDeadline: deadline,
        repliedOnTime: onTime,
        repliedBy: user.sub,
        repliedAt: now,
      };
      const attachments = await this.resolveAttachments(m, item.id, reply.id, input.attachments);
      await this.replies.insert(m, { reply, attachments });
      Object.assign(item, { status: WorkItemStatus.Replied, replyCount: reply.round, lastReplyId: reply.id, repliedAt: now });
      await this.workItems.update(m, item);
      const payload: PetitionRepliedPayload = {
        replyId: reply.id,
        workItemId: item.id,
        petitionId: item.petitionId,
        assignmentId: item.assignmentId,
        unitId,
        round: reply.round,
        outcome: reply.outcome,
        facts: reply.facts,
        decision: reply.decision,
        legalBasis: reply.legalBasis,
        text: reply.text,
        attachments: attachments.map((a) => ({
          attachmentId: a.id,
          fileName: a.fileName,
          contentType: a.contentType,
          sizeBytes: a.sizeBytes,
          sha256: a.sha256,
        })),
        handlingDeadline: deadline,
        repliedOnTime: onTime,
        repliedAt: toOffsetIso(now),
      };
      await this.outbox.publish(m, now, { type: PETITION_REPLIED, petitionId: item.petitionId, payload });
      return ReplyView.from({ reply, attachments });
    });
  }

  /** The reply's attachments: uploads of this work item (checked), or references as given. */
  private async resolveAttachments(
    m: EntityManager,
    workItemId: string,
    replyId: string,
    inputs: ReplyAttachmentInputDto[],
  ): Promise<ReplyAttachmentEntity[]> {
    const ids = inputs.flatMap((a) => (a.attachmentId ? [a.attachmentId] : []));
    const uploads = new Map((await this.uploads.manyOf(m, workItemId, ids)).map((u) => [u.id, u]));
    const problems: FieldReason[] = [];
    const rows = inputs.map((a, position): ReplyAttachmentEntity => {
      const base = { id: randomUUID(), replyId, position };
      if (!a.attachmentId) {
        return {
          ...base,
          fileName: a.fileName as string,
          contentType: a.contentType as string,
          sizeBytes: a.sizeBytes as number,
          sha256: a.sha256 as string,
          storageKey: null,
          uploadId: null,
        };
      }
      const u = uploads.get(a.attachmentId);
      if (!u) problems.push({ field: `attachments.${position}.attachmentId`, reason: 'is not an upload of this work item' });
      else if (a.sha256 && a.sha256 !== u.sha256)
        problems.push({ field: `attachments.${position}.sha256`, reason: 'does not match the uploaded file' });
      return {
        ...base,
        fileName: u?.fileName ?? '',
        contentType: u?.contentType ?? '',
        sizeBytes: u?.sizeBytes ?? 0,
        sha256: u?.sha256 ?? '',
        storageKey: u?.storageKey ?? null,
        uploadId: u?.id ?? null,
      };
    });
    if (problems.length) throw new ValidationFailedError(problems);
    return rows;
  }

  /**
   * First round: the handling deadline record is completed by libs/deadlines, which judges it met
   * or overdue (extensions applied). After a rework: the rework deadline supervision fixed, met
   * when the reply comes before its due instant (the library's rule for a completed deadline).
   */
  private completeDeadlineInForce(item: WorkItemEntity, now: Date): { deadline: DeadlineRef; onTime: boolean } {
    if (item.reworkDeadline) return { deadline: item.reworkDeadline, onTime: now.getTime() < Date.parse(item.reworkDeadline.due) };
    if (!item.handlingDeadline) throw new WorkItemStateError('答复', 'missing its handling deadline');
    const completed = this.deadlines.load(item.handlingDeadline).complete(now);
    item.handlingDeadline = completed.toJSON() as unknown as Record<string, unknown>;
    const deadline: DeadlineRef = {
      stage: completed.stage,
      startedAt: completed.start,
      due: completed.due,
      ruleSet: completed.ruleSetVersion,
      provisional: completed.provisional,
    };
    return { deadline, onTime: completed.statusAt(now).state === 'met' };
  }
}
