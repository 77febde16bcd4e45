// The demo organisation's register of documented information: every mandatory item of ISO/IEC
// 27001:2022 covered, and the access control policy's review overdue (it shows in the readiness view).
// [ref, title, mandatory item, owner, owner email, version, approved days ago, next review in days]
type Row = [string, string, string | null, string, string, string, number, number];

const isabel = 'isabel.martin@demo.example';
const tom = 'tom.becker@demo.example';
const lena = 'lena.okafor@demo.example';
const ravi = 'ravi.iyer@demo.example';

const rows: Row[] = [
  ['ISMS-01', 'ISMS scope', 'scope', 'Isabel Martín', isabel, '2.0', 70, 295],
  [
    'POL-01',
    'Information security policy',
    'policy',
    'Priya Shah',
    'priya.shah@demo.example',
    '3.1',
    70,
    295,
  ],
  [
    'RSK-01',
    'Risk assessment methodology',
    'risk-assessment-process',
    'Isabel Martín',
    isabel,
    '1.4',
    200,
    165,
  ],
  ['RSK-02', 'Risk treatment procedure', 'risk-treatment-process', 'Isabel Martín', isabel, '1.2', 200, 165],
  [
    'SOA-01',
    'Statement of Applicability (exported from closeloop)',
    'soa',
    'Isabel Martín',
    isabel,
    'v1',
    60,
    305,
  ],
  [
    'OBJ-01',
    'Information security objectives 2026',
    'objectives',
    'Priya Shah',
    'priya.shah@demo.example',
    '2026.1',
    120,
    60,
  ],
  [
    'HR-02',
    'Competence matrix and training records',
    'competence',
    'Marcus Lee',
    'marcus.lee@demo.example',
    '5',
    40,
    140,
  ],
  [
    'EXT-01',
    'Register of external documents (laws, contracts, standards)',
    'external-documents',
    'Isabel Martín',
    isabel,
    '7',
    90,
    90,
  ],
  ['OPS-01', 'Operational control plan', 'operational-planning', 'Lena Okafor', lena, '2.3', 100, 80],
  [
    'RSK-03',
    'Risk assessment report 2026',
    'risk-assessment-results',
    'Isabel Martín',
    isabel,
    '2026',
    80,
    285,
  ],
  ['RSK-04', 'Risk treatment plan 2026', 'risk-treatment-results', 'Isabel Martín', isabel, '2026', 80, 285],
  ['MON-01', 'Security metrics dashboard exports', 'monitoring-results', 'Lena Okafor', lena, 'Q3', 30, 60],
  ['AUD-01', 'Internal audit programme 2026–2028', 'audit-programme', 'Ravi Iyer', ravi, '1.0', 150, 215],
  ['AUD-02', 'Internal audit report IA-2026-01', 'audit-results', 'Ravi Iyer', ravi, '1.0', 45, 320],
  [
    'MR-01',
    'Management review minutes 2026',
    'management-review',
    'Priya Shah',
    'priya.shah@demo.example',
    '1.0',
    35,
    330,
  ],
  [
    'CA-01',
    'Corrective action log (exported from closeloop)',
    'nonconformities',
    'Isabel Martín',
    isabel,
    'live',
    20,
    70,
  ],
  ['POL-05', 'Access control policy', null, 'Tom Becker', tom, '2.2', 400, -12],
  ['POL-07', 'Cryptography standard', null, 'Tom Becker', tom, '1.1', 150, 215],
];

export const demoDocuments = rows.map(
  ([ref, title, requirementKey, owner, ownerEmail, version, approvedDaysAgo, reviewInDays]) => ({
    ref,
    title,
    requirementKey,
    owner,
    ownerEmail,
    version,
    location: `https://intranet.northwind.example/isms/${ref.toLowerCase()}`,
    approvedBy: 'Priya Shah',
    approvedDaysAgo,
    reviewInDays,
  }),
);
