import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { defaultExplorerExamples } from '../../src/features/explorer/explorerExamples.js';
import { schemaPath } from '../../src/server.js';

const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

describe('the explorer default examples', () => {
  it('cover the operations a newcomer needs', () => {
    const rootFields = defaultExplorerExamples.map((example) => {
      const operation = parse(example.query).definitions[0] as OperationDefinitionNode;
      const field = operation.selectionSet.selections[0];
      return field?.kind === 'Field' ? field.name.value : null;
    });
    expect(rootFields).toEqual(['assumeRole', 'callerIdentity', 'simulateCustomPolicy', 'whoCanAccess', 'assumeRolePaths', 'mintOidcToken', 'assumeRoleWithWebIdentity', 'instanceCredentials']);
  });

  for (const example of defaultExplorerExamples) {
    it(`"${example.title}" is one named operation, valid against schema.graphql`, () => {
      const document = parse(example.query);
      const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
      expect(operations.map((operation) => operation.name?.value)).toEqual([expect.any(String)]);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      const declared = operations[0]?.variableDefinitions?.map((definition) => definition.variable.name.value) ?? [];
      expect(Object.keys(example.variables ?? {}).sort()).toEqual([...declared].sort());
    });
  }
});
