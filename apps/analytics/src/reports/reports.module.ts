import { Module } from '@nestjs/common';
import { HotspotsModule } from '../hotspots/hotspots.module';
import { StatsModule } from '../stats/stats.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/** Periodic reports (weekly, monthly, quarterly, annual). */
@Module({ imports: [StatsModule, HotspotsModule], controllers: [ReportsController], providers: [ReportsService, ReportsRepository] })
export class ReportsModule {}
