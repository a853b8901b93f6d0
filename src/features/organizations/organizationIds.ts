import { randomInt } from 'node:crypto';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomText(alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i += 1) text += alphabet[randomInt(alphabet.length)];
  return text;
}

/** Ids in the formats AWS Organizations issues: `o-` + 10, `r-` + 4, `ou-ROOT-` + 8, `p-` + 8 characters, 12-digit accounts. */
export const organizationIds = {
  organization: () => `o-${randomText(LOWER_ALNUM, 10)}`,
  root: () => `r-${randomText(LOWER_ALNUM, 4)}`,
  unit: (rootId: string) => `ou-${rootId.slice(2)}-${randomText(LOWER_ALNUM, 8)}`,
  policy: () => `p-${randomText(LOWER_ALNUM, 8)}`,
  account: () => `${randomInt(1, 10)}${randomText('0123456789', 11)}`,
};

/** AWS's two default organization policies, attached to every root, OU and account when the types are enabled. */
export const DEFAULT_ORGANIZATION_POLICIES = [
  {
    name: 'FullAWSAccess',
    type: 'SERVICE_CONTROL_POLICY' as const,
    description: 'Allows access to every operation',
    document: JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
      null,
      2,
    ),
  },
  {
    name: 'RCPFullAWSAccess',
    type: 'RESOURCE_CONTROL_POLICY' as const,
    description: 'Allows access to every operation',
    document: JSON.stringify(
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }] },
      null,
      2,
    ),
  },
];
