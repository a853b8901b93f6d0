import type { ContextEntry } from '../simulationTypes.js';

/** The service principals of the services that run code with a role the caller passes. */
export const SERVICE_PRINCIPALS = { ec2: 'ec2.amazonaws.com', lambda: 'lambda.amazonaws.com' } as const;

/** A service that assumes passed roles. */
export type RoleService = keyof typeof SERVICE_PRINCIPALS;

/**
 * The request keys of an iam:PassRole check: `iam:PassedToService` (the service principal that will assume
 * the role) and `iam:AssociatedResourceArn` (the resource the role is attached to, e.g. the instance). AWS
 * sets both only for PassRole (IAM condition keys reference).
 */
export function buildPassRoleContext(servicePrincipal: string, associatedResourceArn: string): ContextEntry[] {
  return [
    { key: 'iam:PassedToService', values: [servicePrincipal], type: 'string' },
    { key: 'iam:AssociatedResourceArn', values: [associatedResourceArn], type: 'string' },
  ];
}

/**
 * The keys a service's own sts:AssumeRole call carries, which a trust policy may use against the confused
 * deputy: `aws:SourceAccount` and `aws:SourceArn` (the instance or function the session is for).
 */
export function buildServiceAssumeContext(sourceAccount: string, sourceArn: string): ContextEntry[] {
  return [
    { key: 'aws:SourceAccount', values: [sourceAccount], type: 'string' },
    { key: 'aws:SourceArn', values: [sourceArn], type: 'string' },
  ];
}

/**
 * The keys AWS adds to every request a service role session makes: EC2 instance credentials carry
 * `ec2:SourceInstanceArn` and `ec2:RoleDelivery` (the IMDS version, 2.0 here), Lambda's carry
 * `lambda:SourceFunctionArn`.
 */
export function buildServiceSessionContext(service: RoleService, sourceArn: string): ContextEntry[] {
  return service === 'ec2'
    ? [
        { key: 'ec2:SourceInstanceArn', values: [sourceArn], type: 'string' },
        { key: 'ec2:RoleDelivery', values: ['2.0'], type: 'numeric' },
      ]
    : [{ key: 'lambda:SourceFunctionArn', values: [sourceArn], type: 'string' }];
}
