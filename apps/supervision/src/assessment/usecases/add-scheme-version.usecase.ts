import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import { CLOCK, ValidationFailedError, type FieldReason } from '@petition/service-kit';
import { AssessmentRepository } from '../assessment.repository';
import type { CreateSchemeVersionDto } from '../dto/scheme.dto';
import { RATE_KPIS, type RateKpi } from '../kpis';
import type { Scheme } from '../scoring';

/** Adds a scheme version: schemes are data, and a published score names the version it used. */
@Injectable()
export class AddSchemeVersionUseCase {
  constructor(
    private readonly repository: AssessmentRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  list(): ReturnType<AssessmentRepository['schemes']> {
    return this.repository.schemes();
  }

  async execute(input: CreateSchemeVersionDto, by: string): Promise<Scheme> {
    const issues: FieldReason[] = [];
    const weights: Partial<Record<RateKpi, number>> = {};
    for (const [k, v] of Object.entries(input.weights)) {
      if (!(RATE_KPIS as readonly string[]).includes(k))
        issues.push({ field: `weights.${k}`, reason: `not a rate KPI (${RATE_KPIS.join(', ')})` });
      else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100)
        issues.push({ field: `weights.${k}`, reason: 'must be a number from 0 to 100' });
      else weights[k as RateKpi] = v;
    }
    const total = Object.values(weights).reduce((a, b) => a + (b ?? 0), 0);
    if (!issues.length && total <= 0) issues.push({ field: 'weights', reason: 'at least one weight must be above 0' });
    if (!issues.length && total > 100) issues.push({ field: 'weights', reason: `weights add up to ${total}; at most 100` });
    if (issues.length) throw new ValidationFailedError(issues);
    return this.repository.addSchemeVersion(
      {
        name: input.name,
        weights,
        repeatPenalty: input.repeatPenalty,
        repeatPenaltyCap: input.repeatPenaltyCap,
        overduePenalty: input.overduePenalty,
        overduePenaltyCap: input.overduePenaltyCap,
        minMatters: input.minMatters ?? 5,
      },
      input.note ?? null,
      by,
      this.clock.now(),
    );
  }
}
