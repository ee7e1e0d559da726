import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { Nature, PETITION_REGISTERED, PetitionStatus, Topics, createEnvelope, toOffsetIso, type Page, type PetitionRegisteredPayload } from '@petition/contracts';
import { OutboxWriter } from '@petition/messaging';
import { CLOCK, decodeCursor, encodeCursor } from '@petition/service-kit';
import { PiiCipher, maskName } from '../pii/pii-cipher';
import type { RegisterPetitionDto } from './dto/register-petition.dto';
import { PetitionView } from './dto/petition.view';
import { PetitionEntity } from './entities/petition.entity';
import { PetitionNotFoundError } from './petitions.errors';
import { PetitionsRepository } from './petitions.repository';

/** Registering and reading petitions. */
@Injectable()
export class PetitionsService {
  constructor(
    private readonly repository: PetitionsRepository,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(PiiCipher) private readonly pii: PiiCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Registers a petition and records `petition.registered` in the same transaction; staff
   * registrations go straight to dispatch. The tracking number is region + date + daily sequence.
   */
  async register(input: RegisterPetitionDto, by: StaffUser): Promise<PetitionView> {
    const now = this.clock.now();
    const day = toOffsetIso(now).slice(0, 10);
    const petition = Object.assign(new PetitionEntity(), {
      id: randomUUID(),
      channel: input.channel,
      nature: input.nature ?? Nature.Claim,
      status: PetitionStatus.Dispatched,
      title: input.title,
      content: input.content,
      categoryCode: input.categoryCode,
      regionCode: input.regionCode,
      petitionerRef: `ptr_${randomUUID()}`,
      petitionerNameEnc: this.pii.encrypt(input.petitionerName),
      petitionerNameMasked: maskName(input.petitionerName),
      headcount: input.headcount ?? 1,
      emergency: input.emergency ?? false,
      registeredBy: by.sub,
      registeredAt: now,
    });
    await this.repository.transaction(async (manager) => {
      const seq = await this.repository.nextSequence(manager, petition.regionCode.slice(0, 6), day);
      petition.trackingNo = `${petition.regionCode.slice(0, 6)}-${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;
      await this.repository.insert(manager, petition);
      const payload: PetitionRegisteredPayload = {
        petitionId: petition.id,
        trackingNo: petition.trackingNo,
        channel: petition.channel,
        nature: petition.nature,
        title: petition.title,
        categoryCode: petition.categoryCode,
        regionCode: petition.regionCode,
        petitionerRef: petition.petitionerRef,
        petitionerNameMasked: petition.petitionerNameMasked,
        headcount: petition.headcount,
        emergency: petition.emergency,
        accusedUnitId: null,
        registeredAt: toOffsetIso(now),
      };
      await this.outbox.append(manager, {
        topic: Topics.intake,
        key: petition.id,
        envelope: createEnvelope('intake', now, { type: PETITION_REGISTERED, petitionId: petition.id, payload }),
      });
    });
    return PetitionView.from(petition);
  }

  async get(id: string): Promise<PetitionView> {
    const petition = await this.repository.findById(id);
    if (!petition) throw new PetitionNotFoundError(id);
    return PetitionView.from(petition);
  }

  async list(limit = 50, cursor?: string): Promise<Page<PetitionView>> {
    const after = cursor ? decodeCursor(cursor, 2) : null;
    const rows = await this.repository.list(limit + 1, after ? { registeredAt: String(after[0]), id: String(after[1]) } : null);
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(PetitionView.from),
      nextCursor: rows.length > limit && last ? encodeCursor([last.registeredAt.toISOString(), last.id]) : null,
    };
  }
}
