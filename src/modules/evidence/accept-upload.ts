import { AppError } from '../../contracts/errors.ts';
import { acceptedTypesDescription, safeFileName, sniffContent } from '../../domain/files/sniff.ts';
import type { FileContent } from '../../storage/file-content.ts';

/**
 * The checks every stored upload passes (evidence, certificate files, trust page documents): not empty,
 * within the size limit, a safe name, and a type decided from the bytes, never from the name alone.
 */
export function acceptUpload(
  input: { fileName: string; content: FileContent },
  maxBytes: number,
  only?: { mediaTypes: Set<string>; refusal: string },
): { fileName: string; mediaType: string } {
  if (input.content.size === 0)
    throw new AppError('validation_failed', 'the file is empty', [{ path: 'file', message: 'empty' }]);
  if (input.content.size > maxBytes)
    throw new AppError('payload_too_large', `the file is larger than ${Math.round(maxBytes / 1048576)} MB`);
  const fileName = safeFileName(input.fileName);
  const type = sniffContent(input.content.sniff, fileName);
  if (!type || (only && !only.mediaTypes.has(type.mediaType)))
    throw new AppError(
      'unsupported_media_type',
      only
        ? `${fileName}: ${only.refusal}`
        : `${fileName} is not an accepted type (${acceptedTypesDescription})`,
    );
  return { fileName, mediaType: type.mediaType };
}
