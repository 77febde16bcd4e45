import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { plural } from '../../../../src/vocabulary/labels.ts';
import { deadlineLabel, type Forecast, formatDay } from './model.ts';

/** The answer first: when does the plan end, which findings miss which deadline, and because of what. */
export function RiskSummary({ forecast }: { forecast: Forecast }) {
  const atRisk = forecast.findings.filter((f) => f.status === 'at_risk');
  const onTrack = forecast.findings.filter((f) => f.status === 'on_track').length;
  return (
    <Stack gap="sm" mb="md">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Figure label="Plan finishes" value={forecast.finishOn ? formatDay(forecast.finishOn) : '—'} />
        <Figure label="Working days" value={String(forecast.makespanDays)} />
        <Figure label="Findings on track" value={String(onTrack)} />
        <Figure
          label="Findings at risk"
          value={String(atRisk.length)}
          tone={atRisk.length ? 'red' : 'teal'}
        />
      </SimpleGrid>
      {atRisk.length === 0 ? (
        <Alert color="teal" icon={<IconCircleCheck />} title="Every deadline holds">
          The forecast meets every CAP, Evidence of Correction and closure date of the findings in the plan.
        </Alert>
      ) : (
        <Alert
          color="red"
          icon={<IconAlertTriangle />}
          title={`${plural(atRisk.length, 'finding')} will miss a deadline`}
        >
          <Stack gap="xs">
            {atRisk.map((f) => (
              <div key={f.id} data-testid={`risk-${f.ref}`}>
                {f.misses.map((m) => (
                  <div key={m.deadline}>
                    <Group gap="xs">
                      <Badge color="red">{f.ref}</Badge>
                      <Text size="sm">
                        {deadlineLabel[m.deadline]} due {formatDay(m.dueOn)}, forecast {formatDay(m.finishOn)}{' '}
                        ({plural(m.lateByWorkingDays, 'working day')} late). Why:
                      </Text>
                    </Group>
                    <List size="sm" type="ordered" ml="md">
                      {m.chain.map((c, i) => (
                        <List.Item key={`${m.chainIds[i]}`}>{c}</List.Item>
                      ))}
                    </List>
                  </div>
                ))}
              </div>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} c={tone}>
        {value}
      </Text>
    </Card>
  );
}
