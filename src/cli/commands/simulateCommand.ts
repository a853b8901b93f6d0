import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { simulate, type ContextEntry, type EvaluationResult, type SimulateCustomPolicyInput } from '../../iam/index.js';
import type { CliDependencies } from '../CliDependencies.js';
import { EXIT } from '../exitCodes.js';
import { formatTable } from '../output/formatTable.js';

interface SimulateOptions {
  input?: string;
  policy?: string[];
  boundary?: string[];
  sessionPolicy?: string;
  scp?: string[][];
  rcp?: string[][];
  action?: string[];
  resource?: string[];
  resourcePolicy?: string;
  resourceOwner?: string;
  caller?: string;
  context?: ContextEntry[];
  json?: boolean;
}

const read = (file: string): string => readFileSync(file, 'utf8');
const level = (value: string, previous: string[][] = []): string[][] => [
  ...previous,
  value.split(',').filter((f) => f !== ''),
];
const contextEntry = (value: string, previous: ContextEntry[] = []): ContextEntry[] => {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError('expected key=value[,value…], e.g. aws:SourceIp=10.0.0.1');
  return [...previous, { key: value.slice(0, eq), values: value.slice(eq + 1).split(',') }];
};

/**
 * `iam-playground simulate`: the engine alone, as IAM's SimulateCustomPolicy — policies from files, no server and
 * no database. Exit 0 when every request is allowed, 3 when any is denied, 1 when a policy is malformed.
 */
export function registerSimulateCommand(
  program: Command,
  deps: CliDependencies,
  setExit: (code: number) => void,
): void {
  program
    .command('simulate')
    .description(
      'decide requests with the policy engine alone (like SimulateCustomPolicy): policies from files, no database',
    )
    .option('--input <file>', 'a SimulateCustomPolicyInput as JSON (policies inline); the options below add to it')
    .option('--policy <file...>', 'identity policy files')
    .option('--boundary <file...>', 'permissions boundary files')
    .option('--session-policy <file>', 'a session policy file')
    .option('--scp <files>', 'one SCP level: comma-separated files; repeat per level, root first, account last', level)
    .option(
      '--rcp <files>',
      "one RCP level of the resource's organization: comma-separated files; repeat per level",
      level,
    )
    .option('--action <name...>', 'actions to decide, e.g. s3:GetObject')
    .option('--resource <arn...>', 'resource ARNs (default *)')
    .option('--resource-policy <file>', "the resource's policy file")
    .option('--resource-owner <account>', 'the account that owns the resource')
    .option('--caller <arn>', "the calling principal's ARN")
    .option('--context <key=values>', 'a request context key, values comma-separated; repeatable', contextEntry)
    .option('--json', 'print the SimulationResult as JSON')
    .action((options: SimulateOptions) => {
      const base: Partial<SimulateCustomPolicyInput> =
        options.input === undefined ? {} : (JSON.parse(read(options.input)) as Partial<SimulateCustomPolicyInput>);
      const input: SimulateCustomPolicyInput = {
        ...base,
        policyInputList: [...(base.policyInputList ?? []), ...(options.policy ?? []).map(read)],
        actionNames: [...(base.actionNames ?? []), ...(options.action ?? [])],
      };
      if (options.boundary)
        input.permissionsBoundaryPolicyInputList = [
          ...(base.permissionsBoundaryPolicyInputList ?? []),
          ...options.boundary.map(read),
        ];
      if (options.sessionPolicy) input.sessionPolicy = read(options.sessionPolicy);
      if (options.scp) input.organizationPolicyInputList = options.scp.map((files) => files.map(read));
      if (options.rcp) input.resourceControlPolicyInputList = options.rcp.map((files) => files.map(read));
      if (options.resource) input.resourceArns = options.resource;
      if (options.resourcePolicy) input.resourcePolicy = read(options.resourcePolicy);
      if (options.resourceOwner) input.resourceOwner = options.resourceOwner;
      if (options.caller) input.callerArn = options.caller;
      if (options.context) input.contextEntries = [...(base.contextEntries ?? []), ...options.context];
      if (input.actionNames.length === 0) {
        deps.output.err('give at least one --action (or actionNames in --input)');
        setExit(EXIT.usage);
        return;
      }
      const outcome = simulate(input);
      if (!outcome.ok) {
        for (const e of outcome.errors) {
          const at = e.position === null ? '' : ` (line ${e.position.line}, column ${e.position.column})`;
          deps.output.err(`${e.code} in ${e.source}${at}: ${e.message}`);
        }
        setExit(EXIT.failed);
        return;
      }
      const results = outcome.result.evaluationResults;
      deps.output.out(options.json ? JSON.stringify(outcome.result, null, 2) : formatResults(results, deps));
      setExit(results.every((r) => r.evalDecision === 'allowed') ? EXIT.ok : EXIT.answeredNo);
    });
}

function formatResults(results: readonly EvaluationResult[], deps: CliDependencies): string {
  const { style } = deps.output;
  const colour = { allowed: 'green', explicitDeny: 'red', implicitDeny: 'yellow' } as const;
  return formatTable(
    ['action', 'resource', 'decision', 'deciding statements', 'why'],
    results.map((r) => [
      r.evalActionName,
      r.evalResourceName,
      style(colour[r.evalDecision], r.evalDecision),
      r.matchedStatements
        .map((s) => `${s.sourcePolicyId}${s.statementId === null ? `#${s.statementIndex}` : `/${s.statementId}`}`)
        .join('\n'),
      r.explanation,
    ]),
  );
}
