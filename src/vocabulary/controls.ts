// How a control is cited everywhere (SoA, warnings, reports, pages): an Annex A control of ISO/IEC
// 27001:2022 as `A.8.8`, another necessary control (6.1.3 b NOTE 1) by the organisation's own id (`ORG-1`).

/** True for an Annex A 2022 control id (5.1 … 8.34). */
export const isAnnexAId = (id: string) => /^[5-8]\.\d{1,2}$/.test(id);

export const controlLabel = (id: string) => (isAnnexAId(id) ? `A.${id}` : id);

/**
 * The SoA control a finding's requirement label cites: `A.8.8` → `8.8`, an own control `ORG-1` → `ORG-1`;
 * null for a clause of 4–10 (`9.2`), which is no SoA line.
 */
export const controlIdOfLabel = (label: string): string | null =>
  label.startsWith('A.') ? label.slice(2) : /^\d/.test(label) ? null : label;
