import { Module } from '@nestjs/common';
import { DecisionsRepository } from './decisions.repository';

/** The decisions the petitioner is told of, as intake learns them from the other services. */
@Module({ providers: [DecisionsRepository], exports: [DecisionsRepository] })
export class DecisionsModule {}
