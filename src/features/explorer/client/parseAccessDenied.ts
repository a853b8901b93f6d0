/** The request an AccessDenied error refused, read back from AWS's message. */
export interface DeniedRequest {
  /** Who asked: a user, role, assumed-role session or account root ARN. */
  principalArn: string;
  /** The IAM action refused, e.g. `sts:AssumeRole`. */
  action: string;
  /** The resource it was refused on. */
  resourceArn: string;
}

const deniedPattern = /^User: (\S+) is not authorized to perform: (\S+) on resource: (\S+?)(?: because | with |$)/;

/**
 * Reads the request out of AWS's AccessDenied message ("User: CALLER is not authorized to perform: ACTION on
 * resource: RESOURCE …"), the fixed form every denial of the playground uses, so the explorer can ask the
 * simulator why without the server sending anything beyond what AWS sends. Null for any other message.
 */
export function parseAccessDenied(message: string): DeniedRequest | null {
  const match = deniedPattern.exec(message);
  if (!match) return null;
  const [, principalArn, action, resourceArn] = match;
  if (principalArn === undefined || action === undefined || resourceArn === undefined) return null;
  return { principalArn, action, resourceArn };
}

/** The first AccessDenied error of a GraphQL response, as the request it refused; null when there is none. */
export function findDeniedRequest(response: { errors?: unknown[] }): DeniedRequest | null {
  for (const error of response.errors ?? []) {
    if (typeof error !== 'object' || error === null) continue;
    const { message, extensions } = error as { message?: unknown; extensions?: { code?: unknown } };
    if (extensions?.code !== 'AccessDenied' || typeof message !== 'string') continue;
    const denied = parseAccessDenied(message);
    if (denied) return denied;
  }
  return null;
}
