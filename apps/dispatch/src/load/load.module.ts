import { Module } from '@nestjs/common';
import { LoadController } from './load.controller';
import { LoadRepository } from './load.repository';
import { LoadService } from './load.service';

/** The load view: open assignments per unit. */
@Module({ controllers: [LoadController], providers: [LoadService, LoadRepository] })
export class LoadModule {}
