import type { FastifyRequest } from 'fastify';
import { AppError } from '../contracts/errors.ts';

/**
 * Reads a multipart/form-data request carrying one file and a few text fields, as the upload routes
 * (evidence, certificate files, trust page documents, findings import) take it; the size limit is
 * enforced while reading. A body the multipart parser cannot read (no boundary, unterminated) is a 400.
 */
export async function readSingleFileUpload(
  req: FastifyRequest,
  maxBytes: number,
  maxFields = 10,
): Promise<{ fields: Record<string, string>; file: { name: string; bytes: Buffer } }> {
  if (!req.isMultipart())
    throw new AppError('unsupported_media_type', 'send the file as multipart/form-data');
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | null = null;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: maxFields } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.file.truncated) throw new AppError('payload_too_large', 'the file is larger than allowed');
        file = { name: part.filename, bytes };
      } else fields[part.fieldname] = String(part.value);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 413) throw new AppError('payload_too_large', 'the upload is larger than allowed');
    throw new AppError('validation_failed', 'the multipart/form-data body cannot be read', [
      { path: 'body', message: err instanceof Error ? err.message : 'malformed' },
    ]);
  }
  for (const [name, value] of Object.entries(fields))
    if (value.includes('\u0000'))
      throw new AppError('validation_failed', `${name} contains a NUL character`, [
        { path: `body/${name}`, message: 'must not contain the NUL character (U+0000)' },
      ]);
  if (file?.name.includes('\u0000')) file.name = file.name.replaceAll('\u0000', '');
  if (!file)
    throw new AppError('validation_failed', 'no file in the request', [
      { path: 'body/file', message: 'required' },
    ]);
  return { fields, file };
}
