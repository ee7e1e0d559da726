import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { UnitKind, UnitLevel } from '@petition/contracts';
import { CategoryEntity } from './entities/category.entity';
import { RegionEntity } from './entities/region.entity';
import { UnitEntity } from './entities/unit.entity';

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

  units(limit: number, afterCode: string | null, filter: { kind?: UnitKind; level?: UnitLevel; regionCode?: string }): Promise<UnitEntity[]> {
    const qb = this.dataSource.getRepository(UnitEntity).createQueryBuilder('u').orderBy('u.code').limit(limit);
    if (afterCode) qb.andWhere('u.code > :afterCode', { afterCode });
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
}
