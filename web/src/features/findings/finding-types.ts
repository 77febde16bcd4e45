import type { z } from 'zod';
import type { findingDetail } from '../../../../src/contracts/corrective-actions.ts';

export type FindingDetail = z.infer<typeof findingDetail>;
