import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import { AppError } from '../../contracts/errors.ts';
import { templateColumns } from '../../domain/findings/import-rows.ts';
import { orgCtx } from '../../http/gate.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { importFindings, templateCsv } from './import.service.ts';

const report = z.object({
  dryRun: z.boolean(),
  imported: z.number().int(),
  findings: z.array(
    z.object({
      line: z.number(),
      ref: z.string(),
      grade: z.string(),
      requirements: z.array(z.string()),
      statement: z.string(),
      objectiveEvidence: z.string(),
      ownerEmail: z.string().nullable(),
    }),
  ),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
});
const mappingSchema = z.record(z.enum(templateColumns), z.string().min(1).max(120));

/** Malformed JSON in a form field is the caller's mistake: a 400 naming the field, never a 500. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol('invalid');
  }
}

export function importRoutes(app: ZodApp, deps: ModuleDeps) {
  const tags = ['findings'];
  app.get(
    '/api/v1/orgs/:org/findings-import/template.csv',
    {
      config: { policy: 'finding.read' },
      schema: { tags, summary: 'The nonconformity report template (CSV)', params: orgParams },
    },
    async (_req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="nonconformity-report-template.csv"')
        .send(templateCsv()),
  );
  app.post(
    '/api/v1/orgs/:org/audits/:auditRef/import',
    {
      config: { policy: 'finding.manage' },
      schema: {
        tags,
        summary:
          'Import a nonconformity report (multipart: file CSV/XLSX, mapping JSON, dryRun true|false); nothing is written if any row is bad',
        consumes: ['multipart/form-data'],
        params: orgParams.extend({ auditRef: z.string().min(1).max(60) }),
        response: { 200: report },
      },
    },
    async (req) => {
      if (!req.isMultipart())
        throw new AppError('unsupported_media_type', 'send the report as multipart/form-data');
      const fields: Record<string, string> = {};
      let file: { name: string; bytes: Buffer } | null = null;
      for await (const part of req.parts({ limits: { fileSize: deps.maxUploadBytes, files: 1 } })) {
        if (part.type === 'file') file = { name: part.filename, bytes: await part.toBuffer() };
        else fields[part.fieldname] = String(part.value);
      }
      if (!file)
        throw new AppError('validation_failed', 'no file in the request', [
          { path: 'body/file', message: 'required' },
        ]);
      let mapping = {};
      if (fields.mapping) {
        const parsed = mappingSchema.safeParse(parseJson(fields.mapping));
        if (!parsed.success)
          throw new AppError('validation_failed', 'mapping must map template columns to header names', [
            { path: 'body/mapping', message: 'invalid' },
          ]);
        mapping = parsed.data;
      }
      return importFindings(
        {
          auditRef: req.params.auditRef,
          bytes: file.bytes,
          fileName: file.name,
          mapping,
          dryRun: fields.dryRun === 'true',
        },
        orgCtx(req),
      );
    },
  );
}
