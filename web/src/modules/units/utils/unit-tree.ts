import type { Unit } from '../../../../../common/schemas/organisation';

export type UnitTreeNode = { key: string; value: string; title: string; children: UnitTreeNode[] };

/**
 * Arranges units into a tree by parentId, keeping the server's order. A unit whose parent lies outside the
 * user's scope becomes a root, so a unit-scoped user still sees a tree starting at the own unit.
 */
export function buildUnitTree(units: Unit[], excludeSubtreeOf?: string): UnitTreeNode[] {
  const nodes = new Map<string, UnitTreeNode>();
  for (const unit of units) nodes.set(unit.id, { key: unit.id, value: unit.id, title: unit.name, children: [] });
  const roots: UnitTreeNode[] = [];
  for (const unit of units) {
    if (unit.id === excludeSubtreeOf) continue;
    const node = nodes.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId ? nodes.get(unit.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * The tree of the units in scope, with the units a record already names but the reader cannot see (outside the data
 * scope) added as roots under their names — so a picker never shows a bare id.
 */
export function unitTreeWithNamed(units: Unit[], named: { id: string; name: string }[]): UnitTreeNode[] {
  const known = new Set(units.map((u) => u.id));
  const missing = named.filter((u, i) => !known.has(u.id) && named.findIndex((v) => v.id === u.id) === i);
  return [...buildUnitTree(units), ...missing.map((u) => ({ key: u.id, value: u.id, title: u.name, children: [] }))];
}
