import { controlLabel } from '../../vocabulary/controls.ts';

// What an approver of the Statement of Applicability should know but that does not make the SoA invalid
// (ISO/IEC 27001:2022 6.1.3 d): approval warns, it does not refuse. An auditor who finds a control
// "implemented" in the SoA while an open nonconformity is raised against it, or an SoA scope that is not
// the scope certified or audited (4.3; ISO/IEC 17021-1 8.2.1 certificate scope), asks about it.

export interface SoaWarning {
  kind: 'implemented_with_open_nc' | 'certificate_scope' | 'audit_scope';
  controlId: string | null;
  message: string;
}

export interface WarningSources {
  entries: readonly { controlId: string; applicable: boolean; status: string }[];
  /** Open major and minor nonconformities citing each control, as `AUDIT/REF`. */
  openNcsByControl: ReadonlyMap<string, readonly string[]>;
  scopeStatement: string;
  certificate: { number: string; scope: string } | null;
  audit: { ref: string; scope: string } | null;
}

/** Scopes compare as text, ignoring case, spacing and a final full stop. */
export const sameScope = (a: string, b: string) => {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim().replace(/\.$/, '');
  return norm(a) === norm(b);
};

export function approvalWarnings(s: WarningSources): SoaWarning[] {
  const warnings: SoaWarning[] = [];
  for (const e of s.entries) {
    const open = s.openNcsByControl.get(e.controlId) ?? [];
    if (e.applicable && e.status === 'implemented' && open.length > 0)
      warnings.push({
        kind: 'implemented_with_open_nc',
        controlId: e.controlId,
        message: `${controlLabel(e.controlId)} is marked implemented while open nonconformit${open.length === 1 ? 'y' : 'ies'} ${open.join(', ')} cite${open.length === 1 ? 's' : ''} it`,
      });
  }
  if (s.certificate && s.certificate.scope.trim() !== '' && !sameScope(s.certificate.scope, s.scopeStatement))
    warnings.push({
      kind: 'certificate_scope',
      controlId: null,
      message: `the SoA scope differs from the scope of the current certificate ${s.certificate.number}: “${s.certificate.scope.trim()}”`,
    });
  if (s.audit && s.audit.scope.trim() !== '' && !sameScope(s.audit.scope, s.scopeStatement))
    warnings.push({
      kind: 'audit_scope',
      controlId: null,
      message: `the SoA scope differs from the scope of audit ${s.audit.ref}: “${s.audit.scope.trim()}”`,
    });
  return warnings;
}
