import { IsISO8601, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';

/** Type name of {@link ExtensionRequestedPayload} on `petition.handling.v1`. */
export const EXTENSION_REQUESTED = 'extension.requested';

/** A lead unit asked for more time to handle a matter (延期申请), before its deadline. */
export class ExtensionRequestedPayload {
  @IsUUID() requestId!: string;
  @IsUUID() workItemId!: string;
  @IsUUID() petitionId!: string;
  @IsUUID() unitId!: string;
  @IsInt() @Min(1) @Max(30) days!: number;
  /** The reason, which the petitioner is told (条例 Art. 34). */
  @IsString() @Length(2, 1000) reason!: string;
  @IsISO8601({ strict: true }) requestedAt!: string;
}
