// A Prisma generator that writes the DMMF (Prisma's parsed data model) to the file named by DMMF_OUT.
// Prisma talks to generators in JSON-RPC: requests on stdin, responses on stderr, one JSON per line.
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const respond = (id, result) => process.stderr.write(`${JSON.stringify({ jsonrpc: '2.0', id, result })}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line);
  if (message.method === 'getManifest') {
    respond(message.id, { manifest: { prettyName: 'DMMF dump', requiresEngines: [] } });
  } else if (message.method === 'generate') {
    writeFileSync(process.env.DMMF_OUT, JSON.stringify(message.params.dmmf));
    respond(message.id, null);
  }
});
