import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Topics, UNIT_UPSERTED, type UnitUpsertedPayload } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';

/**
 * Keeps `units` from dispatch's compacted `directory.v1`. The topic holds the latest state per
 * unit, so a plain upsert is right (the log order per key is the truth).
 */
@Injectable()
@EventSubscriber()
export class DirectoryUnitsConsumer implements SubscribesToEvents {
  readonly subscriptions = [
    subscription('directory-units', Topics.directory, { [UNIT_UPSERTED]: (event, manager) => this.upsert(manager, event.payload) }),
  ];

  private async upsert(manager: EntityManager, u: UnitUpsertedPayload): Promise<void> {
    await manager.query(
      `INSERT INTO units (unit_id, code, name, active, updated_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (unit_id) DO UPDATE SET code = excluded.code, name = excluded.name, active = excluded.active, updated_at = now()`,
      [u.unitId, u.code, u.name, u.active],
    );
  }
}
