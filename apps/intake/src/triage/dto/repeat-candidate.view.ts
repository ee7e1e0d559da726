import { ApiProperty } from '@nestjs/swagger';
import { PetitionStatus } from '@petition/contracts';

/** An earlier petition of the same phone or ID number that reads as the same matter: the clerk confirms or dismisses it. */
export class RepeatCandidateView {
  @ApiProperty() petitionId!: string;
  @ApiProperty({ example: '440106-20261101-000003' }) trackingNo!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PetitionStatus }) status!: PetitionStatus;
  @ApiProperty({ enum: ['staff', 'online', 'hotline'] }) source!: string;
  @ApiProperty({
    description:
      'Entered by the bureau’s staff or the 12345 hotline. An online submission is never verified: the phone or ID number is whatever the sender typed, so confirm with the petitioner before linking',
  })
  verified!: boolean;
  @ApiProperty({ example: 0.42, description: 'Word-level similarity of the texts (a repeat from 0.2)' }) similarity!: number;
  @ApiProperty({
    enum: ['link_repeat', 'refuse'],
    description: 'The triage outcome that fits: link_repeat while the matter is open, refuse once it is concluded',
  })
  suggestedOutcome!: 'link_repeat' | 'refuse';
  @ApiProperty({ example: '2026-11-01T10:00:00.000+08:00' }) registeredAt!: string;
}
