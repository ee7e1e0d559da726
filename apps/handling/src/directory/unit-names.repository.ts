import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UnitEntity } from './entities/unit.entity';

/** The directory's unit names as handling last learnt them. */
@Injectable()
export class UnitNamesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Names by unit id; a unit the directory has not described yet is missing from the map. */
  async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await this.dataSource.getRepository(UnitEntity).findBy({ unitId: In([...new Set(ids)]) });
    return new Map(rows.map((r) => [r.unitId, r.name]));
  }
}
