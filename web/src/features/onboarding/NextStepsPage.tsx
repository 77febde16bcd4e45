import { Alert, Anchor, Badge, Button, Card, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { plural } from '../../../../src/vocabulary/labels.ts';
import { errorMessage } from '../../api/client.ts';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { can } from '../../permissions.ts';
import { type NextStep, useDismissNextSteps, useNextSteps } from './next-steps.ts';

/** Where first-run setup ends (#19 item 3), and what the dashboard links to until dismissed or all done. */
export function NextStepsPage() {
  const org = useOrg();
  const next = useNextSteps(org.slug);
  const dismiss = useDismissNextSteps(org.slug);
  const navigate = useNavigate();
  const done = next.steps?.filter((s) => s.done).length ?? 0;
  return (
    <>
      <PageHeader
        title="Next steps"
        description="What a new organisation does first. Each step shows as done once the organisation’s data says so, whoever did it."
      />
      {next.error ? (
        <ErrorNote error={next.error} />
      ) : !next.steps ? (
        <Loading />
      ) : (
        <Stack maw={760}>
          <div>
            <Text size="sm" id="next-steps-progress">
              {done} of {next.steps.length} steps done
            </Text>
            <Progress.Root mt={4}>
              <Progress.Section
                value={(done / next.steps.length) * 100}
                aria-label="Steps done"
                aria-valuetext={`${done} of ${next.steps.length}`}
              />
            </Progress.Root>
          </div>
          {next.allDone && (
            <Alert color="teal" title="All done">
              Your organisation is set up. The dashboard shows readiness from here.
            </Alert>
          )}
          <List listStyleType="none" spacing="sm" p={0} aria-label="Next steps">
            {next.steps.map((s, i) => (
              <List.Item key={s.key}>
                <StepCard step={s} n={i + 1} org={org.slug} />
              </List.Item>
            ))}
          </List>
          <Group>
            <Button variant="default" component={Link} to={`/o/${org.slug}/dashboard`}>
              Go to the dashboard
            </Button>
            {can.updateOrganisation(org.role) && !next.dismissed && !next.allDone && (
              <Button
                variant="subtle"
                loading={dismiss.isPending}
                onClick={() =>
                  dismiss.mutate(undefined, {
                    onSuccess: () => void navigate({ to: `/o/${org.slug}/dashboard` }),
                  })
                }
              >
                Dismiss the next steps
              </Button>
            )}
          </Group>
          {dismiss.error && (
            <Text c="red" size="sm">
              {errorMessage(dismiss.error)}
            </Text>
          )}
        </Stack>
      )}
    </>
  );
}

function StepCard({ step, n, org }: { step: NextStep; n: number; org: string }) {
  return (
    <Card withBorder data-testid={`next-step-${step.key}`} aria-labelledby={`next-step-${step.key}-title`}>
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div style={{ flex: '1 1 18rem' }}>
          <Title order={2} size="h4" id={`next-step-${step.key}-title`}>
            {n}. {step.title}
          </Title>
          <Text size="sm" c="dimmed">
            {step.why}
          </Text>
          <Anchor component={Link} to={`/o/${org}/${step.to}`} size="sm" fw={600} underline="always">
            {step.action}
          </Anchor>
        </div>
        <Badge color={step.done ? 'teal' : 'gray'} variant={step.done ? 'filled' : 'outline'}>
          {step.done ? 'Done' : 'Not done'}
        </Badge>
      </Group>
    </Card>
  );
}

/** On the dashboard: how far the next steps are, until they are dismissed or all done. */
export function NextStepsCard() {
  const org = useOrg();
  const next = useNextSteps(org.slug);
  if (!can.updateOrganisation(org.role) || !next.steps || next.dismissed || next.allDone) return null;
  const left = next.steps.filter((s) => !s.done).length;
  return (
    <Alert color="blue" title="Next steps" data-testid="next-steps-card">
      <Group justify="space-between" wrap="wrap">
        <Text size="sm">Still to do: {plural(left, 'step')} of setting up your organisation.</Text>
        <Anchor component={Link} to={`/o/${org.slug}/next-steps`} size="sm" fw={600} underline="always">
          See the next steps
        </Anchor>
      </Group>
    </Alert>
  );
}
