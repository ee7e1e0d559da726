import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Nature } from '@petition/contracts';
import { RepresentativeDto } from './representative.dto';
import { IsCleanText, IsResidentId, PHONE_PATTERN, trim } from './validators';

/** The fields every channel shares: who petitions, about what, where. */
export class PetitionFieldsDto {
  @ApiProperty({ example: '张三', description: "Petitioner's name (stored encrypted, shown masked); may be omitted when anonymous" })
  @ValidateIf((o: PetitionFieldsDto) => o.anonymous !== true || o.petitionerName !== undefined)
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  @IsCleanText()
  petitionerName?: string;

  @ApiPropertyOptional({ example: '11010519491231002X', description: '18-digit resident ID (checksum validated); stored encrypted' })
  @IsOptional()
  @IsResidentId()
  petitionerIdNumber?: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'Stored encrypted, shown masked' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'petitionerPhone must be a mainland mobile or landline number' })
  petitionerPhone?: string;

  @ApiPropertyOptional({ example: '广州市天河区五山路1号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  @IsCleanText()
  petitionerAddress?: string;

  @ApiPropertyOptional({ default: false, description: 'Anonymous petition: no name, no repeat matching' })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean;

  @ApiProperty({ example: '小区门口道路长期积水' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  @IsCleanText()
  title!: string;

  @ApiProperty({ example: '每逢下雨，小区门口道路积水严重，影响居民出行，请求尽快疏通排水管道。' })
  @Transform(trim)
  @IsString()
  @Length(5, 20000)
  @IsCleanText()
  content!: string;

  @ApiProperty({ example: 'URBAN.DRAINAGE', description: 'Category code from the seeded taxonomy' })
  @IsString()
  @Matches(/^[A-Z0-9._-]{1,40}$/, { message: 'categoryCode must be an upper-case category code such as URBAN.DRAINAGE' })
  categoryCode!: string;

  @ApiProperty({ example: '440106001', description: 'Administrative division code (6 digits for a district, 9 for a street)' })
  @IsString()
  @Matches(/^\d{6}(\d{3}(\d{3})?)?$/, { message: 'regionCode must be a 6, 9 or 12 digit administrative division code' })
  regionCode!: string;

  @ApiPropertyOptional({ enum: Nature, default: Nature.Claim })
  @IsOptional()
  @IsEnum(Nature)
  nature?: Nature;

  @ApiPropertyOptional({ description: 'Accusations: the unit accused (never sent the matter, 条例 Art. 30)' })
  @IsOptional()
  @IsUUID()
  accusedUnitId?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  headcount?: number;

  @ApiPropertyOptional({ type: [RepresentativeDto], description: 'Required (1–5) when headcount ≥ 5 (条例 Art. 20)' })
  @ValidateIf((o: PetitionFieldsDto) => (typeof o.headcount === 'number' && o.headcount >= 5) || o.representatives !== undefined)
  @IsArray({ message: 'representatives are required (1 to 5) when headcount is 5 or more (条例 Art. 20)' })
  @ArrayMinSize(1, { message: 'representatives are required (1 to 5) when headcount is 5 or more (条例 Art. 20)' })
  @ArrayMaxSize(5, { message: 'at most 5 representatives (条例 Art. 20)' })
  @ValidateNested({ each: true })
  @Type(() => RepresentativeDto)
  representatives?: RepresentativeDto[];
}
