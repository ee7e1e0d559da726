import { Module } from '@nestjs/common';
import { AttachmentsRepository } from './attachments.repository';

/** The attachment rows, for the features that refer to uploads (replies check theirs against them). */
@Module({ providers: [AttachmentsRepository], exports: [AttachmentsRepository] })
export class AttachmentRecordsModule {}
