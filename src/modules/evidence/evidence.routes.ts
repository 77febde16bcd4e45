import { z } from 'zod';
import { id, orgParams } from '../../contracts/common.ts';
import { evidenceFile } from '../../contracts/corrective-actions.ts';
import { AppError } from '../../contracts/errors.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { withStagedUpload } from '../../http/upload.ts';
import { attachEvidence, readEvidence } from './evidence.service.ts';

const attachTargets = z.enum(['finding', 'correction', 'action', 'review']);

export function evidenceRoutes(app: ZodApp, deps: ModuleDeps) {
  const tags = ['evidence'];
  const params = orgParams.extend({ findingId: id });
  app.post(
    '/api/v1/orgs/:org/findings/:findingId/evidence',
    {
      config: { policy: 'evidence.attach' },
      schema: {
        tags,
        summary: 'Attach an evidence file (multipart/form-data: file, attachedTo, attachedId?, description?)',
        consumes: ['multipart/form-data'],
        params,
        response: { 201: evidenceFile },
      },
    },
    async (req, reply) =>
      // The file goes to a temporary file as it arrives and from there to the store (issue #17).
      withStagedUpload(req, deps.maxUploadBytes, async ({ fields, file }) => {
        const target = attachTargets.safeParse(fields.attachedTo ?? 'finding');
        if (!target.success) {
          throw new AppError(
            'validation_failed',
            'attachedTo must be finding, correction, action or review',
            [{ path: 'body/attachedTo', message: 'invalid' }],
          );
        }
        const created = await attachEvidence(
          {
            findingId: req.params.findingId,
            attachedTo: target.data,
            attachedId: fields.attachedId || null,
            fileName: file.name,
            description: fields.description ?? '',
            content: file.content,
          },
          { ...orgCtx(req), store: deps.store, maxBytes: deps.maxUploadBytes },
        );
        return reply.status(201).send(created);
      }),
  );
  app.get(
    '/api/v1/orgs/:org/findings/:findingId/evidence/:evidenceId',
    {
      config: { policy: 'finding.read' },
      schema: {
        tags,
        summary: 'Download an evidence file (as an attachment)',
        produces: [media.stored],
        params: params.extend({ evidenceId: id }),
      },
    },
    async (req, reply) => {
      const { file, content } = await readEvidence(req.params, { ...orgCtx(req), store: deps.store });
      // Served as an attachment with nosniff so an uploaded file can never render as a page of this origin.
      return reply
        .header('content-type', file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('digest', `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`)
        .header('content-length', file.sizeBytes)
        .send(content);
    },
  );
}
