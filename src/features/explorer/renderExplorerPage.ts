import { explorerConfigElementId, type ExplorerPageConfig } from './explorerPageConfig.js';

/**
 * The explorer's HTML: the page config as inline JSON, the bundled stylesheet and the bundled ES module
 * from `assetBase`. Nothing is loaded from another origin, which the Content-Security-Policy of
 * `explorerContentSecurityPolicy` enforces in the browser.
 */
export function renderExplorerPage(config: ExplorerPageConfig): string {
  const base = escapeAttribute(config.assetBase);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IAM Playground explorer</title>
<link rel="stylesheet" href="${base}/explorer.css">
<script type="application/json" id="${explorerConfigElementId}">${serializeJsonForScript(config)}</script>
<script type="module" src="${base}/explorer.js"></script>
</head>
<body>
<div id="explorer-root"></div>
<noscript>The IAM Playground explorer needs JavaScript. The GraphQL endpoint is ${escapeText(config.endpoint)}.</noscript>
</body>
</html>
`;
}

/**
 * The page when the bundle has not been built: says how to build it instead of serving a blank page.
 */
export function renderMissingBundlePage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>IAM Playground explorer</title></head>
<body>
<h1>The explorer is not built</h1>
<p>Run <code>npm run generate</code> (or <code>node scripts/buildExplorer.mjs</code>) and reload this page.</p>
</body>
</html>
`;
}

/**
 * The Content-Security-Policy of the explorer page: everything from this origin only. Monaco sets inline
 * styles and GraphiQL's fonts are data: URLs, hence the two exceptions.
 */
export const explorerContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * JSON safe inside a `<script>` element: `<`, `>` and `&` are escaped as \u sequences so user-supplied
 * example text can never close the element, and U+2028/U+2029 so old parsers do not break on them.
 */
export function serializeJsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;');
}
