import { Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@petition/observability';
import { Counter, Histogram } from 'prom-client';
import type { FireAction } from '../deadlines/fire-plan';

/** The sweep's metrics on the service's `/metrics`: what fired, and how long sweeps take. */
@Injectable()
export class SweepMetrics {
  readonly fired: Counter<'action'>;
  readonly duration: Histogram;

  constructor(metrics: ServiceMetrics) {
    this.fired = new Counter({
      name: 'supervision_deadline_fired_total',
      help: 'Warnings, overdue flags and escalation steps fired by the deadline sweep',
      labelNames: ['action'],
      registers: [metrics.registry],
    });
    this.duration = new Histogram({
      name: 'supervision_deadline_sweep_seconds',
      help: 'Duration of one deadline sweep (until nothing is due)',
      buckets: [0.005, 0.02, 0.1, 0.5, 1, 2, 5, 15, 60],
      registers: [metrics.registry],
    });
  }

  count(actions: readonly FireAction[]): void {
    for (const action of actions) this.fired.inc({ action });
  }
}
