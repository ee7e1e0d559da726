import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { migrate, startTestStack, type TestStack } from '@petition/testing';
import { monthOf, periodKeysOfMonth } from '../src/assessment/periods';
import { supervisionMigrations } from '../src/database/migrations';

const DAY = 86_400_000;

/**
 * The upgrade of a supervision schema written by the release before the review-window and
 * bureau-step rules: figures of windows that already ended stay, a window still open leaves the
 * one-time numerator it was wrongly counted in, and the bureau's steps stop counting against units.
 * Instants are relative to the database's clock, which the migration reads.
 */
describe('migration ReviewWindowsAndBureauSteps on a schema of the previous release', () => {
  let stack: TestStack;
  let db: Client;
  const unit = randomUUID();
  const openWindow = randomUUID();
  const endedWindow = randomUUID();
  const reviewed = randomUUID();
  const callbackOnly = randomUUID();
  const mixed = randomUUID();
  const callbackRow = randomUUID();
  const handlingRow = randomUUID();
  let now: number;

  const counters = async (kpi: string): Promise<Map<string, [number, number]>> => {
    const rows = (
      await db.query(`SELECT period, numerator, denominator FROM supervision.assessment_counters WHERE unit_id = $1 AND kpi = $2`, [
        unit,
        kpi,
      ])
    ).rows;
    return new Map(rows.map((r: { period: string; numerator: number; denominator: number }) => [r.period, [r.numerator, r.denominator]]));
  };
  /** Adds one matter to the counters of the month of `at` (and its quarter and year), as the projection did. */
  const count = async (kpi: string, at: number, numerator: boolean) => {
    for (const period of periodKeysOfMonth(monthOf(new Date(at)))) {
      await db.query(
        `INSERT INTO supervision.assessment_counters (period, unit_id, kpi, numerator, denominator) VALUES ($1, $2, $3, $4, 1)
         ON CONFLICT (period, unit_id, kpi) DO UPDATE SET numerator = assessment_counters.numerator + $4, denominator = assessment_counters.denominator + 1`,
        [period, unit, kpi, numerator ? 1 : 0],
      );
    }
  };

  beforeAll(async () => {
    stack = await startTestStack();
    await migrate(stack.databaseUrl, 'supervision', supervisionMigrations.slice(0, -1));
    db = new Client({ connectionString: stack.databaseUrl });
    await db.connect();
    now = ((await db.query(`SELECT now() AS now`)).rows[0].now as Date).getTime();

    // Three delivered first-time claims of one unit, as the previous release stored and counted them.
    const claim = (id: string, windowEnd: number, reviewRequestedAt: number | null) =>
      db.query(
        `INSERT INTO supervision.assessment_matters (petition_id, unit_id, nature, delivered_at, delivered_round, review_window_end, review_requested_at)
         VALUES ($1, $2, 'claim', $3, 1, $4, $5)`,
        [id, unit, new Date(windowEnd - 30 * DAY), new Date(windowEnd), reviewRequestedAt === null ? null : new Date(reviewRequestedAt)],
      );
    await claim(openWindow, now + 10 * DAY, null);
    await claim(endedWindow, now - 10 * DAY, null);
    await claim(reviewed, now + 12 * DAY, now - DAY);
    await count('one_time', now + 10 * DAY, true);
    await count('one_time', now - 10 * DAY, true);
    await count('one_time', now + 12 * DAY, false);

    // Overdue marks: one made only of a callback (the bureau's), one that also has the unit's acceptance.
    const month = monthOf(new Date(now - 40 * DAY));
    for (const [petition, stages] of [
      [callbackOnly, ['callback']],
      [mixed, ['callback', 'unit_accept']],
    ] as const) {
      await db.query(
        `INSERT INTO supervision.assessment_overdue (petition_id, unit_id, months, stages, first_fired_at) VALUES ($1, $2, ARRAY[$3], $4, $5)`,
        [petition, unit, month, stages, new Date(now - 40 * DAY)],
      );
      await count('overdue', now - 40 * DAY, true);
    }

    // Open tracked deadlines: a callback held against the unit with its ladder, and the unit's own handling.
    const track = (id: string, stage: string) =>
      db.query(
        `INSERT INTO supervision.tracked_deadlines (id, petition_id, stage, owner_key, unit_id, ladder, started_at, due, warning_at, rule_set, provisional, record, state, escalation_step, next_fire_at, opened_by)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, true, $5, $6, $6, 'default@2022.1', false, '{}'::jsonb, 'open', 'urge', $6, gen_random_uuid())`,
        [id, stage, `${stage}:${id}`, unit, new Date(now - 20 * DAY), new Date(now - 10 * DAY)],
      );
    await track(callbackRow, 'callback');
    await track(handlingRow, 'handling_standard');
  });
  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  });

  it('moves open windows out of the one-time numerator, keeps ended ones, and frees units from the bureau’s steps', async () => {
    const oneTimeBefore = await counters('one_time');
    const overdueBefore = await counters('overdue');
    await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);

    const ended = (
      await db.query(`SELECT petition_id, review_window_ended_for FROM supervision.assessment_matters WHERE unit_id = $1`, [unit])
    ).rows;
    const endedFor = new Map(
      ended.map((r: { petition_id: string; review_window_ended_for: Date | null }) => [
        r.petition_id,
        r.review_window_ended_for?.getTime() ?? null,
      ]),
    );
    expect(endedFor.get(endedWindow)).toBe(now - 10 * DAY);
    expect(endedFor.get(openWindow)).toBeNull();
    expect(endedFor.get(reviewed)).toBeNull();

    // Only the open, unreviewed window loses its numerator: each of its periods by one.
    const expected = new Map(oneTimeBefore);
    for (const period of periodKeysOfMonth(monthOf(new Date(now + 10 * DAY)))) {
      const [n, d] = expected.get(period) as [number, number];
      expected.set(period, [n - 1, d]);
    }
    expect(await counters('one_time')).toEqual(expected);

    // The callback-only overdue mark is gone (matter and counters); the mixed one stays.
    const marks = (await db.query(`SELECT petition_id FROM supervision.assessment_overdue WHERE unit_id = $1`, [unit])).rows.map(
      (r: { petition_id: string }) => r.petition_id,
    );
    expect(marks).toEqual([mixed]);
    const overdueExpected = new Map([...overdueBefore].map(([period, [n, d]]) => [period, [n - 1, d - 1] as [number, number]]));
    expect(await counters('overdue')).toEqual(overdueExpected);

    const rows = (
      await db.query(`SELECT id, unit_id, ladder FROM supervision.tracked_deadlines WHERE id = ANY($1)`, [[callbackRow, handlingRow]])
    ).rows;
    const byId = new Map(rows.map((r: { id: string; unit_id: string | null; ladder: boolean }) => [r.id, r]));
    expect(byId.get(callbackRow)).toMatchObject({ unit_id: null, ladder: false });
    expect(byId.get(handlingRow)).toMatchObject({ unit_id: unit, ladder: true });
  });
});
