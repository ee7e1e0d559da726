import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One refused attempt to reach another unit's work item. */
export interface AccessAuditEntry {
  at: Date;
  actor: string;
  actorUnitId: string | null;
  action: string;
  workItemId: string;
  ownerUnitId: string;
}

/**
 * The audit of refused cross-unit access. Written on its own connection, outside the request's
 * transaction, so the entry stays although the request fails.
 */
@Injectable()
export class AccessAuditRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The unit that owns a work item, whoever asks (only to decide whether to audit a refusal). */
  async ownerOf(workItemId: string): Promise<string | null> {
    const rows: Array<{ unit_id: string }> = await this.dataSource.query('SELECT unit_id FROM work_items WHERE id = $1', [workItemId]);
    return rows[0]?.unit_id ?? null;
  }

  async recordDenied(entry: AccessAuditEntry): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO access_audit (at, actor, actor_unit_id, action, work_item_id, owner_unit_id, outcome) VALUES ($1, $2, $3, $4, $5, $6, 'denied')`,
      [entry.at, entry.actor, entry.actorUnitId, entry.action, entry.workItemId, entry.ownerUnitId],
    );
  }
}
