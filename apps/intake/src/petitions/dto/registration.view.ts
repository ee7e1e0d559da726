import { ApiProperty } from '@nestjs/swagger';
import { PetitionView } from './petition.view';

/** A registration's answer: the petition and, once only, the query code for the petitioner. */
export class RegistrationView extends PetitionView {
  @ApiProperty({
    example: 'K7M2Q9XP',
    description:
      'Given once: the petitioner needs it with the tracking number to follow the matter; only its hash is stored; null when an already imported hotline order is returned again',
    nullable: true,
    type: String,
  })
  queryCode!: string | null;
}
