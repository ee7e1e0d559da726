import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { CLOCK } from '@petition/service-kit';
import { WorkItemAccess } from '../work-item-access';
import { NoteView, type AddNoteDto } from '../dto/contact-note.dto';
import { WorkItemsRepository } from '../work-items.repository';

/** An internal note on the caller's own work item (lead or co-handler); not published. */
@Injectable()
export class AddNoteUseCase {
  constructor(
    private readonly repository: WorkItemsRepository,
    private readonly access: WorkItemAccess,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: StaffUser, id: string, input: AddNoteDto): Promise<NoteView> {
    return this.access.inOwnItem(user, id, 'notes.create', async (manager, item) => {
      const row = { id: randomUUID(), workItemId: item.id, text: input.text, author: user.sub, createdAt: this.clock.now() };
      await this.repository.insertNote(manager, row);
      return NoteView.from(row);
    });
  }
}
