// Names of regions and categories for tables that show the API's codes.
import type { ReferenceData, TreeOption } from './reference-data';
import { loadReferenceData, useLoaded } from './reference-data';

export interface ReferenceNames {
  region: (code: string) => string;
  category: (code: string) => string;
}

function flatten(nodes: TreeOption[], into = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    into.set(n.value, n.title);
    if (n.children) flatten(n.children, into);
  }
  return into;
}

export function namesOf(data: ReferenceData | null): ReferenceNames {
  const regions = data ? flatten(data.regions) : new Map<string, string>();
  const categories = data ? flatten(data.categories) : new Map<string, string>();
  return {
    region: (code) => regions.get(code) ?? code,
    category: (code) => categories.get(code) ?? code,
  };
}

/** Region and category names once loaded; codes until then (or when the directory cannot be read). */
export function useReferenceNames(): ReferenceNames {
  const loaded = useLoaded(loadReferenceData);
  return namesOf(loaded.state === 'ready' ? loaded.value : null);
}
