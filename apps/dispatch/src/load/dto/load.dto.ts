import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { UnitKind, UnitLevel } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';

/** Filters of `GET /api/units/load`. */
export class LoadQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: UnitKind }) @IsOptional() @IsEnum(UnitKind) kind?: UnitKind;
  @ApiPropertyOptional({ enum: UnitLevel }) @IsOptional() @IsEnum(UnitLevel) level?: UnitLevel;
  @ApiPropertyOptional() @IsOptional() @IsUUID() unitId?: string;
}

/** A unit's open assignments, so a dispatcher can see who is swamped before assigning by hand. */
export class UnitLoadView {
  @ApiProperty() unitId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: UnitKind }) kind!: UnitKind;
  @ApiProperty({ enum: UnitLevel }) level!: UnitLevel;
  @ApiProperty({ description: 'Active assignments the unit leads' }) leadOpen!: number;
  @ApiProperty({ description: 'Active assignments the unit co-handles' }) coHandlerOpen!: number;
  @ApiProperty({
    description: 'Of those it leads, past the acceptance deadline (acceptance is known to handling; this is the upper bound dispatch sees)',
  })
  acceptDuePassed!: number;
  @ApiProperty({ description: 'Returns waiting for a dispatcher' }) returnsPending!: number;
}

export class UnitLoadPage {
  @ApiProperty({ type: [UnitLoadView] }) items!: UnitLoadView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
