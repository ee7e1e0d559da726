import { Module } from '@nestjs/common';
import { SERVICE_CONFIG, type ServiceConfig } from '@petition/service-kit';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { EscalationModule } from '../escalation/escalation.module';
import { MattersModule } from '../matters/matters.module';
import { SWEEP_CONFIG, loadSweepConfig } from './sweep.config';
import { SweepController } from './sweep.controller';
import { SweepScheduler } from './sweep.scheduler';
import { SweepMetrics } from './sweep.metrics';
import { SweepService } from './sweep.service';

/** The deadline sweep (deadlines, and the end of review windows): on an interval, on a clock move, and on `POST /internal/sweep`. */
@Module({
  imports: [DeadlinesModule, EscalationModule, MattersModule],
  controllers: [SweepController],
  providers: [{ provide: SWEEP_CONFIG, inject: [SERVICE_CONFIG], useFactory: (config: ServiceConfig) => loadSweepConfig(config.extra) }, SweepMetrics, SweepService, SweepScheduler],
})
export class SchedulerModule {}
