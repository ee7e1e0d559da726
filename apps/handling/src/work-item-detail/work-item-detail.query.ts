import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { AssignmentRole } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import { WorkItemAccess } from '../work-items/work-item-access';
import { ContributionsRepository } from '../contributions/contributions.repository';
import { ContributionView } from '../contributions/dto/contribution.dto';
import { ReplyView } from '../replies/dto/reply.dto';
import { RepliesRepository } from '../replies/replies.repository';
import { ContactView, NoteView } from '../work-items/dto/contact-note.dto';
import { WorkItemView } from '../work-items/dto/work-item.view';
import { WorkItemsRepository } from '../work-items/work-items.repository';
import { requireUnit } from '../work-items/work-items.service';
import type { WorkItemDetailView } from './dto/work-item-detail.view';

/**
 * One work item as its unit reads it, gathered from the features that own each part (work items,
 * replies, contributions): a read of its own, so no feature has to reach into another's tables.
 */
@Injectable()
export class WorkItemDetailQuery {
  constructor(
    private readonly workItems: WorkItemsRepository,
    private readonly replies: RepliesRepository,
    private readonly contributions: ContributionsRepository,
    private readonly access: WorkItemAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One of the caller's unit's work items with what its role may read; others' are a 404, audited. */
  async get(user: StaffUser, id: string): Promise<WorkItemDetailView> {
    const item = await this.workItems.findForUnit(requireUnit(user), id);
    if (!item) return this.access.notFound(user, id, 'read');
    const lead = item.role === AssignmentRole.Lead;
    const [contacts, notes, replies, contributions] = await Promise.all([
      this.workItems.contactsOf(item.id),
      this.workItems.notesOf(item.id),
      lead ? this.replies.repliesOf(item.id) : [],
      lead ? this.contributions.ofAssignment(item.assignmentId) : this.contributions.ofWorkItem(item.id),
    ]);
    return {
      ...WorkItemView.from(item, this.clock.now()),
      contacts: contacts.map(ContactView.from),
      notes: notes.map(NoteView.from),
      replies: replies.map(ReplyView.from),
      contributions: contributions.map(ContributionView.from),
    };
  }
}
