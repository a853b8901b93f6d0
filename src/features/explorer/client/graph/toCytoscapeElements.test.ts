import { describe, expect, it } from 'vitest';
import type { AccessGraphData } from './accessGraphQuery.js';
import { toCytoscapeElements } from './toCytoscapeElements.js';

const graph: AccessGraphData = {
  nodes: [
    { id: 'account:1', type: 'ACCOUNT', label: 'one', accountId: '1', parentId: 'ou-1', highlighted: false },
    { id: 'arn:user', type: 'USER', label: 'alice', accountId: '1', parentId: 'account:1', highlighted: true },
    { id: 'arn:role', type: 'ROLE', label: 'R', accountId: '1', parentId: 'account:1', highlighted: false },
    { id: 'arn:policy', type: 'POLICY', label: 'P', accountId: '1', parentId: 'account:1', highlighted: false },
  ],
  edges: [
    {
      id: 'e1',
      type: 'CAN_ASSUME',
      source: 'arn:user',
      target: 'arn:role',
      label: 'can assume',
      conditions: [],
      highlighted: true,
      matchedStatements: [],
    },
    {
      id: 'e2',
      type: 'ATTACHED_POLICY',
      source: 'arn:role',
      target: 'arn:policy',
      label: 'attached',
      conditions: [],
      highlighted: false,
      matchedStatements: [],
    },
  ],
  policies: [],
};

describe('toCytoscapeElements', () => {
  it('nests principals in their account, drops a missing parent, and marks the answer', () => {
    const elements = toCytoscapeElements(graph, { showPolicies: false, hiddenEdgeTypes: new Set() });
    expect(elements.map((element) => element.data.id)).toEqual(['account:1', 'arn:user', 'arn:role', 'e1']);
    expect(elements[0]).toMatchObject({ data: { id: 'account:1' }, classes: '' });
    expect(elements[0]?.data.parent).toBeUndefined();
    expect(elements[1]).toMatchObject({ data: { parent: 'account:1' }, classes: 'highlighted' });
    expect(elements[2]).toMatchObject({ classes: 'faded' });
    expect(elements[3]).toMatchObject({ data: { source: 'arn:user', target: 'arn:role' }, classes: 'highlighted' });
  });

  it('shows policies on request and hides edge types switched off', () => {
    const elements = toCytoscapeElements(graph, { showPolicies: true, hiddenEdgeTypes: new Set(['CAN_ASSUME']) });
    expect(elements.map((element) => element.data.id)).toEqual([
      'account:1',
      'arn:user',
      'arn:role',
      'arn:policy',
      'e2',
    ]);
  });
});
