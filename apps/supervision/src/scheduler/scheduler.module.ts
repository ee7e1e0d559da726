import { Module, type DynamicModule } from '@nestjs/common';
import { SWEEP_SETTINGS, type SweepSettings } from '../config/supervision-settings';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { EscalationModule } from '../escalation/escalation.module';
import { MattersModule } from '../matters/matters.module';
import { SweepController } from './sweep.controller';
import { SweepScheduler } from './sweep.scheduler';
import { SweepMetrics } from './sweep.metrics';
import { SweepService } from './sweep.service';

/** The deadline sweep (deadlines, and the end of review windows): on an interval, on a clock move, and on `POST /internal/sweep`. */
@Module({})
export class SchedulerModule {
  static forRoot(settings: SweepSettings): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [DeadlinesModule, EscalationModule, MattersModule],
      controllers: [SweepController],
      providers: [{ provide: SWEEP_SETTINGS, useValue: settings }, SweepMetrics, SweepService, SweepScheduler],
    };
  }
}
