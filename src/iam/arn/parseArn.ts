/** The six colon-separated parts of an ARN: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`. */
export interface Arn {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth colon; may itself contain `:` and `/`. */
  resource: string;
}

/**
 * Splits an ARN into its parts, or returns null when the text is not an ARN. The resource part keeps any
 * further `:` and `/`, because services such as KMS, Lambda and S3 put them there.
 */
export function parseArn(text: string): Arn | null {
  if (!text.startsWith('arn:')) return null;
  const parts: string[] = [];
  let start = 4;
  for (let i = 0; i < 4; i++) {
    const colon = text.indexOf(':', start);
    if (colon < 0) return null;
    parts.push(text.slice(start, colon));
    start = colon + 1;
  }
  const [partition, service, region, account] = parts as [string, string, string, string];
  const resource = text.slice(start);
  if (partition === '' || service === '' || resource === '') return null;
  return { partition, service, region, account, resource };
}

/** Joins ARN parts back into text; the inverse of {@link parseArn}. */
export function formatArn(arn: Arn): string {
  return `arn:${arn.partition}:${arn.service}:${arn.region}:${arn.account}:${arn.resource}`;
}

/** Whether the text is a 12-digit AWS account id. */
export function isAccountId(text: string): boolean {
  return /^\d{12}$/.test(text);
}
