import { Badge, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { colourOfGrade } from '../../components/grades.ts';
import { postureApi, postureQueries } from './api.ts';
import { signed } from './model.ts';
import { ScoreCards } from './ScoreCards.tsx';
import { TrendChart } from './TrendCharts.tsx';

// One page for executives (issue #6): the three figures, the trend, what blocks a recommendation and the
// five actions worth most per day. The same content as the PDF for a management review (clause 9.3).
export function ExecutiveSummaryPage() {
  const org = useOrg();
  const q = useQuery(postureQueries.summary(org.slug));
  return (
    <>
      <PageHeader
        title="Executive summary"
        description={`${org.name}: readiness and implementation scores and certification readiness at a glance.`}
        actions={
          <Button component="a" href={postureApi.summaryPdfUrl(org.slug)} download>
            Download PDF
          </Button>
        }
      />
      {q.isError ? (
        <ErrorNote error={q.error} />
      ) : !q.data ? (
        <Loading />
      ) : (
        <Stack>
          <ScoreCards s={q.data} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TrendChart s={q.data} />
            <Card withBorder component="section" aria-label="Next five actions">
              <Title order={2} size="h4" mb="xs">
                The five actions worth most per day of effort
              </Title>
              <List spacing="xs">
                {q.data.ranked.slice(0, 5).map((a) => (
                  <List.Item key={a.taskId}>
                    <Group gap="xs" wrap="nowrap">
                      <Badge color={colourOfGrade(a.grade)} variant="light">
                        {a.findingRef}
                      </Badge>
                      <Text size="sm">
                        {a.title} — {a.effortDays} d, readiness {signed(a.delta.readinessScore, 2)},
                        implementation {signed(a.delta.implementationScore, 2)}
                      </Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </Card>
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            Figures computed at {q.data.computedAt.slice(0, 16).replace('T', ' ')} UTC by the {q.data.model}{' '}
            model.
          </Text>
        </Stack>
      )}
    </>
  );
}
