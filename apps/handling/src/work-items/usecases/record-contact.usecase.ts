import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import {
  AssignmentRole,
  WORK_ITEM_CONTACT_RECORDED,
  WorkItemStatus,
  toOffsetIso,
  type WorkItemContactRecordedPayload,
} from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, ValidationFailedError } from '@petition/service-kit';
import { WorkItemAccess } from '../work-item-access';
import { ContactView, type RecordContactDto } from '../dto/contact-note.dto';
import { NotLeadError, WorkItemStateError } from '../work-items.errors';
import { WorkItemsRepository } from '../work-items.repository';

/**
 * Records a contact with the petitioner. The first one ends the `first_contact` deadline, and
 * whether it came in time is published for the unit's record.
 */
@Injectable()
export class RecordContactUseCase {
  constructor(
    private readonly repository: WorkItemsRepository,
    private readonly access: WorkItemAccess,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(user: StaffUser, id: string, input: RecordContactDto): Promise<ContactView> {
    const now = this.clock.now();
    const contactedAt = new Date(input.contactedAt);
    if (contactedAt.getTime() > now.getTime() + 60_000)
      throw new ValidationFailedError([{ field: 'contactedAt', reason: 'must not be in the future' }]);
    return this.access.inOwnItem(user, id, 'contacts.create', async (manager, found, unitId) => {
      if (found.role !== AssignmentRole.Lead) throw new NotLeadError('联系信访人', 'contact the petitioner');
      if (found.status !== WorkItemStatus.Accepted) throw new WorkItemStateError('登记联系', found.status);
      // People give a contact's time to the minute: a call at 10:05 after accepting at 10:05:40 is fine.
      if (found.acceptedAt && contactedAt.getTime() < Math.floor(found.acceptedAt.getTime() / 60_000) * 60_000)
        throw new ValidationFailedError([{ field: 'contactedAt', reason: 'must not be before the acceptance (to the minute)' }]);
      const first = found.firstContactAt === null;
      const contact = {
        id: randomUUID(),
        workItemId: found.id,
        contactedAt,
        method: input.method,
        summary: input.summary,
        recordedBy: user.sub,
        recordedAt: now,
      };
      await this.repository.insertContact(manager, contact);
      if (first) {
        found.firstContactAt = contactedAt;
        await this.repository.update(manager, found);
      }
      const payload: WorkItemContactRecordedPayload = {
        workItemId: found.id,
        petitionId: found.petitionId,
        unitId,
        contactedAt: toOffsetIso(contactedAt),
        method: input.method,
        first,
        onTime: first && found.firstContactDue ? contactedAt < found.firstContactDue : null,
      };
      await this.outbox.publish(manager, now, { type: WORK_ITEM_CONTACT_RECORDED, petitionId: found.petitionId, payload });
      return ContactView.from(contact);
    });
  }
}
