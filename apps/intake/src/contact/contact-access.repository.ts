import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContactAccessEntity } from './entities/contact-access.entity';

/** The audit log of contact-data reads. */
@Injectable()
export class ContactAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records a read; called before the data is returned, so an unlogged read cannot happen. */
  async record(entry: Omit<ContactAccessEntity, 'id'>): Promise<void> {
    await this.dataSource.getRepository(ContactAccessEntity).insert({ id: randomUUID(), ...entry });
  }

  forPetition(petitionId: string): Promise<ContactAccessEntity[]> {
    return this.dataSource.getRepository(ContactAccessEntity).find({ where: { petitionId }, order: { at: 'ASC' } });
  }
}
