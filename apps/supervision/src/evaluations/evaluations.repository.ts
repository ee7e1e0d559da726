import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { EvaluationEntity } from './entities/evaluation.entity';

/** Storage of evaluations. */
@Injectable()
export class EvaluationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Makes `evaluation` the one that counts for its matter: the earlier current one is kept, no longer current. */
  async insertAsCurrent(manager: EntityManager, evaluation: EvaluationEntity): Promise<void> {
    await manager.getRepository(EvaluationEntity).update({ petitionId: evaluation.petitionId, current: true }, { current: false });
    await manager.insert(EvaluationEntity, evaluation);
  }

  /** How many evaluations a reply round of a matter already has. */
  countOfRound(manager: EntityManager, petitionId: string, round: number): Promise<number> {
    return manager.getRepository(EvaluationEntity).countBy({ petitionId, round });
  }

  /** Oldest first, keyset-paginated on (recorded_at, id). */
  list(
    filter: { petitionId?: string; unitId?: string },
    limit: number,
    after: { at: string; id: string } | null,
  ): Promise<EvaluationEntity[]> {
    const qb = this.dataSource
      .getRepository(EvaluationEntity)
      .createQueryBuilder('e')
      .orderBy('e.recorded_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(limit);
    if (filter.petitionId) qb.andWhere('e.petition_id = :petitionId', { petitionId: filter.petitionId });
    if (filter.unitId) qb.andWhere('e.unit_id = :unitId', { unitId: filter.unitId });
    if (after) qb.andWhere('(e.recorded_at, e.id) > (:afterAt, :afterId)', { afterAt: after.at, afterId: after.id });
    return qb.getMany();
  }
}
