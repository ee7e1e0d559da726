import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import { ASSESSMENT_PUBLISHED, toOffsetIso, type AssessmentPublishedPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, type FieldReason } from '@petition/service-kit';
import { ChangedSincePublishedError, PeriodNotClosedError, PeriodNotSettledError } from '../assessment.errors';
import { AssessmentRepository } from '../assessment.repository';
import { AssessmentService, type Ranking } from '../assessment.service';

/** A frozen ranking as stored and returned. */
export interface Publication {
  assessmentId: string;
  period: string;
  scheme: string;
  schemeVersion: number;
  publishedAt: string;
  publishedBy: string;
  /** False the first time; true when an earlier publication was recomputed and found identical. */
  republished: boolean;
  ranking: Ranking;
}

/**
 * Closes a period (考核发布) once it has ended and the end of every review window that ended in it
 * is recorded: freezes the ranking with the scheme version used and emits
 * `assessment.published` through the outbox, in one transaction. Publishing again recomputes the
 * ranking with the frozen scheme version and compares: the same result is returned unchanged (no
 * second event); a different one is refused, naming what changed, so a published score is never
 * silently rewritten.
 */
@Injectable()
export class PublishAssessmentUseCase {
  constructor(
    private readonly repository: AssessmentRepository,
    private readonly assessments: AssessmentService,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(periodText: string, schemeName: string, by: string): Promise<Publication> {
    const period = this.assessments.period(periodText);
    const now = this.clock.now();
    if (now.getTime() < period.end.getTime()) throw new PeriodNotClosedError(period.key, toOffsetIso(period.end));
    return this.repository.transaction(async (m) => {
      const existing = await this.repository.lockPublication(m, period.key, schemeName);
      const ranking = await this.assessments.ranking(period.key, schemeName, existing?.schemeVersion);
      if (existing) {
        const frozen = existing.result as Ranking;
        const changes = differences(frozen, ranking);
        if (changes.length) throw new ChangedSincePublishedError(period.key, changes);
        return {
          assessmentId: existing.id,
          period: period.key,
          scheme: existing.scheme,
          schemeVersion: existing.schemeVersion,
          publishedAt: toOffsetIso(existing.publishedAt),
          publishedBy: existing.publishedBy,
          republished: true,
          ranking: frozen,
        };
      }
      // A first-time claim whose window ended in P but whose end is not recorded yet would be frozen
      // as not resolved; wait for the sweep rather than publish a figure that changes minutes later.
      const unrecorded = await this.repository.countUnrecordedReviewWindows(m, period.start, period.end);
      if (unrecorded > 0) throw new PeriodNotSettledError(period.key, unrecorded);
      const id = randomUUID();
      await this.repository.insertPublication(m, {
        id,
        period: period.key,
        scheme: ranking.scheme.name,
        schemeVersion: ranking.scheme.version,
        result: ranking,
        publishedBy: by,
        publishedAt: now,
      });
      const payload: AssessmentPublishedPayload = {
        assessmentId: id,
        period: period.key,
        scheme: ranking.scheme.name,
        schemeVersion: ranking.scheme.version,
        publishedAt: toOffsetIso(now),
        units: ranking.units.map((u) => ({ unitId: u.unitId, rank: u.rank, score: u.score, tooFewMatters: u.tooFewMatters })),
      };
      await this.outbox.publish(m, now, { type: ASSESSMENT_PUBLISHED, petitionId: null, payload, key: id });
      return {
        assessmentId: id,
        period: period.key,
        scheme: ranking.scheme.name,
        schemeVersion: ranking.scheme.version,
        publishedAt: toOffsetIso(now),
        publishedBy: by,
        republished: false,
        ranking,
      };
    });
  }
}

/**
 * Units whose line (rank, score, flag or any figure) differs between two rankings. The frozen list
 * records which units were ranked; a unit with no matters that is only on one side (the directory
 * added or deactivated it since) is not a difference — it has no figures and never moves another
 * unit's rank. Code and name are display only (a renamed unit is not a changed result).
 */
function differences(frozen: Ranking, fresh: Ranking): FieldReason[] {
  const before = new Map(frozen.units.map((u) => [u.unitId, u]));
  const after = new Set(fresh.units.map((u) => u.unitId));
  const out: FieldReason[] = [];
  for (const u of fresh.units) {
    const old = before.get(u.unitId);
    if (!old && u.matters === 0) continue;
    if (!old || figures(old) !== figures(u)) out.push({ field: `units.${u.unitId}`, reason: 'differs from the published line' });
  }
  for (const [id, u] of before)
    if (!after.has(id) && u.matters !== 0) out.push({ field: `units.${id}`, reason: 'missing from the recomputation' });
  return out.slice(0, 50);
}

/** A line without its display-only fields, canonical. */
function figures(u: Ranking['units'][number]): string {
  const { code: _code, name: _name, ...rest } = u;
  return canonical(rest);
}

/** JSON with keys sorted at every level (jsonb does not keep key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
