import { Injectable } from '@nestjs/common';
import type { Page } from '@petition/contracts';
import { decodeCursor, encodeCursor } from '@petition/service-kit';
import type { CategoryView, RegionView, UnitQueryDto, UnitView } from './dto/directory.views';
import { DirectoryRepository, LEVEL_RANK } from './directory.repository';

/** Paging over the directory (keyset, stable across inserts). */
@Injectable()
export class DirectoryService {
  constructor(private readonly repository: DirectoryRepository) {}

  async regions(limit = 100, cursor?: string, parentCode?: string): Promise<Page<RegionView>> {
    return this.page(await this.repository.regions(limit + 1, this.after(cursor), parentCode), limit);
  }

  async categories(limit = 100, cursor?: string): Promise<Page<CategoryView>> {
    return this.page(await this.repository.categories(limit + 1, this.after(cursor)), limit);
  }

  async units(query: UnitQueryDto): Promise<Page<UnitView>> {
    const limit = query.limit ?? 100;
    const cur = query.cursor ? decodeCursor(query.cursor, ['int', 'text']) : null;
    const rows = await this.repository.units(limit + 1, cur ? { rank: cur[0], code: cur[1] } : null, query);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor([LEVEL_RANK[last.level], last.code]) : null };
  }

  private after(cursor?: string): string | null {
    return cursor ? decodeCursor(cursor, ['text'])[0] : null;
  }

  private page<T extends { code: string }>(rows: T[], limit: number): Page<T> {
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1].code]) : null };
  }
}
