import { describe, expect, it } from 'vitest';
import { renderIcs } from './ics.ts';

describe('calendar feed', () => {
  it('folds non-ASCII lines at 75 octets (issue #18: lines of 138 octets before)', () => {
    const ics = renderIcs(
      'Échéances',
      [
        {
          uid: 'finding-1-cap',
          title:
            'S2-2026 NC-01 (majeure): plan d’actions correctives à remettre – évaluation des vulnérabilités',
          start: '2026-03-16',
          description: 'Les vulnérabilités techniques ne sont pas évaluées dans un délai défini. '.repeat(3),
          category: 'échéance',
        },
      ],
      new Date('2026-03-01T00:00:00Z'),
    );
    for (const line of ics.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n /g, '')).toContain('évaluation des vulnérabilités');
  });
});
