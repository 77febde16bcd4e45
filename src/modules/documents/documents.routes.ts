import { z } from 'zod';
import { orgParams, paged, pageQuery } from '../../contracts/common.ts';
import {
  documentInput,
  documentReadiness,
  documentRef,
  documentUpdate,
  ismsDocument,
  reminderResult,
} from '../../contracts/isms-documents.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ZodApp } from '../../http/route-types.ts';
import * as service from './documents.service.ts';

export function documentsRoutes(app: ZodApp) {
  const tags = ['documented information'];
  const one = orgParams.extend({ documentRef });
  app.get(
    '/api/v1/orgs/:org/documents',
    {
      config: { policy: 'document.read' },
      schema: {
        tags,
        summary: 'Document register',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(ismsDocument) },
      },
    },
    async (req) => service.listDocuments(req.query, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/documents',
    {
      config: { policy: 'document.manage' },
      schema: {
        tags,
        summary: 'Register a document',
        params: orgParams,
        body: documentInput,
        response: { 201: ismsDocument },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createDocument(req.body, orgCtx(req))),
  );
  app.get(
    '/api/v1/orgs/:org/documents/:documentRef',
    {
      config: { policy: 'document.read' },
      schema: { tags, summary: 'One registered document', params: one, response: { 200: ismsDocument } },
    },
    async (req) => service.showDocument({ ref: req.params.documentRef }, orgCtx(req)),
  );
  app.patch(
    '/api/v1/orgs/:org/documents/:documentRef',
    {
      config: { policy: 'document.manage' },
      schema: {
        tags,
        summary: 'Update a registered document',
        params: one,
        body: documentUpdate,
        response: { 200: ismsDocument },
      },
    },
    async (req) => service.updateDocument({ ...req.body, ref: req.params.documentRef }, orgCtx(req)),
  );
  app.get(
    '/api/v1/orgs/:org/document-readiness',
    {
      config: { policy: 'document.read' },
      schema: {
        tags,
        summary: 'Mandatory documented information of ISO/IEC 27001:2022: what is missing or overdue',
        params: orgParams,
        response: { 200: documentReadiness },
      },
    },
    async (req) => service.documentReadiness({}, orgCtx(req)),
  );
  app.post(
    '/api/v1/orgs/:org/document-reminders',
    {
      config: { policy: 'document.manage' },
      schema: {
        tags,
        summary: 'Email owners of documents whose review is due within N days or overdue (once a day)',
        params: orgParams,
        body: z.object({ days: z.number().int().min(0).max(365).optional() }).strict(),
        response: { 200: reminderResult },
      },
    },
    async (req) => service.sendReviewReminders(req.body, orgCtx(req)),
  );
}
