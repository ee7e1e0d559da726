import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Clock } from '@petition/clock';
import { UNIT_UPSERTED, type UnitUpsertedPayload } from '@petition/contracts';
import { EventOutbox } from '@petition/messaging';
import { CLOCK, type FieldReason } from '@petition/service-kit';
import {
  CategoryNotFoundError,
  DirectoryDuplicateError,
  DirectoryInvalidReferenceError,
  RegionNotFoundError,
  UnitNotFoundError,
} from './directory.errors';
import { DirectoryRepository } from './directory.repository';
import type { CreateCategoryDto, CreateRegionDto, CreateUnitDto, UpdateNamedEntryDto, UpdateUnitDto } from './dto/directory-admin.dto';
import { CategoryView, RegionView, UnitView } from './dto/directory.views';
import { CategoryEntity } from './entities/category.entity';
import { RegionEntity } from './entities/region.entity';
import { UnitEntity } from './entities/unit.entity';
import { unitIdFor } from './seed/stable-id';

/**
 * Directory administration. Entries are deactivated, never deleted: old petitions and
 * assignments keep naming them. Every unit change is published on the compacted `directory.v1`
 * (key: unit id) in the same transaction, so the other services' copies converge.
 */
@Injectable()
export class DirectoryAdminService {
  constructor(
    private readonly repository: DirectoryRepository,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async createUnit(dto: CreateUnitDto): Promise<UnitView> {
    return this.repository.transaction(async (m) => {
      if (await this.repository.unitCodeTaken(m, dto.code)) throw new DirectoryDuplicateError('unit', dto.code);
      await this.checkReferences(m, dto.parentId ?? null, dto.regionCodes, dto.categoryCodes);
      const unit = Object.assign(new UnitEntity(), {
        id: unitIdFor(dto.code),
        code: dto.code,
        name: dto.name,
        level: dto.level,
        kind: dto.kind,
        parentId: dto.parentId ?? null,
        regionCodes: dto.regionCodes,
        categoryCodes: dto.categoryCodes,
        active: true,
        updatedAt: this.clock.now(),
      });
      return this.saveAndPublish(m, unit);
    });
  }

  async updateUnit(id: string, dto: UpdateUnitDto): Promise<UnitView> {
    return this.repository.transaction(async (m) => {
      const unit = await this.repository.lockUnit(m, id);
      if (!unit) throw new UnitNotFoundError(id);
      if (dto.parentId === id) throw new DirectoryInvalidReferenceError([{ field: 'parentId', reason: 'a unit cannot be its own parent' }]);
      await this.checkReferences(m, dto.parentId ?? null, dto.regionCodes ?? [], dto.categoryCodes ?? []);
      Object.assign(unit, {
        name: dto.name ?? unit.name,
        parentId: dto.parentId === undefined ? unit.parentId : dto.parentId,
        regionCodes: dto.regionCodes ?? unit.regionCodes,
        categoryCodes: dto.categoryCodes ?? unit.categoryCodes,
        active: dto.active ?? unit.active,
        updatedAt: this.clock.now(),
      });
      return this.saveAndPublish(m, unit);
    });
  }

  async createRegion(dto: CreateRegionDto): Promise<RegionView> {
    return this.repository.transaction(async (m) => {
      if (await this.repository.region(m, dto.code)) throw new DirectoryDuplicateError('region', dto.code);
      if (dto.parentCode && !(await this.repository.region(m, dto.parentCode)))
        throw new DirectoryInvalidReferenceError([{ field: 'parentCode', reason: 'unknown region' }]);
      if (dto.parentCode && !dto.code.startsWith(dto.parentCode.replace(/0+$/, ''))) {
        throw new DirectoryInvalidReferenceError([
          { field: 'code', reason: 'a division code starts with its parent code (routing falls back along the code)' },
        ]);
      }
      const region = Object.assign(new RegionEntity(), {
        code: dto.code,
        name: dto.name,
        level: dto.level,
        parentCode: dto.parentCode ?? null,
        active: true,
      });
      await this.repository.saveRegion(m, region);
      return region;
    });
  }

  async updateRegion(code: string, dto: UpdateNamedEntryDto): Promise<RegionView> {
    return this.repository.transaction(async (m) => {
      const region = await this.repository.region(m, code);
      if (!region) throw new RegionNotFoundError(code);
      Object.assign(region, { name: dto.name ?? region.name, active: dto.active ?? region.active });
      await this.repository.saveRegion(m, region);
      return region;
    });
  }

  async createCategory(dto: CreateCategoryDto): Promise<CategoryView> {
    return this.repository.transaction(async (m) => {
      if (await this.repository.category(m, dto.code)) throw new DirectoryDuplicateError('category', dto.code);
      if (dto.parentCode && !(await this.repository.category(m, dto.parentCode)))
        throw new DirectoryInvalidReferenceError([{ field: 'parentCode', reason: 'unknown category' }]);
      const category = Object.assign(new CategoryEntity(), {
        code: dto.code,
        name: dto.name,
        parentCode: dto.parentCode ?? null,
        active: true,
      });
      await this.repository.saveCategory(m, category);
      return category;
    });
  }

  async updateCategory(code: string, dto: UpdateNamedEntryDto): Promise<CategoryView> {
    return this.repository.transaction(async (m) => {
      const category = await this.repository.category(m, code);
      if (!category) throw new CategoryNotFoundError(code);
      Object.assign(category, { name: dto.name ?? category.name, active: dto.active ?? category.active });
      await this.repository.saveCategory(m, category);
      return category;
    });
  }

  private async checkReferences(m: EntityManager, parentId: string | null, regions: string[], categories: string[]): Promise<void> {
    const issues: FieldReason[] = [];
    if (parentId && !(await this.repository.lockUnit(m, parentId))) issues.push({ field: 'parentId', reason: 'unknown unit' });
    const r = await this.repository.missingRegions(m, regions);
    if (r.length) issues.push({ field: 'regionCodes', reason: `unknown or deactivated: ${r.join(', ')}` });
    const c = await this.repository.missingCategories(m, categories);
    if (c.length) issues.push({ field: 'categoryCodes', reason: `unknown or deactivated: ${c.join(', ')}` });
    if (issues.length) throw new DirectoryInvalidReferenceError(issues);
  }

  private async saveAndPublish(m: EntityManager, unit: UnitEntity): Promise<UnitView> {
    await this.repository.saveUnit(m, unit);
    const payload: UnitUpsertedPayload = {
      unitId: unit.id,
      code: unit.code,
      name: unit.name,
      level: unit.level,
      kind: unit.kind,
      parentId: unit.parentId,
      regionCodes: unit.regionCodes,
      categoryCodes: unit.categoryCodes,
      active: unit.active,
    };
    await this.outbox.publish(m, this.clock.now(), { type: UNIT_UPSERTED, petitionId: null, payload, key: unit.id });
    return UnitView.from(unit);
  }
}
