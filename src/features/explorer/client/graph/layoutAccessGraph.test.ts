import { describe, expect, it } from 'vitest';
import {
  layoutAccessGraph,
  type GraphLayout,
  type LayoutBox,
  type LayoutEdge,
  type LayoutNode,
} from './layoutAccessGraph.js';

/**
 * A graph like a big organization's: ten accounts in three OUs, each with users in groups, roles, resources
 * and policies (about 300 nodes), roles assumed across accounts, and a few nodes outside any account.
 */
function createLargeGraph(): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes: LayoutNode[] = [{ id: 'o-1', type: 'ORGANIZATION', parent: null, label: 'o-1' }];
  const edges: LayoutEdge[] = [];
  const units = ['Security', 'Prod', 'Dev'];
  for (const unit of units) nodes.push({ id: `ou-${unit}`, type: 'ORGANIZATIONAL_UNIT', parent: 'o-1', label: unit });
  const node = (id: string, type: string, parent: string | null) =>
    nodes.push({ id, type, parent, label: id.slice(-24) });
  for (let a = 0; a < 10; a += 1) {
    const account = `account:${a}`;
    node(account, 'ACCOUNT', `ou-${units[a % 3]}`);
    for (let i = 0; i < 3; i += 1) node(`${a}:group/g${i}`, 'GROUP', account);
    for (let i = 0; i < 3; i += 1) node(`${a}:policy/p${i}`, 'POLICY', account);
    for (let i = 0; i < 10; i += 1) {
      node(`${a}:user/user-with-a-long-name-${i}`, 'USER', account);
      edges.push({ source: `${a}:user/user-with-a-long-name-${i}`, target: `${a}:group/g${i % 3}` });
    }
    for (let i = 0; i < 8; i += 1) {
      node(`${a}:role/r${i}`, 'ROLE', account);
      edges.push({ source: `${(a + 3) % 10}:user/user-with-a-long-name-${i}`, target: `${a}:role/r${i}` });
    }
    for (let i = 0; i < 5; i += 1) {
      node(`arn:aws:s3:::bucket-${a}-${i}`, 'RESOURCE', account);
      edges.push({ source: `${a}:role/r${i}`, target: `arn:aws:s3:::bucket-${a}-${i}` });
    }
    for (let i = 0; i < 3; i += 1) edges.push({ source: `${a}:group/g${i}`, target: `${a}:policy/p${i}` });
  }
  node('service:ec2.amazonaws.com', 'SERVICE', null);
  node('*', 'PUBLIC', null);
  node('arn:aws:iam::aws:policy/ReadOnlyAccess', 'POLICY', null);
  edges.push({ source: 'service:ec2.amazonaws.com', target: '0:role/r0' });
  return { nodes, edges };
}

const overlap = (a: LayoutBox, b: LayoutBox) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (inner: LayoutBox, outer: LayoutBox) =>
  inner.x1 >= outer.x1 && inner.x2 <= outer.x2 && inner.y1 >= outer.y1 && inner.y2 <= outer.y2;

/** Pairs of siblings (children of one container, or top-level nodes) whose boxes overlap. */
function overlappingSiblings(nodes: readonly LayoutNode[], layout: GraphLayout): [string, string][] {
  const found: [string, string][] = [];
  for (const a of nodes)
    for (const b of nodes)
      if (a.id < b.id && a.parent === b.parent && overlap(layout.boxes.get(a.id)!, layout.boxes.get(b.id)!))
        found.push([a.id, b.id]);
  return found;
}

describe('layoutAccessGraph', () => {
  const { nodes, edges } = createLargeGraph();
  const layout = layoutAccessGraph(nodes, edges);

  it('places about 300 nodes across 10 accounts without any two boxes overlapping', () => {
    expect(nodes.length).toBeGreaterThanOrEqual(300);
    expect([...layout.boxes.keys()].sort()).toEqual(nodes.map((node) => node.id).sort());
    expect(overlappingSiblings(nodes, layout)).toEqual([]);
    // (leaves of different accounts cannot overlap either: their accounts' boxes do not)
    const leaves = nodes.filter((node) => layout.positions.has(node.id));
    expect(leaves.length).toBeGreaterThan(280);
  });

  it('puts every node inside its container: principals in their account, accounts in their OU', () => {
    const outside = nodes.filter(
      (node) => node.parent !== null && !inside(layout.boxes.get(node.id)!, layout.boxes.get(node.parent)!),
    );
    expect(outside).toEqual([]);
    for (const [id, point] of layout.positions) {
      const box = layout.boxes.get(id)!;
      expect(point.x > box.x1 && point.x < box.x2 && point.y > box.y1 && point.y < box.y2, id).toBe(true);
    }
  });

  it('keeps the drawing and each account box within a sane aspect ratio', () => {
    const all = [...layout.boxes.values()];
    const width = Math.max(...all.map((b) => b.x2)) - Math.min(...all.map((b) => b.x1));
    const height = Math.max(...all.map((b) => b.y2)) - Math.min(...all.map((b) => b.y1));
    expect(width / height).toBeGreaterThan(1 / 4);
    expect(width / height).toBeLessThan(4);
    for (const node of nodes.filter((n) => n.type === 'ACCOUNT')) {
      const box = layout.boxes.get(node.id)!;
      const ratio = (box.x2 - box.x1) / (box.y2 - box.y1);
      expect(ratio, node.id).toBeGreaterThan(1 / 4);
      expect(ratio, node.id).toBeLessThan(4);
    }
  });

  it('groups an account by kind, in rows: users above groups above roles above resources above policies', () => {
    const top = (id: string) => layout.boxes.get(id)!.y1;
    const rowsOf = (kind: string) =>
      nodes.filter((n) => n.parent === 'account:4' && n.type === kind).map((n) => top(n.id));
    const order = ['USER', 'GROUP', 'ROLE', 'RESOURCE', 'POLICY'];
    for (let i = 1; i < order.length; i += 1)
      expect(Math.max(...rowsOf(order[i - 1]!)), order[i]).toBeLessThan(Math.min(...rowsOf(order[i]!)));
  });

  it('puts boxes joined by edges next to each other', () => {
    // Given six accounts of four users each, paired by edges: a with f, b with e, c with d
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    const small: LayoutNode[] = names.flatMap((name) => [
      { id: name, type: 'ACCOUNT', parent: null, label: name },
      ...[0, 1, 2, 3].map((i) => ({ id: `${name}:user/${i}`, type: 'USER', parent: name, label: `${i}` })),
    ]);
    const pairs = [
      ['a', 'f'],
      ['b', 'e'],
      ['c', 'd'],
    ] as const;
    const links = pairs.flatMap(([one, other]) =>
      [0, 1, 2].map((i) => ({ source: `${one}:user/${i}`, target: `${other}:user/${i}` })),
    );
    const placed = layoutAccessGraph(small, links);
    // Then each account sits beside its partner: in the same row, with no box between them
    const box = (id: string) => placed.boxes.get(id)!;
    for (const [one, other] of pairs) {
      expect(box(one).y1, `${one}–${other}`).toBe(box(other).y1);
      const [left, right] = [box(one), box(other)].sort((p, q) => p.x1 - q.x1);
      const between = names.filter(
        (name) => box(name).y1 === left!.y1 && box(name).x1 > left!.x1 && box(name).x1 < right!.x1,
      );
      expect(between, `${one}–${other}`).toEqual([]);
    }
  });

  it('notices an overlap when there is one (the check is not vacuous)', () => {
    const piled: GraphLayout = {
      positions: new Map(),
      labelSizes: new Map(),
      boxes: new Map(nodes.map((node) => [node.id, { x1: 0, y1: 0, x2: 10, y2: 10 }])),
    };
    expect(overlappingSiblings(nodes, piled).length).toBeGreaterThan(0);
  });
});
