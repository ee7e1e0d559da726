import { ApiProperty } from '@nestjs/swagger';
import { Channel, PetitionStatus } from '@petition/contracts';

/** A request window the petitioner still has on a petition (复查 30 days after delivery, 复核 after a review). */
export class OpenWindowView {
  @ApiProperty({ enum: ['review', 'reexamination'] }) kind!: 'review' | 'reexamination';
  @ApiProperty({ example: '2027-01-08T00:00:00.000+08:00', description: 'Open until this instant (exclusive)' }) until!: string;
}

/** One earlier petition of the person at the window. */
export class PetitionHistoryItemView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '440106-20261122-000001' }) trackingNo!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: Channel }) channel!: Channel;
  @ApiProperty() categoryCode!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty({ enum: PetitionStatus }) status!: PetitionStatus;
  @ApiProperty({ description: 'Still being handled (not ended, not concluded)' }) open!: boolean;
  @ApiProperty({ nullable: true, type: String, example: 'dispatch', description: 'The triage decision' }) triageOutcome!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['support', 'explain', 'not_support'],
    description: 'The delivered decision letter’s outcome (予以支持 / 解释说明 / 不予支持), once delivered',
  })
  replyOutcome!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The tracking number this one repeats or was refused for' })
  relatedTrackingNo!: string | null;
  @ApiProperty({ type: OpenWindowView, nullable: true }) openWindow!: OpenWindowView | null;
  @ApiProperty() registeredAt!: string;
}

/** What the window learns about the person in front of it. */
export class PetitionerHistoryView {
  @ApiProperty({ enum: ['id_number', 'phone', 'name_region'] }) matchedBy!: string;
  @ApiProperty({ example: '张*', nullable: true, type: String, description: 'As on their latest petition' }) nameMasked!: string | null;
  @ApiProperty({ type: [PetitionHistoryItemView], description: 'Newest first, at most 100' }) petitions!: PetitionHistoryItemView[];
  @ApiProperty({ description: 'More than 100 petitions matched; the oldest are not shown' }) truncated!: boolean;
}

/** One lookup in the audit log. */
export class PetitionerLookupLogView {
  @ApiProperty() id!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: [String] }) actorRoles!: string[];
  @ApiProperty() reason!: string;
  @ApiProperty({ enum: ['id_number', 'phone', 'name_region', 'registration_preview'] }) matchedBy!: string;
  @ApiProperty({ type: [String] }) petitionIds!: string[];
  @ApiProperty() at!: string;
}

/** A page of the lookup audit log. */
export class PetitionerLookupLogPage {
  @ApiProperty({ type: [PetitionerLookupLogView] }) items!: PetitionerLookupLogView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
