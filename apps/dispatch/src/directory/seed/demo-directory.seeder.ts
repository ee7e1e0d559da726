import type { DataSource } from 'typeorm';
import type { Clock } from '@petition/clock';
import { UNIT_UPSERTED, type UnitUpsertedPayload } from '@petition/contracts';
import type { EventOutbox } from '@petition/messaging';
import { DEMO_CATEGORIES, DEMO_REGIONS, DEMO_RULES, DEMO_UNITS } from './demo-city';
import { stableId, unitIdFor } from './stable-id';

/** Rules seeded as in force since before any demo petition. */
const DEMO_RULES_FROM = '2020-01-01T00:00:00+08:00';

/**
 * Loads the demo city into the directory; safe to run again (existing rows are left alone, so a
 * city's own changes survive). One set-based statement per table, so it stays fast as the city
 * grows. Newly inserted units are published on `directory.v1` through the outbox.
 * @returns how many rows of each kind were inserted.
 */
export async function seedDemoDirectory(dataSource: DataSource, outbox: EventOutbox, clock: Clock): Promise<Record<string, number>> {
  return dataSource.transaction(async (m) => {
    // Foreign keys are checked at the end of each statement, so parents and children can share one.
    const regions: unknown[] = await m.query(
      `INSERT INTO regions (code, name, level, parent_code)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, level text, parent text)
       ON CONFLICT DO NOTHING RETURNING code`,
      [JSON.stringify(DEMO_REGIONS)],
    );
    const categories: unknown[] = await m.query(
      `INSERT INTO categories (code, name, parent_code)
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(code text, name text, parent text)
       ON CONFLICT DO NOTHING RETURNING code`,
      [JSON.stringify(DEMO_CATEGORIES)],
    );
    const payloads: UnitUpsertedPayload[] = DEMO_UNITS.map((u) => ({
      unitId: unitIdFor(u.code),
      code: u.code,
      name: u.name,
      level: u.level,
      kind: u.kind,
      parentId: u.parent ? unitIdFor(u.parent) : null,
      regionCodes: u.regions,
      categoryCodes: u.categories,
      active: true,
    }));
    const units: Array<{ id: string }> = await m.query(
      `INSERT INTO units (id, code, name, level, kind, parent_id, region_codes, category_codes, active)
       SELECT x."unitId", x.code, x.name, x.level, x.kind, x."parentId", x."regionCodes", x."categoryCodes", true
         FROM jsonb_to_recordset($1::jsonb) AS x("unitId" uuid, code text, name text, level text, kind text, "parentId" uuid, "regionCodes" text[], "categoryCodes" text[])
       ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(payloads)],
    );
    const inserted = new Set(units.map((u) => u.id));
    const now = clock.now();
    await outbox.publish(
      m,
      now,
      payloads
        .filter((p) => inserted.has(p.unitId))
        .map((payload) => ({ type: UNIT_UPSERTED, petitionId: null, payload, key: payload.unitId })),
    );
    const rules = DEMO_RULES.map((r) => ({
      id: stableId('rule', `${r.category}|${r.region ?? '*'}|${r.nature ?? '*'}|${r.lead}`),
      category: r.category,
      region: r.region,
      nature: r.nature,
      lead: unitIdFor(r.lead),
      co: (r.coHandlers ?? []).map(unitIdFor),
      track: r.track,
      instructions: r.instructions ?? null,
      priority: r.priority ?? 0,
    }));
    const insertedRules: unknown[] = await m.query(
      `INSERT INTO routing_rules (id, category_code, region_code, nature, lead_unit_id, co_handler_unit_ids, track, instructions, priority, effective_from, created_by, created_at)
       SELECT x.id, x.category, x.region, x.nature, x.lead, x.co, x.track, x.instructions, x.priority, $2, 'seed', now()
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, category text, region text, nature text, lead uuid, co uuid[], track text, instructions text, priority int)
       ON CONFLICT DO NOTHING RETURNING id`,
      [JSON.stringify(rules), DEMO_RULES_FROM],
    );
    return { regions: regions.length, categories: categories.length, units: units.length, rules: insertedRules.length };
  });
}
