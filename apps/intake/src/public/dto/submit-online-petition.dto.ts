import { PetitionFieldsDto } from '../../petitions/dto/petition-fields.dto';

/**
 * Body of `POST /api/public/petitions`: a petition from the online portal, without a staff
 * account. Same fields as a staff registration minus channel and the emergency flag (the
 * detector still reads the content); it waits for a clerk's triage.
 */
export class SubmitOnlinePetitionDto extends PetitionFieldsDto {}
