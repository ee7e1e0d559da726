import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { Channel, Nature } from '@petition/contracts';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `POST /api/petitions`: a petition registered by staff. */
export class RegisterPetitionDto {
  @ApiProperty({ enum: Channel, example: Channel.Visit })
  @IsEnum(Channel)
  channel!: Channel;

  @ApiProperty({ example: '张三', description: "Petitioner's name (stored encrypted, shown masked)" })
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  petitionerName!: string;

  @ApiProperty({ example: '小区门口道路长期积水' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  title!: string;

  @ApiProperty({ example: '每逢下雨，小区门口道路积水严重，影响居民出行，请求尽快疏通排水管道。' })
  @Transform(trim)
  @IsString()
  @Length(5, 20000)
  content!: string;

  @ApiProperty({ example: 'URBAN.DRAINAGE', description: 'Category code from the directory' })
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

  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10000)
  headcount?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  emergency?: boolean;
}
