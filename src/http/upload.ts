import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../contracts/errors.ts';
import { type StagedFile, stageStream } from '../storage/file-content.ts';

/**
 * Reads a multipart/form-data request carrying one file and a few text fields, as the upload routes
 * (evidence, certificate files, trust page documents, findings import) take it, with the file written to
 * a temporary file as it arrives instead of collected in memory (up to the upload limit: issue #17; the
 * findings import: issue #16); the size limit is enforced while reading. A body the multipart parser
 * cannot read (no boundary, unterminated) is a 400. The caller must `discard` the file, also when its
 * use-case refuses the upload; `withStagedUpload` does.
 */
export function readStagedFileUpload(req: FastifyRequest, maxBytes: number, maxFields = 10) {
  return readUpload(req, maxBytes, maxFields, async (part) => {
    const content = await stageStream(part.file);
    if (part.file.truncated) {
      await content.discard();
      throw new AppError('payload_too_large', 'the file is larger than allowed');
    }
    return { content };
  });
}

/** Reads a staged upload, runs `use` with it and removes the temporary file whatever happened. */
export async function withStagedUpload<T>(
  req: FastifyRequest,
  maxBytes: number,
  use: (upload: {
    fields: Record<string, string>;
    file: { name: string; content: StagedFile };
  }) => Promise<T>,
  maxFields = 10,
): Promise<T> {
  const upload = await readStagedFileUpload(req, maxBytes, maxFields);
  try {
    return await use(upload);
  } finally {
    await upload.file.content.discard();
  }
}

async function readUpload<F extends object>(
  req: FastifyRequest,
  maxBytes: number,
  maxFields: number,
  take: (part: MultipartFile) => Promise<F>,
): Promise<{ fields: Record<string, string>; file: { name: string } & F }> {
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', 'send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: ({ name: string } & F) | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: maxFields } })) {
      if (part.type === 'file') file = { name: part.filename, ...(await take(part)) };
      else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    if (file && 'content' in file) await (file.content as StagedFile).discard();
    if (err instanceof AppError) throw err;
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) throw new AppError('payload_too_large', 'the upload is larger than allowed');
    throw new AppError('validation_failed', 'the multipart/form-data body cannot be read', [
      { path: 'body', message: err instanceof Error ? err.message : 'malformed' },
    ]);
  }
  for (const [name, value] of Object.entries(fields))
    if (value.includes('\u0000')) {
      if (file && 'content' in file) await (file.content as StagedFile).discard();
      throw new AppError('validation_failed', `${name} contains a NUL character`, [
        { path: `body/${name}`, message: 'must not contain the NUL character (U+0000)' },
      ]);
    }
  if (file?.name.includes('\u0000')) file.name = file.name.replaceAll('\u0000', '');
  if (!file)
    throw new AppError('validation_failed', 'no file in the request', [
      { path: 'body/file', message: 'required' },
    ]);
  return { fields, file };
}
