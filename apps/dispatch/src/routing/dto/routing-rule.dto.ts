import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEnum, IsISO8601, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Nature, Track, toOffsetIso } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';
import type { RoutingRuleEntity } from '../entities/routing-rule.entity';

/** Body of `POST /api/routing/rules` and of a rule change. */
export class RoutingRuleDto {
  @ApiProperty({ example: 'URBAN.DRAINAGE' }) @Matches(/^[A-Z0-9._-]{1,40}$/) categoryCode!: string;
  @ApiPropertyOptional({ example: '440106', nullable: true, description: 'Division code; omit for any region' })
  @IsOptional()
  @Matches(/^\d{6,12}$/)
  regionCode?: string | null;
  @ApiPropertyOptional({ enum: Nature, nullable: true, description: 'Omit for any nature' })
  @IsOptional()
  @IsEnum(Nature)
  nature?: Nature | null;
  @ApiProperty() @IsUUID() leadUnitId!: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  coHandlerUnitIds?: string[];
  @ApiProperty({ enum: Track }) @IsEnum(Track) track!: Track;
  @ApiPropertyOptional({ example: '属地牵头，市水务局配合' }) @IsOptional() @IsString() @Length(1, 2000) instructions?: string;
  @ApiPropertyOptional({ default: 0 }) @IsOptional() @IsInt() @Min(-1000) @Max(1000) priority?: number;
  @ApiPropertyOptional({ description: 'When the rule takes effect (default: now)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveFrom?: string;
}

/** Filters of `GET /api/routing/rules`. */
export class RoutingRuleQueryDto extends PageQueryDto {
  @ApiPropertyOptional() @IsOptional() @Matches(/^[A-Z0-9._-]{1,40}$/) categoryCode?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{6,12}$/) regionCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() leadUnitId?: string;
  @ApiPropertyOptional({ description: 'Only rules in force at this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  effectiveAt?: string;
}

/** A routing rule as admins and dispatchers see it. */
export class RoutingRuleView {
  @ApiProperty() id!: string;
  @ApiProperty() categoryCode!: string;
  @ApiProperty({ nullable: true, type: String }) regionCode!: string | null;
  @ApiProperty({ enum: Nature, nullable: true }) nature!: Nature | null;
  @ApiProperty() leadUnitId!: string;
  @ApiProperty({ type: [String] }) coHandlerUnitIds!: string[];
  @ApiProperty({ enum: Track }) track!: Track;
  @ApiProperty({ nullable: true, type: String }) instructions!: string | null;
  @ApiProperty() priority!: number;
  @ApiProperty() effectiveFrom!: string;
  @ApiProperty({ nullable: true, type: String }) effectiveTo!: string | null;
  @ApiProperty({ nullable: true, type: String }) replacesRuleId!: string | null;

  static from(r: RoutingRuleEntity): RoutingRuleView {
    return {
      id: r.id,
      categoryCode: r.categoryCode,
      regionCode: r.regionCode,
      nature: r.nature,
      leadUnitId: r.leadUnitId,
      coHandlerUnitIds: r.coHandlerUnitIds,
      track: r.track,
      instructions: r.instructions,
      priority: r.priority,
      effectiveFrom: toOffsetIso(r.effectiveFrom),
      effectiveTo: r.effectiveTo ? toOffsetIso(r.effectiveTo) : null,
      replacesRuleId: r.replacesRuleId ?? null,
    };
  }
}

export class RoutingRulePage {
  @ApiProperty({ type: [RoutingRuleView] }) items!: RoutingRuleView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** Result of a rule change: the ended rule and its successor. */
export class RuleChangeView {
  @ApiProperty({ type: RoutingRuleView }) ended!: RoutingRuleView;
  @ApiProperty({ type: RoutingRuleView }) created!: RoutingRuleView;
}
