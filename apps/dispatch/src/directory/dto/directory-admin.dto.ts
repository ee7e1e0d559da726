import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { UnitKind, UnitLevel } from '@petition/contracts';

const CATEGORY = /^[A-Z0-9._-]{1,40}$/;
const REGION = /^\d{6,12}$/;

/** Body of `POST /api/units`. The id is derived from the code, so the same unit has the same id everywhere. */
export class CreateUnitDto {
  @ApiProperty({ example: 'GZ-WJW' }) @Matches(/^[A-Z0-9-]{2,40}$/) code!: string;
  @ApiProperty({ example: '广州市卫生健康委员会' }) @IsString() @Length(1, 100) name!: string;
  @ApiProperty({ enum: UnitLevel }) @IsEnum(UnitLevel) level!: UnitLevel;
  @ApiProperty({ enum: UnitKind }) @IsEnum(UnitKind) kind!: UnitKind;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiProperty({ type: [String], example: ['440100'] })
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(REGION, { each: true })
  regionCodes!: string[];
  @ApiProperty({ type: [String], example: ['HEALTH.MEDICAL'] })
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(CATEGORY, { each: true })
  categoryCodes!: string[];
}

/** Body of `PATCH /api/units/:id`; deactivate with `active: false` (units are never deleted). */
export class UpdateUnitDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) name?: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsUUID() parentId?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @Matches(REGION, { each: true })
  regionCodes?: string[];
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(CATEGORY, { each: true })
  categoryCodes?: string[];
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}

/** Body of `POST /api/regions`. */
export class CreateRegionDto {
  @ApiProperty({ example: '440106013' }) @Matches(REGION) code!: string;
  @ApiProperty({ example: '天园街道' }) @IsString() @Length(1, 60) name!: string;
  @ApiProperty({ enum: UnitLevel }) @IsEnum(UnitLevel) level!: UnitLevel;
  @ApiPropertyOptional({ example: '440106', nullable: true }) @IsOptional() @Matches(REGION) parentCode?: string | null;
}

/** Body of `POST /api/categories`. */
export class CreateCategoryDto {
  @ApiProperty({ example: 'HEALTH.MEDICAL' }) @Matches(CATEGORY) code!: string;
  @ApiProperty({ example: '医疗服务' }) @IsString() @Length(1, 60) name!: string;
  @ApiPropertyOptional({ example: 'HEALTH', nullable: true }) @IsOptional() @Matches(CATEGORY) parentCode?: string | null;
}

/** Body of `PATCH /api/regions/:code` and `PATCH /api/categories/:code`. */
export class UpdateNamedEntryDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 60) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() active?: boolean;
}
