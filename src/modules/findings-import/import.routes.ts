import { z } from 'zod';
import { orgParams } from '../../contracts/common.ts';
import { AppError } from '../../contracts/errors.ts';
import { importReport } from '../../contracts/findings.ts';
import { templateColumns } from '../../domain/findings/import-rows.ts';
import { orgCtx } from '../../http/gate.ts';
import { media } from '../../http/openapi.ts';
import type { ModuleDeps, ZodApp } from '../../http/route-types.ts';
import { withStagedUpload } from '../../http/upload.ts';
import { importFindings, templateCsv } from './import.service.ts';

// Any subset of the template columns (zod's record over an enum would demand all six); an empty header
// says "do not import this column".
const mappingSchema = z.partialRecord(z.enum(templateColumns), z.string().trim().max(120));

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
      schema: {
        tags,
        summary: 'The nonconformity report template (CSV)',
        params: orgParams,
        produces: [media.csv],
      },
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
        response: { 200: importReport },
      },
    },
    async (req) =>
      // The upload is staged to a temporary file as it arrives and read from there as a stream.
      withStagedUpload(
        req,
        deps.maxUploadBytes,
        async ({ fields, file }) => {
          let mapping = {};
          if (fields.mapping) {
            const parsed = mappingSchema.safeParse(parseJson(fields.mapping));
            if (!parsed.success)
              throw new AppError(
                'validation_failed',
                `mapping must be a JSON object from template columns (${templateColumns.join(', ')}) to header names`,
                [{ path: 'body/mapping', message: 'invalid' }],
              );
            mapping = parsed.data;
          }
          return importFindings(
            {
              auditRef: req.params.auditRef,
              content: file.content,
              fileName: file.name,
              mapping,
              dryRun: fields.dryRun === 'true',
            },
            orgCtx(req),
          );
        },
        5,
      ),
  );
}
