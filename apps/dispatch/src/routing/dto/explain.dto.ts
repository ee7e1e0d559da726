import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsISO8601, IsInt, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { Nature, Track } from '@petition/contracts';
import { CANDIDATE_CAUSES, type CandidateCause } from '../routing-decision';

/** Body of `POST /api/routing/explain`: the routing-relevant fields of a petition. */
export class ExplainRequestDto {
  @ApiProperty({ enum: Nature, default: Nature.Claim }) @IsEnum(Nature) nature!: Nature;
  @ApiProperty({ example: 'URBAN.DRAINAGE' }) @Matches(/^[A-Z0-9._-]{1,40}$/) categoryCode!: string;
  @ApiProperty({ example: '440106001' }) @Matches(/^\d{6,12}$/) regionCode!: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @IsInt() @Min(1) headcount?: number;
  @ApiPropertyOptional({ default: false }) @IsOptional() @IsBoolean() emergency?: boolean;
  @ApiPropertyOptional({ description: 'For accusations: the accused unit' }) @IsOptional() @IsUUID() accusedUnitId?: string;
  @ApiPropertyOptional({ type: [String], description: 'Units that already returned the matter' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  excludeUnitIds?: string[];
  @ApiPropertyOptional({ description: 'Route as of this instant (default: now)' }) @IsOptional() @IsISO8601({ strict: true }) at?: string;
}

class CandidateRuleView {
  @ApiProperty() id!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ nullable: true, type: String }) regionCode!: string | null;
  @ApiProperty({ enum: Nature, nullable: true }) nature!: Nature | null;
  @ApiProperty() leadUnitId!: string;
  @ApiProperty({ type: [String] }) coHandlerUnitIds!: string[];
  @ApiProperty({ enum: Track }) track!: Track;
  @ApiProperty() priority!: number;
}

class CandidateView {
  @ApiProperty({ type: CandidateRuleView }) rule!: CandidateRuleView;
  @ApiProperty({ enum: ['winner', 'outranked', 'excluded', 'not_applicable'] }) outcome!: string;
  @ApiProperty({
    enum: CANDIDATE_CAUSES,
    description:
      'best_match: ranked first (most specific region, then a rule naming the nature, then priority); outranked: a better rule applies; ' +
      'nature_mismatch: the rule is for another nature; accused_unit: it would reach the accused unit (条例 Art. 30); ' +
      'already_returned: its lead unit returned this matter; lead_inactive: its lead unit is deactivated',
  })
  cause!: CandidateCause;
  @ApiProperty() reason!: string;
}

class DecisionView {
  @ApiProperty({ enum: ['assign', 'queue'] }) kind!: string;
  @ApiPropertyOptional() leadUnitId?: string;
  @ApiPropertyOptional({ type: [String] }) coHandlerUnitIds?: string[];
  @ApiPropertyOptional({ enum: Track }) track?: Track;
  @ApiPropertyOptional({ nullable: true, type: String }) instructions?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) ruleId?: string | null;
  @ApiPropertyOptional() reasonKind?: string;
  @ApiPropertyOptional() reason?: string;
}

/** Which rule would route the petition where, and why. */
export class ExplainView {
  @ApiProperty({ description: 'The category routed on (accusations: the discipline category)' }) categoryCode!: string;
  @ApiProperty({ type: [String], description: 'Region fallback chain, most specific first' }) regionChain!: string[];
  @ApiProperty({ type: [CandidateView] }) candidates!: CandidateView[];
  @ApiProperty({ type: DecisionView }) decision!: DecisionView;
  @ApiProperty() reason!: string;
}
