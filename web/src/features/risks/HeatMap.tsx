import { Box, Text, Tooltip } from '@mantine/core';
import type { z } from 'zod';
import type { heatCell, RiskMatrixDto } from '../../../../src/contracts/isms-risks.ts';
import { plural } from '../../../../src/vocabulary/labels.ts';

type Cell = z.infer<typeof heatCell>;

/**
 * Likelihood (rows, most likely on top) × impact (columns), each cell coloured by its band. A grid whose
 * columns are never narrower than their impact label ("Negligible" does not fit the 44 px a cell needs):
 * where the screen is narrower than the map (a phone), the map scrolls sideways in its own region
 * instead of running off the page (#19 item 5).
 */
export function HeatMap({ title, matrix, rows }: { title: string; matrix: RiskMatrixDto; rows: Cell[][] }) {
  const colour = new Map(matrix.bands.map((b) => [b.key, b.colour]));
  const n = matrix.impact.length;
  return (
    <Box role="group" aria-label={title} maw="100%">
      <Text fw={600} mb={4}>
        {title}
      </Text>
      <Box
        // A region that scrolls takes focus, so the keyboard scrolls it too (WCAG 2.1.1).
        tabIndex={0}
        aria-label={`${title}: likelihood by impact`}
        role="region"
        style={{ overflowX: 'auto', maxWidth: '100%' }}
      >
        <div
          style={{
            display: 'grid',
            gridTemplateColumns: `minmax(4.5rem, max-content) repeat(${n}, minmax(44px, max-content))`,
            gap: 4,
            alignItems: 'center',
            width: 'max-content',
          }}
        >
          {rows.map((row) => [
            <Text key={`l${row[0]!.likelihood}`} size="xs" ta="right" maw="6.5rem">
              {matrix.likelihood[row[0]!.likelihood - 1]}
            </Text>,
            ...row.map((c) => (
              <Tooltip
                key={`${c.likelihood}-${c.impact}`}
                label={c.refs.join(', ') || 'no risks'}
                disabled={c.count === 0}
              >
                <Box
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
            )),
          ])}
          <span />
          {matrix.impact.map((i) => (
            <Text key={i} size="xs" ta="center" px={2}>
              {i}
            </Text>
          ))}
        </div>
      </Box>
    </Box>
  );
}
