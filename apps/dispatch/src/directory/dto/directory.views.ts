import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, Matches } from 'class-validator';
import { UnitKind, UnitLevel } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';

/** A region of the administrative tree. */
export class RegionView {
  @ApiProperty({ example: '440106' }) code!: string;
  @ApiProperty({ example: '天河区' }) name!: string;
  @ApiProperty({ enum: UnitLevel }) level!: UnitLevel;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty() active!: boolean;
}

/** A category of the taxonomy. */
export class CategoryView {
  @ApiProperty({ example: 'URBAN.DRAINAGE' }) code!: string;
  @ApiProperty({ example: '城市排水' }) name!: string;
  @ApiProperty({ nullable: true, type: String }) parentCode!: string | null;
  @ApiProperty() active!: boolean;
}

/** A handling unit. */
export class UnitView {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'GZ-SWJ' }) code!: string;
  @ApiProperty({ example: '广州市水务局' }) name!: string;
  @ApiProperty({ enum: UnitLevel }) level!: UnitLevel;
  @ApiProperty({ enum: UnitKind }) kind!: UnitKind;
  @ApiProperty({ nullable: true, type: String }) parentId!: string | null;
  @ApiProperty({ type: [String] }) regionCodes!: string[];
  @ApiProperty({ type: [String] }) categoryCodes!: string[];
  @ApiProperty() active!: boolean;

  static from(u: UnitView): UnitView {
    return {
      id: u.id,
      code: u.code,
      name: u.name,
      level: u.level,
      kind: u.kind,
      parentId: u.parentId,
      regionCodes: u.regionCodes,
      categoryCodes: u.categoryCodes,
      active: u.active,
    };
  }
}

export class RegionPage {
  @ApiProperty({ type: [RegionView] }) items!: RegionView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
export class CategoryPage {
  @ApiProperty({ type: [CategoryView] }) items!: CategoryView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
export class UnitPage {
  @ApiProperty({ type: [UnitView] }) items!: UnitView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

/** Filters of `GET /api/units`. */
export class UnitQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UnitKind }) @IsOptional() @IsEnum(UnitKind) kind?: UnitKind;
  @ApiPropertyOptional({ enum: UnitLevel }) @IsOptional() @IsEnum(UnitLevel) level?: UnitLevel;
  @ApiPropertyOptional({ example: '440106' }) @IsOptional() @Matches(/^\d{6,12}$/) regionCode?: string;
}

/** Filters of `GET /api/regions`. */
export class RegionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '440100' }) @IsOptional() @Matches(/^\d{6,12}$/) parentCode?: string;
}
