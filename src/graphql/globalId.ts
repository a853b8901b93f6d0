/** The types whose objects `node(id:)` can fetch. */
export const nodeTypes = [
  'Organization',
  'OrganizationalUnit',
  'OrganizationPolicy',
  'Account',
  'User',
  'Group',
  'Role',
  'ManagedPolicy',
  'Resource',
  'Session',
] as const;

/** A type implementing `Node`. */
export type NodeType = (typeof nodeTypes)[number];

/** Builds the global id of an object: base64 of `Type:key`, opaque to clients (Relay convention). */
export function toGlobalId(type: NodeType, key: string): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64');
}

/** Reads a global id back; null when it is not one this API made (so `node(id:)` answers null). */
export function fromGlobalId(globalId: string): { type: NodeType; key: string } | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(globalId)) return null;
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return null;
  const type = decoded.slice(0, colon);
  if (!(nodeTypes as readonly string[]).includes(type)) return null;
  return { type: type as NodeType, key: decoded.slice(colon + 1) };
}
