import {
  AttachPolicyCommand,
  CreateAccountCommand,
  CreateOrganizationalUnitCommand,
  CreateOrganizationCommand,
  CreatePolicyCommand,
  DescribeAccountCommand,
  DescribeCreateAccountStatusCommand,
  DescribeOrganizationalUnitCommand,
  DescribeOrganizationCommand,
  DescribePolicyCommand,
  DetachPolicyCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListChildrenCommand,
  ListOrganizationalUnitsForParentCommand,
  ListParentsCommand,
  ListPoliciesCommand,
  ListPoliciesForTargetCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  MoveAccountCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf, startAwsTestServer } from './awsTestServer.js';

let aws: Awaited<ReturnType<typeof startAwsTestServer>>;
let managementId: string;
let organizations: OrganizationsClient;
const denyS3 = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }],
});

beforeAll(async () => {
  aws = await startAwsTestServer();
  const created = await aws.createAccount('org-management');
  managementId = created.accountId;
  organizations = aws.organizations(created.root);
});
afterAll(() => aws.server.close());

describe('Organizations through @aws-sdk/client-organizations (JSON 1.1)', () => {
  it('creates an organization, OUs and accounts, moves an account and describes them all', async () => {
    // Given a new organization
    const organization = (await organizations.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }))).Organization!;
    expect(organization).toMatchObject({ MasterAccountId: managementId, FeatureSet: 'ALL' });
    expect(organization.Id).toMatch(/^o-[a-z0-9]{10}$/);
    expect((await organizations.send(new DescribeOrganizationCommand({}))).Organization?.Arn).toBe(organization.Arn);
    const again = await failureOf(organizations.send(new CreateOrganizationCommand({})));
    expect([again.name, again.$metadata.httpStatusCode]).toEqual(['AlreadyInOrganizationException', 400]);
    const roots = (await organizations.send(new ListRootsCommand({}))).Roots!;
    expect(roots).toHaveLength(1);
    const rootId = roots[0]!.Id!;
    expect(roots[0]?.PolicyTypes?.map((type) => type.Type)).toEqual([
      'SERVICE_CONTROL_POLICY',
      'RESOURCE_CONTROL_POLICY',
    ]);

    // When it creates an OU and an account, and moves the account into the OU
    const unit = (await organizations.send(new CreateOrganizationalUnitCommand({ ParentId: rootId, Name: 'Prod' })))
      .OrganizationalUnit!;
    expect(unit.Arn).toBe(`arn:aws:organizations::${managementId}:ou/${organization.Id}/${unit.Id}`);
    expect(
      (await organizations.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: unit.Id })))
        .OrganizationalUnit?.Name,
    ).toBe('Prod');
    expect(
      (
        await organizations.send(new ListOrganizationalUnitsForParentCommand({ ParentId: rootId }))
      ).OrganizationalUnits?.map((ou) => ou.Name),
    ).toEqual(['Prod']);
    const status = (
      await organizations.send(new CreateAccountCommand({ AccountName: 'app', Email: 'app@example.com' }))
    ).CreateAccountStatus!;
    expect(status).toMatchObject({ State: 'SUCCEEDED', AccountName: 'app' });
    expect(status.RequestedTimestamp).toBeInstanceOf(Date);
    expect(
      (await organizations.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: status.Id })))
        .CreateAccountStatus?.AccountId,
    ).toBe(status.AccountId);
    const unknownRequest = await failureOf(
      organizations.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: 'car-000000000000' })),
    );
    expect(unknownRequest.name).toBe('CreateAccountStatusNotFoundException');
    await organizations.send(
      new MoveAccountCommand({ AccountId: status.AccountId, SourceParentId: rootId, DestinationParentId: unit.Id }),
    );

    // Then the structure reads back as AWS shows it
    expect(
      (await organizations.send(new DescribeAccountCommand({ AccountId: status.AccountId }))).Account,
    ).toMatchObject({ Name: 'app', Email: 'app@example.com', Status: 'ACTIVE' });
    expect(
      (await organizations.send(new ListAccountsCommand({}))).Accounts?.map((account) => account.Id).sort(),
    ).toEqual([managementId, status.AccountId].sort());
    expect(
      (await organizations.send(new ListAccountsForParentCommand({ ParentId: unit.Id }))).Accounts?.map(
        (account) => account.Name,
      ),
    ).toEqual(['app']);
    expect(
      (await organizations.send(new ListChildrenCommand({ ParentId: rootId, ChildType: 'ORGANIZATIONAL_UNIT' })))
        .Children,
    ).toEqual([{ Id: unit.Id, Type: 'ORGANIZATIONAL_UNIT' }]);
    expect(
      (await organizations.send(new ListChildrenCommand({ ParentId: rootId, ChildType: 'ACCOUNT' }))).Children,
    ).toEqual([{ Id: managementId, Type: 'ACCOUNT' }]);
    expect((await organizations.send(new ListParentsCommand({ ChildId: status.AccountId }))).Parents).toEqual([
      { Id: unit.Id, Type: 'ORGANIZATIONAL_UNIT' },
    ]);
    const moved = await failureOf(
      organizations.send(
        new MoveAccountCommand({ AccountId: status.AccountId, SourceParentId: rootId, DestinationParentId: unit.Id }),
      ),
    );
    expect([moved.name, moved.$metadata.httpStatusCode]).toEqual(['SourceParentNotFoundException', 400]);
    const missing = await failureOf(organizations.send(new DescribeAccountCommand({ AccountId: '000000000000' })));
    expect(missing.name).toBe('AccountNotFoundException');

    // SCPs: create, attach to the OU, list targets and policies per target, detach
    const policy = (
      await organizations.send(
        new CreatePolicyCommand({
          Name: 'NoS3',
          Description: 'deny s3',
          Type: 'SERVICE_CONTROL_POLICY',
          Content: denyS3,
        }),
      )
    ).Policy!;
    expect(policy.PolicySummary).toMatchObject({ Name: 'NoS3', Type: 'SERVICE_CONTROL_POLICY', AwsManaged: false });
    expect(policy.Content).toBe(denyS3);
    const policyId = policy.PolicySummary!.Id!;
    await organizations.send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: unit.Id }));
    const duplicate = await failureOf(
      organizations.send(new AttachPolicyCommand({ PolicyId: policyId, TargetId: unit.Id })),
    );
    expect(duplicate.name).toBe('DuplicatePolicyAttachmentException');
    expect((await organizations.send(new ListTargetsForPolicyCommand({ PolicyId: policyId }))).Targets).toEqual([
      { TargetId: unit.Id, Arn: unit.Arn, Name: 'Prod', Type: 'ORGANIZATIONAL_UNIT' },
    ]);
    expect(
      (
        await organizations.send(
          new ListPoliciesForTargetCommand({ TargetId: unit.Id, Filter: 'SERVICE_CONTROL_POLICY' }),
        )
      ).Policies?.map((p) => p.Name),
    ).toEqual(['FullAWSAccess', 'NoS3']);
    expect(
      (await organizations.send(new ListPoliciesCommand({ Filter: 'RESOURCE_CONTROL_POLICY' }))).Policies?.map((p) => [
        p.Name,
        p.AwsManaged,
      ]),
    ).toEqual([['RCPFullAWSAccess', true]]);
    expect(
      (await organizations.send(new DescribePolicyCommand({ PolicyId: policyId }))).Policy?.PolicySummary?.Arn,
    ).toBe(`arn:aws:organizations::${managementId}:policy/${organization.Id}/service_control_policy/${policyId}`);
    await organizations.send(new DetachPolicyCommand({ PolicyId: policyId, TargetId: unit.Id }));
    const notAttached = await failureOf(
      organizations.send(new DetachPolicyCommand({ PolicyId: policyId, TargetId: unit.Id })),
    );
    expect(notAttached.name).toBe('PolicyNotAttachedException');
    const malformed = await failureOf(
      organizations.send(
        new CreatePolicyCommand({ Name: 'Bad', Description: '', Type: 'SERVICE_CONTROL_POLICY', Content: '{' }),
      ),
    );
    expect([malformed.name, malformed.$metadata.httpStatusCode]).toEqual(['MalformedPolicyDocumentException', 400]);
  });

  it('a standalone account gets AWSOrganizationsNotInUseException, and bad signatures arrive in the JSON error shape', async () => {
    const standalone = await aws.createAccount('standalone');
    const notInUse = await failureOf(aws.organizations(standalone.root).send(new DescribeOrganizationCommand({})));
    expect([notInUse.name, notInUse.$metadata.httpStatusCode]).toEqual(['AWSOrganizationsNotInUseException', 400]);
    const unknown = await failureOf(
      aws
        .organizations({ accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) })
        .send(new ListRootsCommand({})),
    );
    expect(unknown.name).toBe('UnrecognizedClientException');
    const wrong = await failureOf(
      aws.organizations({ ...standalone.root, secretAccessKey: 'y'.repeat(40) }).send(new ListRootsCommand({})),
    );
    expect(wrong.name).toBe('InvalidSignatureException');
  });
});
