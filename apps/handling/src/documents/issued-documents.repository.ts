import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentDownloadEntity } from './entities/document-download.entity';
import { IssuedDocumentEntity } from './entities/issued-document.entity';

/** Documents issued for work items, and their download log. */
@Injectable()
export class IssuedDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(workItemId: string, kind: string): Promise<IssuedDocumentEntity | null> {
    return this.dataSource.getRepository(IssuedDocumentEntity).findOneBy({ workItemId, kind });
  }

  /**
   * Keeps a newly rendered document — unless one was issued for the same work item and kind
   * meanwhile (two first downloads at once): then that one is the document, and this rendering is dropped.
   */
  async keep(doc: Omit<IssuedDocumentEntity, 'id'>): Promise<IssuedDocumentEntity> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(IssuedDocumentEntity)
      .values({ id: randomUUID(), ...doc })
      .orIgnore()
      .execute();
    return (await this.find(doc.workItemId, doc.kind)) as IssuedDocumentEntity;
  }

  /** Written before the bytes leave the service: an unlogged download cannot happen. */
  async logDownload(entry: Omit<DocumentDownloadEntity, 'id'>): Promise<void> {
    await this.dataSource.getRepository(DocumentDownloadEntity).insert({ id: randomUUID(), ...entry });
  }
}
