import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsISO8601, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { DeadlineRef } from './deadline-ref';

/** Type names of {@link ExtensionDecidedPayload} on `petition.handling.v1`. */
export const EXTENSION_APPROVED = 'extension.approved';
export const EXTENSION_DENIED = 'extension.denied';

/** The unit head decided an extension request; an approval carries the new handling deadline. */
export class ExtensionDecidedPayload {
  @IsUUID() requestId!: string;
  @IsUUID() workItemId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsBoolean() approved!: boolean;
  @IsISO8601({ strict: true }) decidedAt!: string;
  @IsOptional() @IsString() @Length(0, 1000) note?: string | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => DeadlineRef)
  handlingDeadline?: DeadlineRef | null;
}
