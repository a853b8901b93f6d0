import { compilePattern, type TextMatcher } from './compileGlob.js';

/** What one service's patterns compile to: literal names, trailing-`*` prefixes, and any other wildcards. */
interface ServicePatterns {
  exact: Set<string>;
  prefixes: Set<string>;
  /** The distinct lengths of `prefixes`, so a lookup slices the action once per length, not once per pattern. */
  prefixLengths: number[];
  globs: TextMatcher[];
}

/**
 * Compiles a list of lower-cased action patterns (`s3:getobject`, `ec2:describe*`, `*`, `s3:*object?`) into
 * one test whose cost does not grow with the number of patterns: the action's service picks a bucket; a
 * literal is a set lookup; a pattern with one trailing `*` is a set lookup per distinct prefix length of that
 * service (a handful even for the ~2,900 patterns of ReadOnlyAccess); only patterns with other wildcards are
 * tried one by one. Patterns whose service part has a wildcard are tried against every action.
 */
export function compileActionSet(lowerPatterns: readonly string[]): TextMatcher {
  const services = new Map<string, ServicePatterns>();
  const anyService: TextMatcher[] = [];
  let matchesAll = false;
  for (const pattern of lowerPatterns) {
    const colon = pattern.indexOf(':');
    const service = colon < 0 ? '' : pattern.slice(0, colon);
    if (pattern === '*') matchesAll = true;
    else if (colon < 0 || /[*?]/.test(service)) anyService.push(compilePattern(pattern));
    else {
      let bucket = services.get(service);
      if (bucket === undefined)
        services.set(service, (bucket = { exact: new Set(), prefixes: new Set(), prefixLengths: [], globs: [] }));
      const name = pattern.slice(colon + 1);
      const wildcards = name.replace(/[^*?]/g, '');
      if (wildcards === '') bucket.exact.add(pattern);
      else if (wildcards === '*' && name.endsWith('*')) bucket.prefixes.add(pattern.slice(0, -1));
      else bucket.globs.push(compilePattern(pattern));
    }
  }
  if (matchesAll) return () => true;
  for (const bucket of services.values())
    bucket.prefixLengths = [...new Set([...bucket.prefixes].map((prefix) => prefix.length))].sort((a, b) => a - b);
  return (action) => {
    const colon = action.indexOf(':');
    const bucket = colon < 0 ? undefined : services.get(action.slice(0, colon));
    if (bucket !== undefined) {
      if (bucket.exact.has(action)) return true;
      const lengths = bucket.prefixLengths;
      for (let i = 0; i < lengths.length && lengths[i]! <= action.length; i++) {
        if (bucket.prefixes.has(action.slice(0, lengths[i]))) return true;
      }
      for (const glob of bucket.globs) if (glob(action)) return true;
    }
    for (const glob of anyService) if (glob(action)) return true;
    return false;
  };
}
