import type { Client } from 'pg';
import { SUMMARY_BUILD_STATEMENTS } from '../src/database/migrations/1764300200000-DashboardSummaries';
import { hotspotTerms } from '../src/read-models/hotspot-terms';

/** Titles of the synthetic city (the terms the hotspot bench ranks come from them). */
export const BENCH_TITLES = [
  '建筑工地夜间施工噪音扰民',
  '广场舞噪音扰民',
  '小区停车位被占用',
  '违规停车堵塞消防通道',
  '物业公司乱收费',
  '物业服务质量差电梯故障',
  '老旧小区加装电梯纠纷',
  '拖欠工资',
  '建筑工人拖欠工资',
  '公司拖欠加班费',
  '公交线路调整不便',
  '公交站台被占用',
  '餐饮油烟污染',
  '河涌黑臭污水',
  '学位申请入学难',
  '医保报销慢',
  '征地拆迁补偿不合理',
  '房屋漏水维修',
  '供水管道爆裂停水',
  '道路破损坑洼',
  '路灯不亮',
  '垃圾清运不及时',
  '违章建筑搭建',
  '占道经营',
  '楼道电动车充电起火隐患',
  '食品安全问题',
  '养老金发放',
  '社保转移接续',
  '低保申请',
  '邻里纠纷',
];
const CATEGORIES = [
  'URBAN.NOISE',
  'URBAN.PARKING',
  'HOUSING.PROPERTY',
  'LABOR.WAGES',
  'TRANSPORT.BUS',
  'ENV.POLLUTION',
  'EDU.ENROLLMENT',
  'HEALTH.INSURANCE',
  'HOUSING.EXPROPRIATION',
  'HOUSING.REPAIR',
  'URBAN.WATER',
  'TRANSPORT.ROADS',
  'URBAN.LIGHTING',
  'URBAN.SANITATION',
  'URBAN.CONSTRUCTION',
  'MARKET.STREET',
  'SAFETY.FIRE',
  'MARKET.FOOD',
  'LABOR.PENSION',
  'COMMUNITY.NEIGHBOR',
];
const DISTRICTS = ['440103', '440104', '440105', '440106', '440111', '440112', '440113', '440114', '440115', '440117', '440118'];

/** Inserts petitions [first, last] of a synthetic history of `total` petitions spread over `days` days before `end`. */
export async function insertSyntheticPetitions(
  db: Client,
  first: number,
  last: number,
  total: number,
  days: number,
  end: string,
): Promise<void> {
  await db.query(
    `INSERT INTO petition_facts (petition_id, tracking_no, registered_at, has_registration, channel, nature, category_code, region_code, title,
       petitioner_ref, headcount, emergency, repeat_of, triage_outcome, lead_unit_id, last_assigned_at, triaged_at, assigned_at, accepted_at,
       replied_at, approved_at, delivered_at, closed_at, reply_round, approved_round)
     SELECT id, 'B' || g, reg, true, ch, na, cat, reg_code, title, ref, hc, em, rep, 'dispatch', unit, asg, reg, asg, acc, rpl, apr, dlv, cls,
            CASE WHEN rpl IS NULL THEN 0 ELSE 1 END, CASE WHEN apr IS NULL THEN 0 ELSE 1 END
     FROM (
       SELECT g, md5('p' || g)::uuid AS id,
              ($5::timestamptz - ($4::int * interval '1 day') * (1 - g::float8 / $3::int)) AS reg,
              (ARRAY['letter','visit','call','online','hotline','hotline','online','hotline'])[1 + (hashint4(g) & 7)] AS ch,
              (ARRAY['claim','claim','claim','suggestion','accusation'])[1 + abs(hashint4(g + 1)) % 5] AS na,
              $7::text[] AS cats, $8::text[] AS dists, r1, r2, r3
       FROM generate_series($1::int, $2::int) g,
            LATERAL (SELECT abs(hashint4(g * 7)) % 1000 / 1000.0 AS r1, abs(hashint4(g * 13)) % 1000 / 1000.0 AS r2, abs(hashint4(g * 17)) % 1000 / 1000.0 AS r3) r
     ) s,
     LATERAL (SELECT floor(power(r1, 1.6) * 20)::int AS ci) i,
     LATERAL (SELECT cats[1 + ci] AS cat, ($6::text[])[1 + (ci + 20 * (g & 1)) % 30] AS title,
                     dists[1 + floor(r2 * array_length(dists, 1))::int] || lpad((1 + floor(r3 * 15))::int::text, 3, '0') AS reg_code,
                     'ptr_' || (abs(hashint4(g * 31)) % ($3::int / 3 + 1)) AS ref,
                     CASE WHEN r3 < 0.03 THEN 5 + (g % 40) ELSE 1 END AS hc,
                     r2 < 0.01 AS em,
                     CASE WHEN r1 > 0.92 AND g > 1000 THEN md5('p' || (g - 1 - (hashint4(g) & 511)))::uuid END AS rep,
                     md5('u' || (abs(hashint4(g * 3)) % 60))::uuid AS unit) d,
     LATERAL (SELECT reg + interval '1 hour' * (1 + r1 * 20) AS asg) a,
     LATERAL (SELECT CASE WHEN reg < $5::timestamptz - interval '3 days' OR r2 < 0.5 THEN asg + interval '1 hour' * (2 + r2 * 60) END AS acc) b,
     LATERAL (SELECT CASE WHEN acc IS NOT NULL AND (reg < $5::timestamptz - interval '60 days' AND r3 < 0.97 OR r3 < 0.5) THEN acc + interval '1 day' * (3 + r3 * 50) END AS rpl) c,
     LATERAL (SELECT rpl + interval '1 hour' * (4 + r1 * 40) AS apr) e,
     LATERAL (SELECT apr + interval '1 hour' * (2 + r2 * 30) AS dlv) f,
     LATERAL (SELECT CASE WHEN dlv < $5::timestamptz THEN dlv + interval '1 day' * (1 + r3 * 4) END AS cls) h`,
    [first, last, total, days, end, BENCH_TITLES, CATEGORIES, DISTRICTS],
  );
}

/**
 * Builds the aggregates from the facts in bulk, as the triggers would have one row at a time:
 * daily_volume, the dashboard summaries (open_backlog, stage_hours, prev_reg_day: the migration's
 * own bulk statements) and the hotspot terms of the bench titles.
 */
export async function buildAggregates(db: Client, log: (line: string) => void = () => undefined): Promise<void> {
  let t0 = Date.now();
  const step = (name: string) => {
    log(`    ${name}: ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    t0 = Date.now();
  };
  for (const [i, statement] of SUMMARY_BUILD_STATEMENTS.entries()) {
    await db.query(statement);
    step(`summaries ${i + 1}/${SUMMARY_BUILD_STATEMENTS.length}`);
  }
  await db.query(`TRUNCATE daily_volume, daily_terms, petition_terms`);
  await db.query(`
    INSERT INTO daily_volume (day, scope, dim, value, n, collective_n, emergency_n, repeat_n)
    SELECT reg_day, s.scope, v.dim, v.value, count(*), count(*) FILTER (WHERE collective), count(*) FILTER (WHERE emergency), count(*) FILTER (WHERE repeat_of IS NOT NULL)
    FROM petition_facts f
    CROSS JOIN LATERAL (VALUES (''), (f.district_code)) s(scope)
    CROSS JOIN LATERAL (VALUES ('all', ''), ('channel', COALESCE(f.channel, 'unknown')), ('nature', COALESCE(f.nature, 'unknown')),
        ('category', COALESCE(f.category_code, 'unknown')), ('region', COALESCE(CASE WHEN s.scope = '' THEN f.district_code ELSE f.street_code END, f.region_code, 'unknown')),
        ('unit', COALESCE(f.lead_unit_id::text, 'unassigned'))) v(dim, value)
    WHERE reg_day IS NOT NULL AND s.scope IS NOT NULL
    GROUP BY 1, 2, 3, 4`);
  step('daily_volume');
  const pairs = BENCH_TITLES.flatMap((title) => hotspotTerms(title).map((term) => [title, term]));
  await db.query(`CREATE TEMP TABLE title_terms AS SELECT * FROM unnest($1::text[], $2::text[]) AS t(title, term)`, [
    pairs.map((p) => p[0]),
    pairs.map((p) => p[1]),
  ]);
  await db.query(`
    INSERT INTO daily_terms (day, term, category_code, district_code, n)
    SELECT f.reg_day, t.term, f.category_code, f.district_code, count(*) FROM petition_facts f JOIN title_terms t ON t.title = f.title
    GROUP BY 1, 2, 3, 4`);
  await db.query(`DROP TABLE title_terms`);
  step('daily_terms');
}
