import { Module } from '@nestjs/common';
import { PetitionsModule } from '../petitions/petitions.module';
import { ContactAccessRepository } from './contact-access.repository';
import { ContactController } from './contact.controller';
import { ContactService } from './contact.service';

/** Audited access to petitioners' contact data. */
@Module({
  imports: [PetitionsModule],
  controllers: [ContactController],
  providers: [ContactService, ContactAccessRepository],
  exports: [ContactAccessRepository],
})
export class ContactModule {}
