import { Module } from '@nestjs/common';
import { StatsModule } from '../stats/stats.module';
import { HotspotsController } from './hotspots.controller';
import { HotspotsRepository } from './hotspots.repository';
import { HotspotsService } from './hotspots.service';

/** Hotspots and signals. */
@Module({
  imports: [StatsModule],
  controllers: [HotspotsController],
  providers: [HotspotsService, HotspotsRepository],
  exports: [HotspotsService],
})
export class HotspotsModule {}
