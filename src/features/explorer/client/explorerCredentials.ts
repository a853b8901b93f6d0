/**
 * The credentials the explorer signs every request with: a user's long-term access key, or the temporary
 * credentials of a session (which also carry a session token). Kept as one plain record so the panel, the
 * storage and the fetcher agree on its shape.
 */
export interface ExplorerCredentials {
  /** `AKIA…` for a user's access key, `ASIA…` for temporary credentials. */
  accessKeyId: string;
  /** The secret that goes with the access key id. */
  secretAccessKey: string;
  /** The session token of temporary credentials; empty for a long-term access key. */
  sessionToken: string;
}

/** Credentials with every field empty: what the panel shows before anyone types. */
export const emptyCredentials: ExplorerCredentials = Object.freeze({
  accessKeyId: '',
  secretAccessKey: '',
  sessionToken: '',
});

/** Whether the credentials hold enough to authenticate (an access key id and its secret). */
export function hasCredentials(credentials: ExplorerCredentials): boolean {
  return credentials.accessKeyId.trim() !== '' && credentials.secretAccessKey !== '';
}
