import { Module } from '@nestjs/common';
import { DirectoryAdminController } from './directory-admin.controller';
import { DirectoryAdminService } from './directory-admin.service';
import { DirectoryController } from './directory.controller';
import { DirectoryRepository } from './directory.repository';
import { DirectoryService } from './directory.service';

/** The directory: units, regions, categories, and their administration. */
@Module({
  controllers: [DirectoryController, DirectoryAdminController],
  providers: [DirectoryService, DirectoryRepository, DirectoryAdminService],
  exports: [DirectoryRepository],
})
export class DirectoryModule {}
