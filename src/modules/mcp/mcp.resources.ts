import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { renderMarkdown } from '../../reports/markdown.ts';
import type { OrgContext } from '../context.ts';
import { buildAuditReport } from '../reports/index.ts';
import { soaExport } from '../soa/index.ts';

/** A report's download link in the web app's API (a person opens it signed in, or with the token). */
const reportUrl = (ctx: OrgContext, kind: string, auditRef: string, format: string) =>
  `${ctx.env.publicUrl}/api/v1/orgs/${ctx.organisation.slug}/reports/${kind}?audit=${encodeURIComponent(auditRef)}&format=${format}`;

/** The draft CAP of one audit as Markdown; the same report model as its PDF and XLSX. */
export async function capMarkdown(ctx: OrgContext, auditRef: string) {
  const doc = await buildAuditReport({ kind: 'cap', auditRef }, ctx);
  return `${renderMarkdown(doc)}\n[PDF](${reportUrl(ctx, 'cap', auditRef, 'pdf')})\n`;
}

/** Resources (for the organisation context `org`): the Statement of Applicability and the CAP, as text/markdown. */
export function registerResources(server: McpServer, org: OrgContext) {
  server.registerResource(
    'statement-of-applicability',
    'closeloop://soa',
    {
      title: 'Statement of Applicability',
      description:
        'The current SoA (ISO 27001 6.1.3 d): each Annex A control, included or excluded, and why.',
      mimeType: 'text/markdown',
    },
    async (uri) => {
      const { bytes } = await soaExport({ format: 'markdown' }, org);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: bytes.toString('utf8') }] };
    },
  );
  server.registerResource(
    'corrective-action-plan',
    new ResourceTemplate('closeloop://audits/{ref}/cap', { list: undefined }),
    {
      title: 'Corrective action plan',
      description: 'The CAP of one audit (draft, as it would be submitted), with a link to its PDF.',
      mimeType: 'text/markdown',
    },
    async (uri, vars) => {
      const ref = String(Array.isArray(vars.ref) ? vars.ref[0] : vars.ref);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: await capMarkdown(org, ref) }] };
    },
  );
}
