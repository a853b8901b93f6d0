import type { ExplorerExample } from '../explorerExamples.js';

/** A GraphiQL tab as its `defaultTabs` prop takes it. */
export interface ExplorerTab {
  query: string;
  variables?: string;
}

/**
 * The GraphiQL tab for an example: the title and description become leading comment lines (GraphiQL names
 * the tab after the operation, so the comments carry the prose) and the variables become pretty JSON.
 */
export function toTabDefinition(example: ExplorerExample): ExplorerTab {
  const comments = [example.title, ...wrap(example.description ?? '', 64)].map((line) => `# ${line}`.trimEnd());
  const tab: ExplorerTab = { query: `${comments.join('\n')}\n${example.query}\n` };
  if (example.variables !== undefined) tab.variables = JSON.stringify(example.variables, null, 2);
  return tab;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
