import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Channel, Nature } from '../enums';

/** Type name of {@link PetitionTriagedPayload} on `petition.intake.v1`. */
export const PETITION_TRIAGED = 'petition.triaged';

/** What the intake clerk (or the repeat detector) decided for a registered petition (docs/rules.md `triage`). */
export enum TriageOutcome {
  /** Route to the units that must solve it (dispatch receives `petition.registered`). */
  Dispatch = 'dispatch',
  /** 告知: tell the petitioner the proper channel (litigation, arbitration, review…). */
  Inform = 'inform',
  /** 转送: send to another competent authority. */
  Forward = 'forward',
  /** 不再受理: the same matter was already concluded. */
  Refuse = 'refuse',
  /** 重复信访: the same matter is still open; linked to it instead of being accepted anew. */
  LinkRepeat = 'link_repeat',
  /** 当场答复: a simple question answered at the window or on the phone; registered and ended with the answer given. */
  AnswerOnTheSpot = 'answer_on_the_spot',
}

/** A triage decision. Carries no PII: the proper channel or authority is an institution, never a person. */
export class PetitionTriagedPayload {
  @IsUUID()
  petitionId!: string;

  @IsString()
  @Length(1, 40)
  trackingNo!: string;

  @IsEnum(TriageOutcome)
  outcome!: TriageOutcome;

  /** For inform: the proper channel; for forward: the authority; otherwise null (an on-the-spot answer's text stays in intake). */
  @IsOptional()
  @IsString()
  @Length(1, 200)
  target?: string | null;

  /** For refuse and link_repeat: the earlier petition. */
  @IsOptional()
  @IsUUID()
  relatedPetitionId?: string | null;

  /** True when the repeat detector decided, not a clerk. */
  @IsOptional()
  @IsBoolean()
  automatic?: boolean;

  @IsISO8601({ strict: true })
  decidedAt!: string;

  /*
   * The petition's classification, as registered. A petition that triage ends (inform, forward,
   * refuse, repeat) never gets a `petition.registered`, so without these the city's statistics
   * could not count it by channel, nature, category or region. Optional: events published before
   * they were added lack them.
   */
  @IsOptional()
  @IsEnum(Channel)
  channel?: Channel;

  @IsOptional()
  @IsEnum(Nature)
  nature?: Nature;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Z0-9._-]{1,40}$/)
  categoryCode?: string;

  @IsOptional()
  @IsString()
  @Matches(/^\d{6,12}$/)
  regionCode?: string;

  /** When the petition was received (the start of the triage period). */
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
}
