import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '@petition/contracts';
import { bearer, bootService, clockStartingAt, startTestStack, type ServiceApp, type TestStack } from '@petition/testing';
import { createApp as createAnalytics } from '../../apps/analytics/src/bootstrap';
import { createApp as createDispatch } from '../../apps/dispatch/src/bootstrap';
import { createApp as createHandling } from '../../apps/handling/src/bootstrap';
import { createApp as createIntake } from '../../apps/intake/src/bootstrap';
import { createApp as createSupervision } from '../../apps/supervision/src/bootstrap';
import { migrateAll, seedDemo } from '../launcher/migrate';
import { LAUNCHER_TRUSTED_PROXIES } from '../launcher/services';
import { planMonth } from './plan';
import { E2E_CLOCK_START, E2E_MONTH } from './seed-month.e2e-options';
import { seedMonth, type SeedReport, type SeedTarget } from './seed-month';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

/** GET as a staff member, the answer checked. */
async function get(url: string, auth: string): Promise<Body> {
  const res = await fetch(url, { headers: { authorization: auth } });
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}: ${await res.text()}`);
  return res.json();
}

/**
 * `npm run demo`'s seeder against the five services, in-process on their own database and broker,
 * every clock starting at a fixed Monday: what a user of the console then sees.
 */
describe('the demo month (tools/demo/seed-month)', () => {
  let stack: TestStack;
  let dataDir: string;
  const services: ServiceApp[] = [];
  let target: SeedTarget;
  let report: SeedReport;
  const log: string[] = [];
  const CLERK = bearer([Role.Clerk]);
  const SUPERVISOR = bearer([Role.Supervisor]);
  const DISPATCHER = bearer([Role.Dispatcher]);

  beforeAll(async () => {
    stack = await startTestStack();
    await migrateAll(stack.databaseUrl);
    await seedDemo(stack.databaseUrl);
    dataDir = mkdtempSync(join(tmpdir(), 'petition-demo-'));
    // As npm start runs them: the seeder names each simulated petitioner's address in X-Forwarded-For
    // from loopback, which the services believe only because the launcher trusts its gateway there.
    const env = {
      ...stack.env,
      ...clockStartingAt(E2E_CLOCK_START),
      PETITION_DATA_DIR: dataDir,
      TRUSTED_PROXIES: LAUNCHER_TRUSTED_PROXIES,
    };
    const intake = await bootService(createIntake, env);
    services.push(intake);
    const dispatch = await bootService(createDispatch, env);
    services.push(dispatch);
    const handling = await bootService(createHandling, { ...env, INTAKE_URL: intake.url() });
    services.push(handling);
    const supervision = await bootService(createSupervision, env);
    services.push(supervision);
    const analytics = await bootService(createAnalytics, env);
    services.push(analytics);
    target = {
      intake: intake.url(),
      dispatch: dispatch.url(),
      handling: handling.url(),
      supervision: supervision.url(),
      analytics: analytics.url(),
    };
    report = await seedMonth(target, {
      petitions: E2E_MONTH.petitions,
      days: E2E_MONTH.days,
      seed: E2E_MONTH.seed,
      timeoutMs: 20_000,
      log: (l) => log.push(l),
    });
  }, 150_000);

  afterAll(async () => {
    for (const app of services.reverse()) await app.shutdown();
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('registers what the seed plans, on the days it plans, in several states', async () => {
    expect(report.from).toBe(E2E_MONTH.startDate);
    const petitions: Body[] = (await get(`${target.intake}/api/petitions?limit=200`, CLERK)).items;
    const planned = planMonth(E2E_MONTH).filter((p) => p.steps.length);
    const what = (rows: Array<{ title: string; categoryCode: string }>) => rows.map((r) => `${r.categoryCode} ${r.title}`).sort();
    expect(what(petitions)).toEqual(what(planned.map((p) => p.fields)));
    const statuses = new Set(petitions.map((p) => p.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    for (const s of ['assigned', 'accepted', 'closed', 'ended']) expect(statuses).toContain(s);
    for (const p of petitions) {
      expect(p.registeredAt >= '2026-11-02T09:00' && p.registeredAt < '2026-11-12').toBe(true);
      expect(p.petitionerNameMasked).toMatch(/^.\*+$/);
    }
    expect(report.petitions).toBe(petitions.length);
    // Every planned step was taken: the services decided nothing the plan did not expect.
    const steps: Record<string, number> = {};
    for (const p of planned) for (const s of p.steps) steps[s.kind] = (steps[s.kind] ?? 0) + 1;
    expect(report.steps).toEqual(steps);
    expect(log.filter((l) => l.startsWith('note:'))).toEqual([]);
  });

  it('fills unit inboxes with accepted matters and their deadlines', async () => {
    const petitions: Body[] = (await get(`${target.intake}/api/petitions?status=accepted&limit=200`, CLERK)).items;
    expect(petitions.length).toBeGreaterThan(0);
    const [assignment] = (await get(`${target.dispatch}/api/assignments?petitionId=${petitions[0].id}`, DISPATCHER)).items;
    const inbox: Body[] = (
      await get(`${target.handling}/api/work-items?status=accepted&limit=200`, bearer([Role.Handler], assignment.leadUnitId))
    ).items;
    const item = inbox.find((w) => w.petitionId === petitions[0].id);
    expect(item).toMatchObject({ role: 'lead', status: 'accepted', trackingNo: petitions[0].trackingNo });
    expect(item.handlingDue).toEqual(expect.any(String));
    expect(['on_track', 'warning', 'overdue']).toContain(item.deadlineState);
  });

  it('has replies reviewed and delivered, and a delivered reply evaluated', async () => {
    const approved: Body[] = (await get(`${target.supervision}/api/reviews?status=approved&limit=200`, SUPERVISOR)).items;
    expect(approved.length).toBeGreaterThan(0);
    expect(approved.every((r) => r.decidedBy === 'dev-supervisor' && r.deliveredAt !== null)).toBe(true);
    const evaluations: Body[] = (await get(`${target.supervision}/api/evaluations?limit=200`, SUPERVISOR)).items;
    expect(evaluations.length).toBeGreaterThan(0);
    const evaluated = await get(`${target.intake}/api/petitions/${evaluations[0].petitionId}`, CLERK);
    expect(['closed', 'concluded']).toContain(evaluated.status);
    expect(report.evaluations).toBe(evaluations.length);
  });

  it('leaves every clock at the end of the month', async () => {
    for (const url of Object.values(target)) {
      const clock = await get(`${url}/internal/clock`, bearer([Role.Admin]));
      expect(clock.mode).toBe('controllable');
      expect(clock.now >= '2026-11-11T').toBe(true);
    }
  });
});
