import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { Channel, Nature, PetitionStatus } from '@petition/contracts';
import { PageQueryDto } from '@petition/service-kit';

/** `GET /api/petitions` filters on top of the page parameters. */
export class ListPetitionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: PetitionStatus }) @IsOptional() @IsEnum(PetitionStatus) status?: PetitionStatus;
  @ApiPropertyOptional({ enum: Channel }) @IsOptional() @IsEnum(Channel) channel?: Channel;
  @ApiPropertyOptional({ enum: Nature }) @IsOptional() @IsEnum(Nature) nature?: Nature;

  @ApiPropertyOptional({ example: '440106', description: 'The division and everything under it' })
  @IsOptional()
  @Matches(/^\d{6,12}$/, { message: 'regionCode must be 6 to 12 digits' })
  regionCode?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00+08:00', description: 'Registered at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00+08:00', description: 'Registered before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'true: only petitions whose written notice (条例 Art. 22) is owed and not yet recorded' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'noticePending must be true or false' })
  noticePending?: boolean;

  @ApiPropertyOptional({ enum: ['staff', 'online', 'hotline'], description: 'Who entered it: staff, the online form, or a 12345 import' })
  @IsOptional()
  @IsIn(['staff', 'online', 'hotline'])
  source?: 'staff' | 'online' | 'hotline';

  @ApiPropertyOptional({ example: 'me', description: 'The staff member who registered it (token subject); `me` is the caller' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  registeredBy?: string;
}
