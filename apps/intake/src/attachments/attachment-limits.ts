/** Attachment limits, from intake's settings (`config/intake-settings.ts`). */
export class AttachmentLimits {
  constructor(
    /** `ATTACHMENT_DIR`; default `<PETITION_DATA_DIR or ./.data>/intake/attachments`. */
    readonly dir: string,
    /** `ATTACHMENT_MAX_BYTES`; default 10 MB. */
    readonly maxBytes: number,
    /** `ATTACHMENT_MAX_PER_PETITION`; default 20. */
    readonly maxPerPetition: number,
  ) {}
}
