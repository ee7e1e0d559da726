import { Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@petition/clock';
import { CLOCK, decodeCursor, encodeCursor } from '@petition/service-kit';
import type { LoadQueryDto, UnitLoadPage } from './dto/load.dto';
import { LoadRepository } from './load.repository';

/**
 * Open assignments per unit. "Open" is what dispatch can know: active (not returned) assignments;
 * acceptance and closure live in handling. Ordered by load, so the cursor is an offset.
 */
@Injectable()
export class LoadService {
  constructor(
    private readonly repository: LoadRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async perUnit(query: LoadQueryDto): Promise<UnitLoadPage> {
    const limit = query.limit ?? 50;
    const offset = query.cursor ? decodeCursor(query.cursor, ['int'])[0] : 0;
    const rows = await this.repository.perUnit(
      { kind: query.kind, level: query.level, unitId: query.unitId },
      this.clock.now(),
      limit + 1,
      offset,
    );
    const items = rows.slice(0, limit).map((r) => ({
      unitId: r.id,
      code: r.code,
      name: r.name,
      kind: r.kind,
      level: r.level,
      leadOpen: Number(r.lead_open),
      coHandlerOpen: Number(r.co_open),
      acceptDuePassed: Number(r.accept_overdue),
      returnsPending: Number(r.returns_pending),
    }));
    return { items, nextCursor: rows.length > limit ? encodeCursor([offset + limit]) : null };
  }
}
