import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsISO8601, IsIn, IsOptional, IsString, Length, Matches, ValidateIf, ValidateNested } from 'class-validator';
import { Channel } from '@petition/contracts';
import { PetitionFieldsDto } from './petition-fields.dto';
import { IsCleanText, PHONE_PATTERN, trim } from './validators';

/** What happens to a petition registered by staff (docs/window.md). */
export const STAFF_ROUTES = ['dispatch', 'triage', 'answer_on_the_spot'] as const;
export type StaffRoute = (typeof STAFF_ROUTES)[number];

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

  @ApiPropertyOptional({
    enum: STAFF_ROUTES,
    default: 'dispatch',
    description:
      'dispatch: straight to the units (the default); triage: wait for the clerk’s decision (inform, forward, refuse…) at ' +
      'POST /api/petitions/:id/triage; answer_on_the_spot: a visit or call answered there and then (当场答复), ended with `answer`',
  })
  @IsOptional()
  @IsIn(STAFF_ROUTES, { message: `route must be one of: ${STAFF_ROUTES.join(', ')}` })
  route?: StaffRoute;

  @ApiPropertyOptional({
    example: '您反映的路灯维修事项，已告知您街道城管科的报修电话及办理时限。',
    description: 'With route answer_on_the_spot: the answer given, as the petitioner is told it (it appears on their page)',
  })
  @ValidateIf((o: RegisterPetitionDto) => o.route === 'answer_on_the_spot' || o.answer !== undefined)
  @Transform(trim)
  @IsString({ message: 'answer is required to answer on the spot' })
  @Length(4, 2000)
  @IsCleanText()
  answer?: string;
}
