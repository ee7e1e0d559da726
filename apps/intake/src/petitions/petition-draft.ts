import type { Channel } from '@petition/contracts';
import type { PetitionFieldsDto } from './dto/petition-fields.dto';

/** Who entered a petition: the way it starts triage depends on it. */
export type PetitionSource = 'staff' | 'online' | 'hotline';

/** A petition from any channel, validated, before it is registered. */
export interface PetitionDraft {
  source: PetitionSource;
  channel: Channel;
  fields: PetitionFieldsDto;
  /** Set by the clerk (the detector adds its own signals). */
  emergencyFlag: boolean;
  letter?: { receivedDate: string; postmark?: string };
  call?: { callerNumber: string };
  externalOrderId?: string;
  /** When the matter was received, if before registration (a hotline order's call time). */
  receivedAt?: Date;
  registeredBy: string;
  /** Staff only: dispatch (default), hold for the clerk's triage, or answer on the spot with `answer`. */
  route?: 'dispatch' | 'triage' | 'answer_on_the_spot';
  answer?: string;
}
