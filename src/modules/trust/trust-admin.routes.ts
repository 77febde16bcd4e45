import { z } from 'zod';
import { id, orgParams } from '../../contracts/common.ts';
import { AppError } from '../../contracts/errors.ts';
import {
  generatedDocumentInput,
  ndaInput,
  ndaVersion,
  publicTrustPage,
  trustAccessLevel,
  trustCategories,
  trustDocument,
  trustDocumentUpdate,
  trustGrant,
  trustLink,
  trustPage,
  trustPageInput,
} from '../../contracts/trust.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { withStagedUpload } from '../../http/upload.ts';
import * as grants from './trust-access.service.ts';
import * as docs from './trust-documents.service.ts';
import * as page from './trust-page.service.ts';

export function trustAdminRoutes(app: ZodApp, deps: ModuleDeps) {
  const tags = ['trust page'];
  const items = <T extends z.ZodTypeAny>(t: T) => z.object({ items: z.array(t) });
  const base = '/api/v1/orgs/:org/trust';
  const docParams = orgParams.extend({ documentId: id });

  app.get(
    `${base}${''}`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'The trust page settings (draft when never saved)',
        params: orgParams,
        response: { 200: trustPage },
      },
    },
    async (req) => page.showPage({}, orgCtx(req)),
  );
  app.get(
    `${base}${'/preview'}`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'What an anonymous visitor would see',
        params: orgParams,
        response: { 200: publicTrustPage },
      },
    },
    async (req) => page.previewPage({}, orgCtx(req)),
  );
  app.get(
    `${base}${'/documents'}`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'Documents of the trust page with their access level',
        params: orgParams,
        response: { 200: items(trustDocument) },
      },
    },
    async (req) => docs.listDocuments({}, orgCtx(req)),
  );
  app.get(
    `${base}${'/grants'}`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'Grants to people and companies',
        params: orgParams,
        response: { 200: items(trustGrant) },
      },
    },
    async (req) => grants.listGrants({}, orgCtx(req)),
  );
  app.get(
    `${base}${'/links'}`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'Direct share links (addresses are never shown again)',
        params: orgParams,
        response: { 200: items(trustLink) },
      },
    },
    async (req) => grants.listLinks({}, orgCtx(req)),
  );
  app.get(
    `${base}${'/nda'}`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'NDA versions, newest first',
        params: orgParams,
        response: { 200: items(ndaVersion) },
      },
    },
    async (req) => page.listNdaVersions({}, orgCtx(req)),
  );
  app.put(
    base,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Save the trust page',
        params: orgParams,
        body: trustPageInput,
        response: { 200: trustPage },
      },
    },
    async (req) => page.savePage(req.body, orgCtx(req)),
  );
  app.post(
    `${base}/publish`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Publish or unpublish the trust page',
        params: orgParams,
        body: z.object({ published: z.boolean() }),
        response: { 200: trustPage },
      },
    },
    async (req) => page.setPublished(req.body, orgCtx(req)),
  );
  app.post(
    `${base}/nda`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'A new NDA version',
        params: orgParams,
        body: ndaInput,
        response: { 201: ndaVersion },
      },
    },
    async (req, reply) => reply.status(201).send(await page.addNdaVersion(req.body, orgCtx(req))),
  );
  app.post(
    `${base}/documents`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Upload a document (multipart/form-data: file, title, accessLevel, category?, description?)',
        consumes: ['multipart/form-data'],
        params: orgParams,
        response: { 201: trustDocument },
      },
    },
    async (req, reply) =>
      withStagedUpload(req, deps.maxUploadBytes, async ({ fields, file }) => {
        const meta = z
          .object({
            title: z.string().trim().min(1).max(300),
            description: z.string().max(2000).default(''),
            category: z.enum(trustCategories).default('other'),
            accessLevel: trustAccessLevel,
          })
          .safeParse(fields);
        if (!meta.success)
          throw new AppError(
            'validation_failed',
            'title and accessLevel are required',
            meta.error.issues.map((i) => ({ path: `body/${i.path.join('/')}`, message: i.message })),
          );
        const created = await docs.uploadDocument(
          { ...meta.data, fileName: file.name, content: file.content },
          { ...orgCtx(req), store: deps.store, maxBytes: deps.maxUploadBytes },
        );
        return reply.status(201).send(created);
      }),
  );
  app.post(
    `${base}/documents/generated`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Add a generated document (the SoA summary, rendered from the approved SoA at download)',
        params: orgParams,
        body: generatedDocumentInput,
        response: { 201: trustDocument },
      },
    },
    async (req, reply) => reply.status(201).send(await docs.addGeneratedDocument(req.body, orgCtx(req))),
  );
  app.patch(
    `${base}/documents/:documentId`,
    {
      config: { policy: 'trust.manage' },
      schema: {
        tags,
        summary: 'Change a document (title, level, order)',
        params: docParams,
        body: trustDocumentUpdate,
        response: { 200: trustDocument },
      },
    },
    async (req) => docs.updateDocument({ ...req.params, ...req.body }, { ...orgCtx(req), store: deps.store }),
  );
  app.get(
    `${base}/documents/:documentId/file`,
    {
      config: { policy: 'trust.read' },
      schema: {
        tags,
        summary: 'The document as stored, for members (not watermarked)',
        params: docParams,
        produces: [media.stored],
      },
    },
    async (req, reply) => {
      const file = await docs.readDocumentForMember(req.params, { ...orgCtx(req), store: deps.store });
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
  app.delete(
    `${base}/documents/:documentId`,
    {
      config: { policy: 'trust.manage' },
      schema: { tags, summary: 'Remove a document', params: docParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await docs.removeDocument(req.params, orgCtx(req));
      return reply.status(204).send(null);
    },
  );
}
