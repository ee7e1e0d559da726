import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import { toOffsetIso } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import { changeRate, previousRange, rangeLength, resolveRange, shanghaiDay, type DayRange } from './date-range';
import type { BacklogQueryDto, GroupBy, RangeQueryDto, RepeatsQueryDto, VolumeDimension, VolumeQueryDto } from './dto/stats-query.dto';
import { CHANNEL_LABELS, NATURE_LABELS, STAGE_LABELS, TRIAGE_OUTCOME_LABELS } from './labels';
import { StatsQueryError } from './stats.errors';
import { StatsRepository, type VolumeRow } from './stats.repository';

/** Longest range of any query (three years), and of a day-by-day series (one year). */
export const MAX_RANGE_DAYS = 1096;
export const MAX_DAILY_RANGE_DAYS = 366;

/** A volume with its change against the previous period of equal length. */
export interface Compared {
  total: number;
  previous: number;
  change: number;
  /** (total − previous) / previous; null when the previous period had none. */
  changeRate: number | null;
}

function compare(total: number, previous: number): Compared {
  return { total, previous, change: total - previous, changeRate: changeRate(total, previous) };
}

/** The dashboard's numbers: volumes, backlog, repeats, stage times. */
@Injectable()
export class StatsService {
  constructor(
    private readonly repository: StatsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Resolves and checks a range against the service clock. */
  range(query: RangeQueryDto, maxDays = MAX_RANGE_DAYS): DayRange {
    return resolveRange(query.from, query.to, shanghaiDay(this.clock.now()), maxDays);
  }

  async volume(query: VolumeQueryDto) {
    const groupBy: GroupBy = query.groupBy ?? 'day';
    const range = this.range(query);
    if (groupBy === 'day' && rangeLength(range) > MAX_DAILY_RANGE_DAYS) {
      throw new StatsQueryError([
        { field: 'groupBy', reason: `a daily series may span at most ${MAX_DAILY_RANGE_DAYS} days; use week or month` },
      ]);
    }
    const previous = previousRange(range);
    const dim: VolumeDimension | 'all' = query.dimension ?? 'all';
    const [current, before, totals, totalsBefore, alerts, alertsBefore] = await Promise.all([
      this.repository.volume(range, groupBy, dim, query.regionCode),
      this.repository.volume(previous, 'month', dim, query.regionCode),
      dim === 'all' ? null : this.repository.volume(range, 'month', 'all', query.regionCode),
      dim === 'all' ? null : this.repository.volume(previous, 'month', 'all', query.regionCode),
      this.repository.emergencyAlerts(range, query.regionCode),
      this.repository.emergencyAlerts(previous, query.regionCode),
    ]);
    const sum = (rows: VolumeRow[], k: 'n' | 'collective' | 'emergency' | 'repeats') => rows.reduce((a, r) => a + r[k], 0);
    const all = totals ?? current;
    const allBefore = totalsBefore ?? before;
    const labels = await this.labels(
      dim,
      [...current, ...before].map((r) => r.value),
    );
    const series = new Map<string, { period: string; total: number; values: Record<string, number> }>();
    for (const r of current) {
      const s = series.get(r.bucket) ?? { period: r.bucket, total: 0, values: {} };
      s.total += r.n;
      if (dim !== 'all') s.values[r.value] = r.n;
      series.set(r.bucket, s);
    }
    const byValue = (rows: VolumeRow[]) => rows.reduce((m, r) => m.set(r.value, (m.get(r.value) ?? 0) + r.n), new Map<string, number>());
    const now = byValue(current);
    const then = byValue(before);
    const breakdown =
      dim === 'all'
        ? []
        : [...new Set([...now.keys(), ...then.keys()])]
            .map((value) => ({ value, label: labels.get(value) ?? value, ...compare(now.get(value) ?? 0, then.get(value) ?? 0) }))
            .filter((b) => b.total !== 0 || b.previous !== 0)
            .sort((a, b) => b.total - a.total || a.value.localeCompare(b.value));
    return {
      from: range.from,
      to: range.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      groupBy,
      dimension: query.dimension ?? null,
      regionCode: query.regionCode ?? null,
      petitions: compare(sum(all, 'n'), sum(allBefore, 'n')),
      collective: compare(sum(all, 'collective'), sum(allBefore, 'collective')),
      emergencyPetitions: compare(sum(all, 'emergency'), sum(allBefore, 'emergency')),
      emergencyAlerts: compare(alerts, alertsBefore),
      repeats: compare(sum(all, 'repeats'), sum(allBefore, 'repeats')),
      series: [...series.values()],
      breakdown,
    };
  }

  async backlog(query: BacklogQueryDto) {
    const asOf = this.clock.now();
    const { totals, units } = await this.repository.backlog(asOf, query.regionCode, query.limit ?? 20);
    const names = await this.repository.unitNames(units.map((u) => u.unit_id ?? ''));
    return {
      asOf: toOffsetIso(asOf),
      regionCode: query.regionCode ?? null,
      thresholdsDays: [30, 60, 90, 180],
      ...totals,
      byUnit: units.map((u) => ({
        unitId: u.unit_id,
        unitName: u.unit_id ? (names.get(u.unit_id) ?? null) : '未交办',
        open: u.open,
        over30: u.over30,
        over60: u.over60,
        over90: u.over90,
        over180: u.over180,
        oldestDays: u.oldest_days,
      })),
    };
  }

  async repeats(query: RepeatsQueryDto) {
    const range = this.range(query);
    const r = await this.repository.repeats(range, query.regionCode, query.limit ?? 10);
    return {
      from: range.from,
      to: range.to,
      regionCode: query.regionCode ?? null,
      petitions: r.totals.petitions as number,
      repeatPetitions: r.totals.repeats as number,
      repeatShare: r.totals.petitions ? Math.round((r.totals.repeats / r.totals.petitions) * 10000) / 10000 : null,
      repeatPetitioners: r.repeatPetitioners,
      topRepeatedMatters: r.matters,
      topRepeatPetitioners: r.petitioners,
    };
  }

  async triageOutcomes(query: RangeQueryDto) {
    const range = this.range(query);
    const rows = await this.repository.triageOutcomes(range, query.regionCode);
    const total = rows.reduce((a, r) => a + r.n, 0);
    return {
      from: range.from,
      to: range.to,
      regionCode: query.regionCode ?? null,
      total,
      outcomes: rows.map((r) => ({
        outcome: r.outcome,
        label: TRIAGE_OUTCOME_LABELS[r.outcome] ?? r.outcome,
        count: r.n,
        share: Math.round((r.n / total) * 10000) / 10000,
      })),
    };
  }

  async stageTimes(query: RangeQueryDto) {
    const range = this.range(query);
    const stages = await this.repository.stageTimes(range, query.regionCode);
    return {
      from: range.from,
      to: range.to,
      regionCode: query.regionCode ?? null,
      basis: 'petitions registered in the range',
      stages: stages.map((s) => ({ ...s, label: STAGE_LABELS[s.stage] })),
    };
  }

  private async labels(dim: VolumeDimension | 'all', values: string[]): Promise<Map<string, string>> {
    if (dim === 'channel') return new Map(Object.entries(CHANNEL_LABELS));
    if (dim === 'nature') return new Map(Object.entries(NATURE_LABELS));
    if (dim === 'unit') return (await this.repository.unitNames(values)).set('unassigned', '未交办');
    return new Map();
  }
}
