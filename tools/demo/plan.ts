import { loadCalendar } from '@petition/deadlines';
import { REGION_SEED } from '../../apps/intake/src/reference/reference-seed';
import {
  APPEAL_GROUNDS,
  APPROVAL_COMMENTS,
  COLLECTIVE_MATTERS,
  COMPANIES,
  DISTRICT_WEIGHTS,
  EMERGENCY_MATTERS,
  ESTATES,
  EXTENSION_REASONS,
  GIVEN_NAMES,
  HANDLER_NOTES,
  MANUAL_MATTERS,
  MATTERS,
  ON_THE_SPOT,
  RETURN_REASONS,
  ROADS,
  SUGGESTIONS,
  SURNAMES,
  TRIAGE_MATTERS,
  type MatterTemplate,
} from './matters';
import { Random } from './random';

/**
 * The plan of a demo month: who petitions about what (drawn from the seed alone, so the same seed
 * registers the same titles and categories whatever the start date), and when each step of each
 * matter happens (drawn from the seed and the working-day calendar of the month). Pure: no I/O
 * beyond the holiday calendar, so a test can check it without services.
 */

/** Minutes of the day (Asia/Shanghai) the morning and afternoon work phases span. */
export const MORNING = { from: 9 * 60 + 10, to: 11 * 60 + 50 } as const;
export const AFTERNOON = { from: 14 * 60, to: 17 * 60 + 30 } as const;
/** The 12345 hotline's overnight orders are imported first thing in the morning. */
export const HOTLINE_IMPORT_MINUTE = 8 * 60 + 40;

export type Channel = 'visit' | 'letter' | 'call' | 'online' | 'hotline';
export type Satisfaction = 'satisfied' | 'basically_satisfied' | 'dissatisfied';
export type ReplyOutcome = 'support' | 'explain' | 'not_support';

/** When a step happens: a day of the month (0 = the first) and a minute of that day. */
export interface Moment {
  day: number;
  minute: number;
}

/** One step of a matter, by whom it is taken and what it says. */
export type PlannedStep = Moment &
  (
    | { kind: 'register'; letterReceivedDay?: number; hotlineReceived?: Moment }
    | { kind: 'triage'; outcome: 'dispatch' | 'inform' | 'forward' }
    | { kind: 'written_notice'; method: 'post' | 'in_person' | 'sms' }
    | { kind: 'assign' }
    | { kind: 'accept' }
    | { kind: 'contact'; method: 'phone' | 'visit' | 'meeting'; summary: string }
    | { kind: 'note'; text: string }
    | { kind: 'contribute' }
    | { kind: 'extension_request'; days: number; reason: string }
    | { kind: 'extension_approve'; note: string }
    | { kind: 'reply'; round: number; outcome: ReplyOutcome; attachment: boolean }
    | { kind: 'review_return'; reason: string }
    | { kind: 'review_approve'; delivery: 'online' | 'post'; comment: string }
    | { kind: 'delivered' }
    | { kind: 'evaluate'; by: 'callback' | 'petitioner'; satisfaction: Satisfaction; solved: boolean; summary: string }
    | { kind: 'appeal'; by: 'staff' | 'petitioner'; grounds: string }
    | { kind: 'appeal_decide'; outcome: 'upheld' | 'changed'; reason: string }
  );

export type StepKind = PlannedStep['kind'];

/** The fields of a registration every channel shares (intake's PetitionFieldsDto). */
export interface PetitionFields {
  petitionerName: string;
  petitionerPhone: string;
  petitionerIdNumber?: string;
  petitionerAddress?: string;
  title: string;
  content: string;
  categoryCode: string;
  regionCode: string;
  nature?: 'claim' | 'suggestion';
  headcount?: number;
  representatives?: Array<{ name: string; phone: string }>;
}

export type PetitionKind = 'ordinary' | 'manual' | 'suggestion' | 'emergency' | 'collective' | 'on_the_spot' | 'triage' | 'repeat';

/** One petition of the month and its steps. */
export interface PlannedPetition {
  key: string;
  index: number;
  kind: PetitionKind;
  template: string;
  /** staff: a clerk registers it; public: the petitioner submits it online; hotline: a 12345 order import. */
  via: 'staff' | 'public' | 'hotline';
  channel: Channel;
  route: 'dispatch' | 'triage' | 'answer_on_the_spot';
  fields: PetitionFields;
  answer?: string;
  triage?: { outcome: 'inform' | 'forward'; properChannel?: string; authority: string };
  /** For a repeat: the key of the petition it repeats. */
  repeatOf?: string;
  /** Expected to wait in the dispatcher's queue (an emergency, a collective petition, no routing rule). */
  queued: boolean;
  /** The unit a dispatcher assigns it to when queued: a unit code. */
  lead: string;
  track: 'standard' | 'fast' | 'suggestion';
  /** The client address a petitioner's own requests come from (a documentation range, RFC 5737). */
  clientAddress: string;
  /** What the unit finds and answers, placeholders filled. */
  texts: { topic: string; facts: string; decisions: Record<ReplyOutcome, string>; basis: string; contribution: string };
  steps: PlannedStep[];
}

export interface PlanOptions {
  petitions: number;
  days: number;
  seed: number;
  /** The calendar date of day 0 in Asia/Shanghai, YYYY-MM-DD. */
  startDate: string;
}

/** The date `days` after `date` (YYYY-MM-DD), negative to go back. */
export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The instant of a moment of the month, ISO 8601 with +08:00. */
export function instantOf(startDate: string, m: Moment): string {
  const day = m.day + Math.floor(m.minute / 1440);
  const minute = ((m.minute % 1440) + 1440) % 1440;
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${addDays(startDate, day)}T${hh}:${mm}:00+08:00`;
}

/** Plans the month. The same options always give the same plan. */
export function planMonth(options: PlanOptions): PlannedPetition[] {
  const { petitions: n, days, seed, startDate } = options;
  if (!Number.isInteger(n) || n < 1) throw new RangeError('petitions must be a positive integer');
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a positive integer');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(startDate)) throw new RangeError('startDate must be YYYY-MM-DD');
  const contents = planContents(n, seed);
  const time = new MonthTime(startDate, days);
  const byKey = new Map(contents.map((p) => [p.key, p]));
  for (const p of contents) {
    const original = p.repeatOf ? byKey.get(p.repeatOf) : undefined;
    p.steps = scheduleSteps(p, Random.stream(seed, 'schedule', p.index), time, original);
  }
  return contents;
}

// ---------------------------------------------------------------------------------------------
// Who petitions about what: from the seed only.

const COMMON_DISTRICTS = DISTRICT_WEIGHTS;
const DISTRICT_NAMES = new Map(REGION_SEED.filter((r) => r.parent === '440100').map((r) => [r.code, r.name]));
const STREETS_OF = new Map<string, Array<{ code: string; name: string }>>();
for (const r of REGION_SEED) {
  if (r.code.length !== 9 || !r.parent) continue;
  STREETS_OF.set(r.parent, [...(STREETS_OF.get(r.parent) ?? []), { code: r.code, name: r.name }]);
}

function specialCounts(n: number): Record<Exclude<PetitionKind, 'ordinary'>, number> {
  return {
    emergency: n >= 100 ? 2 : n >= 10 ? 1 : 0,
    collective: n >= 60 ? 1 : 0,
    manual: n >= 10 ? Math.max(1, Math.round(n * 0.02)) : 0,
    suggestion: n >= 60 ? Math.max(1, Math.round(n * 0.01)) : 0,
    on_the_spot: n >= 10 ? Math.max(1, Math.round(n * 0.04)) : 0,
    triage: n >= 20 ? Math.max(2, Math.round(n * 0.04)) : 0,
    repeat: n >= 20 ? Math.max(1, Math.round(n * 0.04)) : 0,
  };
}

function planContents(n: number, seed: number): PlannedPetition[] {
  const rng = Random.stream(seed, 'contents');
  const kinds: PetitionKind[] = [];
  for (const [kind, count] of Object.entries(specialCounts(n)) as Array<[PetitionKind, number]>) {
    for (let i = 0; i < count; i++) kinds.push(kind);
  }
  while (kinds.length < n) kinds.push('ordinary');
  kinds.length = n;
  // Shuffled; a repeat drawn before any ordinary matter exists becomes an ordinary matter itself.
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [kinds[i], kinds[j]] = [kinds[j], kinds[i]];
  }
  const phones = new Set<string>();
  const out: PlannedPetition[] = [];
  let triageTurn = 0;
  let spotTurn = 0;
  for (let index = 0; index < n; index++) {
    let kind = kinds[index];
    const key = `p${String(index + 1).padStart(3, '0')}`;
    const earlier = out.filter((p) => p.kind === 'ordinary' && p.via !== 'public');
    if (kind === 'repeat' && earlier.length === 0) kind = 'ordinary';
    const person = newPetitioner(rng, phones);
    const clientAddress = `${rng.pick(['203.0.113', '198.51.100'])}.${rng.int(1, 254)}`;
    if (kind === 'repeat') {
      const original = rng.pick(earlier);
      out.push({
        ...original,
        key,
        index,
        kind,
        via: 'staff',
        channel: rng.chance(0.5) ? 'visit' : 'call',
        route: 'dispatch',
        fields: {
          ...original.fields,
          title: `再次反映：${original.fields.title}`,
          content: `${original.fields.content}此前已反映过，至今没有明显改善，再次请求尽快处理。`,
        },
        repeatOf: original.key,
        queued: false,
        clientAddress,
        steps: [],
      });
      continue;
    }
    if (kind === 'on_the_spot') {
      const t = ON_THE_SPOT[spotTurn++ % ON_THE_SPOT.length];
      const region = pickRegion(rng);
      out.push({
        key,
        index,
        kind,
        template: t.key,
        via: 'staff',
        channel: rng.chance(0.5) ? 'visit' : 'call',
        route: 'answer_on_the_spot',
        fields: { ...person, title: t.title, content: t.content, categoryCode: t.categoryCode, regionCode: region.code },
        answer: t.answer,
        queued: false,
        lead: '',
        track: 'fast',
        clientAddress,
        texts: emptyTexts(),
        steps: [],
      });
      continue;
    }
    if (kind === 'triage') {
      const t = TRIAGE_MATTERS[triageTurn++ % TRIAGE_MATTERS.length];
      const region = pickRegion(rng);
      const vars = fillVars(rng, region);
      const online = rng.chance(0.5);
      out.push({
        key,
        index,
        kind,
        template: t.key,
        via: online ? 'public' : 'staff',
        channel: online ? 'online' : 'letter',
        route: 'triage',
        fields: {
          ...person,
          petitionerAddress: addressOf(rng, region),
          title: t.title,
          content: fill(t.content, vars),
          categoryCode: t.categoryCode,
          regionCode: region.code,
        },
        triage: { outcome: t.outcome, properChannel: t.properChannel, authority: t.authority },
        queued: false,
        lead: '',
        track: 'fast',
        clientAddress,
        texts: emptyTexts(),
        steps: [],
      });
      continue;
    }
    const pool =
      kind === 'manual'
        ? MANUAL_MATTERS
        : kind === 'suggestion'
          ? SUGGESTIONS
          : kind === 'emergency'
            ? EMERGENCY_MATTERS
            : kind === 'collective'
              ? COLLECTIVE_MATTERS
              : MATTERS;
    const template = rng.weighted(pool.map((t) => [t, t.weight] as const));
    const region = pickRegion(rng, template.districts);
    const vars = fillVars(rng, region);
    const channel: Channel =
      kind === 'emergency'
        ? rng.pick(['visit', 'call'] as const)
        : kind === 'collective'
          ? 'visit'
          : kind === 'suggestion'
            ? rng.pick(['online', 'letter'] as const)
            : rng.weighted([
                ['visit', 25],
                ['letter', 12],
                ['call', 13],
                ['online', 25],
                ['hotline', 25],
              ] as const);
    const via = channel === 'online' ? 'public' : channel === 'hotline' ? 'hotline' : 'staff';
    const fields: PetitionFields = {
      ...person,
      title: fill(rng.pick(template.titles), vars),
      content: fill(template.content, vars),
      categoryCode: template.categoryCode,
      regionCode: region.code,
    };
    if (channel === 'letter' || rng.chance(0.2)) fields.petitionerAddress = addressOf(rng, region);
    if (template.nature === 'suggestion') fields.nature = 'suggestion';
    if (kind === 'collective') {
      fields.headcount = rng.int(12, 30);
      fields.representatives = [newPetitioner(rng, phones), newPetitioner(rng, phones)].map((r) => ({
        name: r.petitionerName,
        phone: r.petitionerPhone,
      }));
    }
    out.push({
      key,
      index,
      kind,
      template: template.key,
      via,
      channel,
      route: 'dispatch',
      fields,
      queued: kind === 'manual' || kind === 'emergency' || kind === 'collective',
      lead: leadUnitCode(template, region.code),
      track: template.track,
      clientAddress,
      texts: {
        topic: template.topic,
        facts: fill(template.replies.facts, vars),
        decisions: {
          support: fill(template.replies.support, vars),
          explain: fill(template.replies.explain, vars),
          not_support: fill(template.replies.notSupport, vars),
        },
        basis: template.replies.basis,
        contribution: template.contribution ?? '已按主办单位要求完成职责范围内的核查，意见已反馈主办单位。',
      },
      steps: [],
    });
  }
  return out;
}

function emptyTexts(): PlannedPetition['texts'] {
  return { topic: '', facts: '', decisions: { support: '', explain: '', not_support: '' }, basis: '', contribution: '' };
}

function leadUnitCode(t: MatterTemplate, regionCode: string): string {
  if (t.lead === 'street') return `GZ-${regionCode.slice(0, 9)}`;
  if (t.lead === 'district') return `GZ-${regionCode.slice(0, 6)}`;
  return t.lead;
}

interface Region {
  code: string;
  district: string;
  districtName: string;
  streetName: string;
}

function pickRegion(rng: Random, districts?: string[]): Region {
  const weights = districts ? COMMON_DISTRICTS.filter(([d]) => districts.includes(d)) : COMMON_DISTRICTS;
  const district = rng.weighted(weights.length ? weights : districts!.map((d) => [d, 1] as const));
  const street = rng.pick(STREETS_OF.get(district) ?? []);
  return { code: street.code, district, districtName: DISTRICT_NAMES.get(district) ?? '', streetName: street.name };
}

function fillVars(rng: Random, region: Region): Record<string, string> {
  return {
    street: `${region.districtName}${region.streetName}`,
    estate: rng.pick(ESTATES),
    road: rng.pick(ROADS),
    company: rng.pick(COMPANIES),
    n: String(rng.int(3, 40)),
    amount: String(rng.pick([3800, 8600, 12000, 18500, 26500, 45000, 68000, 128000])),
    months: String(rng.int(2, 8)),
  };
}

function fill(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

function addressOf(rng: Random, region: Region): string {
  return `广州市${region.districtName}${rng.pick(ROADS)}${rng.int(1, 300)}号`;
}

function newPetitioner(
  rng: Random,
  phones: Set<string>,
): Pick<PetitionFields, 'petitionerName' | 'petitionerPhone' | 'petitionerIdNumber'> {
  const name = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES);
  let phone = `139${rng.digits(8)}`;
  while (phones.has(phone)) phone = `139${rng.digits(8)}`;
  phones.add(phone);
  const person: Pick<PetitionFields, 'petitionerName' | 'petitionerPhone' | 'petitionerIdNumber'> = {
    petitionerName: name,
    petitionerPhone: phone,
  };
  if (rng.chance(0.35)) person.petitionerIdNumber = residentId(rng);
  return person;
}

/** A well-formed (fake) Guangzhou resident ID: area, birth date, sequence, ISO 7064 MOD 11-2 check. */
export function residentId(rng: Random): string {
  const area = rng.pick(['440103', '440104', '440105', '440106', '440111', '440113']);
  const birth = `${rng.int(1950, 2000)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  const first17 = `${area}${birth}${rng.digits(3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i];
  return first17 + '10X98765432'[sum % 11];
}

// ---------------------------------------------------------------------------------------------
// When things happen: the seed and the working days of the month.

/** The month's days, working days and work phases (morning = slot 2d, afternoon = slot 2d + 1). */
class MonthTime {
  private readonly workdays: boolean[] = [];
  /** Long delays shrink with a short month, so a test's week still sees matters closed. */
  readonly scale: number;

  constructor(
    readonly startDate: string,
    readonly days: number,
  ) {
    const calendar = loadCalendar();
    for (let d = 0; d < days + 120; d++) this.workdays.push(calendar.isWorkday(addDays(startDate, d)));
    this.scale = Math.min(1, days / 30);
  }

  isWorkday(day: number): boolean {
    return this.workdays[day] ?? true;
  }

  /** The first working day on or after `day`. */
  workdayOnOrAfter(day: number): number {
    let d = day;
    while (!this.isWorkday(d)) d++;
    return d;
  }

  /** The `n`th working day after `day` (n ≥ 1), or the first on or after it (n = 0). */
  addWorkdays(day: number, n: number): number {
    if (n <= 0) return this.workdayOnOrAfter(day);
    let d = day;
    for (let k = 0; k < n; k++) d = this.workdayOnOrAfter(d + 1);
    return d;
  }

  /** A delay in working days, shortened for a short month (0: the next work phase). */
  short(workdays: number): number {
    return Math.round(workdays * this.scale);
  }

  /** A long delay in days, shortened for a short month, at least `min`. */
  scaled(days: number, min = 1): number {
    return Math.max(min, Math.round(days * this.scale));
  }

  /** A moment in a work phase on `day` (a working day unless `anyDay`) strictly after `after`. */
  momentOn(rng: Random, day: number, after: Moment | null, anyDay = false): Moment {
    let d = anyDay ? day : this.workdayOnOrAfter(day);
    for (;;) {
      const slots = [2 * d, 2 * d + 1].filter((s) => !after || s > slotOf(after));
      if (slots.length) {
        const slot = slots.length === 2 && rng.chance(0.45) ? slots[1] : slots[0];
        return { day: d, minute: minuteIn(rng, slot % 2 === 0 ? MORNING : AFTERNOON) };
      }
      d = anyDay ? d + 1 : this.workdayOnOrAfter(d + 1);
    }
  }

  /** The next work phase after `m`. */
  nextPhase(rng: Random, m: Moment, anyDay = false): Moment {
    return this.momentOn(rng, m.day, m, anyDay);
  }
}

/** Morning or afternoon of a moment's day, as a number that orders phases. */
export function slotOf(m: Moment): number {
  return 2 * m.day + (m.minute < 13 * 60 ? 0 : 1);
}

function minuteIn(rng: Random, phase: { from: number; to: number }): number {
  return phase.from + 5 * rng.int(0, Math.floor((phase.to - phase.from) / 5));
}

/** The day a petition is registered: working days for the window, any day for the portal and the hotline. */
function registrationDay(rng: Random, time: MonthTime, p: PlannedPetition): number {
  const anyDay = p.via !== 'staff';
  const days = Array.from({ length: time.days }, (_, d) => d).filter((d) => anyDay || time.isWorkday(d));
  if (days.length === 0) return time.workdayOnOrAfter(0);
  return rng.weighted(days.map((d) => [d, time.isWorkday(d) ? 3 : 1.5] as const));
}

function satisfactionFor(rng: Random, outcome: ReplyOutcome): Satisfaction {
  const weights: Record<ReplyOutcome, [number, number, number]> = {
    support: [82, 14, 4],
    explain: [50, 35, 15],
    not_support: [25, 35, 40],
  };
  const [s, b, d] = weights[outcome];
  return rng.weighted([
    ['satisfied', s],
    ['basically_satisfied', b],
    ['dissatisfied', d],
  ] as const);
}

const CALLBACK_SUMMARIES: Record<Satisfaction, string> = {
  satisfied: '电话回访，信访人表示问题已解决，对答复满意。',
  basically_satisfied: '电话回访，信访人表示基本满意，希望加强后续巡查，防止问题反复。',
  dissatisfied: '电话回访，信访人对答复不满意，认为问题未得到实质解决。',
};

/**
 * The steps of one petition, each in a later work phase than the one before, cut at the end of the
 * month. Matters registered in the last week stay in progress: accepted and contacted, not replied.
 */
function scheduleSteps(p: PlannedPetition, rng: Random, time: MonthTime, original?: PlannedPetition): PlannedStep[] {
  const steps: PlannedStep[] = [];
  const add = (step: PlannedStep) => {
    steps.push(step);
    return step as Moment;
  };
  // Registration.
  let regDay: number;
  if (p.kind === 'repeat') {
    const first = original?.steps[0];
    if (!first) return [];
    regDay = time.workdayOnOrAfter(first.day + rng.int(3, 8));
  } else regDay = registrationDay(rng, time, p);
  let cur: Moment;
  if (p.via === 'hotline') {
    const received: Moment = rng.chance(0.6)
      ? { day: regDay - 1, minute: rng.int(18 * 60, 22 * 60 + 50) }
      : { day: regDay, minute: rng.int(7 * 60, 8 * 60 + 20) };
    cur = add({ kind: 'register', day: regDay, minute: HOTLINE_IMPORT_MINUTE, hotlineReceived: received });
  } else {
    const at = time.momentOn(rng, regDay, null, p.via === 'public');
    cur = add({ kind: 'register', ...at, ...(p.channel === 'letter' ? { letterReceivedDay: regDay - rng.int(0, 2) } : {}) });
  }
  const notice = (from: Moment) => {
    if (rng.chance(0.8))
      add({
        kind: 'written_notice',
        ...time.momentOn(rng, time.addWorkdays(from.day, rng.int(1, 3)), from),
        method: rng.pick(['post', 'in_person', 'sms'] as const),
      });
  };
  if (p.kind === 'on_the_spot') return cut(steps, time);
  if (p.kind === 'repeat') {
    notice(cur);
    return cut(steps, time);
  }
  if (p.kind === 'triage') {
    cur = add({ kind: 'triage', ...time.nextPhase(rng, cur), outcome: p.triage?.outcome ?? 'inform' });
    notice(cur);
    return cut(steps, time);
  }
  if (p.via === 'public') cur = add({ kind: 'triage', ...time.nextPhase(rng, cur), outcome: 'dispatch' });
  if (p.queued) cur = add({ kind: 'assign', ...time.nextPhase(rng, cur) });

  // The unit accepts: usually within the 3 working days, a few late, a few not yet.
  const acceptClass = rng.weighted<'next_phase' | 1 | 2 | 3 | 'late' | 'neglected'>([
    ['next_phase', 30],
    [1, 30],
    [2, 20],
    [3, 10],
    ['late', 6],
    ['neglected', p.queued ? 0 : 4],
  ] as const);
  if (acceptClass === 'neglected') return cut(steps, time);
  const acceptAt =
    acceptClass === 'next_phase'
      ? time.nextPhase(rng, cur)
      : time.momentOn(rng, time.addWorkdays(cur.day, time.short(acceptClass === 'late' ? rng.int(4, 6) : acceptClass)), cur);
  cur = add({ kind: 'accept', ...acceptAt });
  const acceptDay = cur.day;

  // First contact, the next working day as a rule.
  const contactDelay = rng.weighted<0 | 1 | 2>([
    [1, 85],
    [2, 10],
    [0, 5],
  ] as const);
  cur = add({
    kind: 'contact',
    ...(contactDelay === 0 ? time.nextPhase(rng, cur) : time.momentOn(rng, time.addWorkdays(cur.day, time.short(contactDelay)), cur)),
    method: rng.weighted([
      ['phone', 70],
      ['visit', 20],
      ['meeting', 10],
    ] as const),
    summary: `${rng.pick(['电话联系信访人', '上门走访信访人', '约见信访人'])}，了解${p.texts.topic}，告知将依法调查处理并按期答复。`,
  });
  if (rng.chance(0.3))
    cur = add({ kind: 'note', ...time.momentOn(rng, time.addWorkdays(cur.day, rng.int(1, 2)), cur), text: rng.pick(HANDLER_NOTES) });
  if (p.texts.contribution && rng.chance(0.9) && hasCoHandlers(p))
    cur = add({ kind: 'contribute', ...time.momentOn(rng, time.addWorkdays(cur.day, rng.int(1, 3)), cur) });

  const lastWeek = Math.max(1, Math.round(7 * time.scale));
  const inProgress = regDay >= time.days - lastWeek;

  // An extension of the handling deadline (standard track only), approved by the unit head.
  let replyAfterDays = p.track === 'fast' ? rng.int(3, 13) : rng.int(5, 20);
  if (p.track === 'standard' && rng.chance(0.28)) {
    const requestDay = Math.max(cur.day + 1, acceptDay + time.scaled(rng.int(4, 9)));
    cur = add({
      kind: 'extension_request',
      ...time.momentOn(rng, requestDay, cur),
      days: rng.pick([15, 20, 30]),
      reason: rng.pick(EXTENSION_REASONS),
    });
    cur = add({
      kind: 'extension_approve',
      ...time.nextPhase(rng, cur),
      note: rng.pick(['同意延期。', '同意，请抓紧办理。', '同意延期，按期答复。']),
    });
    replyAfterDays += rng.int(8, 15);
  }
  if (inProgress) return cut(steps, time);

  // The reply, its result review, delivery, callback and perhaps an appeal.
  const outcome = rng.weighted([
    ['support', 55],
    ['explain', 30],
    ['not_support', 15],
  ] as const);
  cur = add({
    kind: 'reply',
    ...time.momentOn(rng, Math.max(cur.day, acceptDay + time.scaled(replyAfterDays)), cur),
    round: 1,
    outcome,
    attachment: rng.chance(0.3),
  });
  const reviewAt = () => (rng.chance(0.5) ? time.nextPhase(rng, cur) : time.momentOn(rng, time.addWorkdays(cur.day, 1), cur));
  if (rng.chance(0.1)) {
    cur = add({ kind: 'review_return', ...reviewAt(), reason: rng.pick(RETURN_REASONS) });
    cur = add({
      kind: 'reply',
      ...time.momentOn(rng, time.addWorkdays(cur.day, time.scaled(rng.int(2, 5))), cur),
      round: 2,
      outcome,
      attachment: true,
    });
  }
  const delivery = rng.chance(0.85) ? 'online' : 'post';
  cur = add({ kind: 'review_approve', ...reviewAt(), delivery, comment: rng.pick(APPROVAL_COMMENTS) });
  if (delivery === 'post') cur = add({ kind: 'delivered', ...time.momentOn(rng, time.addWorkdays(cur.day, rng.int(1, 2)), cur) });
  const satisfaction = satisfactionFor(rng, outcome);
  const solved = satisfaction === 'dissatisfied' ? false : outcome === 'support' || rng.chance(0.4);
  const byPetitioner = rng.chance(0.2);
  cur = add({
    kind: 'evaluate',
    ...time.momentOn(rng, cur.day + time.scaled(rng.int(1, 4)), cur, byPetitioner),
    by: byPetitioner ? 'petitioner' : 'callback',
    satisfaction,
    solved,
    summary: CALLBACK_SUMMARIES[satisfaction],
  });
  if ((satisfaction === 'dissatisfied' && rng.chance(0.8)) || (satisfaction === 'basically_satisfied' && rng.chance(0.12))) {
    const byStaff = rng.chance(0.5);
    cur = add({
      kind: 'appeal',
      ...time.momentOn(rng, cur.day + time.scaled(rng.int(2, 6)), cur, !byStaff),
      by: byStaff ? 'staff' : 'petitioner',
      grounds: rng.pick(APPEAL_GROUNDS),
    });
    const upheld = rng.chance(0.75);
    add({
      kind: 'appeal_decide',
      ...time.momentOn(rng, time.addWorkdays(cur.day, time.scaled(rng.int(3, 8))), cur),
      outcome: upheld ? 'upheld' : 'changed',
      reason: upheld
        ? '原处理意见认定事实清楚，适用依据正确，程序合法，予以维持。'
        : '原处理意见对部分事实认定不清，责成承办单位重新核查，变更原处理意见。',
    });
  }
  return cut(steps, time);
}

/** Templates whose routing names co-handlers (the units then add their part). */
function hasCoHandlers(p: PlannedPetition): boolean {
  return !p.queued && ['drainage-tianhe', 'water-pressure', 'metro-exit', 'expropriation'].includes(p.template);
}

/** The steps up to the end of the month: a step after it, and every step after that, are left for later. */
function cut(steps: PlannedStep[], time: MonthTime): PlannedStep[] {
  const end = steps.findIndex((s) => s.day >= time.days);
  return end === -1 ? steps : steps.slice(0, end);
}
