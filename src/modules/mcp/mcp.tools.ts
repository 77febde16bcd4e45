import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { id, pageQuery } from '../../contracts/common.ts';
import {
  commentRequest,
  correctiveActionInput,
  recordUpdate,
  transitionRequest,
} from '../../contracts/corrective-actions.ts';
import { findingQuery } from '../../contracts/findings.ts';
import { planQuery } from '../../contracts/planning.ts';
import type { ContentStore } from '../../storage/content-store.ts';
import { listAudits, showAudit } from '../audits/index.ts';
import type { OrgContext } from '../context.ts';
import { addAction, updateRecord } from '../corrective-actions/index.ts';
import { addComment, getFindingDetail, transitionFinding } from '../finding-workflow/index.ts';
import { listFindings } from '../findings/index.ts';
import { getPlan } from '../planning/index.ts';
import { evidenceLinkInput, recordEvidenceLink } from './mcp.evidence.ts';
import { capMarkdown } from './mcp.resources.ts';

type Run = (work: () => Promise<unknown>) => Promise<CallToolResult>;

const finding = z.object({ findingId: id.describe('the finding’s id (from list_findings)') });
const audit = z.object({ ref: z.string().min(1).max(60).describe('the audit’s reference, e.g. "SA1-2026"') });

/** The tools: each one use-case of a module's public face, its input schema from src/contracts. */
export function registerTools(
  server: McpServer,
  ctx: OrgContext,
  run: Run,
  opts: { store: ContentStore; maxBytes: number },
) {
  const read = { readOnlyHint: true, openWorldHint: false } as const;
  const write = { readOnlyHint: false, destructiveHint: false, openWorldHint: false } as const;
  const tool = <S extends z.ZodObject>(
    name: string,
    description: string,
    schema: S,
    annotations: typeof read | typeof write,
    fn: (args: z.infer<S>) => Promise<unknown>,
  ) =>
    server.registerTool(name, { description, inputSchema: schema, annotations }, ((args: unknown) =>
      run(() => fn(schema.parse(args) as z.infer<S>))) as never);

  tool('list_audits', 'The organisation’s audits, newest first, a page at a time.', pageQuery, read, (a) =>
    listAudits(a, ctx),
  );
  tool(
    'show_audit',
    'One audit with its findings’ figures and the recommendation they imply.',
    audit,
    read,
    (a) => showAudit(a, ctx),
  );
  tool(
    'list_findings',
    'Findings (nonconformities, opportunities for improvement), filtered by audit, grade, status, text.',
    pageQuery.extend(findingQuery.shape),
    read,
    (a) => listFindings(a, ctx),
  );
  tool(
    'read_finding',
    'A finding with its corrective action record (ISO 27001 10.2 a–g), actions, evidence, timeline and the transitions you may take.',
    finding,
    read,
    (a) => getFindingDetail(a, ctx),
  );
  tool(
    'list_transitions',
    'The lifecycle moves your role may take on a finding now (use the action with transition_finding).',
    finding,
    read,
    async (a) => {
      const d = await getFindingDetail(a, ctx);
      return { findingId: d.id, ref: d.ref, status: d.status, availableActions: d.availableActions };
    },
  );
  tool(
    'transition_finding',
    'Move a finding along its lifecycle (an action from list_transitions), with a comment where one is needed.',
    finding.extend(transitionRequest.shape),
    write,
    ({ findingId, ...body }) => transitionFinding({ ...body, findingId }, ctx),
  );
  tool(
    'comment_on_finding',
    'Add a comment to a finding’s timeline.',
    finding.extend(commentRequest.shape),
    write,
    (a) => addComment(a, ctx),
  );
  tool(
    'save_record',
    'Save the correction, root cause analysis, expected effect or effectiveness criteria of a finding’s corrective action record.',
    finding.extend(recordUpdate.shape),
    write,
    (a) => updateRecord(a, ctx),
  );
  tool(
    'add_corrective_action',
    'Add a corrective action (what, who, by when, effort) to a finding.',
    finding.extend(correctiveActionInput.shape),
    write,
    (a) => addAction(a, ctx),
  );
  tool(
    'read_cap',
    'The corrective action plan (CAP) of an audit as Markdown, with a link to its PDF.',
    audit,
    read,
    (a) => capMarkdown(ctx, a.ref),
  );
  tool(
    'read_plan_forecast',
    'The remediation plan and its forecast: when each finding’s actions finish and which deadlines are missed, and why.',
    planQuery,
    read,
    (a) => getPlan(a, ctx),
  );
  tool(
    'record_evidence_link',
    'Record a link to evidence (a ticket, a page, a document) on a finding, its correction, an action or its review.',
    evidenceLinkInput,
    write,
    (a) => recordEvidenceLink(a, { ...ctx, store: opts.store, maxBytes: opts.maxBytes }),
  );
}
