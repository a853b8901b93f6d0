import type { Context } from '../../context.js';
import type { OperationInput } from './OperationInput.js';

/** The AWS services the playground answers at `/`, by their SigV4 signing names. */
export type AwsService = 'sts' | 'iam' | 'organizations';

/** A map member of a result (IAM's `SummaryMap`, `EvalDecisionDetails`): entries in XML, an object in JSON. */
export class AwsMap {
  constructor(readonly entries: Readonly<Record<string, string | number>>) {}
}

/** A result value as the protocols serialize it: structures, lists, maps, strings, numbers, booleans, timestamps. */
export type AwsValue =
  | string
  | number
  | boolean
  | Date
  | AwsMap
  | null
  | undefined
  | readonly AwsValue[]
  | { readonly [member: string]: AwsValue };

/** An operation's result members, as the service model names them; null when the operation returns nothing. */
export type AwsResult = { readonly [member: string]: AwsValue } | null;

/**
 * One row of the mapping table: the AWS operation, the IAM action AWS checks for it, and the GraphQL field that
 * does the same thing through the same service. `run` is the adapter: AWS's parameters in, one service call,
 * AWS's result out. For writes the service authorizes (with `action`); for reads `run` authorizes with the
 * `action` it is given, exactly as the GraphQL read guard does.
 */
export interface AwsOperation {
  service: AwsService;
  /** The operation's name in the service model, e.g. `CreateRole`. */
  name: string;
  /** The IAM action AWS authorizes the operation as, e.g. `iam:CreateRole` (`sts:GetCallerIdentity`: never denied). */
  action: string;
  /** Whether the operation changes the model (a GraphQL mutation) or only reads it. */
  kind: 'read' | 'write';
  /** The GraphQL field doing the same (`Mutation.createRole`, `Query.role`, `Account.roles`), or null when GraphQL has none. */
  graphql: string | null;
  run(context: Context, input: OperationInput, action: string): Promise<AwsResult>;
}
