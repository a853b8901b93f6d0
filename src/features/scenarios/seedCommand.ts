/**
 * `npm run seed -- <scenario>` / `npm run seed -- --list`: loads a scenario into the configured database
 * (DATABASE_URL, or the embedded PGlite under the state directory — refused while a server has it open:
 * PGlite serves one process) after applying pending migrations, and prints the credentials to try it with.
 */
import { loadConfig } from '../../config.js';
import { describeStartupError } from '../../db/describeStartupError.js';
import { migrate } from '../../db/migrate.js';
import { openDatabase } from '../../db/openDatabase.js';
import { loadEncryptionKey } from '../auth/loadEncryptionKey.js';
import { createSecretCipher } from '../auth/secretCipher.js';
import { runSeed } from './runSeed.js';

try {
  const config = loadConfig(process.env);
  process.exitCode = await runSeed(process.argv.slice(2), {
    async openDatabase() {
      const database = await openDatabase(config.database);
      try {
        await migrate(database.pool);
      } catch (error) {
        await database.close();
        throw error;
      }
      // The same key file the server uses, so what the seed encrypts the server can decrypt.
      const cipher = createSecretCipher(loadEncryptionKey(config.encryptionKey, config.stateDir));
      return { prisma: database.prisma, cipher, close: () => database.close() };
    },
    print: (text) => console.log(text),
    printError: (text) => console.error(text),
    endpoint: `http://${config.host}:${config.port}/graphql`,
  });
} catch (error) {
  console.error(describeStartupError(error));
  process.exitCode = 1;
}
