import type { Css, StylesheetJson } from 'cytoscape';
import { layoutMetrics } from './layoutAccessGraph.js';

/** How each node type is drawn, and named in the legend. */
export const nodeLegend: ReadonlyArray<{ type: string; label: string; color: string; shape: Css.NodeShape }> = [
  { type: 'USER', label: 'user', color: '#0969da', shape: 'ellipse' },
  { type: 'ROLE', label: 'role', color: '#1a7f37', shape: 'round-rectangle' },
  { type: 'GROUP', label: 'group', color: '#8250df', shape: 'hexagon' },
  { type: 'RESOURCE', label: 'resource', color: '#bc4c00', shape: 'barrel' },
  { type: 'POLICY', label: 'policy', color: '#6e7781', shape: 'tag' },
  { type: 'SERVICE', label: 'AWS service', color: '#9a6700', shape: 'diamond' },
  { type: 'IDENTITY_PROVIDER', label: 'identity provider', color: '#bf3989', shape: 'diamond' },
  { type: 'PUBLIC', label: 'everyone (*)', color: '#cf222e', shape: 'star' },
];

/** How each edge type is drawn, and named in the legend. */
export const edgeLegend: ReadonlyArray<{
  type: string;
  label: string;
  color: string;
  style: 'solid' | 'dashed' | 'dotted';
}> = [
  { type: 'CAN_ASSUME', label: 'can assume', color: '#1a7f37', style: 'solid' },
  { type: 'CAN_ACCESS', label: 'can access', color: '#bc4c00', style: 'solid' },
  { type: 'GRANTS_THROUGH_RESOURCE_POLICY', label: 'granted by resource policy', color: '#9a6700', style: 'dashed' },
  { type: 'PASSES_ROLE', label: 'passes role', color: '#8250df', style: 'dashed' },
  { type: 'MEMBER_OF', label: 'member of', color: '#57606a', style: 'dotted' },
  { type: 'ATTACHED_POLICY', label: 'attached policy', color: '#afb8c1', style: 'dotted' },
];

/** The colour of an answer's highlight; the browser test looks for it on the canvas. */
export const highlightColor = '#e0115f';

/** The Cytoscape stylesheet: shapes and colours by type, accounts and OUs as labelled boxes, highlights on top. */
export function createGraphStyle(): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 9,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        // A label is cut to its cell of the layout (the full name is in the side panel), and labels too
        // small to read at the current zoom are not drawn, so a few hundred nodes zoomed out stay calm.
        'text-wrap': 'ellipsis',
        'text-max-width': `${layoutMetrics.labelWidth}px`,
        'min-zoomed-font-size': 6,
        width: 22,
        height: 22,
        'border-width': 1,
        'border-color': '#ffffff',
      },
    },
    ...nodeLegend.map((entry) => ({
      selector: `node[type = "${entry.type}"]`,
      style: { 'background-color': entry.color, shape: entry.shape },
    })),
    {
      selector: ':parent',
      style: {
        'background-color': '#f6f8fa',
        'background-opacity': 0.6,
        'border-color': '#8c959f',
        'border-width': 1,
        shape: 'round-rectangle',
        'text-valign': 'top',
        'text-halign': 'center',
        // Set by the layout: larger for larger boxes, so a whole organization zoomed out to fit stays named.
        'font-size': 'data(labelSize)',
        'font-weight': 'bold',
        'text-max-width': '1000px',
        'min-zoomed-font-size': 0,
        padding: '14px',
      },
    },
    { selector: 'node[type = "ACCOUNT"]', style: { 'background-color': '#ddf4ff', 'border-color': '#54aeff' } },
    {
      selector: 'node[type = "ORGANIZATIONAL_UNIT"], node[type = "ORGANIZATION"]',
      style: { 'border-style': 'dashed', 'background-opacity': 0.25 },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'curve-style': 'bezier',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        label: 'data(label)',
        'font-size': 7,
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 7,
      },
    },
    ...edgeLegend.map((entry) => ({
      selector: `edge[type = "${entry.type}"]`,
      style: { 'line-color': entry.color, 'target-arrow-color': entry.color, 'line-style': entry.style },
    })),
    { selector: '.faded', style: { opacity: 0.25 } },
    { selector: '.unfocused', style: { opacity: 0.08 } },
    { selector: 'node.highlighted', style: { 'border-width': 4, 'border-color': highlightColor } },
    {
      selector: 'edge.highlighted',
      style: { width: 4, 'line-color': highlightColor, 'target-arrow-color': highlightColor, 'z-index': 10 },
    },
    { selector: ':selected', style: { 'overlay-color': '#0969da', 'overlay-opacity': 0.2 } },
  ];
}
