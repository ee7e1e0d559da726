import { Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Page } from '@petition/contracts';
import { afterTimeAndId, keysetPage } from '@petition/service-kit';
import type { ListPetitionsQuery } from './dto/list-petitions.query';
import { PetitionView } from './dto/petition.view';
import type { RegisterPetitionDto } from './dto/register-petition.dto';
import type { RegistrationView } from './dto/registration.view';
import { PetitionNotFoundError } from './petitions.errors';
import { PetitionsRepository } from './petitions.repository';
import { RegisterPetitionUseCase } from './usecases/register-petition.usecase';

/** Staff registration and reading of petitions. */
@Injectable()
export class PetitionsService {
  constructor(
    private readonly repository: PetitionsRepository,
    private readonly registerPetition: RegisterPetitionUseCase,
  ) {}

  /**
   * Registers a petition taken by staff at the window, from a letter or on the phone; it goes to
   * dispatch unless it repeats a matter or the clerk routes it otherwise (held for triage, answered on the spot).
   */
  register(input: RegisterPetitionDto, by: StaffUser): Promise<RegistrationView> {
    const { channel, emergency, letter, call, route, answer, ...fields } = input;
    // The controller answers 201 with exactly this view, so it is stored with the registration.
    return this.registerPetition.execute(
      { source: 'staff', channel, fields, emergencyFlag: emergency === true, letter, call, route, answer, registeredBy: by.sub },
      201,
    );
  }

  async get(id: string): Promise<PetitionView> {
    const petition = await this.repository.findById(id);
    if (!petition) throw new PetitionNotFoundError(id);
    return PetitionView.from(petition);
  }

  /** `registeredBy=me` is the caller. */
  async list(query: ListPetitionsQuery, user: StaffUser): Promise<Page<PetitionView>> {
    const limit = query.limit ?? 50;
    const after = afterTimeAndId(query.cursor);
    const filter = {
      status: query.status,
      channel: query.channel,
      nature: query.nature,
      regionCode: query.regionCode,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      noticePending: query.noticePending,
      source: query.source,
      registeredBy: query.registeredBy === 'me' ? user.sub : query.registeredBy,
    };
    const rows = await this.repository.list(limit + 1, after ? { registeredAt: after.at, id: after.id } : null, filter);
    return keysetPage(rows, limit, PetitionView.from, (p) => [p.registeredAt.toISOString(), p.id]);
  }
}
