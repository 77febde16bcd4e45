import { addCalendarDays } from '../domain/calendar/iso-date.ts';
import { accountByEmail } from '../modules/accounts/index.ts';
import type { OrgContext } from '../modules/context.ts';
import { commentOnTask, readTaskConversation } from '../modules/conversations/index.ts';
import {
  addDependency,
  addTimeOff,
  createScenario,
  createTask,
  createTeam,
  loadPlanData,
  setCapacity,
  updateTask,
} from '../modules/planning/index.ts';
import { asDemoPerson } from './foundation.ts';

const tom = 'tom.becker@demo.example';
const lena = 'lena.okafor@demo.example';
const isabel = 'isabel.martin@demo.example';

/**
 * The stage 2 remediation plan: Tom gives half his days to remediation and carries the scanning roll-out
 * of the major NC-01 on top of its corrective actions, so NC-01 will miss its closure date; a saved
 * what-if (a contract engineer takes the roll-out) shows how to bring it back on track.
 */
export async function seedPlanning(base: OrgContext) {
  const as = (email: string) => asDemoPerson(base, email);
  const manager = await as(isabel);
  const userId = async (email: string) => (await accountByEmail(base.db, email))!.id;
  const today = base.now().toISOString().slice(0, 10);

  await setCapacity({ userId: await userId(tom), share: 0.5, weekdays: [1, 2, 3, 4, 5] }, manager);
  await setCapacity({ userId: await userId(lena), share: 0.5, weekdays: [1, 2, 3, 4, 5] }, manager);
  await setCapacity({ userId: await userId(isabel), share: 0.5, weekdays: [1, 2, 3, 4, 5] }, manager);
  await addTimeOff(
    {
      userId: await userId(lena),
      from: addCalendarDays(today, 14),
      to: addCalendarDays(today, 18),
      reason: 'Annual leave',
    },
    manager,
  );

  await createTeam(
    { name: 'Platform engineering', memberIds: [await userId(tom), await userId(lena)] },
    manager,
  );

  const plan = (await loadPlanData(manager)).view;
  const nc01 = plan.findings.find((f) => f.ref === 'NC-01')!;
  const action = (title: string) => plan.tasks.find((t) => t.title.startsWith(title))!;
  const sla = action('Define remediation SLAs');
  const ownerAssigned = action('Assign the vulnerability management owner');
  const review = action('Weekly scan review');
  // The weekly review is the lasting control: it must run before closure, not before the evidence.
  await updateTask({ taskId: review.id, serves: 'close' }, manager);

  const rollout = await createTask(
    {
      title: 'Roll out authenticated scanning to every production host',
      description: 'Credentialed scans on the 212 production hosts; agents where credentials cannot be used.',
      findingId: nc01.id,
      ownerEmail: tom,
      effortDays: 6,
      earliestStart: null,
      dueOn: null,
      serves: 'close',
    },
    manager,
  );
  const remediate = await createTask(
    {
      title: 'Remediate or risk-accept the open critical vulnerabilities',
      description:
        'Every critical older than the new SLA is patched, mitigated or accepted by its risk owner.',
      findingId: nc01.id,
      ownerEmail: tom,
      effortDays: 6,
      earliestStart: null,
      dueOn: null,
      serves: 'close',
    },
    manager,
  );
  await addDependency({ predecessorId: ownerAssigned.id, successorId: sla.id, lagDays: 0 }, manager);
  await addDependency({ predecessorId: sla.id, successorId: review.id, lagDays: 0 }, manager);
  await addDependency({ predecessorId: rollout.id, successorId: remediate.id, lagDays: 0 }, manager);

  const nc03 = plan.findings.find((f) => f.ref === 'NC-03');
  if (nc03)
    await createTask(
      {
        title: 'Brief data owners on the approval step',
        description: '',
        findingId: nc03.id,
        ownerEmail: lena,
        effortDays: 0.5,
        earliestStart: null,
        dueOn: null,
        serves: 'evidence',
      },
      manager,
    );

  await commentOnTask(
    {
      taskId: rollout.id,
      parentId: null,
      attachmentId: null,
      body: '@tom the roll-out is what pushes NC-01 past its closure date. Can part of it go to the contractor?',
    },
    manager,
  );
  const thread = (await readTaskConversation({ taskId: rollout.id }, await as(tom))).items[0]!;
  await commentOnTask(
    {
      taskId: rollout.id,
      parentId: thread.id,
      attachmentId: null,
      body: 'Yes: the agent deployment can be handed over; I keep the credentialed scans.',
    },
    await as(tom),
  );

  await createScenario(
    {
      name: 'Contract engineer takes the scanning roll-out',
      changes: [
        {
          kind: 'add_person',
          personId: 'placeholder:contractor',
          name: 'Contract security engineer',
          share: 1,
        },
        { kind: 'owner', taskId: rollout.id, ownerId: 'placeholder:contractor' },
        { kind: 'owner', taskId: remediate.id, ownerId: 'placeholder:contractor' },
      ],
    },
    manager,
  );
}
