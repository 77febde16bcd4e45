import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  type certificateInput,
  type certificateUpdate,
  cycleSettings,
  type plannedAuditUpdate,
} from '../../contracts/certification.ts';
import type { PageQuery } from '../../contracts/common.ts';
import { AppError, notFound } from '../../contracts/errors.ts';
import type { CertificateTable } from '../../db/schema.ts';
import { preparationTasks, taskDueOn } from '../../domain/certification/calendar.ts';
import type { ClosureTime } from '../../domain/certification/closure-window.ts';
import { planCertificationCycle } from '../../domain/certification/cycle.ts';
import { reinstateBy } from '../../domain/certification/standing.ts';
import { amendAudit, openAudit } from '../audits/index.ts';
import { authorize } from '../authorize.ts';
import { inTransaction, type OrgContext } from '../context.ts';
import { policyDefinition } from '../deadline-policies/index.ts';
import { calendarOf } from '../findings/index.ts';
import { presentCertificate } from './certificates.presenter.ts';
import * as repo from './certificates.repository.ts';
import * as decisionRepo from './decision.repository.ts';
import { checkDecision } from './decision.service.ts';

const today = (ctx: OrgContext) => ctx.now().toISOString().slice(0, 10);

// Closure time of majors under the cycle's policy (null: none): the closure day or, where the policy sets
// none (cb-90), the day evidence is due, which the CB verifies before deciding (ISO/IEC 17021-1 9.4.9).
export async function closureOf(ctx: OrgContext, policyKey: string): Promise<ClosureTime | null> {
  const policy = await policyDefinition(ctx.db, ctx.organisation.id, policyKey, ctx.now().toISOString());
  const days = policy.grades.major?.closeDays ?? policy.grades.major?.evidenceDays;
  if (days === null || days === undefined) return null;
  return { days, dayKind: policy.dayKind, calendar: await calendarOf(ctx) };
}

/** A certificate as the API presents it, with its planned audits, tasks and warnings. */
export async function presentedRow(ctx: OrgContext, c: CertificateTable) {
  const audits = await repo.plannedAudits(ctx.db, ctx.organisation.id, c.id);
  const tasks = await repo.tasksOf(
    ctx.db,
    ctx.organisation.id,
    audits.map((a) => a.id),
  );
  const settings = cycleSettings.parse(JSON.parse(c.settings_json));
  return presentCertificate(c, audits, tasks, await closureOf(ctx, settings.policyKey), today(ctx), {
    auditRef: await decisionRepo.auditRefOf(ctx.db, ctx.organisation.id, c.audit_id),
    renewsNumber: await decisionRepo.certificateNumberOf(
      ctx.db,
      ctx.organisation.id,
      c.renews_certificate_id,
    ),
  });
}

export async function showCertificate(input: { certificateId: string }, ctx: OrgContext) {
  authorize(ctx, 'certificate.read');
  const c = await repo.findCertificate(ctx.db, ctx.organisation.id, input.certificateId);
  if (!c) throw notFound('certificate');
  return presentedRow(ctx, c);
}

export async function listCertificates(input: PageQuery, ctx: OrgContext) {
  authorize(ctx, 'certificate.read');
  const { rows, total } = await repo.listCertificates(ctx.db, ctx.organisation.id, input);
  return {
    items: await Promise.all(rows.map((c) => presentedRow(ctx, c))),
    page: input.page,
    pageSize: input.pageSize,
    total,
  };
}

const auditRefFor = (number: string, type: string, sequence: number) =>
  `${number.replace(/\s+/g, '-').slice(0, 48)}-${type === 'surveillance' ? `S${sequence}` : 'RC'}`;

/**
 * Records a certificate and plans its cycle in the same transaction: each surveillance and the
 * recertification audit becomes an audit of the organisation (its findings follow clause 10.2 like any
 * other), with a window, a planned date and its preparation tasks.
 */
export async function addCertificate(input: z.infer<typeof certificateInput>, ctx: OrgContext) {
  authorize(ctx, 'certificate.manage');
  const id = await inTransaction(ctx, async (tx) => {
    if (await repo.findCertificateByNumber(tx.db, tx.organisation.id, input.number))
      throw new AppError('conflict', `a certificate ${input.number} is already recorded`, [
        { path: 'body/number', message: 'taken' },
      ]);
    const decision = await checkDecision(input, tx);
    const closure = await closureOf(tx, input.cycle.policyKey);
    const expiresOn = input.expiresOn ?? decision.expiresOn;
    let cycle: ReturnType<typeof planCertificationCycle>;
    try {
      cycle = planCertificationCycle({
        issuedOn: input.issuedOn,
        decidedOn: decision.decidedOn,
        ...(expiresOn ? { expiresOn } : {}),
        surveillanceIntervalMonths: input.cycle.surveillanceIntervalMonths,
        windowMonths: Math.min(input.cycle.windowMonths, input.cycle.surveillanceIntervalMonths),
        recertificationLeadDays: input.cycle.recertificationLeadDays,
        closure,
        calendar: await calendarOf(tx),
      });
    } catch (err) {
      if (err instanceof RangeError) throw new AppError('validation_failed', err.message);
      throw err;
    }
    const at = tx.now().toISOString();
    const row: CertificateTable = {
      id: randomUUID(),
      organisation_id: tx.organisation.id,
      number: input.number,
      certification_body: input.certificationBody,
      standard: input.standard,
      edition: input.edition,
      scope: input.scope,
      issued_on: cycle.issuedOn,
      expires_on: cycle.expiresOn,
      status: 'valid',
      status_reason: '',
      settings_json: JSON.stringify(input.cycle),
      file_name: null,
      file_media_type: null,
      file_size_bytes: null,
      file_sha256: null,
      created_at: at,
      updated_at: at,
      decided_on: decision.decidedOn,
      audit_id: decision.auditId,
      historical_reason: decision.historicalReason,
      soa_version: decision.soaVersion,
      status_on: null,
      suspension_reason: '',
      renews_certificate_id: decision.renewsCertificateId,
      not_certified_from: decision.notCertified?.from ?? null,
      not_certified_to: decision.notCertified?.to ?? null,
    };
    await repo.insertCertificate(tx.db, row);
    for (const planned of cycle.audits) {
      const ref = auditRefFor(input.number, planned.type, planned.sequence);
      const auditId = await openAudit(tx, {
        ref,
        type: planned.type,
        certification_body: input.certificationBody,
        lead_auditor: null,
        starts_on: planned.plannedOn,
        ends_on: planned.plannedOn,
        scope: input.scope,
        report_received_on: null,
        recommendation: null,
        policy_key: input.cycle.policyKey,
        cycle: input.number,
      });
      const plannedId = randomUUID();
      await repo.insertPlannedAudit(tx.db, {
        id: plannedId,
        organisation_id: tx.organisation.id,
        certificate_id: row.id,
        audit_id: auditId,
        type: planned.type,
        sequence: planned.sequence,
        window_start: planned.windowStart,
        window_end: planned.windowEnd,
        planned_on: planned.plannedOn,
      });
      for (const task of preparationTasks(planned.type))
        await repo.insertTask(tx.db, {
          id: randomUUID(),
          organisation_id: tx.organisation.id,
          certification_audit_id: plannedId,
          key: task.key,
          title: task.title,
          days_before: task.daysBefore,
          due_on: taskDueOn(planned.plannedOn, task),
          done_on: null,
          done_by: null,
        });
    }
    await tx.audit({
      action: 'certificate.add',
      entityType: 'certificate',
      entityId: row.id,
      data: {
        ...input,
        decidedOn: cycle.decidedOn,
        expiresOn: cycle.expiresOn,
        soaVersion: decision.soaVersion,
        notCertified: decision.notCertified,
        audits: cycle.audits,
      },
    });
    return row.id;
  });
  return showCertificate({ certificateId: id }, ctx);
}

export async function updateCertificate(
  input: z.infer<typeof certificateUpdate> & { certificateId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'certificate.manage');
  await inTransaction(ctx, async (tx) => {
    const c = await repo.findCertificate(tx.db, tx.organisation.id, input.certificateId);
    if (!c) throw notFound('certificate');
    const on = input.statusOn ?? today(tx);
    if (c.status === 'withdrawn' && input.status && input.status !== 'withdrawn')
      throw new AppError('invalid_state', 'a withdrawn certificate cannot be reinstated; record a new one');
    if (input.status && input.status !== 'valid' && !(input.statusReason ?? '').trim())
      throw new AppError('validation_failed', 'say why the certificate is suspended or withdrawn', [
        { path: 'body/statusReason', message: 'required' },
      ]);
    // Reinstatement only within the suspension period; after it the CB withdraws or reduces the scope
    // (ISO/IEC 17021-1 9.6.5.3).
    if (c.status === 'suspended' && input.status === 'valid' && c.status_on && on > reinstateBy(c.status_on))
      throw new AppError(
        'invalid_state',
        `suspended since ${c.status_on}: reinstatement was possible until ${reinstateBy(c.status_on)}; withdraw the certificate or reduce its scope`,
        [{ path: 'body/status', message: 'suspension longer than 6 months' }],
      );
    const patch: Partial<CertificateTable> = { updated_at: tx.now().toISOString() };
    if (input.status !== undefined && input.status !== c.status) {
      patch.status = input.status;
      patch.status_on = on;
      patch.suspension_reason = input.status === 'suspended' ? (input.suspensionReason ?? 'other') : '';
    }
    if (input.statusReason !== undefined) patch.status_reason = input.statusReason;
    if (input.scope !== undefined) patch.scope = input.scope;
    await repo.updateCertificate(tx.db, tx.organisation.id, c.id, patch);
    const { certificateId: _c, ...changes } = input;
    await tx.audit({
      action: 'certificate.update',
      entityType: 'certificate',
      entityId: c.id,
      data: { number: c.number, ...changes },
    });
  });
  return showCertificate(input, ctx);
}

/** Moves a planned audit; its audit record and its open preparation tasks move with it. */
export async function reschedulePlannedAudit(
  input: z.infer<typeof plannedAuditUpdate> & { certificateId: string; plannedAuditId: string },
  ctx: OrgContext,
) {
  authorize(ctx, 'certificate.manage');
  await inTransaction(ctx, async (tx) => {
    const audits = await repo.plannedAudits(tx.db, tx.organisation.id, input.certificateId);
    const planned = audits.find((a) => a.id === input.plannedAuditId);
    if (!planned) throw notFound('planned audit');
    await repo.updatePlannedAudit(tx.db, tx.organisation.id, planned.id, { planned_on: input.plannedOn });
    await amendAudit(tx, planned.audit_id, { starts_on: input.plannedOn, ends_on: input.plannedOn });
    for (const t of await repo.tasksOf(tx.db, tx.organisation.id, [planned.id]))
      if (t.done_on === null)
        await repo.updateTask(tx.db, tx.organisation.id, t.id, {
          due_on: taskDueOn(input.plannedOn, { daysBefore: Number(t.days_before) }),
        });
    await tx.audit({
      action: 'certificate.reschedule_audit',
      entityType: 'audit',
      entityId: planned.audit_id,
      data: { ref: planned.audit_ref, from: planned.planned_on, to: input.plannedOn },
    });
  });
  return showCertificate(input, ctx);
}

export async function completeTask(
  input: { certificateId: string; taskId: string; done: boolean },
  ctx: OrgContext,
) {
  authorize(ctx, 'certificate.manage');
  await inTransaction(ctx, async (tx) => {
    const t = await repo.findTask(tx.db, tx.organisation.id, input.certificateId, input.taskId);
    if (!t) throw notFound('preparation task');
    await repo.updateTask(tx.db, tx.organisation.id, t.id, {
      done_on: input.done ? today(tx) : null,
      done_by: input.done ? tx.actor.label : null,
    });
    await tx.audit({
      action: input.done ? 'certificate.task_done' : 'certificate.task_reopened',
      entityType: 'certification_task',
      entityId: t.id,
      data: { key: t.key, title: t.title },
    });
  });
  return showCertificate(input, ctx);
}
