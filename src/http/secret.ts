import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The key that signs session cookies. From CLOSELOOP_SECRET when set; otherwise generated once (256 bits)
 * and kept in the data folder with owner-only permissions, so a local install needs no setup.
 */
export function loadOrCreateSecret(dataDir: string, fromEnv: string | undefined): string {
  const existing = existingSecret(dataDir, fromEnv);
  if (existing) return existing;
  const file = path.join(dataDir, 'secret.key');
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/** The server's key when there is one (CLOSELOOP_SECRET or data/secret.key), never creating it: for the CLI. */
export function existingSecret(dataDir: string, fromEnv: string | undefined): string | undefined {
  if (fromEnv) return fromEnv;
  const file = path.join(dataDir, 'secret.key');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}
