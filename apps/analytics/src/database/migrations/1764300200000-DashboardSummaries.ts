import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Summaries that keep the backlog, repeat and stage-time questions flat as the facts grow (issue #9):
 * at 10 million petitions the covering indexes of DashboardIndexes still read every petition of the
 * range. Each summary is kept exact by a trigger on `petition_facts` in the same transaction as the
 * fact changes (minus the old key, plus the new key, as `daily_volume`), so a rebuild — which goes
 * through the same triggers — lands in the same rows.
 *
 * - `open_backlog`: open matters per (scope, day of registration, lead unit). Ages become sums over
 *   day cut-offs, so the backlog counts ages in whole calendar days.
 * - `stage_hours`: per (scope, day of registration, stage, duration bucket) the count and the exact
 *   sum of microseconds (integers: adding and subtracting stays exact in any order, so a rebuild
 *   equals the live table). Buckets are log-scale with ratio 1.04: the p90 read from them is within
 *   2 % of the exact one.
 * - `petition_facts.prev_reg_day`: the registration day of the same petitioner's previous petition
 *   (order: day, then petition id). A petitioner has two or more petitions in a range exactly when
 *   one of them in the range has its previous one on or after the range's first day, so the repeat
 *   petitioners are found among the few rows with a recent previous petition.
 *
 * Scopes are those of `daily_volume`: '' city-wide and the district code.
 */
export class DashboardSummaries1764300200000 implements MigrationInterface {
  name = 'DashboardSummaries1764300200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE petition_facts ADD COLUMN prev_reg_day date`);
    await q.query(`
      CREATE INDEX petition_facts_ref_idx ON petition_facts (petitioner_ref, reg_day, petition_id)
        INCLUDE (region_code, repeat_of, category_code) WHERE petitioner_ref IS NOT NULL`);
    await q.query(`CREATE INDEX petition_facts_returning_idx ON petition_facts (reg_day, prev_reg_day) INCLUDE (petitioner_ref) WHERE prev_reg_day IS NOT NULL`);
    await q.query(`CREATE INDEX petition_facts_repeat_day_idx ON petition_facts (reg_day) INCLUDE (repeat_of, region_code) WHERE repeat_of IS NOT NULL`);
    await q.query(`CREATE INDEX petition_facts_open_region_idx ON petition_facts (region_code text_pattern_ops) INCLUDE (reg_day, lead_unit_id) WHERE is_open`);

    // The previous petition's day: own value before the row is written, the next petition's after.
    await q.query(`
      CREATE FUNCTION petition_facts_previous_day(ref text, day date, id uuid) RETURNS date LANGUAGE sql STABLE AS $$
        SELECT p.reg_day FROM petition_facts p
        WHERE p.petitioner_ref = ref AND (p.reg_day, p.petition_id) < (day, id) AND p.petition_id <> id
        ORDER BY p.reg_day DESC, p.petition_id DESC LIMIT 1 $$`);
    await q.query(`
      CREATE FUNCTION petition_facts_previous_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        day date := (COALESCE(NEW.registered_at, NEW.first_seen_at) AT TIME ZONE 'Asia/Shanghai')::date;
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.petitioner_ref, OLD.reg_day) IS NOT DISTINCT FROM (NEW.petitioner_ref, day) THEN RETURN NEW; END IF;
        IF TG_OP = 'UPDATE' AND OLD.petitioner_ref IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(hashtext('analytics.petitioner:' || OLD.petitioner_ref));
        END IF;
        IF NEW.petitioner_ref IS NULL OR day IS NULL THEN
          NEW.prev_reg_day := NULL;
          RETURN NEW;
        END IF;
        -- Two petitions of one petitioner written at once (different partitions) must see each other.
        PERFORM pg_advisory_xact_lock(hashtext('analytics.petitioner:' || NEW.petitioner_ref));
        NEW.prev_reg_day := petition_facts_previous_day(NEW.petitioner_ref, day, NEW.petition_id);
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE FUNCTION petition_facts_refresh_next(ref text, day date, id uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        nxt record;
        prev date;
      BEGIN
        IF ref IS NULL OR day IS NULL THEN RETURN; END IF;
        SELECT p.petition_id, p.reg_day, p.prev_reg_day INTO nxt FROM petition_facts p
        WHERE p.petitioner_ref = ref AND (p.reg_day, p.petition_id) > (day, id) AND p.petition_id <> id
        ORDER BY p.reg_day, p.petition_id LIMIT 1;
        IF NOT FOUND THEN RETURN; END IF;
        prev := petition_facts_previous_day(ref, nxt.reg_day, nxt.petition_id);
        IF prev IS DISTINCT FROM nxt.prev_reg_day THEN
          UPDATE petition_facts SET prev_reg_day = prev WHERE petition_id = nxt.petition_id;
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION petition_facts_next_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.petitioner_ref, OLD.reg_day) IS NOT DISTINCT FROM (NEW.petitioner_ref, NEW.reg_day) THEN RETURN NULL; END IF;
        IF TG_OP = 'UPDATE' THEN PERFORM petition_facts_refresh_next(OLD.petitioner_ref, OLD.reg_day, OLD.petition_id); END IF;
        PERFORM petition_facts_refresh_next(NEW.petitioner_ref, NEW.reg_day, NEW.petition_id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER petition_facts_previous BEFORE INSERT OR UPDATE ON petition_facts FOR EACH ROW EXECUTE FUNCTION petition_facts_previous_trigger()`);
    await q.query(`CREATE TRIGGER petition_facts_next AFTER INSERT OR UPDATE ON petition_facts FOR EACH ROW EXECUTE FUNCTION petition_facts_next_trigger()`);

    // Open matters per scope, day of registration and lead unit ('' = not assigned yet).
    await q.query(`
      CREATE TABLE open_backlog (
        scope text NOT NULL,
        reg_day date NOT NULL,
        unit_key text NOT NULL,
        n int NOT NULL,
        CONSTRAINT open_backlog_pk PRIMARY KEY (scope, reg_day, unit_key)
      )`);
    await q.query(`
      CREATE FUNCTION open_backlog_keys(f petition_facts) RETURNS TABLE (scope text, reg_day date, unit_key text) LANGUAGE sql STABLE AS $$
        SELECT s, f.reg_day, COALESCE(f.lead_unit_id::text, '') FROM unnest(ARRAY['', f.district_code]) s
        WHERE f.is_open AND f.reg_day IS NOT NULL AND s IS NOT NULL $$`);
    await q.query(`
      CREATE FUNCTION petition_facts_backlog_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.is_open, OLD.reg_day, OLD.district_code, OLD.lead_unit_id)
             IS NOT DISTINCT FROM (NEW.is_open, NEW.reg_day, NEW.district_code, NEW.lead_unit_id) THEN
          RETURN NULL;
        END IF;
        INSERT INTO open_backlog AS t (scope, reg_day, unit_key, n)
        SELECT k.scope, k.reg_day, k.unit_key, sum(k.sign)::int FROM (
          SELECT -1 AS sign, o.* FROM open_backlog_keys(OLD) o WHERE TG_OP = 'UPDATE'
          UNION ALL SELECT 1, n.* FROM open_backlog_keys(NEW) n) k
        GROUP BY 1, 2, 3 HAVING sum(k.sign) <> 0
        ON CONFLICT (scope, reg_day, unit_key) DO UPDATE SET n = t.n + EXCLUDED.n;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER petition_facts_backlog AFTER INSERT OR UPDATE ON petition_facts FOR EACH ROW EXECUTE FUNCTION petition_facts_backlog_trigger()`);

    // Stage durations: count, exact sum of seconds, and a log-scale histogram (bucket ratio 1.04).
    await q.query(`
      CREATE TABLE stage_hours (
        scope text NOT NULL,
        reg_day date NOT NULL,
        stage text NOT NULL,
        bucket int NOT NULL,
        n int NOT NULL,
        micros bigint NOT NULL,
        CONSTRAINT stage_hours_pk PRIMARY KEY (scope, reg_day, stage, bucket)
      )`);
    await q.query(`
      CREATE FUNCTION stage_bucket(micros bigint) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN micros >= 1000000 THEN 1 + floor(ln(micros / 1e6::float8) / ln(1.04::float8))::int
                    WHEN micros <= -1000000 THEN -1 - floor(ln(-micros / 1e6::float8) / ln(1.04::float8))::int
                    ELSE 0 END $$`);
    // Whole microseconds of a span (float8 seconds carry them exactly for any span under 100 years).
    await q.query(`
      CREATE FUNCTION span_micros(start timestamptz, finish timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT round(date_part('epoch', finish - start) * 1000000)::bigint $$`);
    await q.query(`
      CREATE FUNCTION stage_durations(f petition_facts) RETURNS TABLE (scope text, reg_day date, stage text, micros bigint) LANGUAGE sql STABLE AS $$
        SELECT s, f.reg_day, d.stage, span_micros(d.start, d.finish)
        FROM unnest(ARRAY['', f.district_code]) s,
          (VALUES ('triage', f.registered_at, f.triaged_at), ('dispatch', COALESCE(f.triaged_at, f.registered_at), f.assigned_at),
                  ('accept', f.assigned_at, f.accepted_at), ('handling', f.accepted_at, f.replied_at), ('review', f.replied_at, f.approved_at),
                  ('delivery', f.approved_at, f.delivered_at), ('callback', f.delivered_at, f.closed_at), ('total', f.registered_at, f.closed_at)) d(stage, start, finish)
        WHERE f.has_registration AND f.reg_day IS NOT NULL AND s IS NOT NULL AND d.start IS NOT NULL AND d.finish IS NOT NULL $$`);
    await q.query(`
      CREATE FUNCTION petition_facts_stage_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (OLD.reg_day, OLD.district_code, OLD.has_registration, OLD.registered_at, OLD.triaged_at, OLD.assigned_at,
                                 OLD.accepted_at, OLD.replied_at, OLD.approved_at, OLD.delivered_at, OLD.closed_at)
             IS NOT DISTINCT FROM (NEW.reg_day, NEW.district_code, NEW.has_registration, NEW.registered_at, NEW.triaged_at, NEW.assigned_at,
                                   NEW.accepted_at, NEW.replied_at, NEW.approved_at, NEW.delivered_at, NEW.closed_at) THEN
          RETURN NULL;
        END IF;
        INSERT INTO stage_hours AS t (scope, reg_day, stage, bucket, n, micros)
        SELECT d.scope, d.reg_day, d.stage, stage_bucket(d.micros), sum(d.sign)::int, sum(d.sign * d.micros)::bigint FROM (
          SELECT -1 AS sign, o.* FROM stage_durations(OLD) o WHERE TG_OP = 'UPDATE'
          UNION ALL SELECT 1, n.* FROM stage_durations(NEW) n) d
        GROUP BY 1, 2, 3, 4 HAVING sum(d.sign) <> 0 OR sum(d.sign * d.micros) <> 0
        ON CONFLICT (scope, reg_day, stage, bucket) DO UPDATE SET n = t.n + EXCLUDED.n, micros = t.micros + EXCLUDED.micros;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER petition_facts_stages AFTER INSERT OR UPDATE ON petition_facts FOR EACH ROW EXECUTE FUNCTION petition_facts_stage_trigger()`);

    // Facts already there (an upgrade of a running city) get their summaries in bulk.
    for (const statement of SUMMARY_BUILD_STATEMENTS) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER petition_facts_stages ON petition_facts`);
    await q.query(`DROP TRIGGER petition_facts_backlog ON petition_facts`);
    await q.query(`DROP TRIGGER petition_facts_next ON petition_facts`);
    await q.query(`DROP TRIGGER petition_facts_previous ON petition_facts`);
    await q.query(`DROP TABLE stage_hours, open_backlog`);
    await q.query(`DROP FUNCTION petition_facts_stage_trigger(), stage_durations(petition_facts), span_micros(timestamptz, timestamptz), stage_bucket(bigint), petition_facts_backlog_trigger(), open_backlog_keys(petition_facts)`);
    await q.query(`DROP FUNCTION petition_facts_next_trigger(), petition_facts_refresh_next(text, date, uuid), petition_facts_previous_trigger(), petition_facts_previous_day(text, date, uuid)`);
    await q.query(`DROP INDEX petition_facts_open_region_idx, petition_facts_repeat_day_idx, petition_facts_returning_idx, petition_facts_ref_idx`);
    await q.query(`ALTER TABLE petition_facts DROP COLUMN prev_reg_day`);
  }
}

/**
 * Builds the summaries from the facts in bulk, with the same results the triggers reach one row at
 * a time (a test compares both). Used by this migration for existing facts and by the benchmark
 * after its bulk load (run it with the user triggers disabled there: they would only re-check rows).
 */
export const SUMMARY_BUILD_STATEMENTS: readonly string[] = [
  `TRUNCATE open_backlog, stage_hours`,
  `UPDATE petition_facts f SET prev_reg_day = p.prev
   FROM (SELECT petition_id, lag(reg_day) OVER (PARTITION BY petitioner_ref ORDER BY reg_day, petition_id) AS prev
         FROM petition_facts WHERE petitioner_ref IS NOT NULL AND reg_day IS NOT NULL) p
   WHERE p.petition_id = f.petition_id AND f.prev_reg_day IS DISTINCT FROM p.prev`,
  `INSERT INTO open_backlog (scope, reg_day, unit_key, n)
   SELECT s.scope, f.reg_day, COALESCE(f.lead_unit_id::text, ''), count(*)
   FROM petition_facts f CROSS JOIN LATERAL (VALUES (''), (f.district_code)) s(scope)
   WHERE f.is_open AND f.reg_day IS NOT NULL AND s.scope IS NOT NULL
   GROUP BY 1, 2, 3`,
  // Durations are grouped per district once; the city-wide scope is their sum (plus petitions with no district).
  `INSERT INTO stage_hours (scope, reg_day, stage, bucket, n, micros)
   WITH per_district AS MATERIALIZED (
     SELECT COALESCE(f.district_code, '') AS district, f.reg_day, d.stage, stage_bucket(d.micros) AS bucket, count(*) AS n, sum(d.micros) AS micros
     FROM petition_facts f
     CROSS JOIN LATERAL (SELECT v.stage, span_micros(v.start, v.finish) AS micros FROM (VALUES
         ('triage', f.registered_at, f.triaged_at), ('dispatch', COALESCE(f.triaged_at, f.registered_at), f.assigned_at),
         ('accept', f.assigned_at, f.accepted_at), ('handling', f.accepted_at, f.replied_at), ('review', f.replied_at, f.approved_at),
         ('delivery', f.approved_at, f.delivered_at), ('callback', f.delivered_at, f.closed_at), ('total', f.registered_at, f.closed_at)) v(stage, start, finish)
       WHERE v.start IS NOT NULL AND v.finish IS NOT NULL) d
     WHERE f.has_registration AND f.reg_day IS NOT NULL
     GROUP BY 1, 2, 3, 4)
   SELECT '', reg_day, stage, bucket, sum(n), sum(micros) FROM per_district GROUP BY 2, 3, 4
   UNION ALL
   SELECT district, reg_day, stage, bucket, n, micros FROM per_district WHERE district <> ''`,
];
