import { Module } from '@nestjs/common';
import { WorkItemsModule } from '../work-items/work-items.module';
import { ExtensionsController } from './extensions.controller';
import { ExtensionsRepository } from './extensions.repository';
import { ExtensionsService } from './extensions.service';

/** Extension requests and decisions. */
@Module({ imports: [WorkItemsModule], controllers: [ExtensionsController], providers: [ExtensionsService, ExtensionsRepository] })
export class ExtensionsModule {}
