import { PlatformTables1763780000000 } from '@petition/messaging';
import { CreateDirectoryAndAssignments1763780200000 } from './migrations/1763780200000-CreateDirectoryAndAssignments';
import { ReturnsQueueAndRuleAdmin1763800000000 } from './migrations/1763800000000-ReturnsQueueAndRuleAdmin';

/** Dispatch's migrations in order; they never change once shipped. */
export const dispatchMigrations = [
  PlatformTables1763780000000,
  CreateDirectoryAndAssignments1763780200000,
  ReturnsQueueAndRuleAdmin1763800000000,
];
