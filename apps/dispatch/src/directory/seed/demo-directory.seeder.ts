import type { DataSource } from 'typeorm';
import type { Clock } from '@petition/clock';
import { Topics, UNIT_UPSERTED, createEnvelope, type UnitUpsertedPayload } from '@petition/contracts';
import type { OutboxWriter } from '@petition/messaging';
import { DEMO_CATEGORIES, DEMO_REGIONS, DEMO_RULES, DEMO_UNITS } from './demo-city';
import { stableId, unitIdFor } from './stable-id';

/**
 * Loads the demo city into the directory; safe to run again (existing rows are left alone).
 * Newly inserted units are published on `directory.v1` through the outbox.
 * @returns how many rows of each kind were inserted.
 */
export async function seedDemoDirectory(dataSource: DataSource, outbox: OutboxWriter, clock: Clock): Promise<Record<string, number>> {
  return dataSource.transaction(async (m) => {
    const counts = { regions: 0, categories: 0, units: 0, rules: 0 };
    for (const r of DEMO_REGIONS) {
      const res = await m.query(`INSERT INTO regions (code, name, level, parent_code) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING RETURNING code`, [r.code, r.name, r.level, r.parent]);
      counts.regions += res.length;
    }
    for (const c of DEMO_CATEGORIES) {
      const res = await m.query(`INSERT INTO categories (code, name, parent_code) VALUES ($1,$2,$3) ON CONFLICT DO NOTHING RETURNING code`, [c.code, c.name, c.parent]);
      counts.categories += res.length;
    }
    const now = clock.now();
    for (const u of DEMO_UNITS) {
      const payload: UnitUpsertedPayload = {
        unitId: unitIdFor(u.code), code: u.code, name: u.name, level: u.level, kind: u.kind,
        parentId: u.parent ? unitIdFor(u.parent) : null, regionCodes: u.regions, categoryCodes: u.categories, active: true,
      };
      const res = await m.query(
        `INSERT INTO units (id, code, name, level, kind, parent_id, region_codes, category_codes, active)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,true) ON CONFLICT DO NOTHING RETURNING id`,
        [payload.unitId, u.code, u.name, u.level, u.kind, payload.parentId, u.regions, u.categories],
      );
      if (res.length) {
        counts.units++;
        await outbox.append(m, { topic: Topics.directory, key: payload.unitId, envelope: createEnvelope('dispatch', now, { type: UNIT_UPSERTED, petitionId: null, payload }) });
      }
    }
    for (const r of DEMO_RULES) {
      const id = stableId('rule', `${r.category}|${r.region ?? '*'}|${r.nature ?? '*'}|${r.lead}`);
      const res = await m.query(
        `INSERT INTO routing_rules (id, category_code, region_code, nature, lead_unit_id, co_handler_unit_ids, track, instructions, priority, effective_from)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'2020-01-01T00:00:00+08:00') ON CONFLICT DO NOTHING RETURNING id`,
        [id, r.category, r.region, r.nature, unitIdFor(r.lead), (r.coHandlers ?? []).map(unitIdFor), r.track, r.instructions ?? null, r.priority ?? 0],
      );
      counts.rules += res.length;
    }
    return counts;
  });
}
