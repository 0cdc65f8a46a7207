import { allowedTransitions, CASE_STATUSES, TRANSITIONS, type CaseStatus } from './workflow';

const actions = (status: CaseStatus, roles: string[], owns = false) =>
  allowedTransitions(status, roles, owns).map((rule) => rule.action);

describe('the case workflow', () => {
  it('when a case is new, then officers and supervisors may triage, reject or mark it duplicate', () => {
    expect(actions('new', ['officer'])).toEqual(['triage', 'reject', 'mark_duplicate']);
    expect(actions('new', ['supervisor'])).toEqual(['triage', 'reject', 'mark_duplicate']);
  });

  it('when escalating, then only a supervisor may; an officer can only request it', () => {
    expect(actions('investigating', ['officer'])).not.toContain('escalate');
    expect(actions('investigating', ['supervisor'])).toContain('escalate');
  });

  it('when resolving, then an officer may only on an own case, a supervisor on any', () => {
    expect(actions('investigating', ['officer'], false)).not.toContain('resolve');
    expect(actions('investigating', ['officer'], true)).toContain('resolve');
    expect(actions('escalated', ['supervisor'], false)).toContain('resolve');
  });

  it('when closing or reopening, then only a supervisor may, and reopening needs a reason', () => {
    expect(actions('resolved', ['officer'], true)).toEqual([]);
    expect(actions('resolved', ['supervisor'])).toEqual(['close', 'reopen']);
    expect(actions('closed', ['supervisor'])).toEqual(['reopen']);
    expect(actions('rejected', ['supervisor'])).toEqual(['reopen']);
    expect(TRANSITIONS.find((rule) => rule.action === 'reopen')?.reasonRequired).toBe(true);
  });

  it('when the role grants no case work, then nothing is allowed from any state', () => {
    for (const status of CASE_STATUSES) {
      expect(actions(status, ['auditor', 'admin'], true)).toEqual([]);
    }
  });

  it('when rejecting, marking duplicate, escalating or reopening, then a reason is required', () => {
    const needReason = TRANSITIONS.filter((rule) => rule.reasonRequired).map((rule) => rule.action);
    expect(needReason.sort()).toEqual(['escalate', 'mark_duplicate', 'reject', 'reopen']);
  });

  it('when a case is duplicate, then no transition leads out of it (unmerge restores it instead)', () => {
    expect(actions('duplicate', ['supervisor', 'officer'], true)).toEqual([]);
  });
});
