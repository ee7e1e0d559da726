import { Module } from '@nestjs/common';
import { DirectoryUnitsConsumer } from './directory-units.consumer';
import { UnitNamesRepository } from './unit-names.repository';

/** The directory's unit names, followed from dispatch's `directory.v1` (the 交办单 names the units). */
@Module({ providers: [DirectoryUnitsConsumer, UnitNamesRepository], exports: [UnitNamesRepository] })
export class DirectoryModule {}
