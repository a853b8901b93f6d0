import { describe, expect, it } from 'vitest';
import { explorerConfigElementId } from './explorerPageConfig.js';
import { renderExplorerPage, serializeJsonForScript } from './renderExplorerPage.js';

describe('renderExplorerPage', () => {
  it('embeds the config and loads only same-origin assets', () => {
    const config = {
      endpoint: '/graphql',
      assetBase: '/explorer',
      examples: [{ title: 'T', query: '{ a }' }],
      scenario: { name: 'cross-account-auditor', title: 'Auditor' },
    };
    const html = renderExplorerPage(config);
    const json = html.match(
      new RegExp(`<script type="application/json" id="${explorerConfigElementId}">(.*?)</script>`),
    )?.[1];
    expect(JSON.parse(json ?? 'null')).toEqual(config);
    expect(html).toContain('<script type="module" src="/explorer/explorer.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/explorer/explorer.css">');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('cannot be broken out of by example text', () => {
    const query = '</script><script>alert(1)</script>';
    const html = renderExplorerPage({
      endpoint: '/graphql',
      assetBase: '/explorer',
      examples: [{ title: 'x', query }],
      scenario: null,
    });
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).not.toContain('<script>alert');
  });
});

describe('serializeJsonForScript', () => {
  it('escapes characters that could end the script element and still parses to the same value', () => {
    const value = { text: '<b>&</b>\u2028\u2029' };
    const serialized = serializeJsonForScript(value);
    expect(serialized).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(serialized)).toEqual(value);
  });
});
