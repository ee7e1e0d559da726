import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Channel, Nature, PetitionStatus } from '@petition/contracts';
import { PetitionEntity } from './entities/petition.entity';

/** Filters of the staff list; every one optional. */
export interface PetitionListFilter {
  status?: PetitionStatus;
  channel?: Channel;
  nature?: Nature;
  /** Matches the region and every division under it (prefix). */
  regionCode?: string;
  from?: Date;
  to?: Date;
  /** Written notice owed and not yet recorded (true), or recorded / not owed (false). */
  noticePending?: boolean;
  /** `staff`, `online` or `hotline`. */
  source?: string;
  /** The staff member (token subject) who registered it. */
  registeredBy?: string;
}

/** The fields a triage decision sets. */
export interface TriageChange {
  status: PetitionStatus;
  triageOutcome: string;
  triageTarget: string | null;
  triageNote: string | null;
  relatedPetitionId: string | null;
  triagedBy: string;
  triagedAt: Date;
  answerText: string | null;
  noticeDue: Date | null;
}

/** Storage of petitions (registration writes go through RegistrationRepository). */
@Injectable()
export class PetitionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction (petition rows and their outbox events commit together). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string): Promise<PetitionEntity | null> {
    return this.dataSource.getRepository(PetitionEntity).findOneBy({ id });
  }

  /** The petition this one repeats and the petitions that repeat it (重复信访), oldest first. */
  linkedTo(p: PetitionEntity): Promise<PetitionEntity[]> {
    return this.dataSource
      .getRepository(PetitionEntity)
      .createQueryBuilder('p')
      .where('(p.id = :original OR (p.related_petition_id = :id AND p.triage_outcome = :repeat)) AND p.id <> :id', {
        original: p.relatedPetitionId,
        id: p.id,
        repeat: 'link_repeat',
      })
      .orderBy('p.registered_at', 'ASC')
      .getMany();
  }

  /** The petitions with these ids that exist, in no particular order. */
  findByIds(ids: string[]): Promise<PetitionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.getRepository(PetitionEntity).findBy({ id: In(ids) });
  }

  findByTrackingNo(trackingNo: string): Promise<PetitionEntity | null> {
    return this.dataSource.getRepository(PetitionEntity).findOneBy({ trackingNo });
  }

  /** Reads and locks a petition for a state change in the caller's transaction. */
  lockById(manager: EntityManager, id: string): Promise<PetitionEntity | null> {
    return manager.getRepository(PetitionEntity).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id }).getOne();
  }

  findByExternalOrderId(manager: EntityManager | null, externalOrderId: string): Promise<PetitionEntity | null> {
    return (manager ?? this.dataSource.manager).getRepository(PetitionEntity).findOneBy({ externalOrderId });
  }

  async applyTriage(manager: EntityManager, id: string, change: TriageChange): Promise<void> {
    await manager.update(PetitionEntity, { id }, { ...change, updatedAt: change.triagedAt });
  }

  async recordWrittenNotice(
    manager: EntityManager,
    id: string,
    change: Pick<PetitionEntity, 'noticeGivenAt' | 'noticeGivenBy' | 'noticeMethod'>,
  ): Promise<void> {
    await manager.update(PetitionEntity, { id }, { ...change, updatedAt: change.noticeGivenAt });
  }

  async updateStatus(
    manager: EntityManager,
    id: string,
    changes: Partial<
      Pick<
        PetitionEntity,
        | 'status'
        | 'leadUnitId'
        | 'coHandlerUnitIds'
        | 'replyDeliveredAt'
        | 'reviewRequestDue'
        | 'reexamRequestDue'
        | 'acceptedAt'
        | 'handlingDue'
      >
    >,
    at: Date,
  ): Promise<void> {
    await manager.update(PetitionEntity, { id }, { ...changes, updatedAt: at });
  }

  /** Newest first, keyset-paginated on (registered_at, id). */
  async list(
    limit: number,
    after: { registeredAt: string; id: string } | null,
    filter: PetitionListFilter = {},
  ): Promise<PetitionEntity[]> {
    const qb = this.dataSource
      .getRepository(PetitionEntity)
      .createQueryBuilder('p')
      .orderBy('p.registered_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(limit);
    qb.where('true');
    if (after) qb.andWhere('(p.registered_at, p.id) < (:at, :id)', { at: after.registeredAt, id: after.id });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.channel) qb.andWhere('p.channel = :channel', { channel: filter.channel });
    if (filter.nature) qb.andWhere('p.nature = :nature', { nature: filter.nature });
    if (filter.regionCode) qb.andWhere('p.region_code LIKE :region', { region: `${filter.regionCode}%` });
    if (filter.from) qb.andWhere('p.registered_at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('p.registered_at < :to', { to: filter.to });
    if (filter.source) qb.andWhere('p.source = :source', { source: filter.source });
    if (filter.registeredBy) qb.andWhere('p.registered_by = :registeredBy', { registeredBy: filter.registeredBy });
    if (filter.noticePending === true) qb.andWhere('p.notice_due IS NOT NULL AND p.notice_given_at IS NULL');
    if (filter.noticePending === false) qb.andWhere('(p.notice_due IS NULL OR p.notice_given_at IS NOT NULL)');
    return qb.getMany();
  }
}
