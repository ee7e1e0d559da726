import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsISO8601, IsString, Length } from 'class-validator';
import { toOffsetIso } from '@petition/contracts';
import { ContactMethod, type WorkItemContactEntity } from '../entities/work-item-contact.entity';
import type { WorkItemNoteEntity } from '../entities/work-item-note.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `POST /api/work-items/:id/contacts`. */
export class RecordContactDto {
  @ApiProperty({ example: '2026-11-23T10:30:00+08:00', description: 'When the contact took place (not in the future)' })
  @IsISO8601({ strict: true })
  contactedAt!: string;

  @ApiProperty({ enum: ContactMethod })
  @IsEnum(ContactMethod)
  method!: ContactMethod;

  @ApiProperty({ example: '电话联系信访人，了解积水具体位置，告知将于三日内现场查看。' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  summary!: string;
}

/** Body of `POST /api/work-items/:id/return`. */
export class ReturnWorkItemDto {
  @ApiProperty({ example: '该事项属区住建局职责，非本单位管辖。', description: 'Why the unit is not competent (e.g. which unit is)' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  reason!: string;
}

/** Body of `POST /api/work-items/:id/notes`. */
export class AddNoteDto {
  @ApiProperty({ example: '已联系区排水公司，计划周四疏通。' })
  @Transform(trim)
  @IsString()
  @Length(1, 4000)
  text!: string;
}

export class ContactView {
  @ApiProperty() id!: string;
  @ApiProperty() contactedAt!: string;
  @ApiProperty({ enum: ContactMethod }) method!: ContactMethod;
  @ApiProperty() summary!: string;
  @ApiProperty() recordedBy!: string;

  static from(c: WorkItemContactEntity): ContactView {
    return { id: c.id, contactedAt: toOffsetIso(c.contactedAt), method: c.method, summary: c.summary, recordedBy: c.recordedBy };
  }
}

export class NoteView {
  @ApiProperty() id!: string;
  @ApiProperty() text!: string;
  @ApiProperty() author!: string;
  @ApiProperty() createdAt!: string;

  static from(n: WorkItemNoteEntity): NoteView {
    return { id: n.id, text: n.text, author: n.author, createdAt: toOffsetIso(n.createdAt) };
  }
}
