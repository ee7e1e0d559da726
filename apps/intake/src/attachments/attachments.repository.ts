import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AttachmentEntity } from './entities/attachment.entity';

/** Attachment metadata. */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(a: AttachmentEntity): Promise<void> {
    await this.dataSource.getRepository(AttachmentEntity).insert(a);
  }

  count(petitionId: string): Promise<number> {
    return this.dataSource.getRepository(AttachmentEntity).countBy({ petitionId });
  }

  forPetition(petitionId: string): Promise<AttachmentEntity[]> {
    return this.dataSource.getRepository(AttachmentEntity).find({ where: { petitionId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findOne(petitionId: string, id: string): Promise<AttachmentEntity | null> {
    return this.dataSource.getRepository(AttachmentEntity).findOneBy({ petitionId, id });
  }
}
