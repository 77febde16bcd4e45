import { describe, expect, it } from 'vitest';
import { applyOfiDecision, availableOfiActions } from './ofi.ts';

describe('opportunities for improvement', () => {
  it('are accepted, planned or declined by the ISMS manager', () => {
    expect(applyOfiDecision('open', 'accept_ofi', 'isms_manager')).toEqual({ ok: true, status: 'accepted' });
    expect(applyOfiDecision('open', 'plan_ofi', 'admin')).toEqual({ ok: true, status: 'planned' });
    expect(applyOfiDecision('accepted', 'plan_ofi', 'isms_manager')).toEqual({ ok: true, status: 'planned' });
    expect(applyOfiDecision('planned', 'decline_ofi', 'isms_manager', 'cost exceeds the risk')).toEqual({
      ok: true,
      status: 'declined',
    });
    expect(applyOfiDecision('declined', 'reopen_ofi', 'isms_manager')).toEqual({ ok: true, status: 'open' });
  });
  it('need a reason to be declined', () => {
    expect(applyOfiDecision('open', 'decline_ofi', 'isms_manager')).toMatchObject({
      code: 'comment_required',
    });
    expect(applyOfiDecision('open', 'decline_ofi', 'isms_manager', '  ')).toMatchObject({
      code: 'comment_required',
    });
  });
  it('refuse other roles and impossible moves', () => {
    expect(applyOfiDecision('open', 'accept_ofi', 'action_owner')).toMatchObject({ code: 'role_forbidden' });
    expect(applyOfiDecision('open', 'accept_ofi', 'external_auditor')).toMatchObject({
      code: 'role_forbidden',
    });
    expect(applyOfiDecision('planned', 'accept_ofi', 'isms_manager')).toMatchObject({
      code: 'transition_not_allowed',
    });
    expect(applyOfiDecision('open', 'close', 'isms_manager')).toMatchObject({
      code: 'transition_not_allowed',
    });
  });
  it('offer only what the role may do from the current state', () => {
    expect(availableOfiActions('open', 'isms_manager')).toEqual(['accept_ofi', 'plan_ofi', 'decline_ofi']);
    expect(availableOfiActions('declined', 'admin')).toEqual(['reopen_ofi']);
    expect(availableOfiActions('open', 'viewer')).toEqual([]);
  });
});
