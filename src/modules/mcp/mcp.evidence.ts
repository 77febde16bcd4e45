import { z } from 'zod';
import { id } from '../../contracts/common.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import { bufferContent } from '../../storage/file-content.ts';
import { authorize } from '../authorize.ts';
import type { OrgContext } from '../context.ts';
import { attachEvidence } from '../evidence/index.ts';

export const evidenceLinkInput = z.object({
  findingId: id.describe('the finding’s id (from list_findings)'),
  url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .describe('where the evidence lives (a ticket, a wiki page, a document in the DMS)'),
  title: z.string().trim().min(1).max(200).describe('what it shows, e.g. "Patch report, March 2026"'),
  attachedTo: z.enum(['finding', 'correction', 'action', 'review']).default('finding'),
  actionId: id.optional().describe('with attachedTo "action": the corrective action it proves'),
});

/**
 * An evidence link is kept as evidence like any other (clause 7.5.3): a small text file holding the link,
 * its title and who recorded it, with its SHA-256, in the finding's record and the Evidence of Correction
 * report. The page behind the link can change; the record of what was cited cannot.
 */
export async function recordEvidenceLink(
  input: z.infer<typeof evidenceLinkInput>,
  ctx: OrgContext & { store: ContentStore; maxBytes: number },
) {
  authorize(ctx, 'evidence.attach', { findingId: input.findingId });
  const text = `${input.title}\n${input.url}\nrecorded by ${ctx.actor.label} at ${ctx.now().toISOString()}\n`;
  const slug = input.title.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80) || 'link';
  return attachEvidence(
    {
      findingId: input.findingId,
      attachedTo: input.attachedTo,
      attachedId: input.actionId ?? null,
      fileName: `link-${slug}.txt`,
      description: `${input.title}: ${input.url}`,
      content: bufferContent(Buffer.from(text, 'utf8')),
    },
    ctx,
  );
}
