import { ApiProperty } from '@nestjs/swagger';
import { PetitionHistoryItemView } from './petitioner-history.view';

/** Something the clerk should see before saving. */
export class PreviewWarningView {
  @ApiProperty({
    enum: ['LIKELY_REPEAT', 'CONCLUDED_MATTER', 'POSSIBLE_REPEAT', 'OPEN_MATTER', 'EMERGENCY'],
    description: 'POSSIBLE_REPEAT: looks like an online submission of this person, which is never matched automatically',
  })
  code!: string;
  @ApiProperty({ example: '疑似重复信访：与 440106-20261122-000001（办理中）为同一事项，保存后将并入原件' }) message!: string;
}

/** The earlier petition a registration would be matched to. */
export class PreviewRepeatView {
  @ApiProperty({
    enum: ['link', 'refuse'],
    description: 'link: joins the open matter (条例 Art. 19); refuse: not accepted again (Art. 36)',
  })
  kind!: 'link' | 'refuse';
  @ApiProperty() trackingNo!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty({ example: 0.42 }) similarity!: number;
}

/** What registering this petition now would do; nothing is saved. */
export class RegistrationPreviewView {
  @ApiProperty({
    enum: ['dispatch', 'triage', 'answer_on_the_spot', 'link_repeat', 'refuse'],
    description: 'The outcome a registration would have now',
  })
  outcome!: string;
  @ApiProperty({ type: PreviewRepeatView, nullable: true }) repeat!: PreviewRepeatView | null;
  @ApiProperty({ type: [PetitionHistoryItemView], description: 'Other petitions of this person still being handled, newest first' })
  openMatters!: PetitionHistoryItemView[];
  @ApiProperty({ type: [String], example: ['self_harm'] }) emergencySignals!: string[];
  @ApiProperty({ type: [PreviewWarningView] }) warnings!: PreviewWarningView[];
}
