import type { ChangeEvent, JSX } from 'react';
import { emptyCredentials, type ExplorerCredentials } from './explorerCredentials.js';

/** Props of the credentials panel. */
export interface CredentialsPanelProps {
  /** The credentials every request is signed with. */
  credentials: ExplorerCredentials;
  /** Called with the new credentials on every edit. */
  onChange: (credentials: ExplorerCredentials) => void;
  /** Temporary credentials the last result handed out (an assumeRole), offered with a button; or null. */
  issued: ExplorerCredentials | null;
}

const fields: ReadonlyArray<{ key: keyof ExplorerCredentials; label: string; type: string; placeholder: string }> = [
  { key: 'accessKeyId', label: 'Access key id', type: 'text', placeholder: 'AKIA… or ASIA…' },
  { key: 'secretAccessKey', label: 'Secret access key', type: 'password', placeholder: 'secret' },
  { key: 'sessionToken', label: 'Session token', type: 'password', placeholder: 'temporary credentials only' },
];

/**
 * The bar above GraphiQL where a person enters the credentials the explorer signs requests with, and, after
 * an assumeRole, switches to the session it returned with one click (that is how role chaining is tried).
 */
export function CredentialsPanel({ credentials, onChange, issued }: CredentialsPanelProps): JSX.Element {
  const update = (key: keyof ExplorerCredentials) => (event: ChangeEvent<HTMLInputElement>) =>
    onChange({ ...credentials, [key]: event.target.value });
  const issuedIsActive = issued !== null && issued.accessKeyId === credentials.accessKeyId;
  return (
    <form className="explorer-credentials" aria-label="Credentials" onSubmit={(event) => event.preventDefault()}>
      <strong className="explorer-credentials-title">IAM Playground</strong>
      {fields.map((field) => (
        <label key={field.key}>
          <span>{field.label}</span>
          <input
            id={`explorer-${field.key}`}
            name={field.key}
            type={field.type}
            autoComplete="off"
            spellCheck={false}
            placeholder={field.placeholder}
            value={credentials[field.key]}
            onChange={update(field.key)}
          />
        </label>
      ))}
      <button type="button" onClick={() => onChange({ ...emptyCredentials })}>
        Clear
      </button>
      {issued && !issuedIsActive ? (
        <button type="button" className="explorer-use-issued" onClick={() => onChange({ ...issued })}>
          Use these credentials ({issued.accessKeyId})
        </button>
      ) : null}
    </form>
  );
}
