import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExtensionRequestEntity, type ExtensionStatus } from './entities/extension-request.entity';

/** Storage of extension requests; reads take the caller's unit. */
@Injectable()
export class ExtensionsRepository {
  async insert(manager: EntityManager, request: ExtensionRequestEntity): Promise<void> {
    await manager.insert(ExtensionRequestEntity, request);
  }

  pendingFor(manager: EntityManager, workItemId: string): Promise<ExtensionRequestEntity | null> {
    return manager.getRepository(ExtensionRequestEntity).findOneBy({ workItemId, status: 'pending' });
  }

  lockForUnit(manager: EntityManager, unitId: string, id: string): Promise<ExtensionRequestEntity | null> {
    return manager
      .getRepository(ExtensionRequestEntity)
      .createQueryBuilder('e')
      .setLock('pessimistic_write')
      .where('e.id = :id AND e.unit_id = :unitId', { id, unitId })
      .getOne();
  }

  /** A unit's requests, oldest first (the order a unit head works through them), with their matters' number and title. */
  async listForUnit(
    manager: EntityManager,
    unitId: string,
    status: ExtensionStatus | undefined,
    limit: number,
    after: { at: string; id: string } | null,
  ): Promise<Array<{ request: ExtensionRequestEntity; trackingNo: string; title: string }>> {
    const qb = manager
      .getRepository(ExtensionRequestEntity)
      .createQueryBuilder('e')
      .innerJoin('work_items', 'w', 'w.id = e.work_item_id')
      .addSelect(['w.tracking_no AS "trackingNo"', 'w.title AS "title"'])
      .where('e.unit_id = :unitId', { unitId })
      .orderBy('e.requested_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(limit);
    if (status) qb.andWhere('e.status = :status', { status });
    if (after) qb.andWhere('(e.requested_at, e.id) > (:at, :id)', after);
    const { entities, raw } = await qb.getRawAndEntities<{ e_id: string; trackingNo: string; title: string }>();
    return entities.map((request) => {
      const row = raw.find((r) => r.e_id === request.id);
      return { request, trackingNo: row?.trackingNo ?? '', title: row?.title ?? '' };
    });
  }

  async save(manager: EntityManager, request: ExtensionRequestEntity): Promise<void> {
    await manager.getRepository(ExtensionRequestEntity).save(request);
  }
}
