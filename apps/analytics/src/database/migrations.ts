import { PlatformTables1763780000000 } from '@petition/messaging';

/** Analytics's migrations in order; they never change once shipped. */
export const analyticsMigrations = [PlatformTables1763780000000];
