import { describe, expect, it } from 'vitest';
import { isTypingTarget } from '../../../renderer/keyboard/shortcut-target';
import { home, rendererFeatures } from '../../../renderer/features';
import { matchPages as match } from '../../../renderer/palette/palette-pages';
import { composeShell } from '../../../renderer/shell/compose-shell';
import { lastSyncedLabel, offlineDetail, pendingLabel } from '../../../renderer/status/sync-status-text';
import type { SyncStatus } from '../../../shared/ipc/contract';

const now = Date.parse('2025-06-10T12:00:00Z');
const base: SyncStatus = {
  state: 'online',
  lastSyncedAt: null,
  pendingChanges: 0,
  lastError: null,
  nextRetryAt: null,
};

describe('status bar text', () => {
  it('says when the last sync was, or that there was none', () => {
    expect(lastSyncedLabel(base, now)).toBe('Never synced');
    expect(lastSyncedLabel({ ...base, lastSyncedAt: '2025-06-10T11:58:00Z' }, now)).toBe(
      'Last synced 2 min ago',
    );
  });

  it('explains offline with the last error and the next retry, and only when offline', () => {
    const offline: SyncStatus = {
      ...base,
      state: 'offline',
      lastError: { code: 'platform_unreachable', message: 'cannot reach http://x' },
      nextRetryAt: '2025-06-10T12:00:30Z',
    };
    expect(offlineDetail(offline, now)).toBe('cannot reach http://x Retrying in 30 s.');
    expect(offlineDetail({ ...offline, lastError: null, nextRetryAt: null }, now)).toBe(
      'The platform is not reachable.',
    );
    expect(offlineDetail({ ...offline, state: 'online' }, now)).toBeNull();
  });

  it('counts pending changes', () => {
    expect(pendingLabel(0)).toBe('No pending changes');
    expect(pendingLabel(1)).toBe('1 pending change');
    expect(pendingLabel(1200)).toBe('1,200 pending changes');
    // Refused or expired changes are counted apart: they wait for the user, not the platform.
    expect(pendingLabel(0, 1)).toBe('No pending changes · 1 needs you');
    expect(pendingLabel(2, 3)).toBe('2 pending changes · 3 need you');
  });
});

describe('isTypingTarget', () => {
  const element = (tagName: string, extra: Record<string, unknown> = {}) =>
    ({ tagName, ...extra }) as unknown as EventTarget;
  it('treats text fields as typing and buttons, checkboxes and the page as not', () => {
    expect(isTypingTarget(element('INPUT', { type: 'search' }))).toBe(true);
    expect(isTypingTarget(element('TEXTAREA'))).toBe(true);
    expect(isTypingTarget(element('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTypingTarget(element('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTypingTarget(element('BUTTON'))).toBe(false);
    expect(isTypingTarget(element('BODY', { isContentEditable: false }))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('matchPages', () => {
  const matchPages = (search: string) => match(search, composeShell(rendererFeatures, home).paletteCommands);
  it('lists every page for an empty search and matches labels and keywords', () => {
    expect(matchPages('')).toHaveLength(composeShell(rendererFeatures, home).paletteCommands.length);
    expect(matchPages('sett').map((page) => page.id)).toEqual(['settings']);
    expect(matchPages('token').map((page) => page.id)).toEqual(['settings']);
    expect(matchPages('zzz')).toEqual([]);
  });
});
