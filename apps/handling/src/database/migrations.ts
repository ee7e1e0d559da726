import { PlatformTables1763780000000 } from '@petition/messaging';
import { CreateWorkItems1763780300000 } from './migrations/1763780300000-CreateWorkItems';
import { WorkItemAcceptance1763780400000 } from './migrations/1763780400000-WorkItemAcceptance';
import { WorkItemCurrentDeadline1763780500000 } from './migrations/1763780500000-WorkItemCurrentDeadline';
import { ContactsNotesAudit1763780600000 } from './migrations/1763780600000-ContactsNotesAudit';
import { Extensions1763780700000 } from './migrations/1763780700000-Extensions';
import { WorkItemReturns1763780800000 } from './migrations/1763780800000-WorkItemReturns';
import { RepliesReworkContributions1763780900000 } from './migrations/1763780900000-RepliesReworkContributions';
import { InboxIndexes1763781000000 } from './migrations/1763781000000-InboxIndexes';
import { WorkItemAttachments1763781100000 } from './migrations/1763781100000-WorkItemAttachments';
import { UnitsIssuedDocuments1763781200000 } from './migrations/1763781200000-UnitsIssuedDocuments';
import { WorkItemEmergency1765400000000 } from './migrations/1765400000000-WorkItemEmergency';

/** Handling's migrations in order; they never change once shipped. */
export const handlingMigrations = [
  PlatformTables1763780000000,
  CreateWorkItems1763780300000,
  WorkItemAcceptance1763780400000,
  WorkItemCurrentDeadline1763780500000,
  ContactsNotesAudit1763780600000,
  Extensions1763780700000,
  WorkItemReturns1763780800000,
  RepliesReworkContributions1763780900000,
  InboxIndexes1763781000000,
  WorkItemAttachments1763781100000,
  UnitsIssuedDocuments1763781200000,
  WorkItemEmergency1765400000000,
];
