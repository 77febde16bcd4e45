import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import {
  annexAControl,
  approveSoa,
  createSoaVersion,
  entryControlId,
  ismsScope,
  migration2013Input,
  migration2013Result,
  otherControlInput,
  scopeUpdate,
  soaComparison,
  soaEntry,
  soaEntryUpdate,
  soaFormats,
  soaVersion,
  soaVersionSummary,
  versionNumber,
} from '../../contracts/isms-soa.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ZodApp } from '../../http/route-types.ts';
import { annexAControls } from '../../reference/catalogue.ts';
import { soaExport } from './soa.report.ts';
import * as service from './soa.service.ts';
import * as edit from './soa-edit.service.ts';
import * as other from './soa-other.service.ts';

const mediaTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
} as const;

export function soaRoutes(app: ZodApp) {
  const tags = ['statement of applicability'];
  app.get(
    '/api/v1/reference/annex-a',
    {
      config: { policy: 'authenticated' },
      schema: {
        tags,
        summary: 'The 93 ISO/IEC 27001:2022 Annex A controls with theme and ISO/IEC 27002 attributes',
        response: { 200: z.array(annexAControl) },
      },
    },
    async () => [...annexAControls()],
  );
  const base = '/api/v1/orgs/:org/soa';
  const one = orgParams.extend({ version: versionNumber });
  app.get(
    base,
    {
      config: { policy: 'soa.read' },
      schema: {
        tags,
        summary: 'The SoA in force: latest approved version, else the draft',
        params: orgParams,
        response: { 200: soaVersion },
      },
    },
    async (req) => service.showVersion({}, orgCtx(req)),
  );
  app.get(
    `${base}/versions`,
    {
      config: { policy: 'soa.read' },
      schema: {
        tags,
        summary: 'SoA versions, newest first',
        params: orgParams,
        response: { 200: z.array(soaVersionSummary) },
      },
    },
    async (req) => service.listVersions({}, orgCtx(req)),
  );
  app.post(
    `${base}/versions`,
    {
      config: { policy: 'soa.manage' },
      schema: {
        tags,
        summary: 'Start a draft version from the last approved one (the first from the Annex A catalogue)',
        params: orgParams,
        body: createSoaVersion,
        response: { 201: soaVersion },
      },
    },
    async (req, reply) => reply.status(201).send(await service.createVersion(req.body, orgCtx(req))),
  );
  app.get(
    `${base}/versions/:version`,
    {
      config: { policy: 'soa.read' },
      schema: {
        tags,
        summary: 'One SoA version with its 93 controls and validation issues',
        params: one,
        response: { 200: soaVersion },
      },
    },
    async (req) => service.showVersion({ number: req.params.version }, orgCtx(req)),
  );
  app.patch(
    `${base}/versions/:version/controls/:controlId`,
    {
      config: { policy: 'soa.manage' },
      schema: {
        tags,
        summary: 'Edit one control of a draft version (logged with the reason given)',
        params: one.extend({ controlId: entryControlId }),
        body: soaEntryUpdate,
        response: { 200: soaEntry },
      },
    },
    async (req) =>
      edit.updateEntry(
        { ...req.body, number: req.params.version, controlId: req.params.controlId },
        orgCtx(req),
      ),
  );
  app.post(
    `${base}/versions/:version/other-controls`,
    {
      config: { policy: 'soa.manage' },
      schema: {
        tags,
        summary: 'Add another necessary control, beside Annex A, under its own id (6.1.3 b NOTE 1)',
        params: one,
        body: otherControlInput,
        response: { 201: soaEntry },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await other.addOtherControl({ ...req.body, number: req.params.version }, orgCtx(req))),
  );
  app.delete(
    `${base}/versions/:version/other-controls/:controlId`,
    {
      config: { policy: 'soa.manage' },
      schema: {
        tags,
        summary: 'Remove another necessary control from a draft (Annex A controls are excluded, not removed)',
        params: one.extend({ controlId: entryControlId }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await other.removeOtherControl(
        { number: req.params.version, controlId: req.params.controlId },
        orgCtx(req),
      );
      return reply.status(204).send(null);
    },
  );
  app.put(
    `${base}/versions/:version/scope`,
    {
      config: { policy: 'soa.manage' },
      schema: {
        tags,
        summary: 'Replace the ISMS scope (clause 4.3) of a draft version',
        params: one,
        body: scopeUpdate,
        response: { 200: ismsScope },
      },
    },
    async (req) => edit.updateScope({ ...req.body, number: req.params.version }, orgCtx(req)),
  );
  app.post(
    `${base}/versions/:version/approval`,
    {
      config: { policy: 'soa.approve' },
      schema: {
        tags,
        summary: 'Approve a draft in your name; it becomes read-only. Refused while it has validation issues',
        params: one,
        body: approveSoa,
        response: { 200: soaVersion },
      },
    },
    async (req) => service.approveVersion({ ...req.body, number: req.params.version }, orgCtx(req)),
  );
  app.post(
    `${base}/versions/:version/migration-2013`,
    {
      config: { policy: 'soa.manage' },
      schema: {
        tags,
        summary:
          'Propose (or write into the draft) 2022 lines from a 2013 SoA, by ISO/IEC 27002:2022 Annex B',
        params: one,
        body: migration2013Input,
        response: { 200: migration2013Result },
      },
    },
    async (req) => edit.migrateFrom2013({ ...req.body, number: req.params.version }, orgCtx(req)),
  );
  app.get(
    `${base}/compare`,
    {
      config: { policy: 'soa.read' },
      schema: {
        tags,
        summary: 'What changed between two versions, who changed it and why',
        params: orgParams,
        querystring: z.object({ from: versionNumber, to: versionNumber }),
        response: { 200: soaComparison },
      },
    },
    async (req) => service.compareVersions(req.query, orgCtx(req)),
  );
  app.get(
    `${base}/versions/:version/export`,
    {
      config: { policy: 'soa.read' },
      schema: {
        tags,
        summary: 'The SoA as PDF (cover, scope, a table per theme), XLSX (a row per control) or JSON',
        params: one,
        querystring: z.object({ format: z.enum(soaFormats).default('pdf') }),
        produces: [media.pdf, media.xlsx, media.json],
      },
    },
    async (req, reply) => {
      const { bytes } = await soaExport(
        { number: req.params.version, format: req.query.format },
        orgCtx(req),
      );
      const name = `soa-${req.params.org}-v${req.params.version}.${req.query.format}`;
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-type', mediaTypes[req.query.format])
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(bytes);
    },
  );
}
