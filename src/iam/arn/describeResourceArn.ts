/** Resource types of services whose ARNs carry only a name (`arn:aws:sqs:REGION:ACCT:NAME`). */
const bareNameTypes: Readonly<Record<string, string>> = { sqs: 'queue', sns: 'topic' };

/**
 * The service and resource type of a resource ARN, as the `resource` table stores them: S3 buckets versus
 * objects (a `/` in the name), `type/name` and `type:name` resource parts, and services whose resources
 * are bare names.
 */
export function describeResourceArn(arn: string): { service: string; resourceType: string } {
  const [, , service = '', , , ...rest] = arn.split(':');
  const resource = rest.join(':');
  if (service === 's3') return { service, resourceType: resource.includes('/') ? 'object' : 'bucket' };
  const typed = /^([A-Za-z0-9-]+)[/:]/.exec(resource);
  if (typed?.[1] !== undefined) return { service, resourceType: typed[1] };
  return { service, resourceType: bareNameTypes[service] ?? service };
}
