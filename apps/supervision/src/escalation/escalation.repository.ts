import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { SupervisionOrderEntity, type SupervisionOrderState } from './entities/supervision-order.entity';
import { UrgeEntity } from './entities/urge.entity';

/** One line of a unit's supervision record, newest first. */
export interface UnitRecordRow {
  kind: 'urge' | 'supervision_order' | 'flagged_supervision' | 'overdue';
  id: string;
  petition_id: string;
  at: Date;
  stage: string | null;
  reason: string | null;
  source: string | null;
  state: string | null;
  due: Date | null;
}

/** All SQL of urges, supervision orders and the unit record. */
@Injectable()
export class EscalationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts an urge; false when the ladder already urged for that deadline. */
  async insertUrge(m: EntityManager, urge: UrgeEntity): Promise<boolean> {
    const r = await m.createQueryBuilder().insert().into(UrgeEntity).values(urge).orIgnore().returning('id').execute();
    return r.raw.length > 0;
  }

  /** Inserts an order; false when the ladder already issued that level for that deadline. */
  async insertOrder(m: EntityManager, order: SupervisionOrderEntity): Promise<boolean> {
    const r = await m.createQueryBuilder().insert().into(SupervisionOrderEntity).values(order).orIgnore().returning('id').execute();
    return r.raw.length > 0;
  }

  findOrderForUpdate(m: EntityManager, id: string): Promise<SupervisionOrderEntity | null> {
    return m
      .getRepository(SupervisionOrderEntity)
      .createQueryBuilder('o')
      .where('o.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  async saveOrder(m: EntityManager, order: SupervisionOrderEntity): Promise<void> {
    await m.getRepository(SupervisionOrderEntity).save(order);
  }

  /** A page of orders, newest first; `unitId` required for unit staff (the service passes it). */
  listOrders(filter: {
    unitId?: string;
    state?: SupervisionOrderState;
    after?: { issuedAt: string; id: string };
    limit: number;
  }): Promise<SupervisionOrderEntity[]> {
    const q = this.dataSource.getRepository(SupervisionOrderEntity).createQueryBuilder('o');
    if (filter.unitId) q.andWhere('o.unit_id = :unitId', { unitId: filter.unitId });
    if (filter.state) q.andWhere('o.state = :state', { state: filter.state });
    if (filter.after)
      q.andWhere('(o.issued_at, o.id) < (:afterAt, :afterId)', { afterAt: filter.after.issuedAt, afterId: filter.after.id });
    return q.orderBy('o.issued_at', 'DESC').addOrderBy('o.id', 'DESC').limit(filter.limit).getMany();
  }

  /** A page of the unit's record: urges, orders, flagged supervision and overdue deadlines, newest first. */
  unitRecord(unitId: string, after: { at: string; id: string } | null, limit: number): Promise<UnitRecordRow[]> {
    return this.dataSource.query(
      `SELECT * FROM (
         SELECT 'urge' AS kind, id, petition_id, issued_at AS at, stage, reason, source, NULL AS state, NULL::timestamptz AS due
           FROM urges WHERE unit_id = $1
         UNION ALL
         SELECT CASE level WHEN 'flagged' THEN 'flagged_supervision' ELSE 'supervision_order' END, id, petition_id, issued_at, NULL, reason, source, state, answer_due
           FROM supervision_orders WHERE unit_id = $1
         UNION ALL
         SELECT 'overdue', id, petition_id, overdue_fired_at, stage, NULL, NULL, state, due
           FROM tracked_deadlines WHERE unit_id = $1 AND overdue_fired_at IS NOT NULL
       ) r
       WHERE $2::timestamptz IS NULL OR (r.at, r.id) < ($2::timestamptz, $3::uuid)
       ORDER BY r.at DESC, r.id DESC
       LIMIT $4`,
      [unitId, after?.at ?? null, after?.id ?? null, limit],
    );
  }
}
