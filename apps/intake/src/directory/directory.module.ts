import { Module } from '@nestjs/common';
import { UnitNames } from './unit-names';

/** The directory's unit names, followed from dispatch's `directory.v1`. */
@Module({ providers: [UnitNames], exports: [UnitNames] })
export class DirectoryModule {}
