import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExtensionRequestEntity } from './entities/extension-request.entity';

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

  async save(manager: EntityManager, request: ExtensionRequestEntity): Promise<void> {
    await manager.getRepository(ExtensionRequestEntity).save(request);
  }
}
