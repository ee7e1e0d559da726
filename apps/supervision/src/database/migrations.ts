import type { MigrationInterface } from 'typeorm';
import { PlatformTables1763780000000 } from '@petition/messaging';
import { DeadlineTracker1764000000000 } from './migrations/1764000000000-DeadlineTracker';
import { ProvisionalDeadlinesIndex1764000000001 } from './migrations/1764000000001-ProvisionalDeadlinesIndex';
import { MatterFlow1764100000000 } from './migrations/1764100000000-MatterFlow';
import { AssessmentFacts1764200000000 } from './migrations/1764200000000-AssessmentFacts';
import { DirectoryUnits1764300000000 } from './migrations/1764300000000-DirectoryUnits';
import { ReviewWindowsAndBureauSteps1764400000000 } from './migrations/1764400000000-ReviewWindowsAndBureauSteps';

/** Supervision's migrations in order (one line each); they never change once shipped. */
export const supervisionMigrations: Array<new () => MigrationInterface> = [
  PlatformTables1763780000000,
  DeadlineTracker1764000000000,
  ProvisionalDeadlinesIndex1764000000001,
  MatterFlow1764100000000,
  AssessmentFacts1764200000000,
  DirectoryUnits1764300000000,
  ReviewWindowsAndBureauSteps1764400000000,
];
