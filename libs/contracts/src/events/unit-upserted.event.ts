import { IsArray, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { UnitKind, UnitLevel } from '../enums';

/** Type name of {@link UnitUpsertedPayload} on the compacted `directory.v1` (key: unit id). */
export const UNIT_UPSERTED = 'directory.unit_upserted';

/** The directory's current view of one unit; the latest event per unit is the truth. */
export class UnitUpsertedPayload {
  @IsUUID()
  unitId!: string;

  @IsString()
  @Length(1, 40)
  code!: string;

  @IsString()
  @Length(1, 100)
  name!: string;

  @IsEnum(UnitLevel)
  level!: UnitLevel;

  @IsEnum(UnitKind)
  kind!: UnitKind;

  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @IsArray()
  @IsString({ each: true })
  regionCodes!: string[];

  @IsArray()
  @IsString({ each: true })
  categoryCodes!: string[];

  @IsBoolean()
  active!: boolean;
}
