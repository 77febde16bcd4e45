import { Badge } from '@mantine/core';
import type { z } from 'zod';
import type { certificate } from '../../../../src/contracts/certification.ts';

export type Certificate = z.infer<typeof certificate>;
export const statusColour = {
  valid: 'teal',
  suspended: 'orange',
  withdrawn: 'red',
  expired: 'gray',
} as const;

export const StatusBadge = ({ status }: { status: Certificate['status'] }) => (
  <Badge color={statusColour[status]} aria-label="Certificate status">
    {status}
  </Badge>
);
