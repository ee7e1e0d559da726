import { ApiProperty } from '@nestjs/swagger';

/** A tracked deadline as supervisors and units see it. */
export class DeadlineView {
  @ApiProperty() id!: string;
  @ApiProperty() petitionId!: string;
  @ApiProperty({ example: 'unit_accept' }) stage!: string;
  @ApiProperty({ nullable: true, type: String, description: 'The unit held to it; null for the petition bureau' }) unitId!: string | null;
  @ApiProperty() startedAt!: string;
  @ApiProperty({ description: 'Due instant (exclusive), extensions applied' }) due!: string;
  @ApiProperty() warningAt!: string;
  @ApiProperty({ example: 'default@2022.1' }) ruleSet!: string;
  @ApiProperty({ description: 'Computed on a provisional holiday calendar' }) provisional!: boolean;
  @ApiProperty({ enum: ['open', 'met', 'overdue_met', 'cancelled'] }) state!: string;
  @ApiProperty({ nullable: true, type: String }) completedAt!: string | null;
  @ApiProperty({ description: 'Flags fired: warning, overdue', type: [String], example: ['warning'] }) flags!: string[];
  @ApiProperty({ enum: ['none', 'urge', 'supervision_order', 'flagged_supervision'] }) escalationStep!: string;
  @ApiProperty({ description: 'Approved extensions (days, at)' }) extensions!: Array<{ days: number; unitKind: string; at: string }>;
}

/** A page of deadlines, soonest due first. */
export class DeadlinePage {
  @ApiProperty({ type: [DeadlineView] }) items!: DeadlineView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
