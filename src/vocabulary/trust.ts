// The trust page's terms (issue #8) and their labels. They live here, apart from the Zod schemas of
// src/contracts/trust.ts, so the public trust page can show them without downloading Zod (#16).

export const trustAccessLevels = ['public', 'nda', 'request', 'private'] as const;
export const trustAccessLevelLabels: Record<(typeof trustAccessLevels)[number], string> = {
  public: 'Public',
  nda: 'After NDA',
  request: 'On request',
  private: 'Private',
};
export const trustCategories = ['policy', 'soa', 'pentest', 'soc2', 'certificate', 'other'] as const;
export const trustCategoryLabels: Record<(typeof trustCategories)[number], string> = {
  policy: 'Policy',
  soa: 'Statement of Applicability',
  pentest: 'Penetration test',
  soc2: 'SOC 2 report',
  certificate: 'Certificate',
  other: 'Document',
};
export const frameworkStatuses = ['certified', 'compliant', 'in_progress', 'planned'] as const;
export const frameworkStatusLabels: Record<(typeof frameworkStatuses)[number], string> = {
  certified: 'Certified',
  compliant: 'Compliant',
  in_progress: 'In progress',
  planned: 'Planned',
};
