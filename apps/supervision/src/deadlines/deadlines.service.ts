import { Injectable } from '@nestjs/common';
import type { StaffUser } from '@petition/auth';
import { toOffsetIso } from '@petition/contracts';
import { decodeCursor, encodeCursor } from '@petition/service-kit';
import { readableUnit } from '../escalation/unit-scope';
import type { DeadlineQueryDto } from './dto/deadline-query.dto';
import type { DeadlinePage, DeadlineView } from './dto/deadline.view';
import { DeadlinesRepository } from './deadlines.repository';
import type { TrackedDeadlineEntity } from './entities/tracked-deadline.entity';

/** Reads of tracked deadlines. */
@Injectable()
export class DeadlinesService {
  constructor(private readonly repository: DeadlinesRepository) {}

  async list(user: StaffUser, query: DeadlineQueryDto): Promise<DeadlinePage> {
    const unitId = readableUnit(user, query.unitId);
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const rows = await this.repository.list({
      petitionId: query.petitionId,
      unitId,
      stage: query.stage,
      state: query.state,
      limit,
      after: after ? { due: String(after[0]), id: String(after[1]) } : undefined,
    });
    const last = rows[rows.length - 1];
    return { items: rows.map(toView), nextCursor: rows.length === limit && last ? encodeCursor([last.due.toISOString(), last.id]) : null };
  }
}

function toView(d: TrackedDeadlineEntity): DeadlineView {
  const flags = [...(d.warningFiredAt ? ['warning'] : []), ...(d.overdueFiredAt ? ['overdue'] : [])];
  return {
    id: d.id,
    petitionId: d.petitionId,
    stage: d.stage,
    unitId: d.unitId,
    startedAt: toOffsetIso(d.startedAt),
    due: toOffsetIso(d.due),
    warningAt: toOffsetIso(d.warningAt),
    ruleSet: d.ruleSet,
    provisional: d.provisional,
    state: d.state,
    completedAt: d.completedAt ? toOffsetIso(d.completedAt) : null,
    flags,
    escalationStep: d.escalationStep,
    extensions: d.record.extensions.map((e) => ({ days: e.days, unitKind: e.unitKind, at: e.at })),
  };
}
