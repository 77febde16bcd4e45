import type { z } from 'zod';
import type { certificateInput } from '../../contracts/certification.ts';
import { AppError, forbidden } from '../../contracts/errors.ts';
import {
  blockersMessage,
  certificationBlockers,
  decisionAuditTypes,
} from '../../domain/certification/decision.ts';
import { renewal } from '../../domain/certification/standing.ts';
import { type OrgContext, roleOf } from '../context.ts';
import { findCertificateByNumber } from './certificates.repository.ts';
import * as repo from './decision.repository.ts';

type Input = z.infer<typeof certificateInput>;

export interface Decision {
  decidedOn: string;
  auditId: string | null;
  /** The expiry the renewal rules give (null: the default three years from the decision). */
  expiresOn: string | null;
  renewsCertificateId: string | null;
  notCertified: { from: string; to: string } | null;
  soaVersion: number | null;
  historicalReason: string;
}

const field = (path: string, message: string) => [{ path: `body/${path}`, message }];

/**
 * Checks that a certificate may be recorded and works out what its decision implies. A certificate
 * decided on a stage 2 or recertification audit needs every major verified by the certification body and
 * every minor's plan accepted (17021-1 9.5); recorded against a recertification audit, it renews the
 * certificate of that audit's cycle (9.6.3). Only an admin may record what the rules refuse, with a
 * stated reason that stays in the audit trail and on the certificate.
 */
export async function checkDecision(input: Input, tx: OrgContext): Promise<Decision> {
  const decidedOn = input.decidedOn ?? input.issuedOn;
  const historicalReason = input.historicalReason.trim();
  // The operator at the CLI (shell access to the server) acts with an admin's standing here.
  if (historicalReason && tx.access.kind !== 'cli' && roleOf(tx) !== 'admin')
    throw forbidden('only an admin may record a historical certificate the rules would refuse');
  if (decidedOn > input.issuedOn)
    throw new AppError(
      'validation_failed',
      'a certificate is issued on or after its certification decision',
      field('decidedOn', `after the issue date ${input.issuedOn}`),
    );
  const out: Decision = {
    decidedOn,
    auditId: null,
    expiresOn: null,
    renewsCertificateId: null,
    notCertified: null,
    soaVersion: await repo.soaVersionInForce(tx.db, tx.organisation.id, decidedOn),
    historicalReason,
  };
  if (!input.auditRef) return out;
  const audit = await repo.decisionAudit(tx.db, tx.organisation.id, input.auditRef);
  if (!audit)
    throw new AppError('validation_failed', `no audit ${input.auditRef}`, field('auditRef', 'not found'));
  if (!decisionAuditTypes.includes(audit.type))
    throw new AppError(
      'validation_failed',
      `a certification decision is taken on a stage 2 or recertification audit; ${audit.ref} is ${audit.type.replaceAll('_', ' ')}`,
      field('auditRef', 'not a stage 2 or recertification audit'),
    );
  const lastDay = audit.ends_on ?? audit.starts_on;
  if (lastDay && decidedOn < lastDay && !historicalReason)
    throw new AppError(
      'validation_failed',
      `the decision cannot come before the audit ended on ${lastDay}`,
      field('decidedOn', `before ${lastDay}`),
    );
  out.auditId = audit.id;
  const blockers = certificationBlockers(await repo.nonconformitiesOf(tx.db, tx.organisation.id, audit.id));
  if (blockers.length > 0 && !historicalReason)
    throw new AppError(
      'invalid_state',
      blockersMessage(audit.ref, blockers),
      blockers.map((b) => ({ path: `findings/${b.ref}`, message: b.reason })),
    );
  if (audit.type === 'recertification' && audit.cycle) {
    const previous = await findCertificateByNumber(tx.db, tx.organisation.id, audit.cycle);
    if (previous) {
      try {
        const r = renewal(previous.expires_on, decidedOn);
        out.expiresOn = r.expiresOn;
        out.notCertified = r.notCertified;
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        if (!historicalReason)
          throw new AppError('invalid_state', err.message, field('decidedOn', 'too late to restore'));
      }
      out.renewsCertificateId = previous.id;
    }
  }
  return out;
}
