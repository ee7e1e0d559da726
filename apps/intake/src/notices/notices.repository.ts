import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { TimelineEntryEntity } from '../timeline/entities/timeline-entry.entity';
import { PetitionerNoticeEntity, type NoticeStatus } from './entities/petitioner-notice.entity';

/** A timeline step the planner has not turned into a notice yet, with what a notice needs of its petition. */
export interface UnplannedStep {
  id: string;
  petitionId: string;
  kind: string;
  publicNote: string | null;
  trackingNo: string;
  nameMasked: string;
  phoneEnc: string | null;
  callerNumberEnc: string | null;
}

/** A notice the sender is about to try. */
export interface DueNotice {
  id: string;
  petitionId: string;
  text: string;
  attempts: number;
  phoneEnc: string | null;
  callerNumberEnc: string | null;
}

/** Storage of the petitioner's notices and of the planner's progress through the timeline. */
@Injectable()
export class NoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The oldest unplanned steps, locked so that two instances never plan one step twice. */
  unplannedSteps(manager: EntityManager, limit: number): Promise<UnplannedStep[]> {
    return manager.query(
      `SELECT t.id, t.petition_id AS "petitionId", t.kind, t.public_note AS "publicNote", p.tracking_no AS "trackingNo",
              p.petitioner_name_masked AS "nameMasked", p.petitioner_phone_enc AS "phoneEnc", p.caller_number_enc AS "callerNumberEnc"
         FROM petition_timeline t JOIN petitions p ON p.id = t.petition_id
        WHERE NOT t.notice_planned
        ORDER BY t.seq
        LIMIT $1
        FOR UPDATE OF t SKIP LOCKED`,
      [limit],
    );
  }

  async markPlanned(manager: EntityManager, stepIds: string[]): Promise<void> {
    if (stepIds.length) await manager.query(`UPDATE petition_timeline SET notice_planned = true WHERE id = ANY($1::uuid[])`, [stepIds]);
  }

  async insert(manager: EntityManager, notices: Array<Omit<PetitionerNoticeEntity, 'id'>>): Promise<void> {
    if (notices.length)
      await manager
        .createQueryBuilder()
        .insert()
        .into(PetitionerNoticeEntity)
        .values(notices.map((n) => ({ id: randomUUID(), ...n })))
        .orIgnore()
        .execute();
  }

  /** Notices due for a (re)try, locked for this sender, with the petition's encrypted numbers to send to. */
  due(manager: EntityManager, now: Date, limit: number): Promise<DueNotice[]> {
    return manager.query(
      `SELECT n.id, n.petition_id AS "petitionId", n.text, n.attempts,
              p.petitioner_phone_enc AS "phoneEnc", p.caller_number_enc AS "callerNumberEnc"
         FROM petitioner_notices n JOIN petitions p ON p.id = n.petition_id
        WHERE n.status = 'pending' AND n.next_attempt_at <= $1
        ORDER BY n.next_attempt_at
        LIMIT $2
        FOR UPDATE OF n SKIP LOCKED`,
      [now, limit],
    );
  }

  async update(manager: EntityManager, id: string, change: Partial<PetitionerNoticeEntity>): Promise<void> {
    await manager.update(PetitionerNoticeEntity, { id }, change);
  }

  /** In the order of the steps they tell of (several steps can share an instant: a registration answered on the spot). */
  forPetition(petitionId: string): Promise<PetitionerNoticeEntity[]> {
    return this.dataSource
      .getRepository(PetitionerNoticeEntity)
      .createQueryBuilder('n')
      .leftJoin(TimelineEntryEntity, 't', 't.id = n.timeline_entry_id')
      .where('n.petition_id = :petitionId', { petitionId })
      .orderBy('n.created_at', 'ASC')
      .addOrderBy('t.seq', 'ASC')
      .getMany();
  }

  /** Newest first, keyset-paginated on (created_at, id). */
  list(limit: number, after: { at: string; id: string } | null, status: NoticeStatus | undefined): Promise<PetitionerNoticeEntity[]> {
    const qb = this.dataSource
      .getRepository(PetitionerNoticeEntity)
      .createQueryBuilder('n')
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(limit)
      .where('true');
    if (status) qb.andWhere('n.status = :status', { status });
    if (after) qb.andWhere('(n.created_at, n.id) < (:at, :id)', after);
    return qb.getMany();
  }
}
