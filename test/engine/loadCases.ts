import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Decision, EngineErrorCode, SimulateCustomPolicyInput } from '../../src/iam/index.js';

/** A statement expected among a result's matched statements, compared as a (policy, index) pair. */
export interface ExpectedStatement {
  policy: string;
  statement: number;
}

/** The expected outcome of one (action, resource) pair; fields left out are not checked. */
export interface ExpectedResult {
  action: string;
  resource: string;
  decision: Decision;
  matchedStatements?: ExpectedStatement[];
  missingContextValues?: string[];
  allowedByOrganizations?: boolean | null;
  allowedByResourceControlPolicies?: boolean | null;
  allowedByPermissionsBoundary?: boolean | null;
  allowedBySessionPolicy?: boolean | null;
  crossAccount?: boolean;
}

/** An expected input fault: its code and the input that held it. */
export interface ExpectedError {
  code: EngineErrorCode;
  source: string;
}

/** One conformance case as stored in test/cases/<topic>/<file>.json (policies already turned into text). */
export interface ConformanceCase {
  description: string;
  source: string;
  input: SimulateCustomPolicyInput;
  now?: string;
  expected?: ExpectedResult[];
  expectedErrors?: ExpectedError[];
}

/** A case with the name its test runs under: `<topic>/<file>: <description>`. */
export interface NamedCase {
  name: string;
  case: ConformanceCase;
}

/**
 * Reads every conformance case under `root` (one topic folder per AWS behaviour; a file holds one case or an
 * array), so that adding a case is adding data. Throws on a malformed case file: a broken corpus must fail loudly.
 */
export function loadCases(root: string): NamedCase[] {
  const named: NamedCase[] = [];
  for (const topic of readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()) {
    for (const file of readdirSync(join(root, topic))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const path = join(root, topic, file);
      const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
      const cases = (Array.isArray(parsed) ? parsed : [parsed]) as ConformanceCase[];
      for (const c of cases) {
        if (typeof c.input === 'object' && c.input !== null) c.input = policiesAsText(c.input);
        if (typeof c.description !== 'string' || typeof c.source !== 'string' || typeof c.input !== 'object') {
          throw new Error(`${relative(root, path)}: a case needs description, source and input`);
        }
        if ((c.expected === undefined) === (c.expectedErrors === undefined)) {
          throw new Error(
            `${relative(root, path)}: case "${c.description}" needs exactly one of expected or expectedErrors`,
          );
        }
        named.push({ name: `${topic}/${file.replace(/\.json$/, '')}: ${c.description}`, case: c });
      }
    }
  }
  return named;
}

/** A policy in a case file: a plain JSON object (readable), or text (for malformed documents and exact positions). */
type PolicyInCase = string | object;

const asText = (policy: PolicyInCase): string => (typeof policy === 'string' ? policy : JSON.stringify(policy));

/** The simulator input with every policy given as an object turned into the compact JSON text the engine takes. */
function policiesAsText(input: SimulateCustomPolicyInput): SimulateCustomPolicyInput {
  const raw = input as unknown as Record<string, unknown>;
  const list = (value: unknown) => (Array.isArray(value) ? (value as PolicyInCase[]).map(asText) : value);
  const levels = (value: unknown) =>
    Array.isArray(value) ? (value as PolicyInCase[][]).map((level) => level.map(asText)) : value;
  return {
    ...input,
    policyInputList: list(raw.policyInputList) as string[],
    permissionsBoundaryPolicyInputList: list(raw.permissionsBoundaryPolicyInputList) as string[] | undefined,
    sessionPolicy:
      raw.sessionPolicy == null ? (raw.sessionPolicy as null | undefined) : asText(raw.sessionPolicy as PolicyInCase),
    organizationPolicyInputList: levels(raw.organizationPolicyInputList) as string[][] | undefined,
    resourceControlPolicyInputList: levels(raw.resourceControlPolicyInputList) as string[][] | undefined,
    resourcePolicy:
      raw.resourcePolicy == null
        ? (raw.resourcePolicy as null | undefined)
        : asText(raw.resourcePolicy as PolicyInCase),
  };
}
