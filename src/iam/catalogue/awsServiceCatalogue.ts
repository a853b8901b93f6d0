import { AWS_SERVICE_DATA } from '../generated/awsServiceData.js';

/** AWS's access level of an action, as the Service Authorization Reference names it. */
export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging';

/** One action of the catalogue. */
export interface CatalogueAction {
  /** `service:Name`, with AWS's capitalisation. */
  action: string;
  accessLevel: AccessLevel;
  /** Resource types the action acts on (empty: the action takes no resource, so only `*` applies). */
  resourceTypes: { name: string; required: boolean }[];
  /** Condition keys the action supports, beside the global ones. */
  conditionKeys: string[];
}

/** One AWS service: its actions, resource ARN formats and condition keys. */
export interface CatalogueService {
  prefix: string;
  name: string;
  /** Action names (without the prefix) → [access level, resource types (required ones end in `*`), condition keys]. */
  actions: Readonly<Record<string, readonly [string, readonly string[], readonly string[]]>>;
  /** Resource type → ARN format, e.g. `object` → `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  resourceTypes: Readonly<Record<string, string>>;
  /** Condition key → its type (`String`, `ArrayOfString`, `ARN`, `Bool`, `Numeric`, `Date`, `IPAddress`, ...). */
  conditionKeys: Readonly<Record<string, string>>;
}

interface ServiceData {
  source: string;
  rcpServices: string[];
  services: Record<string, Omit<CatalogueService, 'prefix'>>;
}

interface Catalogue {
  data: ServiceData;
  /** Lower-cased `service:action` → the action's name with AWS's capitalisation. */
  byLowerName: Map<string, string>;
  /** Every action, `service:Action`, sorted. */
  all: readonly string[];
  rcp: ReadonlySet<string>;
  /** Per service: lower-cased exact condition keys, and the lower-cased prefixes of templated ones (`s3:existingobjecttag/`). */
  keys: Map<string, { exact: Set<string>; prefixes: string[] }>;
}

let catalogue: Catalogue | null = null;

/**
 * The generated catalogue, parsed on first use and kept: the engine stays synchronous and pure, and a
 * process that never validates or expands an action never pays for the ~22,000 actions.
 */
function load(): Catalogue {
  if (catalogue !== null) return catalogue;
  const data = JSON.parse(AWS_SERVICE_DATA) as ServiceData;
  const byLowerName = new Map<string, string>();
  for (const [prefix, service] of Object.entries(data.services)) {
    for (const name of Object.keys(service.actions)) byLowerName.set(`${prefix}:${name}`.toLowerCase(), `${prefix}:${name}`);
  }
  const keys = new Map<string, { exact: Set<string>; prefixes: string[] }>();
  for (const [prefix, service] of Object.entries(data.services)) {
    const entry = { exact: new Set<string>(), prefixes: [] as string[] };
    for (const key of Object.keys(service.conditionKeys)) {
      const template = /[$<]/.exec(key);
      if (template === null) entry.exact.add(key.toLowerCase());
      else entry.prefixes.push(key.slice(0, template.index).toLowerCase());
    }
    keys.set(prefix, entry);
  }
  catalogue = { data, byLowerName, all: [...byLowerName.values()].sort(), rcp: new Set(data.rcpServices), keys };
  return catalogue;
}

/** Where the catalogue came from (package and version), for reports and the README. */
export function getCatalogueSource(): string {
  return load().data.source;
}

/** Every service prefix AWS defines (about 450), sorted. */
export function listServicePrefixes(): string[] {
  return Object.keys(load().data.services).sort();
}

/** A service by its prefix (case-insensitive), or null when AWS has no such service. */
export function findService(prefix: string): CatalogueService | null {
  const lower = prefix.toLowerCase();
  const service = load().data.services[lower];
  return service === undefined ? null : { prefix: lower, ...service };
}

/** Every action of every service, `service:Action`, sorted (about 22,000). */
export function listAllActions(): readonly string[] {
  return load().all;
}

/** An action by name (case-insensitive), with AWS's capitalisation and its details, or null when unknown. */
export function findAction(action: string): CatalogueAction | null {
  const { byLowerName, data } = load();
  const name = byLowerName.get(action.toLowerCase());
  if (name === undefined) return null;
  const colon = name.indexOf(':');
  const [level, types, keys] = data.services[name.slice(0, colon)]!.actions[name.slice(colon + 1)]!;
  return {
    action: name,
    accessLevel: level as AccessLevel,
    resourceTypes: types.map((type) => (type.endsWith('*') ? { name: type.slice(0, -1), required: true } : { name: type, required: false })),
    conditionKeys: [...keys],
  };
}

/**
 * Whether `service` is one that resource control policies apply to. RCPs govern only the services AWS lists
 * as supporting them; a request to any other service is outside every RCP.
 */
export function isRcpSupportedService(service: string): boolean {
  return load().rcp.has(service.toLowerCase());
}

/** The services RCPs apply to, sorted. */
export function listRcpSupportedServices(): string[] {
  return [...load().rcp].sort();
}

/**
 * Whether a service-specific condition key exists: `known` or `unknown` for a key of a catalogued service
 * (templated keys such as `s3:ExistingObjectTag/<key>` match any suffix), `uncatalogued` when the prefix is
 * no AWS service (then nothing can be said). Global `aws:` keys are the validator's business.
 */
export function checkConditionKey(key: string): 'known' | 'unknown' | 'uncatalogued' {
  const lower = key.toLowerCase();
  const colon = lower.indexOf(':');
  const entry = colon < 0 ? undefined : load().keys.get(lower.slice(0, colon));
  if (entry === undefined) return 'uncatalogued';
  if (entry.exact.has(lower)) return 'known';
  return entry.prefixes.some((prefix) => lower.startsWith(prefix) && lower.length > prefix.length) ? 'known' : 'unknown';
}
