import { z } from 'zod';
import {
  managementReview,
  managementReviewInput,
  managementReviewUpdate,
} from '../../contracts/certification-reviews.ts';
import { id, orgParams, paged, pageQuery } from '../../contracts/common.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { renderPdf } from '../../reports/pdf.ts';
import * as service from './management-review.service.ts';

export function managementReviewRoutes(app: ZodApp) {
  const tags = ['management review'];
  const base = '/api/v1/orgs/:org/management-reviews';
  const one = orgParams.extend({ reviewId: id });
  app.get(
    base,
    {
      config: { policy: 'management_review.read' },
      schema: {
        tags,
        summary: 'Management reviews',
        params: orgParams,
        querystring: pageQuery,
        response: { 200: paged(managementReview) },
      },
    },
    async (req) => service.listReviews(req.query, orgCtx(req)),
  );
  app.post(
    base,
    {
      config: { policy: 'management_review.manage' },
      schema: {
        tags,
        summary: 'Record a management review; its clause 9.3.2 inputs are gathered from the records',
        params: orgParams,
        body: managementReviewInput,
        response: { 201: managementReview },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createReview(req.body, orgCtx(req))),
  );
  app.get(
    `${base}/:reviewId`,
    {
      config: { policy: 'management_review.read' },
      schema: { tags, summary: 'A management review', params: one, response: { 200: managementReview } },
    },
    async (req) => service.showReview(req.params, orgCtx(req)),
  );
  app.patch(
    `${base}/:reviewId`,
    {
      config: { policy: 'management_review.manage' },
      schema: {
        tags,
        summary:
          'Record decisions and actions (9.3.3), attendees, notes; refreshInputs gathers the inputs again',
        params: one,
        body: managementReviewUpdate.extend({ refreshInputs: z.boolean().optional() }),
        response: { 200: managementReview },
      },
    },
    async (req) => service.updateReview({ ...req.body, ...req.params }, orgCtx(req)),
  );
  app.get(
    `${base}/:reviewId/minutes`,
    {
      config: { policy: 'management_review.read' },
      schema: { tags, summary: 'The minutes as PDF', params: one, produces: [media.pdf] },
    },
    async (req, reply) => {
      const doc = await service.reviewMinutes(req.params, orgCtx(req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="management-review-${doc.meta.version}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(await renderPdf(doc));
    },
  );
}
