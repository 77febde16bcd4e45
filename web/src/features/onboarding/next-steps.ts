import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import { invalidate } from '../../api/keys.ts';
import { auditQueries } from '../audits/api.ts';
import { findingQueries } from '../findings/api.ts';
import { memberQueries } from '../members/api.ts';
import { settingsApi, settingsQueries } from '../settings/api.ts';
import { soaQueries } from '../soa/api.ts';

// The first-run "next steps" (issue #19 item 3): what a new organisation does after setup. Whether each
// step is done is read from the organisation's own data on the server (never remembered in the browser),
// so a step done on another page, by another person or through the API shows as done here too.

export interface NextStep {
  key: 'soa' | 'audit' | 'import' | 'people';
  title: string;
  why: string;
  /** Where it is done, under /o/$org/. */
  to: string;
  action: string;
  done: boolean;
}

const one = { page: 1, pageSize: 1 };

export function useNextSteps(org: string) {
  const [soa, audits, findings, members, invitations, settings] = useQueries({
    queries: [
      soaQueries.versions(org),
      auditQueries.list(org, one),
      findingQueries.list(org, one),
      memberQueries.list(org, { page: 1, pageSize: 2 }),
      memberQueries.invitations(org, one),
      settingsQueries.settings(org),
    ],
  });
  const all = [soa, audits, findings, members, invitations, settings];
  const error = all.find((q) => q.error)?.error ?? null;
  if (error || all.some((q) => !q.data)) return { error, steps: null, dismissed: false, allDone: false };
  const firstAudit = audits.data?.items[0]?.ref;
  const steps: NextStep[] = [
    {
      key: 'soa',
      title: 'Set the ISMS scope and approve the Statement of Applicability',
      // ISO/IEC 27001:2022 clause 4.3 (scope) and 6.1.3 d) (the SoA): the audit is measured against both.
      why: 'The scope (clause 4.3) and the SoA (clause 6.1.3 d) are what the certification body audits against.',
      to: 'soa',
      action: 'Open the Statement of Applicability',
      done: (soa.data ?? []).some((v) => v.status === 'approved'),
    },
    {
      key: 'audit',
      title: 'Record your first audit',
      why: 'A certification, surveillance or internal audit: its findings and their deadlines hang on it.',
      to: 'audits',
      action: 'Record an audit',
      done: (audits.data?.total ?? 0) > 0,
    },
    {
      key: 'import',
      title: 'Import the certification body’s report',
      why: 'Its nonconformities and observations become findings with deadlines (clause 10.2).',
      to: firstAudit ? `audits/${encodeURIComponent(firstAudit)}` : 'audits',
      action: firstAudit ? `Import into ${firstAudit}` : 'Record an audit first',
      done: (findings.data?.total ?? 0) > 0,
    },
    {
      key: 'people',
      title: 'Invite the people who do the work',
      why: 'Action owners, the ISMS manager, the external auditor and executives each land on their own work.',
      to: 'members',
      action: 'Invite people',
      done: (members.data?.total ?? 0) > 1 || (invitations.data?.total ?? 0) > 0,
    },
  ];
  return {
    error: null,
    steps,
    dismissed: settings.data?.nextStepsDismissed === true,
    allDone: steps.every((s) => s.done),
  };
}

/** Dismissing hides the next steps from the dashboard for everyone (an organisation setting). */
export function useDismissNextSteps(org: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const current = await settingsApi.settings(org);
      return settingsApi.saveSettings(org, { ...current, nextStepsDismissed: true });
    },
    onSuccess: () => void invalidate(qc, org, 'settings'),
  });
}
