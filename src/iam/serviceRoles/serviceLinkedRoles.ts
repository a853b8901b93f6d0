/** How a service names its service-linked role and which AWS managed policy it attaches. */
export interface ServiceLinkedRoleDefinition {
  /** The role name without a suffix: `AWSServiceRoleFor…`. */
  roleName: string;
  /** The AWS managed policy (under `arn:aws:iam::aws:policy/aws-service-role/`) that holds its permissions. */
  policyName: string;
  /** Whether the service accepts a CustomSuffix (several roles for one service). */
  customSuffix: boolean;
}

/**
 * The services whose service-linked roles the playground can create, keyed by service principal, with
 * AWS's role and policy names (AWS documentation, "AWS services that work with IAM").
 */
export const SERVICE_LINKED_ROLES: Readonly<Record<string, ServiceLinkedRoleDefinition>> = {
  'autoscaling.amazonaws.com': {
    roleName: 'AWSServiceRoleForAutoScaling',
    policyName: 'AutoScalingServiceRolePolicy',
    customSuffix: true,
  },
  'elasticbeanstalk.amazonaws.com': {
    roleName: 'AWSServiceRoleForElasticBeanstalk',
    policyName: 'AWSElasticBeanstalkServiceRolePolicy',
    customSuffix: true,
  },
  'ecs.amazonaws.com': {
    roleName: 'AWSServiceRoleForECS',
    policyName: 'AmazonECSServiceRolePolicy',
    customSuffix: false,
  },
  'rds.amazonaws.com': {
    roleName: 'AWSServiceRoleForRDS',
    policyName: 'AmazonRDSServiceRolePolicy',
    customSuffix: false,
  },
  'elasticloadbalancing.amazonaws.com': {
    roleName: 'AWSServiceRoleForElasticLoadBalancing',
    policyName: 'AWSElasticLoadBalancingServiceRolePolicy',
    customSuffix: false,
  },
  'organizations.amazonaws.com': {
    roleName: 'AWSServiceRoleForOrganizations',
    policyName: 'AWSOrganizationsServiceTrustPolicy',
    customSuffix: false,
  },
  'support.amazonaws.com': {
    roleName: 'AWSServiceRoleForSupport',
    policyName: 'AWSSupportServiceRolePolicy',
    customSuffix: false,
  },
  'trustedadvisor.amazonaws.com': {
    roleName: 'AWSServiceRoleForTrustedAdvisor',
    policyName: 'AWSTrustedAdvisorServiceRolePolicy',
    customSuffix: false,
  },
  'config.amazonaws.com': {
    roleName: 'AWSServiceRoleForConfig',
    policyName: 'AWSConfigServiceRolePolicy',
    customSuffix: false,
  },
  'guardduty.amazonaws.com': {
    roleName: 'AWSServiceRoleForAmazonGuardDuty',
    policyName: 'AmazonGuardDutyServiceRolePolicy',
    customSuffix: false,
  },
  'access-analyzer.amazonaws.com': {
    roleName: 'AWSServiceRoleForAccessAnalyzer',
    policyName: 'AccessAnalyzerServiceRolePolicy',
    customSuffix: false,
  },
  'sso.amazonaws.com': { roleName: 'AWSServiceRoleForSSO', policyName: 'AWSSSOServiceRolePolicy', customSuffix: false },
};

/** The path every service-linked role has: `/aws-service-role/SERVICE/`. */
export function serviceLinkedRolePath(servicePrincipal: string): string {
  return `/aws-service-role/${servicePrincipal}/`;
}

/** Whether a role is service-linked (by its path), and so modifiable only by AWS. */
export function isServiceLinkedRolePath(path: string): boolean {
  return path.startsWith('/aws-service-role/');
}

/** The trust policy a service-linked role gets: the service alone may assume it. */
export function serviceLinkedTrustPolicy(servicePrincipal: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: servicePrincipal }, Action: 'sts:AssumeRole' }],
  });
}

/** AWS's UnmodifiableEntity message for a customer's edit of a protected role. */
export function protectedRoleMessage(roleName: string): string {
  return `Cannot perform the operation on the protected role '${roleName}' - this role is only modifiable by AWS`;
}
