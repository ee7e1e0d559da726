import { Module } from '@nestjs/common';
import { QueueController } from './queue.controller';
import { QueueRepository } from './queue.repository';
import { QueueService } from './queue.service';

/** The dispatcher's manual queue (its writes happen in assignments and returns). */
@Module({ controllers: [QueueController], providers: [QueueService, QueueRepository], exports: [QueueRepository] })
export class QueueModule {}
