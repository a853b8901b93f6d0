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
  /** Each service's data as JSON text, parsed when first used. */
  services: Record<string, string>;
}

/** A service parsed from the catalogue, with its lookups built once. */
interface LoadedService {
  service: CatalogueService;
  /** Lower-cased action name → the name with AWS's capitalisation. */
  actions: Map<string, string>;
  /** Lower-cased exact condition keys, and the lower-cased prefixes of templated ones (`s3:existingobjecttag/`). */
  exactKeys: Set<string>;
  keyPrefixes: string[];
}

interface Catalogue {
  data: ServiceData;
  loaded: Map<string, LoadedService>;
  rcp: ReadonlySet<string>;
  /** Every action, `service:Action`, sorted; built on first listing. */
  all: readonly string[] | null;
}

let catalogue: Catalogue | null = null;

/**
 * The generated catalogue, kept once read: the outer table is parsed on first use and each service only
 * when a request first names it, so validating `s3:GetObject` never pays for the other ~450 services. The
 * engine stays synchronous and pure: the data is a generated module, not a file read at run time.
 */
function load(): Catalogue {
  if (catalogue !== null) return catalogue;
  const data = JSON.parse(AWS_SERVICE_DATA) as ServiceData;
  catalogue = { data, loaded: new Map(), rcp: new Set(data.rcpServices), all: null };
  return catalogue;
}

function loadService(lowerPrefix: string): LoadedService | null {
  const table = load();
  const cached = table.loaded.get(lowerPrefix);
  if (cached !== undefined) return cached;
  const text = Object.hasOwn(table.data.services, lowerPrefix) ? table.data.services[lowerPrefix] : undefined;
  if (text === undefined) return null;
  const service = { prefix: lowerPrefix, ...(JSON.parse(text) as Omit<CatalogueService, 'prefix'>) };
  const actions = new Map(Object.keys(service.actions).map((name) => [name.toLowerCase(), name]));
  const exactKeys = new Set<string>();
  const keyPrefixes: string[] = [];
  for (const key of Object.keys(service.conditionKeys)) {
    const template = /[$<]/.exec(key);
    if (template === null) exactKeys.add(key.toLowerCase());
    else keyPrefixes.push(key.slice(0, template.index).toLowerCase());
  }
  const loaded = { service, actions, exactKeys, keyPrefixes };
  table.loaded.set(lowerPrefix, loaded);
  return loaded;
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
  return loadService(prefix.toLowerCase())?.service ?? null;
}

/** Every action of every service, `service:Action`, sorted (about 22,000). */
export function listAllActions(): readonly string[] {
  const table = load();
  if (table.all === null) {
    const all: string[] = [];
    for (const prefix of Object.keys(table.data.services))
      for (const name of loadService(prefix)!.actions.values()) all.push(`${prefix}:${name}`);
    table.all = all.sort();
  }
  return table.all;
}

/** An action by name (case-insensitive), with AWS's capitalisation and its details, or null when unknown. */
export function findAction(action: string): CatalogueAction | null {
  const lower = action.toLowerCase();
  const colon = lower.indexOf(':');
  const loaded = colon < 0 ? null : loadService(lower.slice(0, colon));
  const name = loaded?.actions.get(lower.slice(colon + 1));
  if (loaded === null || name === undefined) return null;
  const [level, types, keys] = loaded.service.actions[name]!;
  return {
    action: `${loaded.service.prefix}:${name}`,
    accessLevel: level as AccessLevel,
    resourceTypes: types.map((type) =>
      type.endsWith('*') ? { name: type.slice(0, -1), required: true } : { name: type, required: false },
    ),
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
  const loaded = colon < 0 ? null : loadService(lower.slice(0, colon));
  if (loaded === null) return 'uncatalogued';
  if (loaded.exactKeys.has(lower)) return 'known';
  return loaded.keyPrefixes.some((prefix) => lower.startsWith(prefix) && lower.length > prefix.length)
    ? 'known'
    : 'unknown';
}

const KEY_TYPES: Readonly<Record<string, string>> = {
  String: 'string',
  ArrayOfString: 'stringList',
  ARN: 'string',
  ArrayOfARN: 'stringList',
  Bool: 'boolean',
  ArrayOfBool: 'booleanList',
  Numeric: 'numeric',
  ArrayOfNumeric: 'numericList',
  Date: 'date',
  IPAddress: 'ip',
};

/**
 * The simulator type (`string`, `stringList`, `numeric`, `boolean`, `date`, `ip`, ...) of a service
 * condition key as AWS's reference gives it (`s3:max-keys` is numeric, `ec2:ResourceTag/…` a string), or
 * null when the catalogue does not know the key exactly.
 */
export function findConditionKeyType(key: string): string | null {
  const lower = key.toLowerCase();
  const colon = lower.indexOf(':');
  const loaded = colon < 0 ? null : loadService(lower.slice(0, colon));
  if (loaded === null || !loaded.exactKeys.has(lower)) return null;
  const exact = Object.keys(loaded.service.conditionKeys).find((name) => name.toLowerCase() === lower)!;
  return KEY_TYPES[loaded.service.conditionKeys[exact]!] ?? null;
}
