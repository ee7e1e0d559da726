import type { MigrationInterface } from 'typeorm';
import { PlatformTables1763780000000 } from '@petition/messaging';

/** Supervision's migrations in order (one line each); they never change once shipped. */
export const supervisionMigrations: Array<new () => MigrationInterface> = [
  PlatformTables1763780000000,
];
