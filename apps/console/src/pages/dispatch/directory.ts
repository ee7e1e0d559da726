// The dispatcher's view of the directory: units with their load, and regions with their parents,
// so unit pickers can offer the units that fit a petition (its region and category) first.
import { api, fetchAllPages, unwrap } from '../../api/client';
import type { components } from '../../api/generated/dispatch';

export type UnitView = components['schemas']['UnitView'];
export type UnitLoad = components['schemas']['UnitLoadView'];
export type RegionView = components['schemas']['RegionView'];
export type CategoryView = components['schemas']['CategoryView'];
export type Track = components['schemas']['ManualAssignmentDto']['track'];

export const TRACK_OPTIONS: Array<{ value: Track; label: string }> = [
  { value: 'standard', label: '普通办理（受理之日起 60 日）' },
  { value: 'fast', label: '简易办理（10 个工作日）' },
  { value: 'suggestion', label: '建议意见类（30 日）' },
];

export const TRACK_LABELS: Record<string, string> = { standard: '普通办理', fast: '简易办理', suggestion: '建议意见类' };

export const UNIT_KIND_LABELS: Record<string, string> = {
  functional_department: '职能部门',
  territorial_government: '属地政府',
  discipline_inspection: '纪检监察',
  court_liaison: '政法机关',
  public_enterprise: '公共企业',
  petition_bureau: '信访部门',
};

export const NATURE_LABELS: Record<string, string> = { claim: '申诉求决类', suggestion: '建议意见类', accusation: '检举控告类' };

export const REASON_KIND_LABELS: Record<string, string> = {
  no_rule: '无适用的路由规则',
  emergency: '紧急情形，需领导先阅',
  collective: '集体访，需领导先阅',
  accused_unit: '规则指向被检举控告单位',
  returned: '承办单位退回',
  escalated: '多次退回，需升级处理',
};

export interface Directory {
  units: UnitView[];
  unitsById: Map<string, UnitView>;
  load: Map<string, UnitLoad>;
  regions: Map<string, RegionView>;
  categories: Map<string, CategoryView>;
}

export async function loadDirectory(): Promise<Directory> {
  const page = { limit: 200 };
  const [units, loads, regions, categories] = await Promise.all([
    fetchAllPages((cursor) => unwrap(api.dispatch.GET('/api/units', { params: { query: { ...page, cursor } } }))),
    // The load view is for dispatchers and supervisors; without it the pickers still work.
    fetchAllPages((cursor) => unwrap(api.dispatch.GET('/api/units/load', { params: { query: { ...page, cursor } } }))).catch(
      () => [] as UnitLoad[],
    ),
    fetchAllPages((cursor) => unwrap(api.dispatch.GET('/api/regions', { params: { query: { ...page, cursor } } }))),
    fetchAllPages((cursor) => unwrap(api.dispatch.GET('/api/categories', { params: { query: { ...page, cursor } } }))),
  ]);
  const active = units.filter((u) => u.active).sort((a, b) => a.code.localeCompare(b.code));
  return {
    units: active,
    unitsById: new Map(units.map((u) => [u.id, u])),
    load: new Map(loads.map((l) => [l.unitId, l])),
    regions: new Map(regions.map((r) => [r.code, r])),
    categories: new Map(categories.map((c) => [c.code, c])),
  };
}

export const unitName = (d: Directory | null, id: string): string => d?.unitsById.get(id)?.name ?? id;
export const regionName = (d: Directory | null, code: string): string => d?.regions.get(code)?.name ?? code;
export const categoryName = (d: Directory | null, code: string): string => d?.categories.get(code)?.name ?? code;

/** A region and its ancestors, most specific first (community → street → district → city). */
export function regionChain(d: Directory, code: string): string[] {
  const chain: string[] = [];
  let next: string | null | undefined = code;
  while (next && !chain.includes(next)) {
    chain.push(next);
    next = d.regions.get(next)?.parentCode;
  }
  return chain;
}

/** The regions under a region, itself included. */
export function regionAndBelow(d: Directory, code: string): Set<string> {
  const out = new Set<string>([code]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of d.regions.values()) {
      if (r.parentCode && out.has(r.parentCode) && !out.has(r.code)) {
        out.add(r.code);
        grew = true;
      }
    }
  }
  return out;
}

export interface PetitionContext {
  nature: string;
  categoryCode: string;
  regionCode: string;
}

/**
 * Whether a unit fits a petition: an accusation goes to discipline inspection (条例 Art. 30);
 * otherwise a unit serving the petition's region or one above it, competent for its category
 * (or its parent), or the territorial government of the place (属地管理).
 */
export function fitsPetition(d: Directory, unit: UnitView, petition: PetitionContext): boolean {
  if (petition.nature === 'accusation') return unit.kind === 'discipline_inspection';
  const chain = regionChain(d, petition.regionCode);
  if (!unit.regionCodes.some((r) => chain.includes(r))) return false;
  if (unit.kind === 'territorial_government') return true;
  const parent = petition.categoryCode.split('.')[0];
  return unit.categoryCodes.some((c) => c === petition.categoryCode || c === parent);
}

/** A unit's load in words: `主办在办 3 · 协办 1 · 逾期未受理 0 · 待审退回 0`. */
export function loadText(load: UnitLoad | undefined): string {
  if (!load) return '暂无在办';
  return `主办在办 ${load.leadOpen} · 协办 ${load.coHandlerOpen} · 逾期未受理 ${load.acceptDuePassed} · 待审退回 ${load.returnsPending}`;
}
