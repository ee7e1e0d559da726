import { Module } from '@nestjs/common';

/** Periodic reports (weekly, monthly, quarterly, annual). */
@Module({})
export class ReportsModule {}
