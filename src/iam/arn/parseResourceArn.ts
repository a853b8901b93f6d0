import { parseArn, type Arn } from './parseArn.js';

/** What a resource ARN names, with the parts services need (path and name, bucket and key, ...). */
export type ResourceName =
  | { kind: 'iamUser' | 'iamRole' | 'iamGroup' | 'iamPolicy'; account: string; path: string; name: string }
  | { kind: 'awsManagedPolicy'; path: string; name: string }
  | { kind: 'accountRoot'; account: string }
  | { kind: 'roleSession'; account: string; roleName: string; sessionName: string }
  | { kind: 's3Bucket'; bucket: string }
  | { kind: 's3Object'; bucket: string; key: string }
  | { kind: 'kmsKey'; region: string; account: string; keyId: string }
  | { kind: 'kmsAlias'; region: string; account: string; alias: string }
  | { kind: 'generic'; arn: Arn };

const IAM_ENTITY = /^(user|role|group|policy)((?:\/[^/]+)*\/)?([\w+=,.@-]+)$/;
const IAM_KINDS = { user: 'iamUser', role: 'iamRole', group: 'iamGroup', policy: 'iamPolicy' } as const;

/**
 * Understands the resource ARNs the playground stores: IAM users, roles, groups and policies (with paths),
 * AWS managed policies (`arn:aws:iam::aws:policy/NAME`), account roots, role sessions, S3 buckets and
 * objects, KMS keys and aliases; any other valid ARN is `generic`. Returns null when the text is not an ARN.
 */
export function parseResourceArn(text: string): ResourceName | null {
  const arn = parseArn(text);
  if (arn === null) return null;
  if (arn.service === 'iam') {
    if (arn.resource === 'root') return { kind: 'accountRoot', account: arn.account };
    const entity = IAM_ENTITY.exec(arn.resource);
    if (entity !== null) {
      const [, type, path = '/', name] = entity as unknown as [
        string,
        keyof typeof IAM_KINDS,
        string | undefined,
        string,
      ];
      if (arn.account === 'aws' && type === 'policy') return { kind: 'awsManagedPolicy', path, name };
      return { kind: IAM_KINDS[type], account: arn.account, path, name };
    }
  }
  if (arn.service === 'sts') {
    const session = /^assumed-role\/([^/]+)\/([^/]+)$/.exec(arn.resource);
    if (session !== null)
      return { kind: 'roleSession', account: arn.account, roleName: session[1]!, sessionName: session[2]! };
  }
  if (arn.service === 's3' && arn.region === '' && arn.account === '') {
    const slash = arn.resource.indexOf('/');
    if (slash < 0) return { kind: 's3Bucket', bucket: arn.resource };
    return { kind: 's3Object', bucket: arn.resource.slice(0, slash), key: arn.resource.slice(slash + 1) };
  }
  if (arn.service === 'kms') {
    if (arn.resource.startsWith('key/'))
      return { kind: 'kmsKey', region: arn.region, account: arn.account, keyId: arn.resource.slice(4) };
    if (arn.resource.startsWith('alias/'))
      return { kind: 'kmsAlias', region: arn.region, account: arn.account, alias: arn.resource.slice(6) };
  }
  return { kind: 'generic', arn };
}
