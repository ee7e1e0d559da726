import { PlatformTables1763780000000 } from '@petition/messaging';

/** Supervision's migrations in order; they never change once shipped. */
export const supervisionMigrations = [PlatformTables1763780000000];
