import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PetitionEntity } from './entities/petition.entity';

/** Storage of petitions and tracking-number counters. */
@Injectable()
export class PetitionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction (petition rows and their outbox events commit together). */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** Next sequence number for a region and day (Asia/Shanghai date), inside the caller's transaction. */
  async nextSequence(manager: EntityManager, regionCode: string, day: string): Promise<number> {
    const [row] = await manager.query(
      `INSERT INTO tracking_counters (region_code, day, last_seq) VALUES ($1, $2, 1)
       ON CONFLICT (region_code, day) DO UPDATE SET last_seq = tracking_counters.last_seq + 1
       RETURNING last_seq`,
      [regionCode, day],
    );
    return row.last_seq as number;
  }

  async insert(manager: EntityManager, petition: PetitionEntity): Promise<void> {
    await manager.insert(PetitionEntity, petition);
  }

  findById(id: string): Promise<PetitionEntity | null> {
    return this.dataSource.getRepository(PetitionEntity).findOneBy({ id });
  }

  /** Newest first, keyset-paginated on (registered_at, id). */
  async list(limit: number, after: { registeredAt: string; id: string } | null): Promise<PetitionEntity[]> {
    const qb = this.dataSource.getRepository(PetitionEntity).createQueryBuilder('p').orderBy('p.registered_at', 'DESC').addOrderBy('p.id', 'DESC').limit(limit);
    if (after) qb.where('(p.registered_at, p.id) < (:at, :id)', { at: after.registeredAt, id: after.id });
    return qb.getMany();
  }
}
