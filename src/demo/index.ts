import type { Runtime } from '../runtime.ts';
import { openContentStore } from '../storage/open.ts';
import { seedCertification } from './certification.ts';
import { seedFindings } from './findings.ts';
import { DEMO_PASSWORD, DEMO_SLUG, demoExists, demoPeople, seedFoundation } from './foundation.ts';
import { seedIntegrations } from './integrations.ts';
import { seedIsms } from './isms.ts';
import { seedObjectives } from './isms-objectives.ts';
import { seedPlanning } from './planning.ts';
import { seedPosture } from './posture.ts';
import { seedTrust } from './trust.ts';

/**
 * Loads the demo organisation (slug `demo`). Each capability adds its part here, in dependency order,
 * so `closeloop demo` always shows the whole product.
 */
export async function loadDemo(
  rt: Runtime,
): Promise<{ created: boolean; slug: string; people: typeof demoPeople; password: string }> {
  if (await demoExists(rt))
    return { created: false, slug: DEMO_SLUG, people: demoPeople, password: DEMO_PASSWORD };
  const ctx = await seedFoundation(rt);
  const store = openContentStore(rt.database, rt.config.dataDir);
  await seedFindings(ctx, store);
  await seedPlanning(ctx);
  // Before the management review of the certification demo, which reports on them (9.3.2 d 4).
  await seedObjectives(ctx);
  await seedCertification(ctx, store);
  await seedIsms(ctx);
  // The trust page shows the certificate and the approved SoA, so it comes after both.
  await seedTrust(ctx, store);
  await seedIntegrations(ctx);
  // Last: the demo's trend is replayed from everything above.
  await seedPosture(ctx);
  return { created: true, slug: DEMO_SLUG, people: demoPeople, password: DEMO_PASSWORD };
}
