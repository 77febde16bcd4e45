import { isOverdue } from '../../domain/findings/overdue.ts';
import type { PostureInput, PostureTask, Theme } from '../../domain/posture/model.ts';
import type { ReadinessFinding } from '../../domain/posture/readiness.ts';
import { annexAControls } from '../../reference/catalogue.ts';
import type { OrgContext } from '../context.ts';
import { documentReadiness } from '../documents/index.ts';
import { ASSUMED_EFFORT_DAYS, plannedWork } from '../planning/index.ts';
import { risksInForce } from '../risks/index.ts';
import { controlsInForce } from '../soa/index.ts';
import * as repo from './posture.repository.ts';

// Gathers the model's input from the capabilities that own the facts: the SoA in force (controls and
// their implementation), the mandatory documents register, the risk register, the findings with their
// corrective actions and plan tasks. Nothing here scores; src/domain/posture does.

export interface LoadedPosture {
  input: PostureInput;
  today: string;
  soa: { version: number | null; approved: boolean };
  findingRows: Awaited<ReturnType<typeof repo.scoredFindings>>;
}

export const todayOf = (ctx: Pick<OrgContext, 'now'>) => ctx.now().toISOString().slice(0, 10);

export async function loadPostureInput(ctx: OrgContext): Promise<LoadedPosture> {
  const today = todayOf(ctx);
  const org = ctx.organisation.id;
  const soa = await controlsInForce(ctx);
  const inForce = new Map(soa.controls.map((c) => [c.controlId, c]));
  // Without any SoA, every control counts and none is implemented: the gap is real (6.1.3 d).
  const controls = annexAControls().map((c) => {
    const entry = inForce.get(c.id);
    return {
      id: c.id,
      title: c.title,
      theme: c.theme as Theme,
      applicable: soa.version === null ? true : (entry?.applicable ?? false),
      status: entry?.status ?? 'not_started',
      concepts: c.attributes.cybersecurityConcepts,
      properties: c.attributes.informationSecurityProperties,
    };
  });
  // The organisation's own controls of the SoA (6.1.3 b NOTE 1) count like Annex A ones: the same shares
  // and implementation factors. They carry no ISO/IEC 27002 attributes, so attribute coverage ignores them.
  for (const c of soa.controls)
    if (c.source === 'other')
      controls.push({
        id: c.controlId,
        title: c.title,
        theme: 'other',
        applicable: c.applicable,
        status: c.status,
        concepts: [],
        properties: [],
      });
  const documents = (await documentReadiness(undefined, ctx)).items.map((i) => ({
    key: i.key,
    clause: i.clause,
    title: i.title,
    state: i.state,
  }));
  const risks = (await risksInForce(ctx)).map((r) => ({
    ref: r.ref,
    residualScore: r.residualScore,
    maxScore: r.maxScore,
    controls: r.controls,
  }));

  const findingRows = await repo.scoredFindings(ctx.db, org);
  const { actions, freeTasks, dependencies } = await plannedWork(ctx.db, org);
  const free = freeTasks.filter((t) => t.finding_id !== null);
  const preds = new Map<string, string[]>();
  for (const d of dependencies)
    preds.set(d.successor_id, [...(preds.get(d.successor_id) ?? []), d.predecessor_id]);
  const tasksOf = new Map<string, PostureTask[]>();
  const byId = new Map(findingRows.map((f) => [f.id, f]));
  for (const t of [...actions, ...free]) {
    const f = byId.get(t.finding_id!);
    if (!f) continue;
    const deadline =
      t.serves === 'cap' ? f.cap_due_on : t.serves === 'close' ? f.close_by_on : f.evidence_due_on;
    const dueOn = [t.due_on, deadline].filter((d): d is string => !!d).sort()[0] ?? null;
    tasksOf.set(f.id, [
      ...(tasksOf.get(f.id) ?? []),
      {
        id: t.id,
        title: t.title,
        effortDays: t.effort_days ?? ASSUMED_EFFORT_DAYS,
        done: t.status === 'done',
        predecessors: preds.get(t.id) ?? [],
        dueOn,
      },
    ]);
  }
  const findings: ReadinessFinding[] = findingRows.map((f) => ({
    id: f.id,
    auditType: f.audit_type,
    capDueOn: f.cap_due_on,
    ref: f.ref,
    grade: f.grade,
    status: f.status,
    requirements: JSON.parse(f.requirements_json) as string[],
    overdue: isOverdue(
      f.status,
      { capDueOn: f.cap_due_on, evidenceDueOn: f.evidence_due_on, closeByOn: f.close_by_on },
      today,
    ),
    tasks: tasksOf.get(f.id) ?? [],
  }));
  return {
    input: { controls, documents, risks, findings },
    today,
    soa: { version: soa.version, approved: soa.approved },
    findingRows,
  };
}
