import { basename } from 'node:path';
import type { ImportProblem } from './ImportInvalidError.js';
import { readJsonFile } from './readJsonFile.js';
import { ShapeReader, type JsonObject } from './ShapeReader.js';
import type { ResourceSnapshot } from './snapshotTypes.js';

/**
 * How one service's resource-policy command reads and writes: where its file lives
 * (`resources/<service>/[<region>/]<name>.json`), the command that prints it, how the resource's ARN follows
 * from the file's place, where the policy text sits in the output, and the output for a given policy. Import
 * and export share these so the two cannot drift.
 */
export interface ResourceService {
  /** Whether files sit in a region folder. */
  regional: boolean;
  /** The command the fetch script runs, for messages and docs. */
  command: string;
  arn(accountId: string, region: string | null, name: string): string;
  /** The file name (without `.json`) for a resource ARN, and its region; null when the ARN is not of this service. */
  place(arn: string): { region: string | null; name: string } | null;
  /** The policy text in the command's output. */
  read(r: ShapeReader, output: JsonObject): string;
  /** The command's output for a resource (policy as compact JSON text, as the service returns it). */
  write(arn: string, policy: string): JsonObject;
}

const compact = (policy: string): string => JSON.stringify(JSON.parse(policy));

const policyString = (r: ShapeReader, o: JsonObject, key: string, path: string): string =>
  r.policyDocument(o, key, path);

const regionalPlace = (service: string, prefix: string) => (arn: string) => {
  const match = new RegExp(`^arn:aws[\\w-]*:${service}:([a-z0-9-]+):\\d{12}:${prefix}(.+)$`).exec(arn);
  return match === null ? null : { region: match[1]!, name: match[2]! };
};

/** The services whose resource policies an import reads, keyed by their folder under `resources/`. */
export const RESOURCE_SERVICES: Readonly<Record<string, ResourceService>> = {
  s3: {
    regional: false,
    command: 'aws s3api get-bucket-policy --bucket NAME',
    arn: (_account, _region, name) => `arn:aws:s3:::${name}`,
    place: (arn) =>
      /^arn:aws[\w-]*:s3:::([^/]+)$/.exec(arn) === null ? null : { region: null, name: arn.split(':::')[1]! },
    read: (r, o) => policyString(r, o, 'Policy', '$'),
    write: (_arn, policy) => ({ Policy: compact(policy) }),
  },
  kms: {
    regional: true,
    command: 'aws kms get-key-policy --key-id ID --policy-name default --region REGION',
    arn: (account, region, name) => `arn:aws:kms:${region}:${account}:key/${name}`,
    place: regionalPlace('kms', 'key/'),
    read: (r, o) => policyString(r, o, 'Policy', '$'),
    write: (_arn, policy) => ({ Policy: compact(policy), PolicyName: 'default' }),
  },
  sqs: {
    regional: true,
    command: 'aws sqs get-queue-attributes --queue-url URL --attribute-names Policy --region REGION',
    arn: (account, region, name) => `arn:aws:sqs:${region}:${account}:${name}`,
    place: regionalPlace('sqs', ''),
    read: (r, o) => {
      const attributes = r.object(o.Attributes, '$.Attributes');
      return attributes === null ? '' : policyString(r, attributes, 'Policy', '$.Attributes');
    },
    write: (_arn, policy) => ({ Attributes: { Policy: compact(policy) } }),
  },
  sns: {
    regional: true,
    command: 'aws sns get-topic-attributes --topic-arn ARN --region REGION',
    arn: (account, region, name) => `arn:aws:sns:${region}:${account}:${name}`,
    place: regionalPlace('sns', ''),
    read: (r, o) => {
      const attributes = r.object(o.Attributes, '$.Attributes');
      return attributes === null ? '' : policyString(r, attributes, 'Policy', '$.Attributes');
    },
    write: (arn, policy) => ({ Attributes: { Policy: compact(policy), TopicArn: arn } }),
  },
  secretsmanager: {
    regional: true,
    command: 'aws secretsmanager get-resource-policy --secret-id ARN --region REGION',
    arn: (account, region, name) => `arn:aws:secretsmanager:${region}:${account}:secret:${name}`,
    place: regionalPlace('secretsmanager', 'secret:'),
    read: (r, o) => policyString(r, o, 'ResourcePolicy', '$'),
    write: (arn, policy) => ({
      ARN: arn,
      Name: arn.split(':secret:')[1]!.replace(/-[A-Za-z0-9]{6}$/, ''),
      ResourcePolicy: compact(policy),
    }),
  },
  lambda: {
    regional: true,
    command: 'aws lambda get-policy --function-name NAME --region REGION',
    arn: (account, region, name) => `arn:aws:lambda:${region}:${account}:function:${name}`,
    place: regionalPlace('lambda', 'function:'),
    read: (r, o) => policyString(r, o, 'Policy', '$'),
    write: (_arn, policy) => ({ Policy: compact(policy) }),
  },
};

/** Reads one resource-policy file; the resource's ARN follows from its place (Secrets Manager's from its output). */
export function readResourcePolicyFile(
  service: string,
  file: string,
  accountId: string,
  region: string | null,
): { ok: true; resource: ResourceSnapshot } | { ok: false; problems: ImportProblem[] } {
  const spec = RESOURCE_SERVICES[service]!;
  const read = readJsonFile(file);
  if (!read.ok) return { ok: false, problems: [read.problem] };
  const r = new ShapeReader(file);
  const output = r.object(read.value, '$');
  if (output === null) return { ok: false, problems: r.problems };
  const policy = spec.read(r, output);
  const arn =
    service === 'secretsmanager' && typeof output.ARN === 'string'
      ? output.ARN
      : spec.arn(accountId, region, basename(file, '.json'));
  return r.problems.length > 0 ? { ok: false, problems: r.problems } : { ok: true, resource: { arn, policy } };
}
