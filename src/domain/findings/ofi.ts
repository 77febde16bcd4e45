import type { FindingStatus } from '../../vocabulary/statuses.ts';
// Opportunities for improvement are optional to act on (ISO/IEC 17021-1 9.4.5): the organisation accepts
// one, plans it, or declines it with a reason that the next audit can read.

export type OfiResult =
  | { ok: true; status: FindingStatus }
  | { ok: false; code: 'transition_not_allowed' | 'role_forbidden' | 'comment_required'; message: string };

const moves: Record<string, { from: FindingStatus[]; to: FindingStatus }> = {
  accept_ofi: { from: ['open'], to: 'accepted' },
  plan_ofi: { from: ['open', 'accepted'], to: 'planned' },
  decline_ofi: { from: ['open', 'accepted', 'planned'], to: 'declined' },
  reopen_ofi: { from: ['declined'], to: 'open' },
};

export const ofiActions = Object.keys(moves);

export function applyOfiDecision(status: string, action: string, role: string, reason?: string): OfiResult {
  const move = moves[action];
  if (!move?.from.includes(status as FindingStatus)) {
    return {
      ok: false,
      code: 'transition_not_allowed',
      message: `cannot ${action.replace('_ofi', '')} an OFI that is ${status}`,
    };
  }
  if (role !== 'admin' && role !== 'isms_manager')
    return { ok: false, code: 'role_forbidden', message: 'only the ISMS manager decides on OFIs' };
  if (action === 'decline_ofi' && !reason?.trim())
    return { ok: false, code: 'comment_required', message: 'give the reason for declining' };
  return { ok: true, status: move.to };
}

export function availableOfiActions(status: string, role: string): string[] {
  if (role !== 'admin' && role !== 'isms_manager') return [];
  return ofiActions.filter((a) => moves[a]!.from.includes(status as FindingStatus));
}
