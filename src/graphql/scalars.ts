import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** `DateTime`: a Date on the server, an ISO-8601 UTC string on the wire. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO-8601 date-time in UTC, e.g. `2026-01-31T12:00:00.000Z`.',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime())) throw new GraphQLError(`DateTime cannot represent \`${String(value)}\``);
    return date.toISOString();
  },
  parseValue(value) {
    return parseDate(value);
  },
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string', { nodes: node });
    return parseDate(node.value);
  },
});

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime must be an ISO-8601 string; got \`${String(value)}\``, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

/** `JSON`: any JSON value, passed through as it is. */
export const JsonScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: function parseLiteral(node: ValueNode): unknown {
    switch (node.kind) {
      case Kind.STRING:
      case Kind.BOOLEAN:
        return node.value;
      case Kind.INT:
      case Kind.FLOAT:
        return Number(node.value);
      case Kind.NULL:
        return null;
      case Kind.LIST:
        return node.values.map((value) => parseLiteral(value));
      case Kind.OBJECT:
        return Object.fromEntries(node.fields.map((field) => [field.name.value, parseLiteral(field.value)]));
      default:
        throw new GraphQLError('JSON literals cannot use variables inside', { nodes: node });
    }
  },
});
