import { Injectable } from '@nestjs/common';
import { toOffsetIso } from '@petition/contracts';
import { ValidationFailedError, decodeCursor, encodeCursor } from '@petition/service-kit';
import { AssessmentRepository } from './assessment.repository';
import { SchemeNotFoundError } from './assessment.errors';
import { matterContributions } from './contributions';
import type { Kpi } from './kpis';
import { parsePeriod, type Period } from './periods';
import { rankUnits, type Scheme, type UnitScore } from './scoring';

/** A ranking of every unit for one period under one scheme version. */
export interface Ranking {
  period: string;
  scheme: { name: string; version: number };
  units: UnitScore[];
}

/** One matter behind a number, and the facts that put it in or out of the numerator. */
export interface MatterLine {
  petitionId: string;
  trackingNo: string | null;
  inNumerator: boolean;
  facts: Record<string, unknown>;
}

/** Rankings and drill-down, read from the counters and facts the projection keeps. */
@Injectable()
export class AssessmentService {
  constructor(private readonly repository: AssessmentRepository) {}

  /** Parses a period or refuses it with a field reason. */
  period(text: string): Period {
    const p = parsePeriod(text);
    if (!p) throw new ValidationFailedError([{ field: 'period', reason: 'period must be YYYY-MM, YYYY-Qn or YYYY' }]);
    return p;
  }

  async scheme(name = 'default', version?: number): Promise<Scheme> {
    const s = await this.repository.scheme(name, version);
    if (!s) throw new SchemeNotFoundError(name, version);
    return s;
  }

  async ranking(periodText: string, schemeName?: string, version?: number): Promise<Ranking> {
    const period = this.period(periodText);
    const scheme = await this.scheme(schemeName, version);
    const { unitIds, info, counters } = await this.repository.countersOf(period.key);
    return {
      period: period.key,
      scheme: { name: scheme.name, version: scheme.version },
      units: rankUnits(scheme, unitIds, counters, info),
    };
  }

  /** The matters (or repeat petitions) behind one number of one unit, keyset-paginated by petition id. */
  async matters(
    unitId: string,
    periodText: string,
    kpi: Kpi,
    limit = 50,
    cursor?: string,
  ): Promise<{ items: MatterLine[]; nextCursor: string | null; numerator: number; denominator: number }> {
    const period = this.period(periodText);
    const after = cursor ? decodeCursor(cursor, ['uuid'])[0] : null;
    let lines: MatterLine[];
    if (kpi === 'overdue') {
      lines = (await this.repository.overdueOf(unitId, period.months)).map((o) => ({
        petitionId: o.petitionId,
        trackingNo: o.trackingNo,
        inNumerator: true,
        facts: {
          overdueMonths: o.months.filter((mo) => period.months.includes(mo)),
          stages: o.stages,
          firstOverdueAt: toOffsetIso(o.firstFiredAt),
        },
      }));
    } else if (kpi === 'repeats') {
      lines = (await this.repository.repeatsOf(unitId, period.start, period.end)).map((r) => ({
        petitionId: r.petitionId,
        trackingNo: r.trackingNo,
        inNumerator: true,
        facts: { originalPetitionId: r.originalPetitionId, originalTrackingNo: r.originalTrackingNo, linkedAt: toOffsetIso(r.linkedAt) },
      }));
    } else {
      lines = [];
      for (const f of await this.repository.mattersOf(unitId, period.months)) {
        const c = matterContributions(f).find((x) => x.kpi === kpi && x.months.some((mo) => period.months.includes(mo)));
        if (c) lines.push({ petitionId: f.petitionId, trackingNo: f.trackingNo, inNumerator: c.numerator, facts: c.facts });
      }
    }
    const numerator = lines.filter((l) => l.inNumerator).length;
    const denominator = lines.length;
    const rest = after ? lines.filter((l) => l.petitionId > after) : lines;
    const items = rest.slice(0, limit);
    const nextCursor = rest.length > limit ? encodeCursor([items[items.length - 1].petitionId]) : null;
    return { items, nextCursor, numerator, denominator };
  }
}
