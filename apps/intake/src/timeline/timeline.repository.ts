import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TimelineEntryEntity } from './entities/timeline-entry.entity';

/** The kinds of step a petitioner sees. */
export type TimelineKind =
  | 'registered'
  | 'submitted_online'
  | 'emergency_flagged'
  | 'dispatched'
  | 'informed'
  | 'forwarded'
  | 'refused'
  | 'linked_as_repeat'
  | 'answered_on_the_spot'
  | 'queued_for_dispatcher'
  | 'assigned'
  | 'unit_received'
  | 'accepted'
  | 'extended'
  | 'evaluation_submitted'
  | 'appeal_requested'
  | 'replied'
  | 'reply_approved'
  | 'reply_delivered'
  | 'evaluation_recorded'
  | 'closed'
  | 'appeal_filed'
  | 'appeal_decided'
  | 'concluded';

/** Storage of the petitioner-facing timeline. */
@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Appends a step in the caller's transaction. `publicNote` must be fit for the petitioner's eyes. */
  async append(manager: EntityManager, petitionId: string, kind: TimelineKind, at: Date, publicNote: string | null = null): Promise<void> {
    await manager.insert(TimelineEntryEntity, { id: randomUUID(), petitionId, kind, at, publicNote });
  }

  /** The latest step of a petition, read in the caller's transaction. */
  async lastKind(manager: EntityManager, petitionId: string): Promise<string | null> {
    const last = await manager.getRepository(TimelineEntryEntity).findOne({ where: { petitionId }, order: { at: 'DESC', seq: 'DESC' } });
    return last?.kind ?? null;
  }

  /** Steps of one petition, oldest first. */
  forPetition(petitionId: string): Promise<TimelineEntryEntity[]> {
    return this.dataSource.getRepository(TimelineEntryEntity).find({ where: { petitionId }, order: { at: 'ASC', seq: 'ASC' } });
  }
}
