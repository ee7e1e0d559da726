import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RATE_KPIS } from '../kpis';

/** A numerator, a denominator and their rate (null: no data). */
export class RateFigureView {
  @ApiProperty() numerator!: number;
  @ApiProperty() denominator!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'numerator / denominator; null when the denominator is empty' }) rate!:
    number | null;
}

/** Points taken off for repeats and overdue matters (each capped by the scheme). */
export class DeductionsView {
  @ApiProperty() repeats!: number;
  @ApiProperty() overdue!: number;
}

/** One unit's line of a ranking. */
export class UnitScoreView {
  @ApiProperty({ format: 'uuid' }) unitId!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Unit code from the directory; null when unknown to it' }) code!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Unit name from the directory; null when unknown to it' }) name!: string | null;
  @ApiProperty({ description: 'Equal score, overdue and matters share a rank' }) rank!: number;
  @ApiProperty({ description: '0–100, two decimals' }) score!: number;
  @ApiProperty({ description: 'Fewer matters than the scheme minimum (5): ranked but marked' }) tooFewMatters!: boolean;
  @ApiProperty({ description: 'Distinct matters in any rate denominator' }) matters!: number;
  @ApiProperty({ description: '重复信访: repeat petitions linked in the period' }) repeats!: number;
  @ApiProperty({ description: '超期件: matters flagged overdue in the period' }) overdue!: number;
  @ApiProperty({
    description: `Every rate KPI: ${RATE_KPIS.join(', ')}`,
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/RateFigureView' },
  })
  rates!: Record<string, RateFigureView>;
  @ApiProperty({ type: DeductionsView }) deductions!: DeductionsView;
}

/** The scheme version a ranking used. */
export class SchemeRefView {
  @ApiProperty({ example: 'default' }) name!: string;
  @ApiProperty({ example: 1 }) version!: number;
}

/** `GET /api/assessments`. */
export class RankingView {
  @ApiProperty({ example: '2026-Q4' }) period!: string;
  @ApiProperty({ type: SchemeRefView }) scheme!: SchemeRefView;
  @ApiProperty({ type: [UnitScoreView] }) units!: UnitScoreView[];
}

/** One matter behind a number. */
export class MatterLineView {
  @ApiProperty({ format: 'uuid' }) petitionId!: string;
  @ApiProperty({ type: String, nullable: true }) trackingNo!: string | null;
  @ApiProperty({ description: 'In the numerator (for counts: always true)' }) inNumerator!: boolean;
  @ApiProperty({ description: 'The instants and flags that decided it', type: 'object', additionalProperties: true }) facts!: Record<
    string,
    unknown
  >;
}

/** `GET /api/assessments/:unitId/:period/matters`. */
export class MattersPageView {
  @ApiProperty({ type: [MatterLineView] }) items!: MatterLineView[];
  @ApiPropertyOptional({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiProperty({ description: 'Over every page; equals the ranking figure' }) numerator!: number;
  @ApiProperty() denominator!: number;
}

/** `POST /api/assessments/:period/publish`. */
export class PublicationView {
  @ApiProperty({ format: 'uuid' }) assessmentId!: string;
  @ApiProperty() period!: string;
  @ApiProperty() scheme!: string;
  @ApiProperty() schemeVersion!: number;
  @ApiProperty() publishedAt!: string;
  @ApiProperty() publishedBy!: string;
  @ApiProperty({ description: 'True when an earlier publication was recomputed and found identical' }) republished!: boolean;
  @ApiProperty({ type: RankingView }) ranking!: RankingView;
}
