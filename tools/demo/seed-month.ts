import { createHash, randomBytes } from 'node:crypto';
import { DEV_JWT_SECRET } from '@petition/auth';
import { Role } from '@petition/contracts';
import { Api, SeedStepError, eachLimit, waitFor, type SeedTarget, type ServiceName, type Staff } from './http';
import {
  MORNING,
  addDays,
  instantOf,
  planMonth,
  slotOf,
  type PlannedPetition,
  type PlannedStep,
  type ReplyOutcome,
  type StepKind,
} from './plan';

export type { SeedTarget } from './http';

/** What `seedMonth` is asked to do. */
export interface SeedMonthOptions {
  /** How many petitions the month brings (default 150). */
  petitions?: number;
  /** How many days the month runs, from the services' clock (default 30). */
  days?: number;
  /** The same seed plans the same month (default 1). */
  seed?: number;
  /** Signs the staff tokens (default JWT_SECRET, else the development secret). */
  secret?: string;
  /** Where to move the clocks at the end ('now': the real time then, as the demo does); by default they stay where the month ended. */
  endAt?: Date | 'now';
  /** How long to wait for an event to reach the service that acts on it (default 30 s). */
  timeoutMs?: number;
  /** Requests in flight at once within one moment (default 4). */
  concurrency?: number;
  log?: (line: string) => void;
}

/** What the month left behind, as the console shows it. */
export interface SeedReport {
  from: string;
  to: string;
  /** Petitions registered at intake, and by status and channel. */
  petitions: number;
  byStatus: Record<string, number>;
  byChannel: Record<string, number>;
  /** Steps taken, by kind. */
  steps: Partial<Record<StepKind, number>>;
  reviews: Record<string, number>;
  evaluations: number;
  appeals: Record<string, number>;
  deadlines: { warning: number; overdue: number };
  seconds: number;
}

const CLERK: Staff = { sub: 'dev-clerk', roles: [Role.Clerk], unitId: null };
const DISPATCHER: Staff = { sub: 'dev-dispatcher', roles: [Role.Dispatcher], unitId: null };
const SUPERVISOR: Staff = { sub: 'dev-supervisor', roles: [Role.Supervisor], unitId: null };
const ADMIN: Staff = { sub: 'demo-seeder', roles: [Role.Admin], unitId: null };
const SERVICES: ServiceName[] = ['intake', 'dispatch', 'handling', 'supervision', 'analytics'];

interface Unit {
  id: string;
  code: string;
  name: string;
}
const handler = (u: Unit): Staff => ({ sub: `dev-handler-${u.code}`, roles: [Role.Handler], unitId: u.id });
const unitHead = (u: Unit): Staff => ({ sub: `dev-unit-head-${u.code}`, roles: [Role.UnitHead], unitId: u.id });

interface Registration {
  id: string;
  trackingNo: string;
  status: string;
  queryCode: string | null;
  triage: { outcome: string } | null;
}
interface PetitionRow {
  id: string;
  trackingNo: string;
  status: string;
  channel: string;
}
interface Assignment {
  id: string;
  leadUnitId: string;
  coHandlerUnitIds: string[];
  status: string;
}
interface WorkItem {
  id: string;
  petitionId: string;
  role: string;
  status: string;
  reworkReason: string | null;
}
interface Review {
  id: string;
  round: number;
  status: string;
}

/** A petition as the month runs: its plan and what the services answered so far. */
interface Live {
  p: PlannedPetition;
  id?: string;
  trackingNo?: string;
  queryCode?: string;
  leadUnitId?: string;
  coUnitIds: string[];
  workItemId?: string;
  extensionId?: string;
  reviewId?: string;
  /** Why the rest of its plan is skipped (the services decided differently). */
  stopped?: string;
}

interface Planned {
  live: Live;
  step: PlannedStep;
  index: number;
}

/**
 * Seeds a month of the city's petition work through the services' own HTTP APIs, on their
 * controllable clocks: day by day, each step at its planned minute (every service's clock set
 * there first), with the events each step starts awaited at the end of each morning and
 * afternoon before the next acts on them. The services must run with `CLOCK=controllable`; the
 * month starts on the day their clock shows (the next day when it is past 09:10).
 */
export async function seedMonth(target: SeedTarget, options: SeedMonthOptions = {}): Promise<SeedReport> {
  const seeder = new MonthSeeder(target, options);
  return seeder.run();
}

class MonthSeeder {
  private readonly api: Api;
  private readonly log: (line: string) => void;
  private readonly timeoutMs: number;
  private readonly runId = randomBytes(4).toString('hex');
  private readonly units = new Map<string, Unit>();
  private readonly unitsByCode = new Map<string, Unit>();
  private readonly settles: Array<{ what: string; probe: () => Promise<boolean> }> = [];
  private readonly done: Partial<Record<StepKind, number>> = {};
  private startDate = '';
  private simNow = 0;
  private simSetAt = 0;

  constructor(
    target: SeedTarget,
    private readonly options: SeedMonthOptions,
  ) {
    this.api = new Api(target, options.secret ?? process.env.JWT_SECRET ?? DEV_JWT_SECRET);
    this.log = options.log ?? (() => undefined);
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  async run(): Promise<SeedReport> {
    const started = Date.now();
    const days = this.options.days ?? 30;
    await this.readClocks();
    await this.readDirectory();
    const plan = planMonth({ petitions: this.options.petitions ?? 150, days, seed: this.options.seed ?? 1, startDate: this.startDate });
    const steps: Planned[] = plan
      .flatMap((p) => {
        const live: Live = { p, coUnitIds: [] };
        return p.steps.map((step, index) => ({ live, step, index }));
      })
      .sort((a, b) => a.step.day - b.step.day || a.step.minute - b.step.minute || a.live.p.index - b.live.p.index);
    this.log(
      `planned ${plan.filter((p) => p.steps.length).length} petitions and ${steps.length} steps over ${days} days from ${this.startDate}`,
    );
    let phase: number | null = null;
    let day: number | null = null;
    let dayStarted = Date.now();
    let dayCounts: Partial<Record<StepKind, number>> = {};
    for (let i = 0; i < steps.length;) {
      const first = steps[i].step;
      let j = i;
      while (j < steps.length && steps[j].step.day === first.day && steps[j].step.minute === first.minute) j++;
      const group = steps.slice(i, j);
      i = j;
      if (phase !== null && slotOf(first) !== phase) await this.settle();
      if (day !== null && first.day !== day) {
        this.logDay(day, dayCounts, dayStarted);
        dayCounts = {};
        dayStarted = Date.now();
      }
      phase = slotOf(first);
      await this.moveClocks(instantOf(this.startDate, first));
      if (first.day !== day) {
        day = first.day;
        await this.sweep();
      }
      await this.runGroup(group);
      for (const g of group) dayCounts[g.step.kind] = (dayCounts[g.step.kind] ?? 0) + 1;
    }
    await this.settle();
    if (day !== null) this.logDay(day, dayCounts, dayStarted);
    const endAt = this.options.endAt;
    if (endAt) await this.moveClocks((endAt === 'now' ? new Date() : endAt).toISOString());
    await this.sweep();
    return this.report(started, days);
  }

  // -- time --------------------------------------------------------------------------------------

  /** Reads every service's clock: all must be controllable; the month starts on their day. */
  private async readClocks(): Promise<void> {
    const clocks = await Promise.all(
      SERVICES.map(async (s) => ({
        s,
        ...(await this.api.get<{ now: string; mode: string }>('read the clock', s, '/internal/clock', ADMIN)),
      })),
    );
    const fixed = clocks.filter((c) => c.mode !== 'controllable').map((c) => c.s);
    if (fixed.length)
      throw new SeedStepError(`the clocks of ${fixed.join(', ')} cannot be moved: start the services with CLOCK=controllable`);
    this.simNow = Math.max(...clocks.map((c) => Date.parse(c.now)));
    this.simSetAt = Date.now();
    const local = new Date(this.simNow + 8 * 3_600_000).toISOString();
    const minute = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
    this.startDate = minute < MORNING.from ? local.slice(0, 10) : addDays(local.slice(0, 10), 1);
  }

  /** Moves every service's clock to `iso` (forward only; a moment already passed is left as is). */
  private async moveClocks(iso: string): Promise<void> {
    const target = Date.parse(iso);
    if (target <= this.simNow + (Date.now() - this.simSetAt) + 1000) return;
    await Promise.all(SERVICES.map((s) => this.api.call('move the clock', s, 'PUT', '/internal/clock', { as: ADMIN, body: { set: iso } })));
    this.simNow = target;
    this.simSetAt = Date.now();
  }

  /** Supervision's deadline sweep, now (it also runs on its own every 30 s). */
  private async sweep(): Promise<void> {
    await this.api.call('sweep deadlines', 'supervision', 'POST', '/internal/sweep', { as: ADMIN });
  }

  /** Waits until every event the last phase started has reached the services that act on it next. */
  private async settle(): Promise<void> {
    const pending = this.settles.splice(0);
    await Promise.all(
      pending.map((s) => waitFor(s.what, async () => (await s.probe()) || undefined, { timeoutMs: this.timeoutMs, intervalMs: 100 })),
    );
  }

  private expect(what: string, probe: () => Promise<boolean>): void {
    this.settles.push({ what, probe });
  }

  private logDay(day: number, counts: Partial<Record<StepKind, number>>, since: number): void {
    const date = addDays(this.startDate, day);
    const weekday = '日一二三四五六'[new Date(`${date}T12:00:00Z`).getUTCDay()];
    const parts = (
      [
        ['register', 'registered'],
        ['accept', 'accepted'],
        ['contact', 'contacts'],
        ['extension_approve', 'extensions'],
        ['reply', 'replies'],
        ['review_approve', 'approved'],
        ['review_return', 'returned'],
        ['evaluate', 'evaluations'],
        ['appeal', 'appeals'],
      ] as Array<[StepKind, string]>
    )
      .filter(([k]) => counts[k])
      .map(([k, label]) => `${counts[k]} ${label}`);
    this.log(`${date} 周${weekday}  ${parts.join(', ') || 'quiet'}  (${((Date.now() - since) / 1000).toFixed(1)} s)`);
  }

  // -- the directory -----------------------------------------------------------------------------

  private async readDirectory(): Promise<void> {
    const units = await this.api.all<Unit>('read the directory', 'dispatch', '/api/units', DISPATCHER);
    for (const u of units) {
      this.units.set(u.id, u);
      this.unitsByCode.set(u.code, u);
    }
    if (!this.unitsByCode.has('GZ-SWJ')) throw new SeedStepError('the demo city is not in dispatch’s directory (unit GZ-SWJ is missing)');
  }

  private unit(id: string): Unit {
    const u = this.units.get(id);
    if (!u) throw new SeedStepError(`unit ${id} is not in the directory`);
    return u;
  }

  // -- steps -------------------------------------------------------------------------------------

  private async runGroup(group: Planned[]): Promise<void> {
    const hotline = group.filter((g) => g.step.kind === 'register' && g.live.p.via === 'hotline');
    if (hotline.length) await this.importHotline(hotline);
    const rest = group.filter((g) => !hotline.includes(g));
    await eachLimit(rest, this.options.concurrency ?? 4, (g) => this.runStep(g));
  }

  private async runStep({ live, step, index }: Planned): Promise<void> {
    if (live.stopped) return;
    const key = `demo.${this.runId}.${live.p.key}.${index}.${step.kind}`;
    const name = `${live.p.key} ${step.kind} at ${instantOf(this.startDate, step)} («${live.p.fields.title}»)`;
    try {
      await this.take(live, step, key, name);
      this.done[step.kind] = (this.done[step.kind] ?? 0) + 1;
    } catch (err) {
      if (err instanceof SeedStepError) throw new SeedStepError(`${name}: ${err.message}`);
      throw err;
    }
  }

  private async take(live: Live, step: PlannedStep, key: string, name: string): Promise<void> {
    const { p } = live;
    const instant = instantOf(this.startDate, step);
    switch (step.kind) {
      case 'register':
        return p.via === 'public' ? this.submitOnline(live, key, name) : this.register(live, step, key, name);
      case 'triage': {
        const body =
          step.outcome === 'dispatch'
            ? { outcome: 'dispatch' }
            : step.outcome === 'inform'
              ? { outcome: 'inform', properChannel: p.triage?.properChannel ?? 'other', authority: p.triage?.authority }
              : { outcome: 'forward', authority: p.triage?.authority };
        await this.api.call('triage', 'intake', 'POST', `/api/petitions/${live.id}/triage`, { as: CLERK, body, key });
        if (step.outcome === 'dispatch') this.expectRouted(live, name);
        return;
      }
      case 'written_notice':
        await this.api.call('record the written notice', 'intake', 'POST', `/api/petitions/${live.id}/written-notice`, {
          as: CLERK,
          body: { method: step.method },
          key,
        });
        return;
      case 'assign':
        return this.assignFromQueue(live, key);
      case 'accept': {
        const lead = await this.leadUnit(live);
        const item = await waitFor(
          `${p.key}'s work item in the inbox of ${lead.code}`,
          () => this.findItem(handler(lead), live.id!, 'lead', 'assigned'),
          {
            timeoutMs: this.timeoutMs,
          },
        );
        await this.api.call('accept', 'handling', 'POST', `/api/work-items/${item.id}/accept`, { as: handler(lead), key });
        live.workItemId = item.id;
        return;
      }
      case 'contact':
        await this.api.call('record a contact', 'handling', 'POST', `/api/work-items/${live.workItemId}/contacts`, {
          as: handler(await this.leadUnit(live)),
          body: { contactedAt: instant, method: step.method, summary: step.summary },
          key,
        });
        return;
      case 'note':
        await this.api.call('add a note', 'handling', 'POST', `/api/work-items/${live.workItemId}/notes`, {
          as: handler(await this.leadUnit(live)),
          body: { text: step.text },
          key,
        });
        return;
      case 'contribute':
        for (const [i, unitId] of live.coUnitIds.entries()) {
          const co = this.unit(unitId);
          const item = await waitFor(
            `${p.key}'s co-handling item in the inbox of ${co.code}`,
            () => this.findItem(handler(co), live.id!, 'co_handler'),
            {
              timeoutMs: this.timeoutMs,
            },
          );
          await this.api.call('add a co-handler’s part', 'handling', 'POST', `/api/work-items/${item.id}/contributions`, {
            as: handler(co),
            body: { summary: p.texts.contribution },
            key: `${key}.${i}`,
          });
        }
        return;
      case 'extension_request': {
        const r = await this.api.call<{ id: string }>(
          'ask for an extension',
          'handling',
          'POST',
          `/api/work-items/${live.workItemId}/extension-requests`,
          { as: handler(await this.leadUnit(live)), body: { days: step.days, reason: step.reason }, key },
        );
        live.extensionId = r.id;
        return;
      }
      case 'extension_approve':
        await this.api.call(
          'approve the extension (unit head)',
          'handling',
          'POST',
          `/api/extension-requests/${live.extensionId}/approve`,
          {
            as: unitHead(await this.leadUnit(live)),
            body: { note: step.note },
            key,
          },
        );
        return;
      case 'reply':
        return this.reply(live, step, key, name);
      case 'review_return': {
        const review = await this.pendingReview(live);
        await this.api.call('return the reply for rework', 'supervision', 'POST', `/api/reviews/${review.id}/return`, {
          as: SUPERVISOR,
          body: { reason: step.reason },
          key,
        });
        const lead = await this.leadUnit(live);
        this.expect(`${name}: the rework reaching the unit`, async () => {
          const item = await this.api.get<WorkItem>('read the work item', 'handling', `/api/work-items/${live.workItemId}`, handler(lead));
          return item.status === 'accepted' && item.reworkReason !== null;
        });
        return;
      }
      case 'review_approve': {
        const review = await this.pendingReview(live);
        await this.api.call('approve the reply', 'supervision', 'POST', `/api/reviews/${review.id}/approve`, {
          as: SUPERVISOR,
          body: { delivery: step.delivery, comment: step.comment },
          key,
        });
        live.reviewId = review.id;
        if (step.delivery === 'online') this.expectDelivered(live, name);
        return;
      }
      case 'delivered':
        await this.api.call('record the delivery', 'supervision', 'POST', `/api/reviews/${live.reviewId}/delivered`, {
          as: CLERK,
          body: { deliveredAt: instant },
          key,
        });
        this.expectDelivered(live, name);
        return;
      case 'evaluate':
        if (step.by === 'callback') {
          await this.api.call('record the callback', 'supervision', 'POST', '/api/evaluations', {
            as: CLERK,
            body: { petitionId: live.id, satisfaction: step.satisfaction, solved: step.solved, method: 'phone', summary: step.summary },
            key,
          });
          return;
        }
        await this.api.call('evaluate online (petitioner)', 'intake', 'POST', `/api/public/petitions/${live.trackingNo}/evaluations`, {
          as: null,
          body: {
            queryCode: live.queryCode,
            satisfaction: step.satisfaction,
            solved: step.solved,
            comment: {
              satisfied: '处理及时，谢谢！',
              basically_satisfied: '基本解决，希望后续继续关注。',
              dissatisfied: '问题没有真正解决。',
            }[step.satisfaction],
          },
          key,
          headers: { 'x-forwarded-for': p.clientAddress },
        });
        this.expect(`${name}: the evaluation reaching supervision`, async () => {
          const page = await this.api.get<{ items: unknown[] }>(
            'read evaluations',
            'supervision',
            `/api/evaluations?petitionId=${live.id}`,
            SUPERVISOR,
          );
          return page.items.length > 0;
        });
        return;
      case 'appeal':
        if (step.by === 'staff') {
          await this.api.call('register a review request', 'supervision', 'POST', '/api/appeals', {
            as: CLERK,
            body: { petitionId: live.id, kind: 'review', grounds: step.grounds, receivedAt: instant },
            key,
          });
          return;
        }
        await this.api.call('ask for a review online (petitioner)', 'intake', 'POST', `/api/public/petitions/${live.trackingNo}/appeals`, {
          as: null,
          body: { queryCode: live.queryCode, kind: 'review', grounds: step.grounds },
          key,
          headers: { 'x-forwarded-for': p.clientAddress },
        });
        this.expect(`${name}: the review request reaching supervision`, async () => {
          const page = await this.api.get<{ items: Array<{ status: string }> }>(
            'read appeals',
            'supervision',
            `/api/appeals?petitionId=${live.id}`,
            SUPERVISOR,
          );
          return page.items.some((a) => a.status === 'filed');
        });
        return;
      case 'appeal_decide': {
        const page = await this.api.get<{ items: Array<{ id: string }> }>(
          'find the review request',
          'supervision',
          `/api/appeals?petitionId=${live.id}&status=filed`,
          SUPERVISOR,
        );
        const appeal = page.items[0];
        if (!appeal) throw new SeedStepError(`no open review request of ${p.key} at supervision`);
        await this.api.call('decide the review', 'supervision', 'POST', `/api/appeals/${appeal.id}/decide`, {
          as: SUPERVISOR,
          body: { outcome: step.outcome, reason: step.reason },
          key,
        });
        return;
      }
    }
  }

  /** A clerk registers a visit, letter or call (held for triage, answered on the spot, or sent to dispatch). */
  private async register(live: Live, step: Extract<PlannedStep, { kind: 'register' }>, key: string, name: string): Promise<void> {
    const { p } = live;
    const body: Record<string, unknown> = { channel: p.channel, ...p.fields };
    if (p.route !== 'dispatch') body.route = p.route;
    if (p.answer) body.answer = p.answer;
    if (p.channel === 'letter') body.letter = { receivedDate: addDays(this.startDate, step.letterReceivedDay ?? step.day) };
    if (p.channel === 'call') body.call = { callerNumber: p.fields.petitionerPhone };
    const r = await this.api.call<Registration>('register at the window', 'intake', 'POST', '/api/petitions', { as: CLERK, body, key });
    this.registered(live, r, name);
  }

  /** The petitioner submits online; the clerk finds it in the triage list. */
  private async submitOnline(live: Live, key: string, name: string): Promise<void> {
    const r = await this.api.call<{ trackingNo: string; queryCode: string }>(
      'submit online (petitioner)',
      'intake',
      'POST',
      '/api/public/petitions',
      {
        as: null,
        body: live.p.fields,
        key,
        headers: { 'x-forwarded-for': live.p.clientAddress },
      },
    );
    const row = await waitFor(`${name}: the submission in the clerk's list`, async () =>
      (
        await this.api.get<{ items: PetitionRow[] }>(
          'list online petitions',
          'intake',
          '/api/petitions?channel=online&status=registered&limit=200',
          CLERK,
        )
      ).items.find((x) => x.trackingNo === r.trackingNo),
    );
    live.id = row.id;
    live.trackingNo = r.trackingNo;
    live.queryCode = r.queryCode;
  }

  /** One import of the hotline's overnight orders. */
  private async importHotline(group: Planned[]): Promise<void> {
    const first = group[0].step;
    const date = addDays(this.startDate, first.day).replace(/-/g, '');
    const orders = group.map(({ live, step }) => ({
      ...live.p.fields,
      externalOrderId: `GZ12345-${date}-${live.p.key}`,
      receivedAt: instantOf(this.startDate, step.kind === 'register' && step.hotlineReceived ? step.hotlineReceived : step),
    }));
    const name = `hotline import of ${date} (${orders.length} orders)`;
    try {
      const r = await this.api.call<{ results: Array<Registration & { externalOrderId: string; petitionId: string }> }>(
        'import 12345 orders',
        'intake',
        'POST',
        '/api/petitions/hotline-imports',
        { as: CLERK, body: { orders }, key: `demo.${this.runId}.hotline.${date}` },
      );
      for (const g of group) {
        const result = r.results.find((x) => x.externalOrderId === `GZ12345-${date}-${g.live.p.key}`);
        if (!result) throw new SeedStepError(`the import did not answer for order ${g.live.p.key}`);
        this.registered(g.live, { ...result, id: result.petitionId, triage: null }, `${g.live.p.key} ${name}`);
        this.done.register = (this.done.register ?? 0) + 1;
      }
    } catch (err) {
      if (err instanceof SeedStepError) throw new SeedStepError(`${name}: ${err.message}`);
      throw err;
    }
  }

  /** Records what intake made of a registration, and what to wait for before the next step. */
  private registered(live: Live, r: Registration, name: string): void {
    const { p } = live;
    live.id = r.id;
    live.trackingNo = r.trackingNo;
    live.queryCode = r.queryCode ?? undefined;
    const expected = p.kind === 'repeat' || p.route === 'answer_on_the_spot' ? 'ended' : p.route === 'triage' ? 'registered' : 'dispatched';
    if (r.status !== expected) {
      live.stopped = `intake made it ${r.status} (${r.triage?.outcome ?? 'no triage'}), the plan expected ${expected}`;
      this.log(`note: ${name}: ${live.stopped}; the rest of its plan is skipped`);
      return;
    }
    if (expected === 'dispatched') this.expectRouted(live, name);
  }

  /** Dispatch has assigned it by the rules, or queued it for a dispatcher. */
  private expectRouted(live: Live, name: string): void {
    this.expect(`${name}: dispatch routing it`, async () => {
      const a = await this.api.get<{ items: Assignment[] }>(
        'read assignments',
        'dispatch',
        `/api/assignments?petitionId=${live.id}`,
        DISPATCHER,
      );
      if (a.items.some((x) => x.status === 'active')) return true;
      return live.p.queued && (await this.queued(live.id!));
    });
  }

  /** Intake has the delivered letter (the petitioner can read, evaluate and appeal it). */
  private expectDelivered(live: Live, name: string): void {
    this.expect(`${name}: the delivered letter reaching intake`, async () => {
      const docs = await this.api.get<Array<{ kind: string }>>('list documents', 'intake', `/api/petitions/${live.id}/documents`, CLERK);
      return docs.some((d) => d.kind === 'decision_letter');
    });
  }

  private async queued(petitionId: string): Promise<boolean> {
    const queue = await this.api.all<{ petitionId: string }>('read the dispatcher’s queue', 'dispatch', '/api/dispatch-queue', DISPATCHER);
    return queue.some((q) => q.petitionId === petitionId);
  }

  /** A dispatcher assigns a queued petition (emergency, collective, no rule) to the competent unit. */
  private async assignFromQueue(live: Live, key: string): Promise<void> {
    const { p } = live;
    await waitFor(`${p.key} in the dispatcher's queue`, async () => (await this.queued(live.id!)) || undefined, {
      timeoutMs: this.timeoutMs,
    });
    const lead = this.unitsByCode.get(p.lead);
    if (!lead) throw new SeedStepError(`unit ${p.lead} is not in the directory`);
    const instructions =
      p.kind === 'emergency'
        ? '紧急事项，请立即联系信访人，做好稳控并报告处置情况。'
        : p.kind === 'collective'
          ? '集体访，请单位主要负责人牵头接待，依法依规处理。'
          : '请按职责依法办理，按期答复信访人。';
    const a = await this.api.call<Assignment>('assign from the queue', 'dispatch', 'POST', '/api/assignments', {
      as: DISPATCHER,
      body: { petitionId: live.id, leadUnitId: lead.id, track: p.track, instructions },
      key,
    });
    live.leadUnitId = a.leadUnitId;
    live.coUnitIds = a.coHandlerUnitIds;
  }

  /** The lead unit of the petition's active assignment. */
  private async leadUnit(live: Live): Promise<Unit> {
    if (!live.leadUnitId) {
      const a = await waitFor(`${live.p.key}'s assignment`, async () => {
        const page = await this.api.get<{ items: Assignment[] }>(
          'read assignments',
          'dispatch',
          `/api/assignments?petitionId=${live.id}`,
          DISPATCHER,
        );
        return page.items.find((x) => x.status === 'active');
      });
      live.leadUnitId = a.leadUnitId;
      live.coUnitIds = a.coHandlerUnitIds;
    }
    return this.unit(live.leadUnitId);
  }

  private async findItem(staff: Staff, petitionId: string, role: string, status?: string): Promise<WorkItem | undefined> {
    const items = await this.api.all<WorkItem>('read the inbox', 'handling', `/api/work-items${status ? `?status=${status}` : ''}`, staff);
    return items.find((w) => w.petitionId === petitionId && w.role === role);
  }

  private async pendingReview(live: Live): Promise<Review> {
    return waitFor(`${live.p.key}'s reply in the review queue`, async () => {
      const page = await this.api.get<{ items: Review[] }>(
        'read reviews',
        'supervision',
        `/api/reviews?petitionId=${live.id}&status=pending`,
        SUPERVISOR,
      );
      return page.items[0];
    });
  }

  /** The decision letter (处理意见书); after a rework, once the unit has it back. */
  private async reply(live: Live, step: Extract<PlannedStep, { kind: 'reply' }>, key: string, name: string): Promise<void> {
    const { p } = live;
    const lead = await this.leadUnit(live);
    if (step.round > 1)
      await waitFor(`${p.key} back in rework at ${lead.code}`, async () => {
        const item = await this.api.get<WorkItem>('read the work item', 'handling', `/api/work-items/${live.workItemId}`, handler(lead));
        return item.status === 'accepted' && item.reworkReason !== null;
      });
    const decision =
      p.texts.decisions[step.outcome] +
      (step.round > 1 ? '已按审核意见补充整改时限和法律政策依据，承办单位将于十个工作日内完成整改并回访。' : '');
    const body = {
      outcome: step.outcome,
      facts: p.texts.facts,
      decision,
      legalBasis: p.texts.basis,
      text: letterText(p, step.outcome, decision),
      attachments: step.attachment
        ? [
            {
              fileName: step.round > 1 ? '整改情况说明.pdf' : '现场核查记录.pdf',
              contentType: 'application/pdf',
              sizeBytes: 180_000 + p.index * 997,
              sha256: createHash('sha256').update(`${p.key}:${step.round}`).digest('hex'),
            },
          ]
        : [],
    };
    await this.api.call('reply with a decision letter', 'handling', 'POST', `/api/work-items/${live.workItemId}/reply`, {
      as: handler(lead),
      body,
      key,
    });
    this.expect(`${name}: the reply reaching result review`, async () => {
      const page = await this.api.get<{ items: Review[] }>(
        'read reviews',
        'supervision',
        `/api/reviews?petitionId=${live.id}&status=pending`,
        SUPERVISOR,
      );
      return page.items.some((r) => r.round === step.round);
    });
  }

  // -- the report --------------------------------------------------------------------------------

  private async report(started: number, days: number): Promise<SeedReport> {
    const petitions = await this.api.all<PetitionRow>('count petitions', 'intake', '/api/petitions', CLERK);
    const count = <T>(rows: T[], by: (r: T) => string) =>
      rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [by(r)]: (acc[by(r)] ?? 0) + 1 }), {});
    const reviews = await this.api.all<Review>('count reviews', 'supervision', '/api/reviews', SUPERVISOR);
    const evaluations = await this.api.all<unknown>('count evaluations', 'supervision', '/api/evaluations', SUPERVISOR);
    const appeals = await this.api.all<{ status: string }>('count appeals', 'supervision', '/api/appeals', SUPERVISOR);
    const warning = await this.api.all<unknown>('count deadlines', 'supervision', '/api/deadlines?state=warning', SUPERVISOR);
    const overdue = await this.api.all<unknown>('count deadlines', 'supervision', '/api/deadlines?state=overdue', SUPERVISOR);
    return {
      from: this.startDate,
      to: addDays(this.startDate, days - 1),
      petitions: petitions.length,
      byStatus: count(petitions, (p) => p.status),
      byChannel: count(petitions, (p) => p.channel),
      steps: { ...this.done },
      reviews: count(reviews, (r) => r.status),
      evaluations: evaluations.length,
      appeals: count(appeals, (a) => a.status),
      deadlines: { warning: warning.length, overdue: overdue.length },
      seconds: Math.round((Date.now() - started) / 100) / 10,
    };
  }
}

/** The letter as the petitioner reads it: no contact data, the decision and where to appeal. */
function letterText(p: PlannedPetition, outcome: ReplyOutcome, decision: string): string {
  const label = { support: '予以支持', explain: '解释说明', not_support: '不予支持' }[outcome];
  return [
    '信访人：',
    `您反映的“${p.fields.title}”一事，我单位已依法受理并调查核实。现答复如下：`,
    `一、查明事实：${p.texts.facts}`,
    `二、处理意见（${label}）：${decision}`,
    `三、依据：${p.texts.basis}。`,
    '如对本处理意见不服，可自收到本意见书之日起三十日内向原办理机关的上一级机关请求复查。',
  ].join('\n');
}
