/** The part of a pg Pool or PoolClient the bulk loaders use, so they run on either (and inside a transaction). */
export interface Queryable {
  query<Row = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}
