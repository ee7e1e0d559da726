import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '@petition/service-kit';
import { FlowDeadlines } from '../matters/flow-deadlines';
import { AppealNotFoundError } from './appeals.errors';
import { AppealsRepository } from './appeals.repository';
import type { AppealQueryDto } from './dto/appeal.dto';
import { AppealView, type AppealPage } from './dto/appeal.view';
import type { AppealEntity } from './entities/appeal.entity';

/** Reads of appeals. */
@Injectable()
export class AppealsService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly deadlines: FlowDeadlines,
  ) {}

  async list(query: AppealQueryDto): Promise<AppealPage> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const rows = await this.appeals.list(
      { status: query.status, kind: query.kind, petitionId: query.petitionId },
      limit + 1,
      after ? { at: String(after[0]), id: String(after[1]) } : null,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((a) => this.view(a)),
      nextCursor: rows.length > limit && last ? encodeCursor([last.registeredAt.toISOString(), last.id]) : null,
    };
  }

  async get(id: string): Promise<AppealView> {
    const appeal = await this.appeals.find(id);
    if (!appeal) throw new AppealNotFoundError(id);
    return this.view(appeal);
  }

  private view(a: AppealEntity): AppealView {
    return AppealView.from(a, a.decisionDeadline ? this.deadlines.load(a.decisionDeadline) : null);
  }
}
