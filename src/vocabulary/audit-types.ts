import { z } from 'zod';

// Kinds of audit and who closes their findings. A certification body closes the nonconformities of its
// own audits (ISO/IEC 17021-1 9.4.9-9.4.10: it reviews the correction and corrective actions and decides);
// the organisation closes those of its internal audits (ISO/IEC 27001:2022 9.2, 10.2) and of a
// customer's (second-party) audit, whose auditor has no say in certification. Stage 1 reports areas of
// concern (17021-1 9.3.1.2), which the organisation resolves before stage 2, where the CB reviews them.

export const auditTypes = [
  'internal',
  'second_party',
  'stage1',
  'stage2',
  'surveillance',
  'recertification',
] as const;
export const auditType = z.enum(auditTypes);
export type AuditType = (typeof auditTypes)[number];

export type FindingCloser = 'organisation' | 'certification_body';

export interface AuditTypeTraits {
  label: string;
  /** Who decides that a finding of this audit is closed. */
  closedBy: FindingCloser;
  /** Part of the certification cycle (ISO/IEC 17021-1 9.3-9.6): weighs on recommendations and reviews. */
  certification: boolean;
}

export const auditTypeTraits: Record<AuditType, AuditTypeTraits> = {
  internal: { label: 'Internal audit', closedBy: 'organisation', certification: false },
  second_party: { label: 'Second-party audit', closedBy: 'organisation', certification: false },
  stage1: { label: 'Stage 1 audit', closedBy: 'organisation', certification: true },
  stage2: { label: 'Stage 2 audit', closedBy: 'certification_body', certification: true },
  surveillance: { label: 'Surveillance audit', closedBy: 'certification_body', certification: true },
  recertification: { label: 'Recertification audit', closedBy: 'certification_body', certification: true },
};

/** Surveillance and recertification: the audits a certification cycle plans (17021-1 9.6). */
export const cycleAuditTypes = ['surveillance', 'recertification'] as const satisfies readonly AuditType[];
export type CycleAuditType = (typeof cycleAuditTypes)[number];

export const recommendations = ['recommended', 'recommended_upon_action_plan', 'not_recommended'] as const;
export const recommendation = z.enum(recommendations);
export type Recommendation = (typeof recommendations)[number];
