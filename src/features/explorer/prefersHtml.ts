/**
 * Whether a request's Accept header asks for an HTML page rather than a GraphQL response: `text/html` (or
 * `text/*`) is listed explicitly with a quality at least that of every JSON media type it lists. Browsers
 * navigating to /graphql send `text/html,…,*\/*;q=0.8` and get the explorer; GraphQL clients send
 * `application/graphql-response+json` or `application/json` and get GraphQL, as GraphQL over HTTP requires.
 * A bare `*\/*` (curl) does not count as asking for HTML.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  let html = 0;
  let json = 0;
  for (const part of accept.split(',')) {
    const [rawType = '', ...params] = part.split(';');
    const type = rawType.trim().toLowerCase();
    const quality = readQuality(params);
    if (type === 'text/html' || type === 'text/*') html = Math.max(html, quality);
    else if (type === 'application/json' || type === 'application/graphql-response+json')
      json = Math.max(json, quality);
  }
  return html > 0 && html >= json;
}

function readQuality(params: string[]): number {
  for (const param of params) {
    const [name = '', value = ''] = param.split('=');
    if (name.trim().toLowerCase() === 'q') {
      const quality = Number(value.trim());
      return Number.isFinite(quality) ? Math.min(Math.max(quality, 0), 1) : 1;
    }
  }
  return 1;
}
