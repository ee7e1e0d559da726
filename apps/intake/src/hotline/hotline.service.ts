import { Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import { Channel } from '@petition/contracts';
import { ValidationFailedError } from '@petition/service-kit';
import type { PetitionDraft } from '../petitions/petition-draft';
import { RegisterPetitionUseCase } from '../petitions/usecases/register-petition.usecase';
import type { HotlineImportDto, HotlineOrderDto } from './dto/hotline-import.dto';
import type { HotlineImportView } from './dto/hotline-import.view';

/**
 * Imports 12345 hotline work orders. The whole batch is validated first (one bad order refuses
 * the batch with its index in the field paths, so nothing is half-imported); each order is then
 * registered once: an order id seen before returns its first registration.
 */
@Injectable()
export class HotlineService {
  constructor(private readonly registerPetition: RegisterPetitionUseCase) {}

  async import(input: HotlineImportDto, by: StaffUser): Promise<HotlineImportView> {
    const drafts = input.orders.map((o) => this.draft(o, by));
    const seen = new Set<string>();
    const problems = [];
    for (const [i, d] of drafts.entries()) {
      problems.push(...(await this.registerPetition.problems(d, `orders.${i}.`)));
      if (seen.has(d.externalOrderId as string))
        problems.push({ field: `orders.${i}.externalOrderId`, reason: 'appears twice in this batch' });
      seen.add(d.externalOrderId as string);
    }
    if (problems.length) throw new ValidationFailedError(problems);
    const results = [];
    for (const d of drafts) {
      const r = await this.registerPetition.execute(d);
      results.push({
        externalOrderId: d.externalOrderId as string,
        petitionId: r.id,
        trackingNo: r.trackingNo,
        status: r.status,
        created: r.queryCode !== null,
        queryCode: r.queryCode,
      });
    }
    return { results };
  }

  private draft(order: HotlineOrderDto, by: StaffUser): PetitionDraft {
    const { externalOrderId, receivedAt, ...fields } = order;
    return {
      source: 'hotline',
      channel: Channel.Hotline,
      fields,
      emergencyFlag: false,
      externalOrderId,
      receivedAt: new Date(receivedAt),
      registeredBy: by.sub,
    };
  }
}
