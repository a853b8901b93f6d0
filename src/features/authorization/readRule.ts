import type { Context } from '../../context.js';
import type { Resolver, Resolvers, ResolversParentTypes } from '../../generated/graphql.js';
import type { NodeType } from '../../graphql/globalId.js';
import type { AuthorizationCheck } from './authorize.js';
import type { NodeTargets } from './nodeRules.js';

/** One check, or several that must all allow. */
export type Checks = AuthorizationCheck | readonly AuthorizationCheck[];

/** A rule that computes the checks of a field from its arguments and parent before it resolves. */
export type CheckRule<TParent, TArgs> = (context: Context, args: TArgs, parent: TParent) => Checks | Promise<Checks>;

/** Reviewed value: any signed-in caller may call the field (AWS never denies sts:GetCallerIdentity). */
export const OPEN_TO_SIGNED_IN = { kind: 'openToSignedIn' } as const;
/** Reviewed value: the field's data lives in the parent's account and was authorized with the parent. */
export const SAME_ACCOUNT_AS_PARENT = { kind: 'sameAccountAsParent' } as const;
/** Each object the field returns is authorized with its Node type's rule (null with AccessDenied when denied). */
export const EACH_RESULT_BY_TYPE = { kind: 'eachResultByType' } as const;
/** The field lists objects; those the caller may not read by their Node type's rule are left out. */
export const FILTER_RESULTS_BY_TYPE = { kind: 'filterResultsByType' } as const;
/** Reviewed value: the field's service authorizes inside (it needs its arguments resolved first). */
export const AUTHORIZED_BY_SERVICE = { kind: 'authorizedByService' } as const;

/** A direct lookup: the target object built from the arguments (or loaded), checked with its type's rule before resolving. */
export interface LookupRule<T extends NodeType, TArgs> {
  kind: 'lookup';
  type: T;
  /** The object to check; null when nothing is stored (the resolver then answers NoSuchEntity). */
  target: (context: Context, args: TArgs) => NodeTargets[T] | null | Promise<NodeTargets[T] | null>;
}

/** Builds a {@link LookupRule}, keeping the type and its target's shape tied together. */
export function lookup<T extends NodeType, TArgs>(
  type: T,
  target: LookupRule<T, TArgs>['target'],
): LookupRule<T, TArgs> {
  return { kind: 'lookup', type, target };
}

/** Every way a field can be authorized. There is no default: a field without a rule is a failing test. */
export type FieldRule<TParent, TArgs> =
  | CheckRule<TParent, TArgs>
  | LookupRule<NodeType, TArgs>
  | typeof OPEN_TO_SIGNED_IN
  | typeof SAME_ACCOUNT_AS_PARENT
  | typeof EACH_RESULT_BY_TYPE
  | typeof FILTER_RESULTS_BY_TYPE
  | typeof AUTHORIZED_BY_SERVICE;

/** The arguments of a generated resolver type. */
export type ArgsOf<R> =
  NonNullable<R> extends Resolver<infer _Result, infer _Parent, infer _Context, infer TArgs> ? TArgs : never;

type FieldsOf<T extends keyof Resolvers> = Exclude<keyof NonNullable<Resolvers[T]>, '__isTypeOf' | '__resolveType'>;

type RulesOf<T extends keyof Resolvers & keyof ResolversParentTypes> = {
  [F in FieldsOf<T>]?: FieldRule<ResolversParentTypes[T], ArgsOf<NonNullable<Resolvers[T]>[F]>>;
};

/**
 * The read rules, typed from the generated resolver types: every Query field must have one (the compiler
 * says so), and on Node types every field that reaches another object, lists, or takes arguments (the
 * schema-coverage test says so).
 */
export type ReadRules = { Query: Required<RulesOf<'Query'>> } & { [T in NodeType]: RulesOf<T> };
