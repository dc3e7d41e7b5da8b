import type { Industry } from '../domain/types';

/**
 * A read-only view of the industry hierarchy. Unknown ids behave as top-level industries with no children, so an
 * assignment whose industry is missing from industries.json still shows up instead of vanishing.
 */
export interface IndustryTree {
  get(id: string): Industry | undefined;
  parentOf(id: string): string | null;
  /** The top-level ancestor of id (id itself when it has no parent). */
  rootOf(id: string): string;
  /** Ancestors from the parent up to the root. */
  ancestorsOf(id: string): string[];
  /** All descendants (children, grandchildren …) in the order of the industries list. */
  descendantsOf(id: string): string[];
  /** True when id is `ancestor` or lies below it. */
  isWithin(id: string, ancestor: string): boolean;
  /** Position in a depth-first walk (parents before their children, siblings in list order); unknown ids last. */
  orderOf(id: string): number;
  /** Every industry in that depth-first walk, with its depth (0 for a top-level industry). */
  walk(): { industry: Industry; depth: number }[];
}

export function industryTree(industries: readonly Industry[]): IndustryTree {
  const byId = new Map(industries.map((industry) => [industry.id, industry]));
  const children = new Map<string, string[]>();
  for (const industry of industries) {
    if (industry.parent === null || !byId.has(industry.parent)) continue;
    const list = children.get(industry.parent) ?? [];
    list.push(industry.id);
    children.set(industry.parent, list);
  }
  const parentOf = (id: string): string | null => {
    const parent = byId.get(id)?.parent ?? null;
    return parent !== null && byId.has(parent) ? parent : null;
  };
  const ancestorsOf = (id: string): string[] => {
    const out: string[] = [];
    // The seen set guards against a cycle in a hand-edited industries.json.
    const seen = new Set([id]);
    for (let p = parentOf(id); p !== null && !seen.has(p); p = parentOf(p)) {
      out.push(p);
      seen.add(p);
    }
    return out;
  };
  const descendantsOf = (id: string): string[] => {
    const out: string[] = [];
    const seen = new Set([id]);
    const walk = (node: string) => {
      for (const child of children.get(node) ?? []) {
        if (seen.has(child)) continue;
        seen.add(child);
        out.push(child);
        walk(child);
      }
    };
    walk(id);
    return out;
  };
  const order = new Map<string, number>();
  const roots = industries.filter((industry) => parentOf(industry.id) === null).map((industry) => industry.id);
  for (const root of roots) {
    for (const id of [root, ...descendantsOf(root)]) if (!order.has(id)) order.set(id, order.size);
  }
  return {
    get: (id) => byId.get(id),
    parentOf,
    rootOf: (id) => ancestorsOf(id).at(-1) ?? id,
    ancestorsOf,
    descendantsOf,
    isWithin: (id, ancestor) => id === ancestor || ancestorsOf(id).includes(ancestor),
    orderOf: (id) => order.get(id) ?? Number.MAX_SAFE_INTEGER,
    walk: () =>
      [...order.keys()].flatMap((id) => {
        const industry = byId.get(id);
        return industry ? [{ industry, depth: ancestorsOf(id).length }] : [];
      }),
  };
}

const trees = new WeakMap<readonly Industry[], IndustryTree>();
/** The tree of an industries list, built once per list (the app's data never changes in place). */
export function treeOf(industries: readonly Industry[]): IndustryTree {
  let tree = trees.get(industries);
  if (!tree) {
    tree = industryTree(industries);
    trees.set(industries, tree);
  }
  return tree;
}

/** An industry and all its descendants: what choosing it in the filter shows. */
export function industryWithDescendants(tree: IndustryTree, id: string): Set<string> {
  return new Set([id, ...tree.descendantsOf(id)]);
}

/** Sort industry ids by hierarchy order, unknown ids last by id. */
export function compareIndustries(tree: IndustryTree, a: string, b: string): number {
  return tree.orderOf(a) - tree.orderOf(b) || a.localeCompare(b);
}
