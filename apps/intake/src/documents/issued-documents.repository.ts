import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DocumentDownloadEntity } from './entities/document-download.entity';
import { IssuedDocumentEntity } from './entities/issued-document.entity';

/** Issued documents and their download log. */
@Injectable()
export class IssuedDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  find(petitionId: string, kind: string, subject: string): Promise<IssuedDocumentEntity | null> {
    return this.dataSource.getRepository(IssuedDocumentEntity).findOneBy({ petitionId, kind, subject });
  }

  /**
   * Keeps a newly rendered document — unless one for the same subject was issued meanwhile (two
   * first downloads at once): then that one is the document, and this rendering is dropped.
   */
  async keep(doc: Omit<IssuedDocumentEntity, 'id'>): Promise<IssuedDocumentEntity> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(IssuedDocumentEntity)
      .values({ id: randomUUID(), ...doc })
      .orIgnore()
      .execute();
    return (await this.find(doc.petitionId, doc.kind, doc.subject)) as IssuedDocumentEntity;
  }

  /** Issued documents of a petition, without their bytes. */
  forPetition(petitionId: string): Promise<Array<Omit<IssuedDocumentEntity, 'bytes'>>> {
    return this.dataSource.getRepository(IssuedDocumentEntity).find({
      select: ['id', 'petitionId', 'kind', 'subject', 'templateId', 'templateVersion', 'fileName', 'sha256', 'issuedAt', 'issuedBy'],
      where: { petitionId },
      order: { issuedAt: 'ASC' },
    });
  }

  /** Written before the bytes leave the service: an unlogged download cannot happen. */
  async logDownload(entry: Omit<DocumentDownloadEntity, 'id'>): Promise<void> {
    await this.dataSource.getRepository(DocumentDownloadEntity).insert({ id: randomUUID(), ...entry });
  }

  downloads(petitionId: string): Promise<DocumentDownloadEntity[]> {
    return this.dataSource.getRepository(DocumentDownloadEntity).find({ where: { petitionId }, order: { at: 'ASC' } });
  }
}
