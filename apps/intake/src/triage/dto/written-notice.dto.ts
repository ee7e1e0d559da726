import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';

/** How a written notice can reach the petitioner. */
export const NOTICE_METHODS = ['post', 'in_person', 'online', 'sms'] as const;
export type NoticeMethod = (typeof NOTICE_METHODS)[number];

/** Body of `POST /api/petitions/:id/written-notice`. */
export class RecordWrittenNoticeDto {
  @ApiProperty({ enum: NOTICE_METHODS, description: 'post (邮寄), in_person (当面送达), online (网上送达), sms (短信)' })
  @IsIn(NOTICE_METHODS, { message: `method must be one of: ${NOTICE_METHODS.join(', ')}` })
  method!: NoticeMethod;
}
