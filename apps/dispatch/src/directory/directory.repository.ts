import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { UnitLevel, type UnitKind } from '@petition/contracts';
import { CategoryEntity } from './entities/category.entity';
import { RegionEntity } from './entities/region.entity';
import { UnitEntity } from './entities/unit.entity';

/** Order of levels in unit listings. */
export const LEVEL_RANK: Record<UnitLevel, number> = {
  [UnitLevel.City]: 0,
  [UnitLevel.District]: 1,
  [UnitLevel.Street]: 2,
  [UnitLevel.Community]: 3,
};
const LEVEL_RANK_SQL = `CASE u.level WHEN 'city' THEN 0 WHEN 'district' THEN 1 WHEN 'street' THEN 2 ELSE 3 END`;

/** Reads of the directory, keyset-paginated by code. */
@Injectable()
export class DirectoryRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  regions(limit: number, afterCode: string | null, parentCode?: string): Promise<RegionEntity[]> {
    const qb = this.dataSource.getRepository(RegionEntity).createQueryBuilder('r').orderBy('r.code').limit(limit);
    if (afterCode) qb.andWhere('r.code > :afterCode', { afterCode });
    if (parentCode) qb.andWhere('r.parent_code = :parentCode', { parentCode });
    return qb.getMany();
  }

  categories(limit: number, afterCode: string | null): Promise<CategoryEntity[]> {
    const qb = this.dataSource.getRepository(CategoryEntity).createQueryBuilder('c').orderBy('c.code').limit(limit);
    if (afterCode) qb.andWhere('c.code > :afterCode', { afterCode });
    return qb.getMany();
  }

  /**
   * Units from the top of the tree down (city, district, street, community), then by code: the
   * city's departments come first, ahead of ~200 street offices. Keyset after (level rank, code).
   */
  units(
    limit: number,
    after: { rank: number; code: string } | null,
    filter: { kind?: UnitKind; level?: UnitLevel; regionCode?: string },
  ): Promise<UnitEntity[]> {
    const qb = this.dataSource.getRepository(UnitEntity).createQueryBuilder('u').orderBy(LEVEL_RANK_SQL).addOrderBy('u.code').limit(limit);
    if (after) qb.andWhere(`(${LEVEL_RANK_SQL}, u.code) > (:rank, :afterCode)`, { rank: after.rank, afterCode: after.code });
    if (filter.kind) qb.andWhere('u.kind = :kind', { kind: filter.kind });
    if (filter.level) qb.andWhere('u.level = :level', { level: filter.level });
    if (filter.regionCode) qb.andWhere(':region = ANY(u.region_codes)', { region: filter.regionCode });
    return qb.getMany();
  }

  regionExists(code: string): Promise<boolean> {
    return this.dataSource.getRepository(RegionEntity).existsBy({ code });
  }

  unitById(id: string): Promise<UnitEntity | null> {
    return this.dataSource.getRepository(UnitEntity).findOneBy({ id });
  }

  /** Which of the codes are unknown or deactivated regions. */
  async missingRegions(manager: EntityManager, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows: Array<{ code: string }> = await manager.query(`SELECT code FROM regions WHERE code = ANY($1::text[]) AND active`, [codes]);
    const found = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !found.has(c));
  }

  /** Which of the codes are unknown or deactivated categories. */
  async missingCategories(manager: EntityManager, codes: string[]): Promise<string[]> {
    if (!codes.length) return [];
    const rows: Array<{ code: string }> = await manager.query(`SELECT code FROM categories WHERE code = ANY($1::text[]) AND active`, [
      codes,
    ]);
    const found = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !found.has(c));
  }

  lockUnit(manager: EntityManager, id: string): Promise<UnitEntity | null> {
    return manager.getRepository(UnitEntity).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  async unitCodeTaken(manager: EntityManager, code: string): Promise<boolean> {
    return manager.getRepository(UnitEntity).existsBy({ code });
  }

  async saveUnit(manager: EntityManager, unit: UnitEntity): Promise<void> {
    await manager.save(UnitEntity, unit);
  }

  region(manager: EntityManager, code: string): Promise<RegionEntity | null> {
    return manager.getRepository(RegionEntity).findOneBy({ code });
  }

  async saveRegion(manager: EntityManager, region: RegionEntity): Promise<void> {
    await manager.save(RegionEntity, region);
  }

  category(manager: EntityManager, code: string): Promise<CategoryEntity | null> {
    return manager.getRepository(CategoryEntity).findOneBy({ code });
  }

  async saveCategory(manager: EntityManager, category: CategoryEntity): Promise<void> {
    await manager.save(CategoryEntity, category);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
