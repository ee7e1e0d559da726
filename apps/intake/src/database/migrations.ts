import { PlatformTables1763780000000 } from '@petition/messaging';
import { CreatePetitions1763780100000 } from './migrations/1763780100000-CreatePetitions';

/** Intake's migrations in order; they never change once shipped. */
export const intakeMigrations = [PlatformTables1763780000000, CreatePetitions1763780100000];
