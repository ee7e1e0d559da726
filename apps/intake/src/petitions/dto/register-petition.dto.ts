import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { Channel } from '@petition/contracts';
import { PetitionFieldsDto } from './petition-fields.dto';
import { IsCleanText, PHONE_PATTERN } from './validators';

/** A letter's envelope (来信). */
export class LetterDetailsDto {
  @ApiProperty({ example: '2026-11-20', description: 'Date the letters office received it' })
  @IsISO8601({ strict: true })
  receivedDate!: string;

  @ApiPropertyOptional({ example: '广州天河 2026-11-18', description: 'Postmark as read from the envelope' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsCleanText()
  postmark?: string;
}

/** A call's details (来电). */
export class CallDetailsDto {
  @ApiProperty({ example: '13812345678', description: 'Caller number; stored encrypted, shown masked' })
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'callerNumber must be a mainland mobile or landline number' })
  callerNumber!: string;
}

/** Body of `POST /api/petitions`: a petition registered by staff from any channel. */
export class RegisterPetitionDto extends PetitionFieldsDto {
  @ApiProperty({ enum: Channel, example: Channel.Visit })
  @IsEnum(Channel)
  channel!: Channel;

  @ApiPropertyOptional({ default: false, description: 'Set by the clerk; also detected from the content' })
  @IsOptional()
  @IsBoolean()
  emergency?: boolean;

  @ApiPropertyOptional({ type: LetterDetailsDto, description: 'Letters: received date and postmark (only with channel letter)' })
  @ValidateIf((o: RegisterPetitionDto) => o.letter !== undefined)
  @ValidateNested()
  @Type(() => LetterDetailsDto)
  letter?: LetterDetailsDto;

  @ApiPropertyOptional({ type: CallDetailsDto, description: 'Calls: the caller number, when shown (only with channel call)' })
  @ValidateIf((o: RegisterPetitionDto) => o.call !== undefined)
  @ValidateNested()
  @Type(() => CallDetailsDto)
  call?: CallDetailsDto;
}
