import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import { toOffsetIso } from '@petition/contracts';
import { CLOCK } from '@petition/service-kit';
import { HotspotsService } from '../hotspots/hotspots.service';
import { changeRate } from '../stats/date-range';
import type { VolumeDimension } from '../stats/dto/stats-query.dto';
import { CHANNEL_LABELS, NATURE_LABELS } from '../stats/labels';
import { StatsRepository, type VolumeRow } from '../stats/stats.repository';
import { FORECAST_WINDOW, forecastNext } from './forecast';
import { parsePeriod, shiftPeriod, type ReportKind, type ReportPeriod } from './report-period';
import { ReportsRepository } from './reports.repository';

/** One line of a classification table. */
export interface ClassificationLine {
  value: string;
  label: string;
  total: number;
  previous: number;
  changeRate: number | null;
  /** Share of the period's petitions (0–1). */
  share: number | null;
}

/** Chinese titles of the report kinds. */
export const REPORT_TITLES: Record<ReportKind, string> = {
  weekly: '信访周报',
  monthly: '信访月报',
  quarterly: '信访季报',
  annual: '信访年报',
};

const sum = (rows: VolumeRow[], k: 'n' | 'collective' | 'emergency' | 'repeats' = 'n') => rows.reduce((a, r) => a + r[k], 0);

/**
 * Periodic analysis reports (条例 and the city's rules: overall situation, classified statistics,
 * key problems, forecast). Each compares with the previous period of the same kind.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly stats: StatsRepository,
    private readonly reports: ReportsRepository,
    private readonly hotspots: HotspotsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async build(kind: ReportKind, label: string) {
    const period = parsePeriod(kind, label);
    const previous = shiftPeriod(period, -1);
    const [all, allBefore, alerts, alertsBefore, closed, overdueUnits, hot] = await Promise.all([
      this.stats.volume(period, 'month', 'all', undefined),
      this.stats.volume(previous, 'month', 'all', undefined),
      this.stats.emergencyAlerts(period, undefined),
      this.stats.emergencyAlerts(previous, undefined),
      this.reports.closed(period),
      this.reports.overdueUnits(period, 20),
      this.hotspots.hotspots({ from: period.from, to: period.to, limit: 10 }),
    ]);
    const petitions = sum(all);
    const history = await this.history(period);
    const next = shiftPeriod(period, 1);
    return {
      title: `${REPORT_TITLES[kind]}（${period.label}）`,
      kind,
      period: period.label,
      from: period.from,
      to: period.to,
      previousPeriod: previous.label,
      generatedAt: toOffsetIso(this.clock.now()),
      totals: {
        petitions,
        previousPetitions: sum(allBefore),
        changeRate: changeRate(petitions, sum(allBefore)),
        collective: sum(all, 'collective'),
        emergencyPetitions: sum(all, 'emergency'),
        emergencyAlerts: alerts,
        previousEmergencyAlerts: alertsBefore,
        repeats: sum(all, 'repeats'),
        closed,
        overdueFlags: overdueUnits.reduce((a, u) => a + u.overdueFlags, 0),
      },
      byChannel: await this.classify('channel', period, previous, petitions),
      byNature: await this.classify('nature', period, previous, petitions),
      byCategory: await this.classify('category', period, previous, petitions),
      byRegion: await this.classify('region', period, previous, petitions),
      topProblems: hot.strongSignals.map((s) => ({
        term: s.term,
        mentions: s.mentions,
        previousMentions: s.previousMentions,
        growthRate: s.growthRate,
      })),
      weakSignals: hot.weakSignals.map((s) => ({
        term: s.term,
        mentions: s.mentions,
        previousMentions: s.previousMentions,
        growthRate: s.growthRate,
      })),
      weakSignalRule: hot.weakSignalRule.description,
      overdueUnits,
      forecast: { period: next.label, ...forecastNext(history.map((h) => h.petitions)), history },
    };
  }

  /** Totals of the last {@link FORECAST_WINDOW} periods, this one included, oldest first. */
  private async history(period: ReportPeriod): Promise<Array<{ period: string; petitions: number }>> {
    const periods = Array.from({ length: FORECAST_WINDOW }, (_, i) => shiftPeriod(period, i - FORECAST_WINDOW + 1));
    const totals = await Promise.all(periods.map((p) => this.stats.volume(p, 'month', 'all', undefined)));
    return periods.map((p, i) => ({ period: p.label, petitions: sum(totals[i]) }));
  }

  private async classify(dim: VolumeDimension, period: ReportPeriod, previous: ReportPeriod, total: number): Promise<ClassificationLine[]> {
    const [now, before] = await Promise.all([
      this.stats.volume(period, 'month', dim, undefined),
      this.stats.volume(previous, 'month', dim, undefined),
    ]);
    const byValue = (rows: VolumeRow[]) => rows.reduce((m, r) => m.set(r.value, (m.get(r.value) ?? 0) + r.n), new Map<string, number>());
    const a = byValue(now);
    const b = byValue(before);
    const labels: Record<string, string> = dim === 'channel' ? CHANNEL_LABELS : dim === 'nature' ? NATURE_LABELS : {};
    return [...a.entries()]
      .filter(([, n]) => n !== 0)
      .map(([value, n]) => ({
        value,
        label: labels[value] ?? value,
        total: n,
        previous: b.get(value) ?? 0,
        changeRate: changeRate(n, b.get(value) ?? 0),
        share: total ? Math.round((n / total) * 10000) / 10000 : null,
      }))
      .sort((x, y) => y.total - x.total || x.value.localeCompare(y.value));
  }
}

/** The report as JSON. */
export type Report = Awaited<ReturnType<ReportsService['build']>>;
