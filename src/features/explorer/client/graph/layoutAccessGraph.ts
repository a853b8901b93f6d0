/** A node to place: a leaf (principal, resource, policy ...) or a container (account, OU, organization). */
export interface LayoutNode {
  id: string;
  type: string;
  /** The container it sits in, or null at the top. */
  parent: string | null;
  label: string;
}

/** An edge, which only decides which boxes end up side by side. */
export interface LayoutEdge {
  source: string;
  target: string;
}

/** A rectangle: a leaf's cell (its shape and label) or a container's box (its label above it included). */
export interface LayoutBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where everything goes: the centre of each leaf's shape, the box of every node, each container's font size. */
export interface GraphLayout {
  positions: Map<string, { x: number; y: number }>;
  boxes: Map<string, LayoutBox>;
  /** A container's label grows with the drawing, so the boxes of a whole organization zoomed out to fit stay named. */
  labelSizes: Map<string, number>;
}

/**
 * The sizes the layout works with, matched to the stylesheet: a cell holds a 22 px shape and a label cut at
 * `labelWidth`; a box's padding is more than Cytoscape's compound padding, so the box Cytoscape draws stays
 * inside the one laid out here; above it, a header holds the box's own label, between the smallest and
 * largest label sizes.
 */
export const layoutMetrics = {
  cellWidth: 124,
  cellHeight: 52,
  labelWidth: 112,
  /** From a cell's top to its shape's centre. */
  shapeOffset: 14,
  padding: 20,
  smallestLabel: 13,
  largestLabel: 36,
  gap: 26,
  /** Width over height the packing aims at: screens are wide. */
  aspect: 1.6,
} as const;

/** The order leaves are grouped in inside a box: who acts, then what is acted on, then the policies. */
const kindOrder = ['USER', 'GROUP', 'ROLE', 'IDENTITY_PROVIDER', 'SERVICE', 'PUBLIC', 'RESOURCE', 'POLICY'];

interface Block {
  /** The node this block is (a container), or null for the loose leaves of a level. */
  id: string | null;
  width: number;
  height: number;
  /** Places the block with its top-left corner at (x, y). */
  place(x: number, y: number): void;
  /** The leaves it holds, to weigh which blocks belong side by side. */
  leaves: string[];
}

/**
 * Lays an access graph out to stay readable at a few hundred nodes. Inside each account (any container) its
 * leaves sit in a compact grid, a row group per kind — users, groups, roles, ..., resources, policies — each
 * sorted by label; containers nest (accounts in OUs in the organization) and the boxes of one level are
 * packed in rows towards a wide aspect ratio, ordered so that boxes with edges between them sit next to each
 * other. Nothing overlaps and every node lies inside its container's box; Cytoscape draws the containers
 * around their children (a preset layout).
 */
export function layoutAccessGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): GraphLayout {
  const layout: GraphLayout = { positions: new Map(), boxes: new Map(), labelSizes: new Map() };
  // Fitted to the screen, a drawing about `width` wide is shown at about 1000 / width: boxes' labels are sized
  // to read at about 12 px then, from the width the leaves will roughly take.
  const { cellWidth, cellHeight, aspect, smallestLabel, largestLabel } = layoutMetrics;
  const drawingWidth = 1.4 * Math.sqrt(nodes.length * cellWidth * cellHeight * aspect);
  const labelSize = Math.min(largestLabel, Math.max(smallestLabel, Math.round((12 * drawingWidth) / 1000)));
  const known = new Set(nodes.map((node) => node.id));
  const childrenOf = new Map<string | null, LayoutNode[]>();
  for (const node of nodes) {
    const parent = node.parent !== null && known.has(node.parent) ? node.parent : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), node]);
  }
  const neighbours = new Map<string, string[]>();
  for (const edge of edges) {
    neighbours.set(edge.source, [...(neighbours.get(edge.source) ?? []), edge.target]);
    neighbours.set(edge.target, [...(neighbours.get(edge.target) ?? []), edge.source]);
  }

  const blockOf = (id: string | null): Block[] => {
    const children = childrenOf.get(id) ?? [];
    const leaves = children.filter((child) => !childrenOf.has(child.id));
    const containers = children.filter((child) => childrenOf.has(child.id)).map((child) => containerBlock(child));
    return [...(leaves.length > 0 ? [leafGrid(leaves, layout)] : []), ...containers];
  };
  const containerBlock = (node: LayoutNode): Block => {
    const inner = packBlocks(orderByEdges(blockOf(node.id), neighbours));
    const { padding } = layoutMetrics;
    layout.labelSizes.set(node.id, labelSize);
    const header = Math.ceil(labelSize * 1.6);
    // Wide enough for its own label too (bold characters are about 0.65 of the font size wide).
    const width = Math.max(inner.width, node.label.length * labelSize * 0.65) + 2 * padding;
    const height = inner.height + 2 * padding + header;
    return {
      id: node.id,
      width,
      height,
      leaves: inner.leaves,
      place(x, y) {
        inner.place(x + padding, y + header + padding);
        layout.boxes.set(node.id, { x1: x, y1: y, x2: x + width, y2: y + height });
      },
    };
  };

  packBlocks(orderByEdges(blockOf(null), neighbours)).place(0, 0);
  return layout;
}

/**
 * Leaves in a grid: a row group per kind, about as wide as tall on screen. Odd rows are shifted by half a
 * cell (bricks), so an edge between two rows of one column passes between the nodes of the row in between
 * rather than through one of them.
 */
function leafGrid(leaves: readonly LayoutNode[], layout: GraphLayout): Block {
  const { cellWidth, cellHeight, shapeOffset } = layoutMetrics;
  const rank = (type: string) => (kindOrder.includes(type) ? kindOrder.indexOf(type) : kindOrder.length);
  const sorted = [...leaves].sort((a, b) => rank(a.type) - rank(b.type) || a.label.localeCompare(b.label));
  const columns = Math.max(
    1,
    Math.min(sorted.length, Math.ceil(Math.sqrt((sorted.length * cellHeight) / cellWidth) * 1.3)),
  );
  const cells: { id: string; column: number; row: number }[] = [];
  let row = -1;
  let column = columns;
  let previous: string | null = null;
  for (const leaf of sorted) {
    if (column === columns || leaf.type !== previous) {
      row += 1;
      column = 0;
    }
    cells.push({ id: leaf.id, column, row });
    column += 1;
    previous = leaf.type;
  }
  return {
    id: null,
    width: columns * cellWidth + (row > 0 ? cellWidth / 2 : 0),
    height: (row + 1) * cellHeight,
    leaves: sorted.map((leaf) => leaf.id),
    place(x, y) {
      for (const cell of cells) {
        const x1 = x + cell.column * cellWidth + (cell.row % 2 === 1 ? cellWidth / 2 : 0);
        const y1 = y + cell.row * cellHeight;
        layout.positions.set(cell.id, { x: x1 + cellWidth / 2, y: y1 + shapeOffset });
        layout.boxes.set(cell.id, { x1, y1, x2: x1 + cellWidth, y2: y1 + cellHeight });
      }
    },
  };
}

/**
 * Orders blocks so that those joined by edges come one after another: start from the most connected block,
 * then keep taking the block with the most edges to those already taken (ties keep the given order).
 */
function orderByEdges(blocks: readonly Block[], neighbours: ReadonlyMap<string, string[]>): Block[] {
  if (blocks.length < 3) return [...blocks];
  const home = new Map<string, number>();
  blocks.forEach((block, i) => block.leaves.forEach((leaf) => home.set(leaf, i)));
  const weight = blocks.map(() => blocks.map(() => 0));
  blocks.forEach((block, i) => {
    for (const leaf of block.leaves)
      for (const other of neighbours.get(leaf) ?? []) {
        const j = home.get(other);
        if (j !== undefined && j !== i) weight[i]![j]! += 1;
      }
  });
  const total = weight.map((row) => row.reduce((sum, w) => sum + w, 0));
  const taken: number[] = [];
  const pull = blocks.map(() => 0);
  const left = new Set(blocks.map((_block, i) => i));
  let next = total.indexOf(Math.max(...total));
  while (left.size > 0) {
    taken.push(next);
    left.delete(next);
    for (const j of left) pull[j]! += weight[next]![j]!;
    let best = -1;
    for (const j of left) if (best === -1 || pull[j]! > pull[best]!) best = j;
    next = best;
  }
  return taken.map((i) => blocks[i]!);
}

/**
 * Packs blocks in rows (left to right, wrapping at a width), trying a range of widths and keeping the packing
 * closest to the target aspect ratio with the least empty space.
 */
function packBlocks(blocks: readonly Block[]): Omit<Block, 'id'> {
  const { gap, aspect } = layoutMetrics;
  const area = blocks.reduce((sum, block) => sum + (block.width + gap) * (block.height + gap), 0);
  const widest = Math.max(0, ...blocks.map((block) => block.width));
  let best: { rows: Row[]; width: number; height: number; score: number } | null = null;
  for (let factor = 0.5; factor <= 2.5; factor += 0.1) {
    const rows = packRows(blocks, Math.max(widest, Math.sqrt(area * aspect) * factor));
    const width = Math.max(0, ...rows.map((row) => row.width));
    const height = rows.reduce((sum, row) => sum + row.height, 0) + gap * Math.max(0, rows.length - 1);
    const score =
      Math.abs(Math.log(width / Math.max(height, 1) / aspect)) + Math.log((width * height) / Math.max(area, 1));
    if (best === null || score < best.score - 1e-9) best = { rows, width, height, score };
  }
  const { rows, width, height } = best!;
  return {
    width,
    height,
    leaves: blocks.flatMap((block) => block.leaves),
    place(x, y) {
      let top = y;
      for (const row of rows) {
        let left = x;
        for (const block of row.blocks) {
          block.place(left, top);
          left += block.width + gap;
        }
        top += row.height + gap;
      }
    },
  };
}

interface Row {
  blocks: Block[];
  width: number;
  height: number;
}

/** Blocks in rows no wider than `target` (a block wider than that gets a row of its own). */
function packRows(blocks: readonly Block[], target: number): Row[] {
  const { gap } = layoutMetrics;
  const rows: Row[] = [];
  for (const block of blocks) {
    const row = rows.at(-1);
    if (row && row.width + gap + block.width <= target) {
      row.blocks.push(block);
      row.width += gap + block.width;
      row.height = Math.max(row.height, block.height);
    } else rows.push({ blocks: [block], width: block.width, height: block.height });
  }
  return rows;
}
