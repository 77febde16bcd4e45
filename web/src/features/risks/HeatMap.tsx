import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { z } from 'zod';
import type { heatCell, RiskMatrixDto } from '../../../../src/contracts/isms-risks.ts';
import { plural } from '../../../../src/vocabulary/labels.ts';

type Cell = z.infer<typeof heatCell>;

/** Likelihood (rows, most likely on top) × impact (columns), each cell coloured by its band. */
export function HeatMap({ title, matrix, rows }: { title: string; matrix: RiskMatrixDto; rows: Cell[][] }) {
  const colour = new Map(matrix.bands.map((b) => [b.key, b.colour]));
  return (
    <Stack gap={4} role="group" aria-label={title}>
      <Text fw={600}>{title}</Text>
      {rows.map((row) => (
        <Group key={row[0]!.likelihood} gap={4} wrap="nowrap">
          <Text size="xs" w={{ base: 64, sm: 90 }} ta="right">
            {matrix.likelihood[row[0]!.likelihood - 1]}
          </Text>
          {row.map((c) => (
            <Tooltip key={c.impact} label={c.refs.join(', ') || 'no risks'} disabled={c.count === 0}>
              <Box
                w={{ base: 44, sm: 48 }}
                h={36}
                role="img"
                bg={`${colour.get(c.band) ?? 'gray'}.${c.count > 0 ? 4 : 1}`}
                style={{ borderRadius: 4, display: 'grid', placeItems: 'center' }}
                aria-label={`likelihood ${c.likelihood}, impact ${c.impact}: ${plural(c.count, 'risk')}`}
              >
                <Text size="sm" fw={700}>
                  {c.count || ''}
                </Text>
              </Box>
            </Tooltip>
          ))}
        </Group>
      ))}
      <Group gap={4} wrap="nowrap">
        <Box w={{ base: 64, sm: 90 }} />
        {matrix.impact.map((i) => (
          <Text key={i} size="xs" w={{ base: 44, sm: 48 }} ta="center">
            {i}
          </Text>
        ))}
      </Group>
    </Stack>
  );
}
