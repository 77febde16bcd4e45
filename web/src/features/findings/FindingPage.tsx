import { Alert, Badge, Button, Card, Drawer, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { isFinishedFinding, isNonconformity } from '../../../../src/vocabulary/index.ts';
import { labelOf } from '../../../../src/vocabulary/labels.ts';
import { ErrorNote, Loading, useOrg } from '../../components/common.tsx';
import { colourOfGrade } from '../../components/grades.ts';
import { can } from '../../permissions.ts';
import { FindingEffect } from '../posture/FindingEffect.tsx';
import { ActionsPanel } from './ActionsPanel.tsx';
import { findingQueries } from './api.ts';
import { EffectivenessPanel } from './EffectivenessPanel.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { FindingForm } from './FindingForm.tsx';
import { statusLabel } from './FindingsTable.tsx';
import { RecordEditor } from './RecordEditor.tsx';
import { RecordView } from './RecordView.tsx';
import { TimelinePanel } from './TimelinePanel.tsx';
import { TransitionBar } from './TransitionBar.tsx';

/** The corrective action record of one finding as one readable page. */
export function FindingPage() {
  const org = useOrg();
  const { findingId } = useParams({ strict: false }) as { findingId: string };
  const q = useQuery(findingQueries.detail(org.slug, findingId));
  const [editing, edit] = useDisclosure(false);
  if (q.isLoading) return <Loading />;
  if (q.isError || !q.data) return <ErrorNote error={q.error} />;
  const f = q.data;
  const nc = isNonconformity(f.grade);
  const editable =
    nc && can.workOnFindings(org.role) && !['verified_internally', 'closed'].includes(f.status);
  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm">
          {can.manageFindings(org.role) && f.status !== 'closed' && (
            <Button variant="light" onClick={edit.open} style={{ order: 9 }} ml="auto">
              Edit finding
            </Button>
          )}
          <Title order={1} size="h2">
            {f.ref}
          </Title>
          <Badge color={colourOfGrade(f.grade)}>{labelOf.grade(f.grade)}</Badge>
          <Badge
            variant="light"
            color={f.overdue ? 'red' : f.status === 'closed' ? 'teal' : 'gray'}
            data-testid="finding-status"
          >
            {statusLabel(f.status)}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {f.kind} · audit {f.auditRef} · closed by{' '}
          {f.closer === 'organisation' ? 'the organisation (10.2)' : 'the certification body'} ·{' '}
          {f.requirements.join(', ')} {f.area && `· ${f.area}`} · owner {f.owner?.name ?? 'not assigned'}
        </Text>
      </div>
      {f.escalation.map((e) => (
        <Alert
          key={e.message}
          color="orange"
          title={
            e.kind === 'possible_systemic_major' ? 'Possible systemic major' : 'Not effectively resolved'
          }
        >
          {e.message}
        </Alert>
      ))}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Card withBorder>
          <Text size="sm" fw={600}>
            Nonconformity statement
          </Text>
          <Text size="sm">{f.statement}</Text>
          <Text size="sm" fw={600} mt="sm">
            Objective evidence
          </Text>
          <Text size="sm">{f.objectiveEvidence || '—'}</Text>
        </Card>
        <Card withBorder>
          <Text size="sm" fw={600}>
            Deadlines
          </Text>
          <Text size="sm">Corrective action plan: {f.capDueOn ?? '—'}</Text>
          <Text size="sm">Evidence of Correction: {f.evidenceDueOn ?? '—'}</Text>
          <Text size="sm">Closure: {f.closeByOn ?? '—'}</Text>
          {f.overdue && <Badge color="red">overdue</Badge>}
          {f.record.verification.by && (
            <Text size="sm" mt="sm">
              Verified internally by {f.record.verification.by} on {f.record.verification.on}
              {f.record.verification.criteriaMet === true ? ': effectiveness criteria met' : ''}
              {f.record.verification.evidence.length > 0
                ? ` (examined ${f.record.verification.evidence.map((e) => e.fileName).join(', ')})`
                : ''}
            </Text>
          )}
          {f.record.auditorDecision.by && (
            <Text size="sm">
              {f.closer === 'organisation' ? "Organisation's decision" : 'Certification body'}:{' '}
              {f.record.auditorDecision.by}, {f.record.auditorDecision.on}
              {f.record.auditorDecision.recordedBy
                ? ` (recorded by ${f.record.auditorDecision.recordedBy})`
                : ''}
            </Text>
          )}
          {f.ofiReason && <Text size="sm">Declined: {f.ofiReason}</Text>}
        </Card>
      </SimpleGrid>
      {can.readPosture(org.role) && !org.limited && !isFinishedFinding(f.status) && (
        <FindingEffect org={org.slug} findingId={f.id} />
      )}
      <TransitionBar org={org.slug} finding={f} />
      {nc &&
        (editable ? (
          <RecordEditor key={f.id} org={org.slug} finding={f} editable />
        ) : (
          <RecordView finding={f} />
        ))}
      {nc && <ActionsPanel org={org.slug} finding={f} editable={editable} />}
      {nc && (
        <EffectivenessPanel
          key={`${f.id}-${f.effectivenessReview.current?.id ?? 'none'}`}
          org={org.slug}
          finding={f}
          canPlan={can.manageFindings(org.role)}
          canReview={can.reviewEffectiveness(org.role)}
        />
      )}
      <EvidencePanel org={org.slug} finding={f} canAttach={can.attachEvidence(org.role)} />
      <TimelinePanel org={org.slug} finding={f} canComment={can.comment(org.role)} />
      <Drawer opened={editing} onClose={edit.close} title={`Edit ${f.ref}`} position="right" size="md">
        <FindingForm org={org.slug} auditRef={f.auditRef} finding={f} onDone={edit.close} />
      </Drawer>
    </Stack>
  );
}
