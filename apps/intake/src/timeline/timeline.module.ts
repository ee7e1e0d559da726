import { Module } from '@nestjs/common';
import { TimelineRepository } from './timeline.repository';

/** The petitioner-facing timeline store. */
@Module({ providers: [TimelineRepository], exports: [TimelineRepository] })
export class TimelineModule {}
