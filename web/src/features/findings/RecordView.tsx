import { Card, List, Stack, Text, Title } from '@mantine/core';
import type { FindingDetail } from './finding-types.ts';

const Part = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <div>
    <Title order={3} size="h5" mb={4}>
      {title}
    </Title>
    {children}
  </div>
);
const Whole = ({ text }: { text: string }) => (
  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
    {text.trim() || '—'}
  </Text>
);

/** The corrective action record read as text, whole (clause 10.1 a, b, f): for those who may not edit it. */
export function RecordView({ finding }: { finding: FindingDetail }) {
  const { correction: c, rootCause: rc, expectedEffect, effectiveness: ef } = finding.record;
  return (
    <Card withBorder component="section" aria-label="Corrective action record">
      <Title order={2} size="h4" mb="sm">
        Corrective action record
      </Title>
      <Stack gap="md">
        <Part title="Correction (containment now)">
          <Whole text={c.what} />
          {(c.who || c.on) && (
            <Text size="sm">
              By {c.who || '—'} on {c.on ?? '—'}
            </Text>
          )}
        </Part>
        <Part title="Root cause analysis">
          {rc.method === 'five_whys' ? (
            rc.whys.length > 0 ? (
              <List type="ordered" size="sm" spacing={4}>
                {rc.whys.map((w, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a why is identified by its place in the chain
                  <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                    Why {w.question || '—'}? Because {w.answer || '—'}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Whole text="" />
            )
          ) : (
            <List size="sm" spacing={4}>
              {rc.categories.map((k, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: causes have no identity beyond their position
                <List.Item key={i} style={{ overflowWrap: 'anywhere' }}>
                  {k.category}: {k.cause}
                </List.Item>
              ))}
            </List>
          )}
          <Text size="sm" fw={600} mt={6}>
            Root cause statement
          </Text>
          <Whole text={rc.statement} />
        </Part>
        <Part title="Expected effect of the corrective actions">
          <Whole text={expectedEffect} />
        </Part>
        <Part title="Effectiveness review">
          <Whole text={ef.criteria} />
          <Text size="sm">
            Reviewer {ef.reviewerEmail ?? '—'} · reviewed on {ef.reviewedOn ?? '—'} · result{' '}
            {ef.result === null ? '—' : ef.result === 'effective' ? 'effective' : 'not effective'}
          </Text>
        </Part>
      </Stack>
    </Card>
  );
}
