import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SentMessage, SentMessageStore } from '@petition/notifications';
import { maskPhone } from '../pii/pii-cipher';
import { LocalSmsMessageEntity } from './entities/local-sms-message.entity';

/**
 * The embedded gateway's "provider": what would have reached the phone, kept in intake's schema
 * with the number masked. Idempotent by message id, as a real provider is by its idempotency key.
 */
@Injectable()
export class LocalSmsStore implements SentMessageStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(sms: SentMessage): Promise<{ providerMessageId: string }> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(LocalSmsMessageEntity)
      .values({ id: sms.id, toMasked: maskPhone(sms.to), text: sms.text, sentAt: sms.sentAt })
      .orIgnore()
      .execute();
    return { providerMessageId: `local-${sms.id}` };
  }
}
