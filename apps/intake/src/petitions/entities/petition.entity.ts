import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { Channel, Nature, PetitionStatus } from '@petition/contracts';

/** A registered petition (信访事项). The petitioner's name is stored encrypted, plus a masked copy for lists. */
@Entity({ name: 'petitions' })
@Index('petitions_registered_at_idx', ['registeredAt', 'id'])
export class PetitionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Index('petitions_tracking_no_uq', { unique: true })
  @Column({ name: 'tracking_no', type: 'text' })
  trackingNo!: string;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text' })
  nature!: Nature;

  @Column({ type: 'text' })
  status!: PetitionStatus;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'category_code', type: 'text' })
  categoryCode!: string;

  @Column({ name: 'region_code', type: 'text' })
  regionCode!: string;

  /** Pseudonymous id of the petitioner, the only identity that leaves this service. */
  @Column({ name: 'petitioner_ref', type: 'text' })
  petitionerRef!: string;

  /** `<keyId>:<ciphertext>`, see PiiCipher. */
  @Column({ name: 'petitioner_name_enc', type: 'text' })
  petitionerNameEnc!: string;

  @Column({ name: 'petitioner_name_masked', type: 'text' })
  petitionerNameMasked!: string;

  @Column({ type: 'int', default: 1 })
  headcount!: number;

  @Column({ type: 'boolean', default: false })
  emergency!: boolean;

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy!: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt!: Date;

  /** When the matter was received: the start of the registration-and-routing period (条例 Arts. 22–23). A hotline order's call time; otherwise the registration. */
  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  /** `staff`, `online` or `hotline`: who entered it (online petitions wait for a clerk's triage). */
  @Column({ type: 'text', default: 'staff' })
  source!: string;

  @Column({ type: 'boolean', default: false })
  anonymous!: boolean;

  @Column({ name: 'petitioner_id_enc', type: 'text', nullable: true })
  petitionerIdEnc!: string | null;

  /** Keyed hash (PiiCipher.hash) for repeat matching; never the plaintext. */
  @Column({ name: 'petitioner_id_hash', type: 'text', nullable: true })
  petitionerIdHash!: string | null;

  @Column({ name: 'petitioner_id_masked', type: 'text', nullable: true })
  petitionerIdMasked!: string | null;

  /** Keyed hash of the name (`identityHashes`), for the window's lookup by name and region; null when anonymous. */
  @Column({ name: 'petitioner_name_hash', type: 'text', nullable: true })
  petitionerNameHash!: string | null;

  @Column({ name: 'petitioner_phone_enc', type: 'text', nullable: true })
  petitionerPhoneEnc!: string | null;

  @Column({ name: 'petitioner_phone_hash', type: 'text', nullable: true })
  petitionerPhoneHash!: string | null;

  @Column({ name: 'petitioner_phone_masked', type: 'text', nullable: true })
  petitionerPhoneMasked!: string | null;

  @Column({ name: 'petitioner_address_enc', type: 'text', nullable: true })
  petitionerAddressEnc!: string | null;

  /** Encrypted JSON array of the representatives' full data (条例 Art. 20). */
  @Column({ name: 'representatives_enc', type: 'text', nullable: true })
  representativesEnc!: string | null;

  @Column({ name: 'representatives_masked', type: 'jsonb', default: () => "'[]'::jsonb" })
  representativesMasked!: Array<{ name: string; phone: string | null }>;

  @Column({ name: 'accused_unit_id', type: 'uuid', nullable: true })
  accusedUnitId!: string | null;

  @Column({ name: 'letter_received_on', type: 'date', nullable: true })
  letterReceivedOn!: string | null;

  @Column({ name: 'letter_postmark', type: 'text', nullable: true })
  letterPostmark!: string | null;

  @Column({ name: 'caller_number_enc', type: 'text', nullable: true })
  callerNumberEnc!: string | null;

  @Column({ name: 'caller_number_masked', type: 'text', nullable: true })
  callerNumberMasked!: string | null;

  /** 12345 work order id; unique, so a re-imported order is recognised. */
  @Column({ name: 'external_order_id', type: 'text', nullable: true })
  externalOrderId!: string | null;

  @Column({ name: 'emergency_signals', type: 'text', array: true, default: () => "'{}'" })
  emergencySignals!: string[];

  /** Segmented terms of title and content, for repeat detection. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  terms!: string[];

  /** Hash of the query code given once to the petitioner. */
  @Column({ name: 'query_code_hash', type: 'text', nullable: true })
  queryCodeHash!: string | null;

  @Column({ name: 'triage_outcome', type: 'text', nullable: true })
  triageOutcome!: string | null;

  @Column({ name: 'triage_target', type: 'text', nullable: true })
  triageTarget!: string | null;

  /** Internal note of the clerk; never shown to the petitioner. */
  @Column({ name: 'triage_note', type: 'text', nullable: true })
  triageNote!: string | null;

  /** The earlier petition this one repeats (link) or was refused for (concluded). */
  @Column({ name: 'related_petition_id', type: 'uuid', nullable: true })
  relatedPetitionId!: string | null;

  @Column({ name: 'triaged_by', type: 'text', nullable: true })
  triagedBy!: string | null;

  @Column({ name: 'triaged_at', type: 'timestamptz', nullable: true })
  triagedAt!: Date | null;

  /** Lead unit from `petition.assigned`; it may read the contact data (with a reason). */
  @Column({ name: 'lead_unit_id', type: 'uuid', nullable: true })
  leadUnitId!: string | null;

  /** Co-handling units of the current assignment: they may read the whole petition too. */
  @Column({ name: 'co_handler_unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  coHandlerUnitIds!: string[];

  /** From `reply.delivered`: the petitioner may evaluate and appeal from then on. */
  @Column({ name: 'reply_delivered_at', type: 'timestamptz', nullable: true })
  replyDeliveredAt!: Date | null;

  /** Due instant of `review_request` (条例 Art. 35), from `reply.delivered`. */
  @Column({ name: 'review_request_due', type: 'timestamptz', nullable: true })
  reviewRequestDue!: Date | null;

  /** Due instant of `reexam_request` (Art. 36), from the review's `appeal.decided`. */
  @Column({ name: 'reexam_request_due', type: 'timestamptz', nullable: true })
  reexamRequestDue!: Date | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt!: Date | null;

  /** The answer given on the spot (当场答复), written for the petitioner. */
  @Column({ name: 'answer_text', type: 'text', nullable: true })
  answerText!: string | null;

  /** When the written notice of a decision not to accept is due (15 days from receipt, 条例 Art. 22); null when none is owed. */
  @Column({ name: 'notice_due', type: 'timestamptz', nullable: true })
  noticeDue!: Date | null;

  @Column({ name: 'notice_given_at', type: 'timestamptz', nullable: true })
  noticeGivenAt!: Date | null;

  @Column({ name: 'notice_given_by', type: 'text', nullable: true })
  noticeGivenBy!: string | null;

  /** How the written notice reached the petitioner: `post`, `in_person`, `online` or `sms`. */
  @Column({ name: 'notice_method', type: 'text', nullable: true })
  noticeMethod!: string | null;

  /** When the lead unit accepted the matter (受理), from `work_item.accepted`. */
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  /** The handling deadline the petitioner was told of (exclusive instant); moved by an approved extension. */
  @Column({ name: 'handling_due', type: 'timestamptz', nullable: true })
  handlingDue!: Date | null;
}
