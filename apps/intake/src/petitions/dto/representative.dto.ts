import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsCleanText, IsResidentId, PHONE_PATTERN, trim } from './validators';

/** One of at most five representatives of a collective petition (条例 Art. 20). */
export class RepresentativeDto {
  @ApiProperty({ example: '王五' })
  @Transform(trim)
  @IsString()
  @Length(1, 50)
  @IsCleanText()
  name!: string;

  @ApiPropertyOptional({ example: '11010519491231002X' })
  @IsOptional()
  @IsResidentId()
  idNumber?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a mainland mobile or landline number' })
  phone?: string;
}
