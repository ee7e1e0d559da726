import { PlatformTables1763780000000 } from '@petition/messaging';
import { CreateWorkItems1763780300000 } from './migrations/1763780300000-CreateWorkItems';

/** Handling's migrations in order; they never change once shipped. */
export const handlingMigrations = [PlatformTables1763780000000, CreateWorkItems1763780300000];
