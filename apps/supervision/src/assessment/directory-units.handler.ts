import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Topics, UNIT_UPSERTED, type UnitUpsertedPayload } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';

/**
 * Keeps `units` from the compacted directory topic. The topic holds only the latest state per
 * unit, so a plain upsert is right (no version guard: the log order per key is the truth).
 */
@Injectable()
@EventSubscriber()
export class DirectoryUnitsHandler implements SubscribesToEvents {
  readonly subscriptions = [
    subscription('directory-units', Topics.directory, { [UNIT_UPSERTED]: (event, manager) => this.upsert(event.payload, manager) }),
  ];

  private async upsert(u: UnitUpsertedPayload, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO units (unit_id, code, name, level, kind, active, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (unit_id) DO UPDATE SET code = excluded.code, name = excluded.name, level = excluded.level, kind = excluded.kind, active = excluded.active, updated_at = now()`,
      [u.unitId, u.code, u.name, u.level, u.kind, u.active],
    );
  }
}
