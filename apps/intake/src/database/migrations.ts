import { PlatformTables1763780000000 } from '@petition/messaging';
import { CreatePetitions1763780100000 } from './migrations/1763780100000-CreatePetitions';
import { IntakeChannelsTriageRepeats1763790000000 } from './migrations/1763790000000-IntakeChannelsTriageRepeats';
import { SeedReferenceData1763790100000 } from './migrations/1763790100000-SeedReferenceData';
import { PetitionerHeads1763800000000 } from './migrations/1763800000000-PetitionerHeads';
import { Attachments1763800100000 } from './migrations/1763800100000-Attachments';
import { PetitionReceivedAt1763800200000 } from './migrations/1763800200000-PetitionReceivedAt';
import { PetitionAppealWindows1763800300000 } from './migrations/1763800300000-PetitionAppealWindows';
import { PetitionCoHandlers1763800400000 } from './migrations/1763800400000-PetitionCoHandlers';
import { TheWindow1763800500000 } from './migrations/1763800500000-TheWindow';
import { PetitionerNotices1763800600000 } from './migrations/1763800600000-PetitionerNotices';
import { IssuedDocuments1763800700000 } from './migrations/1763800700000-IssuedDocuments';
import { PublicNotesWithoutTrackingNumbers1765100000000 } from './migrations/1765100000000-PublicNotesWithoutTrackingNumbers';
import { StoredAnswersWithoutQueryCodes1765100100000 } from './migrations/1765100100000-StoredAnswersWithoutQueryCodes';

/** Intake's migrations in order; they never change once shipped. */
export const intakeMigrations = [
  PlatformTables1763780000000,
  CreatePetitions1763780100000,
  IntakeChannelsTriageRepeats1763790000000,
  SeedReferenceData1763790100000,
  PetitionerHeads1763800000000,
  Attachments1763800100000,
  PetitionReceivedAt1763800200000,
  PetitionAppealWindows1763800300000,
  PetitionCoHandlers1763800400000,
  TheWindow1763800500000,
  PetitionerNotices1763800600000,
  IssuedDocuments1763800700000,
  PublicNotesWithoutTrackingNumbers1765100000000,
  StoredAnswersWithoutQueryCodes1765100100000,
];
