import type { LoadedScenario } from './loadScenario.js';

/**
 * The text `npm run seed` prints after loading: what the scenario shows, its accounts, and the credentials
 * a person needs to try it (access keys, MFA seeds), with a ready-to-run curl line for the first key. The
 * secrets are derived from the scenario and so are sample data, not secrets; the text says so.
 */
export function formatLoadedScenario(loaded: LoadedScenario, endpoint = 'http://127.0.0.1:4000/graphql'): string {
  const lines = [
    `Loaded scenario \`${loaded.name}\`: ${loaded.title}`,
    '',
    ...loaded.description
      .trim()
      .split('\n')
      .map((line) => `  ${line}`),
    '',
    'Accounts:',
    ...loaded.accounts.map((a) => `  ${a.id}  ${a.name}${a.alias === null ? '' : ` (${a.alias})`}`),
    '',
    'Credentials (sample data: derived from the scenario, the same after every reload):',
    ...loaded.accessKeys.flatMap((k) => [
      `  ${k.principalArn}`,
      `    accessKeyId      ${k.accessKeyId}`,
      `    secretAccessKey  ${k.secretAccessKey}`,
    ]),
  ];
  if (loaded.mfaDevices.length > 0) {
    lines.push(
      '',
      'MFA devices (add the base32 seed to an authenticator app, or compute codes with `oathtool --totp -b SEED`):',
    );
    for (const d of loaded.mfaDevices) lines.push(`  ${d.serialNumber}  seed ${d.seed}  (${d.principalArn})`);
  }
  const first = loaded.accessKeys[0];
  if (first !== undefined) {
    lines.push(
      '',
      'Try it:',
      `  curl -s -u '${first.accessKeyId}:${first.secretAccessKey}' -H 'content-type: application/json' \\`,
      `    -d '{"query":"{ callerIdentity { arn account userId } }"}' ${endpoint}`,
      `  or open ${endpoint.replace(/\/graphql$/, '/')} in a browser and enter the key in the credentials panel.`,
    );
  }
  return lines.join('\n');
}
