import { describe, expect, it } from 'vitest';
import type { SupportRow } from '../../../../shared/features/support/api';
import { slaDueText, slaStateText } from '../../../../renderer/features/support/support-text';

const row = (patch: Partial<Omit<SupportRow, 'sla'>> & { sla?: Partial<SupportRow['sla']> }): SupportRow => {
  const { sla, ...rest } = patch;
  return {
    id: 'support-01',
    title: 'A request',
    body: '',
    tier: 'community',
    kind: 'question',
    capability: 'secrets',
    teamId: null,
    requestedBy: null,
    status: 'open',
    firstResponseAt: null,
    escalatedAt: null,
    resolvedAt: null,
    resolution: null,
    linkedItemId: null,
    replies: [],
    createdAt: '2026-11-30T08:00:00.000Z',
    updatedAt: '2026-11-30T08:00:00.000Z',
    teamName: null,
    linkedItemTitle: null,
    ...rest,
    sla: {
      state: 'on_track',
      dueAt: '2026-11-30T12:00:00.000Z',
      remainingMs: 40 * 60_000,
      escalate: false,
      ...sla,
    },
  };
};

describe('support SLA words', () => {
  it('says how long is left, or how long overdue, in minutes then hours', () => {
    expect(slaStateText(row({}))).toBe('40 min left');
    expect(slaStateText(row({ sla: { state: 'breached', remainingMs: -95 * 60_000 } }))).toBe(
      'overdue 95 min',
    );
    expect(slaStateText(row({ sla: { state: 'breached', remainingMs: -5 * 3_600_000 } }))).toBe(
      'overdue 5 h',
    );
  });

  it('names a stopped clock by its outcome and a request without a target as such', () => {
    expect(slaStateText(row({ status: 'answered', sla: { state: 'met', remainingMs: null } }))).toBe(
      'answered in time',
    );
    expect(slaStateText(row({ status: 'answered', sla: { state: 'missed', remainingMs: null } }))).toBe(
      'answered late',
    );
    expect(slaStateText(row({ sla: { state: 'none', dueAt: null, remainingMs: null } }))).toBe('no SLA');
    expect(slaStateText(row({ status: 'resolved' }))).toBe('resolved');
  });

  it('shows the due time only while the clock runs, with the date when it is not today', () => {
    const due = new Date('2026-11-30T12:00:00.000Z');
    const time = due.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    expect(slaDueText(row({}), due)).toBe(`due ${time}`);
    expect(slaDueText(row({}), new Date('2026-12-02T12:00:00.000Z'))).toMatch(
      new RegExp(`^due \\S+ \\d+ ${time}$`),
    );
    expect(slaDueText(row({ sla: { state: 'met', remainingMs: null } }), due)).toBeNull();
    expect(slaDueText(row({ status: 'resolved' }), due)).toBeNull();
  });
});
