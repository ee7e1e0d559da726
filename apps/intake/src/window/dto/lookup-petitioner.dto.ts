import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCleanText, IsResidentId, PHONE_PATTERN, trim } from '../../petitions/dto/validators';

/**
 * Body of `POST /api/petitioners/lookup`: exactly one of an ID number, a phone, or a name with a
 * region. A POST, so that the ID number or phone never sits in a URL, a proxy log or a browser history.
 */
export class LookupPetitionerDto {
  @ApiPropertyOptional({ example: '440106199001011234', description: 'Resident ID number (居民身份证号)' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/\s/g, '').toUpperCase() : value))
  @IsResidentId()
  idNumber?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.replace(/[\s-]/g, '') : value))
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a mainland mobile or landline number' })
  phone?: string;

  @ApiPropertyOptional({ example: '张三', description: 'With regionCode: the full name as registered' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  @IsCleanText()
  name?: string;

  @ApiPropertyOptional({ example: '440106', description: 'With name: the district (6 digits) or a division under it' })
  @IsOptional()
  @Matches(/^\d{6}(\d{3}(\d{3})?)?$/, { message: 'regionCode must be a 6, 9 or 12 digit administrative division code' })
  regionCode?: string;

  @ApiProperty({ example: '来访人咨询其此前反映事项的办理情况', description: 'Why the clerk looks this person up; kept in the audit log' })
  @Transform(trim)
  @IsString({ message: 'reason is required: every lookup is audited with its reason' })
  @Length(4, 500)
  @IsCleanText()
  reason!: string;
}
