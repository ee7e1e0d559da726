// Regions and categories for the registration form. Intake validates against its own seeded copy
// of the city's divisions and taxonomy and has no endpoint for them; dispatch's directory
// (`GET /api/regions`, `/api/categories`, readable by any staff) holds the same codes.
import { useEffect, useState } from 'react';
import { api, fetchAllPages, unwrap } from '../api/client';
import type { ApiError } from '../api/errors';
import type { components as DispatchComponents } from '../api/generated/dispatch';

export type RegionView = DispatchComponents['schemas']['RegionView'];
export type CategoryView = DispatchComponents['schemas']['CategoryView'];
export type UnitView = DispatchComponents['schemas']['UnitView'];

export interface TreeOption {
  value: string;
  title: string;
  selectable?: boolean;
  children?: TreeOption[];
}

/** A tree of options from `code`/`parentCode` rows, ordered by code; `leavesOnly` makes parents unselectable. */
export function toTree(
  rows: Array<{ code: string; name: string; parentCode: string | null; active: boolean }>,
  leavesOnly = false,
): TreeOption[] {
  const active = rows.filter((r) => r.active).sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map<string, TreeOption>(active.map((r) => [r.code, { value: r.code, title: r.name }]));
  const roots: TreeOption[] = [];
  for (const r of active) {
    const node = byCode.get(r.code) as TreeOption;
    const parent = r.parentCode ? byCode.get(r.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  if (leavesOnly) {
    const mark = (nodes: TreeOption[]) => {
      for (const n of nodes) {
        if (n.children?.length) {
          n.selectable = false;
          mark(n.children);
        }
      }
    };
    mark(roots);
  }
  return roots;
}

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'failed'; error: ApiError };

export interface ReferenceData {
  regions: TreeOption[];
  categories: TreeOption[];
}

export async function loadReferenceData(): Promise<ReferenceData> {
  const [regions, categories] = await Promise.all([
    fetchAllPages((cursor) => unwrap(api.dispatch.GET('/api/regions', { params: { query: { limit: 200, cursor } } }))),
    fetchAllPages((cursor) => unwrap(api.dispatch.GET('/api/categories', { params: { query: { limit: 200, cursor } } }))),
  ]);
  return { regions: toTree(regions), categories: toTree(categories, true) };
}

export async function loadUnits(): Promise<UnitView[]> {
  const units = await fetchAllPages((cursor) => unwrap(api.dispatch.GET('/api/units', { params: { query: { limit: 200, cursor } } })));
  return units.filter((u) => u.active);
}

/** Loads once when `enabled` first becomes true. */
export function useLoaded<T>(load: () => Promise<T>, enabled = true): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load().then(
      (value) => live && setLoaded({ state: 'ready', value }),
      (error: ApiError) => live && setLoaded({ state: 'failed', error }),
    );
    return () => {
      live = false;
    };
  }, [load, enabled]);
  return loaded;
}
