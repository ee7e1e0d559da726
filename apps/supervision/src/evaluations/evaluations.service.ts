import { Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '@petition/service-kit';
import { EvaluationView, type EvaluationPage, type EvaluationQueryDto } from './dto/evaluation.dto';
import { EvaluationsRepository } from './evaluations.repository';

/** Reads of evaluations. */
@Injectable()
export class EvaluationsService {
  constructor(private readonly evaluations: EvaluationsRepository) {}

  async list(query: EvaluationQueryDto): Promise<EvaluationPage> {
    const limit = query.limit ?? 50;
    const after = query.cursor ? decodeCursor(query.cursor, ['instant', 'uuid']) : null;
    const rows = await this.evaluations.list(
      { petitionId: query.petitionId, unitId: query.unitId },
      limit + 1,
      after ? { at: String(after[0]), id: String(after[1]) } : null,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(EvaluationView.from),
      nextCursor: rows.length > limit && last ? encodeCursor([last.recordedAt.toISOString(), last.id]) : null,
    };
  }
}
