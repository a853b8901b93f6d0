import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { listScenarioNames, readScenario } from '../../src/features/scenarios/readScenario.js';
import { schemaPath } from '../../src/server.js';

const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

describe('scenario examples for the explorer', () => {
  for (const name of listScenarioNames()) {
    for (const example of readScenario(name).examples) {
      it(`${name}: "${example.title}" is one named operation, valid against schema.graphql`, () => {
        const document = parse(example.query);
        expect(validate(schema, document).map((e) => e.message)).toEqual([]);
        const operations = document.definitions.filter(
          (d): d is OperationDefinitionNode => d.kind === 'OperationDefinition',
        );
        expect(operations.map((o) => o.name?.value)).toEqual([expect.any(String)]);
        // Every declared variable has a value in the tab, so a newcomer can run it as it opens.
        const declared = operations[0]?.variableDefinitions?.map((d) => d.variable.name.value) ?? [];
        expect(Object.keys(example.variables ?? {}).sort()).toEqual([...declared].sort());
      });
    }
  }
});
