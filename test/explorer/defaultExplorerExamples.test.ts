import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultExplorerExamples } from '../../src/features/explorer/explorerExamples.js';
import { listScenarioNames, readScenario } from '../../src/features/scenarios/readScenario.js';
import { schemaPath } from '../../src/server.js';

const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

describe('the explorer default examples', () => {
  it('cover the operations a newcomer needs', () => {
    const rootFields = defaultExplorerExamples.map((example) => {
      const operation = parse(example.query).definitions[0] as OperationDefinitionNode;
      const field = operation.selectionSet.selections[0];
      return field?.kind === 'Field' ? field.name.value : null;
    });
    expect(rootFields).toEqual([
      'assumeRole',
      'callerIdentity',
      'simulatePrincipalPolicy',
      'whoCanAccess',
      'assumeRolePaths',
    ]);
  });

  for (const example of defaultExplorerExamples) {
    it(`"${example.title}" is one named operation, valid against schema.graphql`, () => {
      const document = parse(example.query);
      const operations = document.definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
      );
      expect(operations.map((operation) => operation.name?.value)).toEqual([expect.any(String)]);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      const declared = operations[0]?.variableDefinitions?.map((definition) => definition.variable.name.value) ?? [];
      expect(Object.keys(example.variables ?? {}).sort()).toEqual([...declared].sort());
    });
  }
});

describe('the README names tabs the explorer shows', () => {
  it('every **Name** tab it mentions is an operation name of an example (GraphiQL titles tabs by operation)', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const named = [...readme.matchAll(/\*\*([^*]+)\*\* tab/g)].map((match) => match[1]);
    const listed = /Without a scenario the tabs are ([^;]+);/.exec(readme.replace(/\s+/g, ' '))?.[1] ?? '';
    const defaults = [...listed.matchAll(/\*\*([^*]+)\*\*/g)].map((match) => match[1]);
    const operationNames = new Set(
      [...defaultExplorerExamples, ...listScenarioNames().flatMap((name) => readScenario(name).examples)].map(
        (example) => (parse(example.query).definitions[0] as OperationDefinitionNode).name?.value,
      ),
    );
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((name) => !operationNames.has(name))).toEqual([]);
    expect(defaults).toEqual(
      defaultExplorerExamples.map(
        (example) => (parse(example.query).definitions[0] as OperationDefinitionNode).name?.value,
      ),
    );
  });
});
