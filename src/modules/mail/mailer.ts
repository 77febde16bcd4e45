import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type Nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/connection.ts';
import { insertOutboxMessage } from './mail.repository.ts';

const loadNodemailer = () => createRequire(import.meta.url)('nodemailer') as typeof Nodemailer;

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  organisationId?: string | null;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * Sends through SMTP when configured. Without SMTP (a local install), the message goes to the server log
 * and to the outbox page that admins can read, so invitations and resets still work. When SMTP delivers,
 * only the envelope is kept: bodies may hold single-use links that nobody else should read.
 */
export function createMailer(config: Config, db: Db, log: Logger): Mailer {
  const smtp = config.smtp;
  // nodemailer loads with the first message, not with every command that might send one.
  let transport: Transporter | undefined;
  const smtpTransport = (settings: NonNullable<Config['smtp']>) => {
    transport ??= loadNodemailer().createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    });
    return transport;
  };
  return {
    async send(mail) {
      let status: 'sent' | 'logged' | 'failed' = 'logged';
      let error: string | null = null;
      if (smtp) {
        try {
          await smtpTransport(smtp).sendMail({
            from: config.mailFrom,
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
          });
          status = 'sent';
        } catch (err) {
          status = 'failed';
          error = err instanceof Error ? err.message : String(err);
          log.error({ to: mail.to, subject: mail.subject, err: error }, 'mail delivery failed');
        }
      } else {
        log.info({ to: mail.to, subject: mail.subject, body: mail.text }, 'mail (no SMTP configured)');
      }
      await insertOutboxMessage(db, {
        id: randomUUID(),
        organisation_id: mail.organisationId ?? null,
        to_address: mail.to,
        subject: mail.subject,
        body_text: status === 'sent' ? '(delivered by SMTP; the body is not kept)' : mail.text,
        status,
        error,
        created_at: new Date().toISOString(),
      });
    },
  };
}
