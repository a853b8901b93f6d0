import { createHash } from 'node:crypto';
import { AWS_MANAGED_POLICY_DATA } from '../generated/awsManagedPolicyData.js';

/** One AWS managed policy at its current default version. */
export interface AwsManagedPolicy {
  name: string;
  /** `/`, `/service-role/`, `/aws-service-role/`, `/job-function/` or `/root-task/`, as AWS files it. */
  path: string;
  /** `arn:aws:iam::aws:policy` + path + name. */
  arn: string;
  /** A stable `ANPA…` id derived from the name, the same in every database. */
  policyId: string;
  /** AWS's id of the default version (`v1`, `v188`, ...). */
  defaultVersionId: string;
  createDate: Date | null;
  updateDate: Date | null;
  /** The default version's document as JSON text. */
  document: string;
}

type Row = [
  name: string,
  path: string,
  versionId: string,
  created: string | null,
  updated: string | null,
  document: string,
];

interface Table {
  source: string;
  list: AwsManagedPolicy[];
  byArn: Map<string, AwsManagedPolicy>;
  byId: Map<string, AwsManagedPolicy>;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PREFIX = 'arn:aws:iam::aws:policy';
let table: Table | null = null;

/**
 * A stable `ANPA…` id derived from the name, so every database (and every re-seed) gives an AWS managed
 * policy the same id, as AWS does.
 */
export function awsManagedPolicyId(name: string): string {
  const digest = createHash('sha256').update(name).digest();
  let id = 'ANPA';
  for (let i = 0; i < 17; i += 1) id += BASE32[digest[i]! % 32];
  return id;
}

function toPolicy([name, path, versionId, created, updated, document]: Row): AwsManagedPolicy {
  return {
    name,
    path,
    arn: `${PREFIX}${path}${name}`,
    policyId: awsManagedPolicyId(name),
    defaultVersionId: versionId,
    createDate: created === null ? null : new Date(created),
    updateDate: updated === null ? null : new Date(updated),
    document,
  };
}

/** The generated table, parsed on first use (about 1,600 policies) and kept; the engine never reads a file. */
function load(): Table {
  if (table !== null) return table;
  const data = JSON.parse(AWS_MANAGED_POLICY_DATA) as { source: string; policies: Row[] };
  const list = data.policies.map(toPolicy);
  table = {
    source: data.source,
    list,
    byArn: new Map(list.map((p) => [p.arn, p])),
    byId: new Map(list.map((p) => [p.policyId, p])),
  };
  return table;
}

/** Whether an ARN names an AWS managed policy (whether or not AWS has one by that name). */
export function isAwsManagedPolicyArn(arn: string): boolean {
  return arn.startsWith(`${PREFIX}/`);
}

/** An AWS managed policy by ARN (exact, as IAM compares ARNs), or null when AWS has none. */
export function findAwsManagedPolicy(arn: string): AwsManagedPolicy | null {
  return isAwsManagedPolicyArn(arn) ? (load().byArn.get(arn) ?? null) : null;
}

/** An AWS managed policy by its `ANPA…` id, or null. */
export function findAwsManagedPolicyById(policyId: string): AwsManagedPolicy | null {
  return load().byId.get(policyId) ?? null;
}

/** Every AWS managed policy (about 1,600), ordered by name. */
export function listAwsManagedPolicies(): readonly AwsManagedPolicy[] {
  return load().list;
}

/** Where the managed policies came from (package and version). */
export function getManagedPolicySource(): string {
  return load().source;
}
