/**
 * A typed GraphQL client for the playground in a few lines: each operation is a `TypedDocumentNode` generated
 * from operations.graphql, so its variables and result are checked by TypeScript — a renamed field in
 * schema.graphql breaks this file's compilation, not a user's screen. No client library needed: `fetch`
 * and HTTP Basic (access key id and secret), as the explorer sends them.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { AccountRolesDocument, CreateRoleDocument } from './generated/graphql.js';

/** An access key the requests are signed with (HTTP Basic; a session adds its token). */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A GraphQL error as the playground sends it: AWS's code in `extensions.code`. */
export interface PlaygroundError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}

/** A typed result: `data` shaped by the operation, and any errors beside it. */
export interface Result<TData> {
  data: TData | null;
  errors: PlaygroundError[];
}

/** Sends one typed operation to `${endpoint}` with the credentials; the result is typed by the document. */
export async function request<TData, TVariables>(
  endpoint: string,
  credentials: Credentials,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
): Promise<Result<TData>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: `Basic ${Buffer.from(`${credentials.accessKeyId}:${credentials.secretAccessKey}`).toString('base64')}`,
  };
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken;
  const response = await fetch(endpoint, {
    method: 'POST',
    headers,
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData | null; errors?: PlaygroundError[] };
  return { data: body.data ?? null, errors: body.errors ?? [] };
}

/** The query: the last `last` roles of an account, with the account's total. */
export async function listLastRoles(endpoint: string, credentials: Credentials, accountId: string, last: number) {
  const { data, errors } = await request(endpoint, credentials, AccountRolesDocument, { accountId, last });
  // `data.account` is nullable: an unknown account is null with a NoSuchEntity error.
  if (!data?.account) throw new Error(errors[0]?.message ?? 'no such account');
  return { total: data.account.roles.totalCount, arns: data.account.roles.nodes.map((role) => role.arn) };
}

/** The mutation: a role its own account may assume; returns its ARN and global id. */
export async function createSameAccountRole(
  endpoint: string,
  credentials: Credentials,
  accountId: string,
  roleName: string,
) {
  const trust = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }],
  };
  const { data, errors } = await request(endpoint, credentials, CreateRoleDocument, {
    roleName,
    assumeRolePolicyDocument: JSON.stringify(trust),
  });
  if (!data) throw new Error(errors[0]?.message ?? 'createRole failed');
  return { id: data.createRole.id, arn: data.createRole.arn };
}
