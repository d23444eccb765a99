import { describe, expect, it, vi } from 'vitest';
import { ipcCommands } from '../../../shared/contract';
import type { CatalogPage } from '../../../shared/features/catalog/ipc';
import type { Settings, SyncStatus } from '../../../shared/ipc/contract';
import { createDispatch, type IpcHandlers } from '../../../electron/backend/ipc/dispatch';
import { IpcError } from '../../../electron/backend/ipc/ipc-error';
import { PlatformError } from '../../../electron/backend/platform/platform-error';

const status: SyncStatus = {
  state: 'online',
  lastSyncedAt: null,
  pendingChanges: 0,
  lastError: null,
  nextRetryAt: null,
};
const settings: Settings = { mode: 'embedded', platformUrl: null, org: null, user: null };
const emptyPage: CatalogPage = {
  rows: [],
  offset: 0,
  total: 0,
  totalAll: 0,
  facets: { teams: [], tiers: [], lifecycles: [] },
};

/** Commands this suite does not exercise answer with an error that names them. */
const unused = Object.fromEntries(
  Object.keys(ipcCommands).map((name) => [
    name,
    () => {
      throw new Error(`${name} is not used in this test`);
    },
  ]),
) as unknown as IpcHandlers;

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    ...unused,
    'catalog:list': () => emptyPage,
    'catalog:get': () => null,
    'teams:list': () => [],
    'sync:status': () => status,
    'sync:now': async () => status,
    'settings:get': () => settings,
    'settings:setPlatform': async () => settings,
    'settings:useEmbedded': async () => settings,
    'services:update': () => ({ mutationId: 1 }),
    'outbox:list': () => [],
    'outbox:confirm': ({ mutationId }) => ({ mutationId }),
    'outbox:discard': () => ({}),
    ...overrides,
  };
}

describe('dispatch', () => {
  it('rejects unknown commands, including prototype keys', async () => {
    const dispatch = createDispatch(handlers(), () => {});
    for (const name of ['nope:nothing', 'toString', '__proto__', 'constructor']) {
      const res = await dispatch(name, {});
      expect(res).toEqual({
        ok: false,
        error: { code: 'unknown_command', message: expect.stringContaining(name) },
      });
    }
  });

  it('parses input with the contract schema and explains what is wrong in plain words', async () => {
    const list = vi.fn(() => emptyPage);
    const dispatch = createDispatch(handlers({ 'catalog:list': list }), () => {});
    const bad = await dispatch('catalog:list', { tiers: [9], sort: { column: 'owner', direction: 'up' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid_input');
      // People read the message: no command name, no schema path, no zod wording.
      expect(bad.error.message).toBe(
        'Tier 1 must be at most 4; Column must be one of name, title, team, tier, lifecycle, updatedAt; ' +
          'Direction must be one of asc, desc',
      );
      expect(bad.error.fields?.map((field) => field.path)).toEqual([
        'tiers.0',
        'sort.column',
        'sort.direction',
      ]);
    }
    expect(list).not.toHaveBeenCalled();
    expect((await dispatch('sync:status', { extra: 1 })).ok).toBe(false); // strict empty input
    expect((await dispatch('catalog:get', null)).ok).toBe(false);
  });

  it('passes parsed input with defaults to the handler', async () => {
    const list = vi.fn((_q: unknown) => emptyPage);
    const dispatch = createDispatch(handlers({ 'catalog:list': list }), () => {});
    expect(await dispatch('catalog:list', { search: 'pay' })).toEqual({ ok: true, value: emptyPage });
    expect(list).toHaveBeenCalledWith({
      search: 'pay',
      teamIds: [],
      tiers: [],
      lifecycles: [],
      sort: { column: 'name', direction: 'asc' },
      offset: 0,
      limit: 200,
    });
    expect(await dispatch('sync:status', undefined)).toEqual({ ok: true, value: status });
  });

  it('turns expected failures into their codes', async () => {
    const dispatch = createDispatch(
      handlers({
        'settings:setPlatform': async () => {
          throw new IpcError('unauthorized', 'token rejected');
        },
        'sync:now': async () => {
          throw new PlatformError('platform_unreachable', 'down');
        },
      }),
      () => {},
    );
    expect(
      await dispatch('settings:setPlatform', { url: 'https://p.example', token: 'x'.repeat(20) }),
    ).toEqual({
      ok: false,
      error: { code: 'unauthorized', message: 'token rejected' },
    });
    expect(await dispatch('sync:now', {})).toEqual({
      ok: false,
      error: { code: 'platform_unreachable', message: 'down' },
    });
  });

  it('turns bugs into internal errors without a stack, and logs the stack', async () => {
    const log = vi.fn();
    const dispatch = createDispatch(
      handlers({
        'teams:list': () => {
          throw new TypeError('cannot read properties of undefined');
        },
      }),
      log,
    );
    const res = await dispatch('teams:list', {});
    expect(res).toEqual({
      ok: false,
      error: { code: 'internal', message: 'teams:list failed: cannot read properties of undefined' },
    });
    expect(JSON.stringify(res)).not.toContain('at ');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('TypeError'));
  });
});
