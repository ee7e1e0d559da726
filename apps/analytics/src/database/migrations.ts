import { PlatformTables1763780000000 } from '@petition/messaging';
import { ReadModels1764300000000 } from './migrations/1764300000000-ReadModels';
import { DashboardIndexes1764300100000 } from './migrations/1764300100000-DashboardIndexes';
import { DashboardSummaries1764300200000 } from './migrations/1764300200000-DashboardSummaries';

/** Analytics's migrations in order; they never change once shipped. */
export const analyticsMigrations = [
  PlatformTables1763780000000,
  ReadModels1764300000000,
  DashboardIndexes1764300100000,
  DashboardSummaries1764300200000,
];
