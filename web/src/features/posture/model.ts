import type { z } from 'zod';
import type {
  fastestPathResponse,
  postureDashboard,
  postureExplanation,
  postureSummary,
  projectionResponse,
} from '../../../../src/contracts/posture.ts';

// Types and formatting shared by the posture pages (dashboard, executive summary, model explanation).

export type Summary = z.infer<typeof postureSummary>;
export type Dashboard = z.infer<typeof postureDashboard>;
export type Explanation = z.infer<typeof postureExplanation>;
export type Projection = z.infer<typeof projectionResponse>;
export type FastestPath = z.infer<typeof fastestPathResponse>;
export type Ranked = Summary['ranked'][number];

export const recommendationLabel: Record<string, string> = {
  recommended: 'Recommended',
  recommended_upon_action_plan: 'Recommended upon action plan',
  not_recommended: 'Not recommended',
};
export const recommendationColour: Record<string, string> = {
  recommended: 'teal',
  recommended_upon_action_plan: 'yellow',
  not_recommended: 'red',
};

export const signed = (x: number, places = 1) =>
  `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(places)}`;
export const pct = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(1)} %`);
export const shortDate = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
