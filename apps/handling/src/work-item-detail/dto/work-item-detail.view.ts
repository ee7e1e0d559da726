import { ApiProperty } from '@nestjs/swagger';
import { ContributionView } from '../../contributions/dto/contribution.dto';
import { ReplyView } from '../../replies/dto/reply.dto';
import { ContactView, NoteView } from '../../work-items/dto/contact-note.dto';
import { WorkItemView } from '../../work-items/dto/work-item.view';

/**
 * A work item with what its unit may read (`GET /api/work-items/:id`): its own contacts and
 * notes; for the lead, its replies and every co-handler's contributions; for a co-handler, only
 * its own contributions.
 */
export class WorkItemDetailView extends WorkItemView {
  @ApiProperty({ type: [ContactView] }) contacts!: ContactView[];
  @ApiProperty({ type: [NoteView] }) notes!: NoteView[];
  @ApiProperty({ type: [ReplyView], description: 'Lead only; empty for a co-handler' }) replies!: ReplyView[];
  @ApiProperty({ type: [ContributionView], description: 'Lead: all co-handlers’ contributions to the assignment; co-handler: its own' })
  contributions!: ContributionView[];
}
