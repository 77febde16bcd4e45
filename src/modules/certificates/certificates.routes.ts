import { z } from 'zod';
import {
  certificate,
  certificateInput,
  certificateUpdate,
  cycleEvent,
  plannedAuditUpdate,
  recertificationReadiness as readinessSchema,
  timelineEntry,
} from '../../contracts/certification.ts';
import { id, orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { withStagedUpload } from '../../http/upload.ts';
import { attachCertificateFile, readCertificateFile } from './certificate-file.service.ts';
import * as service from './certificates.service.ts';
import * as history from './cycle-history.service.ts';

export function certificatesRoutes(app: ZodApp, deps: ModuleDeps) {
  const tags = ['certification'];
  const base = '/api/v1/orgs/:org/certificates';
  const one = orgParams.extend({ certificateId: id });
  const read = { policy: 'certificate.read' } as const;
  const manage = { policy: 'certificate.manage' } as const;
  app.get(
    base,
    {
      config: read,
      schema: {
        tags,
        summary: 'Certificates with their planned cycle',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(certificate) },
      },
    },
    async (req) => service.listCertificates(req.query, orgCtx(req)),
  );
  app.post(
    base,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Record a certificate; plans its surveillance and recertification audits',
        params: orgParams,
        body: certificateInput,
        response: { 201: certificate },
      },
    },
    async (req, reply) => reply.status(201).send(await service.addCertificate(req.body, orgCtx(req))),
  );
  app.get(
    `${base}/:certificateId`,
    {
      config: read,
      schema: {
        tags,
        summary: 'A certificate, its cycle and warnings',
        params: one,
        response: { 200: certificate },
      },
    },
    async (req) => service.showCertificate(req.params, orgCtx(req)),
  );
  app.patch(
    `${base}/:certificateId`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Suspend, withdraw or reinstate; edit the scope',
        params: one,
        body: certificateUpdate,
        response: { 200: certificate },
      },
    },
    async (req) => service.updateCertificate({ ...req.body, ...req.params }, orgCtx(req)),
  );
  app.patch(
    `${base}/:certificateId/audits/:plannedAuditId`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Move a planned audit (its preparation tasks follow)',
        params: one.extend({ plannedAuditId: id }),
        body: plannedAuditUpdate,
        response: { 200: certificate },
      },
    },
    async (req) => service.reschedulePlannedAudit({ ...req.body, ...req.params }, orgCtx(req)),
  );
  app.put(
    `${base}/:certificateId/tasks/:taskId`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Mark a preparation task done or not done',
        params: one.extend({ taskId: id }),
        body: z.object({ done: z.boolean() }),
        response: { 200: certificate },
      },
    },
    async (req) => service.completeTask({ ...req.params, done: req.body.done }, orgCtx(req)),
  );
  app.get(
    `${base}/:certificateId/calendar`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Dated events of the cycle (audits, windows, tasks, reminders, expiry)',
        params: one,
        response: { 200: z.array(cycleEvent) },
      },
    },
    async (req) => history.certificateCalendar(req.params, orgCtx(req)),
  );
  app.get(
    `${base}/:certificateId/readiness`,
    {
      config: read,
      schema: { tags, summary: 'Recertification readiness', params: one, response: { 200: readinessSchema } },
    },
    async (req) => history.recertificationReadiness(req.params, orgCtx(req)),
  );
  app.get(
    '/api/v1/orgs/:org/certification/calendar',
    {
      config: read,
      schema: {
        tags,
        summary: 'Events of every certificate in force (for the ICS feed)',
        params: orgParams,
        response: { 200: z.array(cycleEvent) },
      },
    },
    async (req) => history.certificationCalendar({}, orgCtx(req)),
  );
  app.get(
    '/api/v1/orgs/:org/certification/timeline',
    {
      config: read,
      schema: {
        tags,
        summary: 'Certification history, newest first',
        params: orgParams,
        response: { 200: z.array(timelineEntry) },
      },
    },
    async (req) => history.certificationTimeline({}, orgCtx(req)),
  );
  app.post(
    `${base}/:certificateId/file`,
    {
      config: manage,
      schema: {
        tags,
        summary: 'Attach the certificate document (multipart/form-data: file; PDF, PNG or JPEG)',
        consumes: ['multipart/form-data'],
        params: one,
        response: { 200: certificate },
      },
    },
    async (req) => {
      // The certificate is looked up first: another organisation's id answers 404 whatever is sent.
      await service.showCertificate(req.params, orgCtx(req));
      return withStagedUpload(req, deps.maxUploadBytes, ({ file }) =>
        attachCertificateFile(
          { certificateId: req.params.certificateId, fileName: file.name, content: file.content },
          { ...orgCtx(req), store: deps.store, maxBytes: deps.maxUploadBytes },
        ),
      );
    },
  );
  app.get(
    `${base}/:certificateId/file`,
    {
      config: read,
      schema: { tags, summary: 'Download the certificate document', params: one, produces: [media.stored] },
    },
    async (req, reply) => {
      const f = await readCertificateFile(req.params, { ...orgCtx(req), store: deps.store });
      return reply
        .header('content-type', f.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${f.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(f.bytes);
    },
  );
}
