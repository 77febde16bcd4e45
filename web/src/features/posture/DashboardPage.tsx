import { Button, Group, SimpleGrid, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ErrorNote, Loading, PageHeader, useOrg } from '../../components/common.tsx';
import { NextStepsCard } from '../onboarding/NextStepsPage.tsx';
import { postureApi, postureQueries } from './api.ts';
import { FastestPath } from './FastestPath.tsx';
import { OverdueList } from './OverdueList.tsx';
import { RankedActions } from './RankedActions.tsx';
import { ScoreCards } from './ScoreCards.tsx';
import { BurndownChart, FindingsCharts, TrendChart } from './TrendCharts.tsx';

// The ISMS manager's dashboard (issue #6): figures, trend, burn-down, findings, readiness, ranked actions
// with projection, the fastest path and everything overdue.
export function DashboardPage() {
  const org = useOrg();
  const summary = useQuery(postureQueries.summary(org.slug));
  const dashboard = useQuery(postureQueries.dashboard(org.slug));
  const error = summary.error ?? dashboard.error;
  return (
    <>
      <PageHeader
        title="Dashboard"
        description="closeloop’s readiness and implementation scores (0–100) and certification readiness, with the actions that move them most."
        actions={
          <Group>
            <Button variant="default" component={Link} to={`/o/${org.slug}/summary`}>
              Executive summary
            </Button>
            <Button variant="default" component="a" href={postureApi.summaryPdfUrl(org.slug)} download>
              Download PDF
            </Button>
          </Group>
        }
      />
      <NextStepsCard />
      {error ? (
        <ErrorNote error={error} />
      ) : !summary.data || !dashboard.data ? (
        <Loading />
      ) : (
        <Stack>
          <ScoreCards s={summary.data} />
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TrendChart s={summary.data} />
            <BurndownChart d={dashboard.data} />
          </SimpleGrid>
          <FindingsCharts d={dashboard.data} s={summary.data} />
          <RankedActions org={org.slug} s={summary.data} />
          <FastestPath org={org.slug} />
          <OverdueList d={dashboard.data} org={org.slug} />
        </Stack>
      )}
    </>
  );
}
