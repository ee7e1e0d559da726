import { ControllableClock } from '@petition/clock';
import { Deadline, defaultRuleSet, loadCalendar, type CalendarOverrideYear } from '@petition/deadlines';
import { serviceDataSourceOptions } from '@petition/persistence';
import { migrate, startTestStack, type TestStack } from '@petition/testing';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { supervisionMigrations } from '../src/database/migrations';
import { DeadlineBook } from '../src/deadlines/deadline-book';
import { DeadlinesRepository } from '../src/deadlines/deadlines.repository';
import { TrackedDeadlineEntity } from '../src/deadlines/entities/tracked-deadline.entity';
import { RecomputeProvisionalDeadlinesUseCase } from '../src/deadlines/usecases/recompute-provisional-deadlines.usecase';

const days = (from: number, to: number, month: string) =>
  Array.from({ length: to - from + 1 }, (_, i) => `2027-${month}-${String(from + i).padStart(2, '0')}`);
/** A HYPOTHETICAL 2027 notice (the official one is not published yet): Spring Festival 5–13 February. */
const OFFICIAL_2027: CalendarOverrideYear = {
  source: 'hypothetical 2027 notice (test fixture)',
  holidays: [...days(1, 3, '01'), ...days(5, 13, '02')],
  workdays: ['2027-02-20'],
};

/** The book a release with the official 2027 calendar would load. */
class OfficialBook extends DeadlineBook {
  override readonly calendar = loadCalendar({ overrides: { name: 'city', version: '2026.12', years: { '2027': OFFICIAL_2027 } } });
}

describe('provisional deadlines once the official holiday year is loaded', () => {
  let stack: TestStack;
  let ds: DataSource;

  beforeAll(async () => {
    stack = await startTestStack();
    await migrate(stack.databaseUrl, 'supervision', supervisionMigrations);
    ds = new DataSource(
      serviceDataSourceOptions({
        url: stack.databaseUrl,
        schema: 'supervision',
        entities: [TrackedDeadlineEntity],
        migrations: [],
        poolSize: 2,
      }),
    );
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await stack?.stop();
  });

  it('recomputes each open provisional deadline once, recording the calendar revision, and leaves final ones alone', async () => {
    const rules = defaultRuleSet();
    // 60 days from 12 December 2026 end inside Spring Festival 2027, provisional until the notice is out.
    const provisional = Deadline.start({ start: '2026-12-12T10:00:00+08:00', stage: 'handling_standard', rules, calendar: loadCalendar() });
    const final = Deadline.start({ start: '2026-11-23T10:00:00+08:00', stage: 'unit_accept', rules, calendar: loadCalendar() });
    expect(provisional.provisional).toBe(true);
    const insert = (d: Deadline) =>
      ds.query(
        `INSERT INTO tracked_deadlines (id, petition_id, stage, owner_key, unit_id, ladder, started_at, due, warning_at, rule_set, provisional, record, state, escalation_step, next_fire_at, opened_by)
         VALUES (gen_random_uuid(), gen_random_uuid(), $1, 'test', gen_random_uuid(), true, $2, $3, $4, $5, $6, $7::jsonb, 'open', 'none', $4, gen_random_uuid()) RETURNING id`,
        [d.stage, d.start, d.due, d.warningAt, d.ruleSetVersion, d.provisional, JSON.stringify(d.toJSON())],
      );
    const [{ id }] = await insert(provisional);
    const [{ id: finalId }] = await insert(final);

    const book = new OfficialBook();
    const useCase = new RecomputeProvisionalDeadlinesUseCase(
      ds,
      new ControllableClock(new Date('2026-12-20T09:00:00+08:00')),
      pino({ level: 'silent' }),
      book,
      new DeadlinesRepository(ds),
    );
    expect(await useCase.execute()).toEqual({ recomputed: 1, moved: 1 });
    const [row] = await ds.query(`SELECT due, provisional, record, next_fire_at FROM tracked_deadlines WHERE id = $1`, [id]);
    // Feb 10–13 are off in the notice, Sunday 14 → due Tuesday 16 00:00 instead of Friday 12.
    expect(row.due.toISOString()).toBe(new Date('2027-02-16T00:00:00+08:00').toISOString());
    expect(row.provisional).toBe(false);
    expect(row.record.revisions).toHaveLength(1);
    expect(row.record.revisions[0]).toMatchObject({ previousDue: provisional.due, due: '2027-02-16T00:00:00+08:00', dueChanged: true });
    expect(row.next_fire_at.toISOString()).toBe(new Date(row.record.warningAt).toISOString());
    const [untouched] = await ds.query(`SELECT record FROM tracked_deadlines WHERE id = $1`, [finalId]);
    expect(untouched.record.revisions).toEqual([]);

    expect(await useCase.execute()).toEqual({ recomputed: 0, moved: 0 });
  });
});
