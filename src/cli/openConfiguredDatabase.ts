import { loadConfig } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase, type Database } from '../db/openDatabase.js';
import { loadEncryptionKey } from '../features/auth/loadEncryptionKey.js';
import { createSecretCipher, type SecretCipher } from '../features/auth/secretCipher.js';

/** The configured database, migrated, with the cipher the server uses for secrets. */
export interface CliDatabase {
  database: Database;
  cipher: SecretCipher;
  close(): Promise<void>;
}

/**
 * Opens the database the server would use (DATABASE_URL, else the embedded PGlite under the state directory, which
 * serves one process at a time: a second opener is refused while a server holds it) and applies pending migrations, so every command works on a
 * fresh clone. The cipher reads the same key file as the server, so what a command encrypts the server decrypts.
 */
export async function openConfiguredDatabase(env: NodeJS.ProcessEnv = process.env): Promise<CliDatabase> {
  const config = loadConfig(env);
  const database = await openDatabase(config.database);
  try {
    await migrate(database.pool);
  } catch (error) {
    await database.close();
    throw error;
  }
  const cipher = createSecretCipher(loadEncryptionKey(config.encryptionKey, config.stateDir));
  return { database, cipher, close: () => database.close() };
}
