import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import type { Page } from '@petition/contracts';
import { CLOCK, decodeCursor, encodeCursor } from '@petition/service-kit';
import { QueuedPetitionView, type QueueQueryDto } from './dto/queue.dto';
import { QueueRepository } from './queue.repository';

/** The dispatcher's view of the manual queue. */
@Injectable()
export class QueueService {
  constructor(
    private readonly repository: QueueRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(query: QueueQueryDto): Promise<Page<QueuedPetitionView>> {
    const limit = query.limit ?? 50;
    const now = this.clock.now();
    const cur = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const rows = await this.repository.open(
      {
        reasonKind: query.reasonKind,
        escalated: query.escalated,
        categoryCode: query.categoryCode,
        regionCode: query.regionCode,
        overdueAt: query.overdue ? now : undefined,
      },
      limit + 1,
      cur ? { due: new Date(String(cur[0])), petitionId: String(cur[1]) } : null,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((q) => QueuedPetitionView.from(q, now)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.triageDue.toISOString(), last.petitionId]) : null,
    };
  }
}
