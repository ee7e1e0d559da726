import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffUser } from '@petition/auth';
import type { Clock } from '@petition/clock';
import { Nature, UnitKind, type Page } from '@petition/contracts';
import { CLOCK, decodeCursor, encodeCursor } from '@petition/service-kit';
import type { ExplainRequestDto, ExplainView } from './dto/explain.dto';
import { RoutingRuleView, type RoutingRuleDto, type RoutingRuleQueryDto, type RuleChangeView } from './dto/routing-rule.dto';
import { RoutingRuleEntity } from './entities/routing-rule.entity';
import { RoutingRuleInvalidError, RoutingRuleNotFoundError, RoutingRuleNotInForceError } from './routing.errors';
import { RoutingRepository } from './routing.repository';
import { ACCUSATION_CATEGORY, RoutingService } from './routing.service';

/** Litigation-related matters go to the court liaison (诉访分离). */
const LITIGATION_PREFIX = 'LAW.LITIGATION';

/**
 * Rule administration. Rules are never edited: a change ends the old rule at the change's date
 * and adds its successor, so assignments already made keep the rule they were made under and
 * only new petitions follow the new one.
 */
@Injectable()
export class RoutingRulesService {
  constructor(
    private readonly repository: RoutingRepository,
    private readonly routing: RoutingService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async create(user: StaffUser, dto: RoutingRuleDto): Promise<RoutingRuleView> {
    return this.repository.transaction(async (m) => RoutingRuleView.from(await this.insert(m, user, dto, null)));
  }

  async change(user: StaffUser, id: string, dto: RoutingRuleDto): Promise<RuleChangeView> {
    return this.repository.transaction(async (m) => {
      const old = await this.repository.lockRule(m, id);
      if (!old) throw new RoutingRuleNotFoundError(id);
      const from = dto.effectiveFrom ? new Date(dto.effectiveFrom) : this.clock.now();
      if (old.effectiveFrom > from || (old.effectiveTo && old.effectiveTo <= from)) throw new RoutingRuleNotInForceError(id);
      await this.repository.endRule(m, id, from);
      const created = await this.insert(m, user, { ...dto, effectiveFrom: from.toISOString() }, id);
      return { ended: RoutingRuleView.from({ ...old, effectiveTo: from }), created: RoutingRuleView.from(created) };
    });
  }

  async list(query: RoutingRuleQueryDto): Promise<Page<RoutingRuleView>> {
    const limit = query.limit ?? 50;
    const cur = query.cursor ? decodeCursor(query.cursor, ['text', 'uuid']) : null;
    const rows = await this.repository.list(
      {
        categoryCode: query.categoryCode,
        regionCode: query.regionCode,
        leadUnitId: query.leadUnitId,
        effectiveAt: query.effectiveAt ? new Date(query.effectiveAt) : undefined,
      },
      limit + 1,
      cur ? { categoryCode: cur[0], id: cur[1] } : null,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(RoutingRuleView.from),
      nextCursor: rows.length > limit && last ? encodeCursor([last.categoryCode, last.id]) : null,
    };
  }

  async explain(dto: ExplainRequestDto): Promise<ExplainView> {
    const at = dto.at ? new Date(dto.at) : this.clock.now();
    const petition = {
      nature: dto.nature,
      categoryCode: dto.categoryCode,
      regionCode: dto.regionCode,
      headcount: dto.headcount ?? 1,
      emergency: dto.emergency ?? false,
      accusedUnitId: dto.accusedUnitId ?? null,
    };
    return this.routing.evaluate(this.repository.manager, petition, at, dto.excludeUnitIds ?? []);
  }

  private async insert(m: EntityManager, user: StaffUser, dto: RoutingRuleDto, replaces: string | null): Promise<RoutingRuleEntity> {
    await this.validate(m, dto);
    const rule = Object.assign(new RoutingRuleEntity(), {
      id: randomUUID(),
      categoryCode: dto.categoryCode,
      regionCode: dto.regionCode ?? null,
      nature: dto.nature ?? null,
      leadUnitId: dto.leadUnitId,
      coHandlerUnitIds: dto.coHandlerUnitIds ?? [],
      track: dto.track,
      instructions: dto.instructions ?? null,
      priority: dto.priority ?? 0,
      effectiveFrom: dto.effectiveFrom ? new Date(dto.effectiveFrom) : this.clock.now(),
      effectiveTo: null,
      replacesRuleId: replaces,
      createdBy: user.sub,
      createdAt: this.clock.now(),
    });
    await this.repository.insertRule(m, rule);
    return rule;
  }

  /** The directory must know what the rule names, and the rule must respect Art. 30 and 诉访分离. */
  private async validate(m: EntityManager, dto: RoutingRuleDto): Promise<void> {
    const issues: Array<{ field: string; reason: string }> = [];
    if (!(await this.repository.categoryActive(m, dto.categoryCode)))
      issues.push({ field: 'categoryCode', reason: 'unknown or deactivated category' });
    if (dto.regionCode && !(await this.repository.regionActive(m, dto.regionCode)))
      issues.push({ field: 'regionCode', reason: 'unknown or deactivated region' });
    const co = dto.coHandlerUnitIds ?? [];
    const units = new Map((await this.repository.units(m, [dto.leadUnitId, ...co])).map((u) => [u.id, u]));
    const lead = units.get(dto.leadUnitId);
    if (!lead?.active) issues.push({ field: 'leadUnitId', reason: 'unknown or deactivated unit' });
    if (co.some((u) => !units.get(u)?.active)) issues.push({ field: 'coHandlerUnitIds', reason: 'unknown or deactivated unit' });
    if (co.includes(dto.leadUnitId)) issues.push({ field: 'coHandlerUnitIds', reason: 'the lead unit cannot also be a co-handler' });
    const forAccusations = dto.categoryCode === ACCUSATION_CATEGORY || dto.nature === Nature.Accusation;
    if (lead && forAccusations && lead.kind !== UnitKind.DisciplineInspection)
      issues.push({ field: 'leadUnitId', reason: 'accusations go to a discipline inspection unit (条例 Art. 30)' });
    if (lead && dto.categoryCode.startsWith(LITIGATION_PREFIX) && lead.kind !== UnitKind.CourtLiaison)
      issues.push({ field: 'leadUnitId', reason: 'litigation-related matters go to the court liaison (诉访分离)' });
    if (issues.length) throw new RoutingRuleInvalidError(issues);
  }
}
