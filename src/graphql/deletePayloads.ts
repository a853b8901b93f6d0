import { toGlobalId } from './globalId.js';

/** What a delete of a node returns: its global id (for client caches to evict) and its ARN. */
export interface DeletedNodePayload {
  deletedId: string;
  arn: string;
}

/** The payload of a delete of a node of `type`, from the row the service deleted. */
export function deletedNode(
  type: 'User' | 'Group' | 'Role' | 'ManagedPolicy',
  row: { id: string; arn: string },
): DeletedNodePayload {
  return { deletedId: toGlobalId(type, row.id), arn: row.arn };
}
