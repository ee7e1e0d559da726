import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Topics, UNIT_UPSERTED, type UnitUpsertedPayload } from '@petition/contracts';
import { EventSubscriber, subscription, type SubscribesToEvents } from '@petition/messaging';
import { DataSource, In, type EntityManager } from 'typeorm';
import { UnitNameEntity } from './unit-name.entity';

/**
 * Intake's copy of the directory's unit names, from the compacted `directory.v1`: a document
 * names the unit that issues it or must handle the matter, and the directory is dispatch's.
 */
@Injectable()
@EventSubscriber()
export class UnitNames implements SubscribesToEvents {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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

  /** Names by unit id; a unit the directory has not described yet is missing from the map. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(UnitNameEntity).findBy({ unitId: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.unitId, r.name]));
  }
}
