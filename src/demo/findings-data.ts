import { type DemoFinding, noRecord, ofi, rec } from './findings-model.ts';

const tom = 'tom.becker@demo.example';
const lena = 'lena.okafor@demo.example';

// The nonconformity report of the demo organisation's stage 2 audit: realistic findings of a small
// cloud company, and how far each one has come.

export const demoFindings: DemoFinding[] = [
  {
    finding: {
      ref: 'NC-01',
      grade: 'major',
      requirements: ['A.8.8'],
      area: 'Vulnerability management',
      ownerEmail: tom,
      statement:
        'Technical vulnerabilities are not evaluated and remediated within a defined time: no SLA exists and critical findings remain open.',
      objectiveEvidence:
        'Scanner export of the production estate lists 14 critical vulnerabilities, the oldest detected 124 days before the audit.',
    },
    reach: 'implementing',
    record: rec(
      'Patched or mitigated the 14 critical vulnerabilities on the production estate.',
      [
        ['Why were criticals left open?', 'Nobody owned the scanner results.'],
        [
          'Why did nobody own them?',
          'The vulnerability process was never assigned when the team reorganised.',
        ],
      ],
      'Vulnerability management has no accountable owner, SLA or escalation.',
      'Three consecutive monthly scans with no critical vulnerability older than 14 days.',
      {
        correctedBy: tom,
        extent:
          'Scanned the staging and office estates too: 3 criticals on staging, patched with production.',
        expectedEffect:
          'Critical vulnerabilities are remediated within 14 days, high within 30, with breaches escalated.',
      },
    ),
    actions: [
      {
        title: 'Define remediation SLAs by severity and publish the procedure',
        ownerEmail: tom,
        dueInDays: 10,
        effortDays: 2,
      },
      {
        title: 'Assign the vulnerability management owner and deputy',
        ownerEmail: 'isabel.martin@demo.example',
        dueInDays: 5,
        effortDays: 0.5,
      },
      {
        title: 'Weekly scan review with escalation of SLA breaches to the CTO',
        ownerEmail: tom,
        dueInDays: 21,
        effortDays: 3,
      },
    ],
    evidence: [],
  },
  {
    finding: {
      ref: 'NC-02',
      grade: 'major',
      requirements: ['A.5.18', 'A.5.15'],
      area: 'Access management',
      ownerEmail: lena,
      statement:
        'Access rights are not reviewed: privileged access to production was never reviewed since the ISMS started.',
      objectiveEvidence:
        'No access review record exists; 3 of 11 production administrators sampled had changed role more than 6 months ago.',
    },
    reach: 'analysing',
    record: rec(
      'Removed production administrator rights from the 3 people who changed role.',
      [['Why were rights not removed?', 'Role changes are not notified to IT.']],
      'Role changes are not notified to IT, so privileged rights outlive the role.',
      'Quarterly reviews of production administrators find no right without a current need.',
      {
        correctedBy: lena,
        extent: 'Reviewed the cloud console and the CI system as well: one stale administrator removed.',
        expectedEffect: 'Privileged access matches current roles, confirmed every quarter.',
      },
    ),
    actions: [],
    evidence: [],
  },
  {
    finding: {
      ref: 'NC-03',
      grade: 'minor',
      requirements: ['A.5.15'],
      area: 'Access management',
      ownerEmail: lena,
      statement:
        'The access control policy does not define how access to customer data is requested and approved.',
      objectiveEvidence:
        'Access control policy v1.2, section 4 is silent on customer data; two tickets granted access without an approval.',
    },
    reach: 'plan_submitted',
    record: rec(
      'Reviewed the two grants and confirmed their need with the data owner.',
      [['Why no approval step?', 'The policy predates the customer data platform.']],
      'The policy was not updated when the customer data platform was introduced.',
      'All customer-data access tickets of the next quarter carry the data owner approval.',
      {
        correctedBy: lena,
        extent: 'Checked the other data platforms: the analytics warehouse had the same gap, now covered.',
        expectedEffect: 'Every grant of access to customer data carries the data owner approval.',
      },
    ),
    actions: [
      {
        title: 'Update the access control policy with the customer data approval flow',
        ownerEmail: lena,
        dueInDays: 25,
        effortDays: 1,
      },
    ],
    evidence: [],
  },
  {
    finding: {
      ref: 'NC-04',
      grade: 'minor',
      requirements: ['A.5.15'],
      area: 'Access management',
      ownerEmail: lena,
      statement:
        'Shared administrator accounts are used on the network equipment without individual accountability.',
      objectiveEvidence: 'Two firewalls use the vendor "admin" account, shared by four engineers.',
    },
    reach: 'open',
    record: noRecord,
    actions: [],
    evidence: [],
  },
  {
    finding: {
      ref: 'NC-05',
      grade: 'minor',
      requirements: ['A.6.3', '7.3'],
      area: 'Human resources',
      ownerEmail: lena,
      statement: 'Security awareness training is not completed by all staff.',
      objectiveEvidence: 'LMS report: 17 of 64 staff have not completed the annual training.',
    },
    reach: 'closed',
    record: rec(
      'Sent a reminder and booked sessions for the 17 staff.',
      [['Why was training missed?', 'No follow-up of incomplete training.']],
      'Completion was not monitored after the launch e-mail.',
      'Completion above 95% at the end of the next quarter.',
      {
        correctedBy: lena,
        extent: 'Contractors follow the same training; their completion was checked too (all complete).',
        expectedEffect:
          'Annual training completion stays above 95% with incomplete training followed up monthly.',
      },
    ),
    actions: [
      {
        title: 'Monthly completion report to managers with escalation',
        ownerEmail: lena,
        dueInDays: -12,
        effortDays: 1,
      },
    ],
    evidence: [
      {
        name: 'lms-completion-report.csv',
        description: 'LMS export after the campaign',
        text: 'team,staff,completed\r\nEngineering,30,30\r\nSupport,20,19\r\nSales,14,14\r\n',
      },
    ],
    amendment: {
      kind: 'process',
      reference: 'HR-PRO-04',
      description: 'Training follow-up added to the onboarding and annual awareness process',
    },
    comment: 'Evidence reviewed remotely; accepted.',
  },
  {
    finding: {
      ref: 'NC-06',
      grade: 'minor',
      requirements: ['A.8.13'],
      area: 'Operations',
      ownerEmail: tom,
      statement: 'Backup restores are not tested.',
      objectiveEvidence: 'No restore test record for the customer database in the last 12 months.',
    },
    reach: 'evidence_submitted',
    record: rec(
      'Performed a restore of the customer database into the staging environment.',
      [['Why no tests?', 'The backup procedure does not require them.']],
      'The backup procedure has no restore test requirement.',
      'Quarterly restore tests recorded with duration and result.',
      {
        correctedBy: tom,
        extent: 'The file server backups had no restore test either; included in the procedure.',
        expectedEffect: 'Every backed-up system has a recorded restore test each quarter.',
      },
    ),
    actions: [
      {
        title: 'Add quarterly restore tests to the backup procedure',
        ownerEmail: tom,
        dueInDays: -4,
        effortDays: 1,
      },
    ],
    evidence: [
      {
        name: 'restore-test-2026-q4.txt',
        description: 'Restore test record',
        text: 'Restore test of customer DB: started 09:02, completed 09:47, checksum verified, 0 errors.\n',
      },
    ],
  },
  {
    finding: {
      ref: 'NC-07',
      grade: 'minor',
      requirements: ['9.2.2'],
      area: 'Internal audit',
      ownerEmail: 'isabel.martin@demo.example',
      statement: 'The internal audit programme does not cover Annex A controls of the physical theme.',
      objectiveEvidence: 'Audit programme 2026 lists clauses 4–10 and organisational controls only.',
    },
    reach: 'verified_internally',
    record: rec(
      'Added a physical security audit to the 2026 programme.',
      [['Why missing?', 'The programme was copied from a template without the physical theme.']],
      'The programme was not built from the Statement of Applicability.',
      'Programme covers every applicable Annex A control over the 3-year cycle.',
      {
        correctedBy: 'isabel.martin@demo.example',
        extent: 'Checked the technological theme against the SoA as well: fully covered.',
        expectedEffect: 'The programme covers every applicable control of the SoA within the cycle.',
      },
    ),
    actions: [
      {
        title: 'Rebuild the audit programme from the SoA',
        ownerEmail: 'isabel.martin@demo.example',
        dueInDays: -6,
        effortDays: 2,
      },
    ],
    evidence: [
      {
        name: 'audit-programme-2026-v2.md',
        description: 'Revised audit programme',
        text: '# Internal audit programme 2026 v2\n\n- Q1: clauses 4-6\n- Q2: A.7 physical controls\n',
      },
    ],
  },
  ofi('OFI-01', 'A.5.36', 'Compliance checks could be automated in the CI pipeline.', 'accept'),
  ofi(
    'OFI-02',
    'A.5.24',
    'The incident response plan could include a customer communication template.',
    'plan',
  ),
  ofi(
    'OFI-03',
    'A.7.4',
    'CCTV coverage of the Lyon office entrance could be extended.',
    'decline',
    'The Lyon office is a shared coworking space; the landlord operates access control.',
  ),
];
