import { randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors.ts';
import type { WebhookEndpointTable } from '../../db/schema-webhooks.ts';
import { seal, unseal } from '../../domain/secrets/sealed.ts';
import type { AppEnv } from '../context.ts';

// Signing secrets in the Standard Webhooks form (`whsec_` + base64 of 24 random bytes), sealed with the
// server's secret before they are stored: a copy of the database alone cannot sign a webhook.

const PURPOSE = 'webhook-secret';

export const newSigningSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

function serverSecretOf(env: AppEnv): string {
  if (!env.serverSecret)
    throw new AppError('unavailable', 'the server has no secret key to seal webhook secrets');
  return env.serverSecret;
}

export const sealSecret = (env: AppEnv, secret: string) => seal(secret, serverSecretOf(env), PURPOSE);

/** The secrets that sign now: the current one, and the previous one while a rotation's overlap lasts. */
export function signingSecrets(env: AppEnv, e: WebhookEndpointTable, now: Date): string[] {
  const key = serverSecretOf(env);
  const secrets = [unseal(e.secret_enc, key, PURPOSE)];
  if (e.previous_secret_enc && e.previous_secret_until && e.previous_secret_until > now.toISOString())
    secrets.push(unseal(e.previous_secret_enc, key, PURPOSE));
  return secrets;
}
