import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Topics, UNIT_UPSERTED, isEvent, type EventEnvelope } from '@petition/contracts';
import type { SupervisionEventHandler } from '../events/event-handler-registry';

/**
 * Keeps `units` from the compacted directory topic. The topic holds only the latest state per
 * unit, so a plain upsert is right (no version guard: the log order per key is the truth).
 */
@Injectable()
export class DirectoryUnitsHandler implements SupervisionEventHandler {
  readonly name = 'directory-units';
  readonly topics = [Topics.directory] as const;
  readonly types = [UNIT_UPSERTED];

  async handle(event: EventEnvelope, manager: EntityManager): Promise<void> {
    if (!isEvent(event, UNIT_UPSERTED)) return;
    const u = event.payload;
    await manager.query(
      `INSERT INTO units (unit_id, code, name, level, kind, active, updated_at) VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (unit_id) DO UPDATE SET code = excluded.code, name = excluded.name, level = excluded.level, kind = excluded.kind, active = excluded.active, updated_at = now()`,
      [u.unitId, u.code, u.name, u.level, u.kind, u.active],
    );
  }
}
