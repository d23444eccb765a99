import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { changeEntrySchema } from '../../shared/api/sync';
import {
  ChangeEntry,
  entitySchemas,
  ipcCommands,
  ipcEvents,
  isIpcCommand,
  SyncEntity,
  type IpcCommand,
  type IpcInput,
  type IpcOutput,
  type PaveApi,
} from '../../shared/contract';
import { coreCommands } from '../../shared/ipc/contract';
import { mergeMaps } from '../../shared/ipc/shared-feature';
import { sharedFeatures } from '../../shared/features';

describe('the composed contract', () => {
  it('holds the core commands and every feature command, each once', () => {
    const expected = [
      ...Object.keys(coreCommands),
      ...sharedFeatures.flatMap((feature) => Object.keys(feature.commands)),
    ];
    expect(Object.keys(ipcCommands).sort()).toEqual([...new Set(expected)].sort());
    expect(expected.length).toBe(new Set(expected).size);
    expect(isIpcCommand('backlog:move')).toBe(true);
    expect(isIpcCommand('toString')).toBe(false);
    expect(Object.keys(ipcEvents).sort()).toEqual([
      'operation:progress',
      'platform:setup',
      'service:log',
      'sync:status',
      'tables:changed',
    ]);
  });

  it('syncs the directory and every feature entity', () => {
    expect(SyncEntity.options).toEqual(Object.keys(entitySchemas));
    expect(SyncEntity.options).toEqual(
      expect.arrayContaining(['org', 'team', 'user', 'service', 'backlog_item', 'survey', 'secret']),
    );
    // Each name once: a second feature claiming an entity would shadow the first.
    expect(new Set(SyncEntity.options).size).toBe(SyncEntity.options.length);
  });

  it('is typed end to end: a wrong command name or input fails tsc', () => {
    expectTypeOf<'catalog:list'>().toExtend<IpcCommand>();
    expectTypeOf<IpcOutput<'backlog:create'>>().toEqualTypeOf<{ mutationId: number; id: string }>();
    expectTypeOf<IpcInput<'support:escalate'>>().toEqualTypeOf<{ id: string }>();
    const invoke: PaveApi['invoke'] = async () => ({ ok: true, value: undefined as never });
    // @ts-expect-error — no such command
    void invoke('catalog:lst', {});
    // @ts-expect-error — id must be a string
    void invoke('support:escalate', { id: 1 });
    void invoke('support:escalate', { id: 'sr-1' });
  });

  it('refuses a name two features contribute', () => {
    expect(() => mergeMaps('IPC command', [{ 'a:b': 1 }, { 'a:b': 2 }])).toThrow(
      'IPC command a:b is contributed twice',
    );
  });
});

describe('change entries', () => {
  const team = {
    id: 't1',
    slug: 'payments',
    name: 'Payments',
    description: '',
    size: 4,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };

  it("parses a put by its entity's schema and a delete of any entity", () => {
    expect(ChangeEntry.parse({ seq: 1, entity: 'team', id: 't1', op: 'put', data: team })).toMatchObject({
      entity: 'team',
      data: { slug: 'payments' },
    });
    expect(ChangeEntry.parse({ seq: 2, entity: 'survey', id: 's1', op: 'del', data: null })).toEqual({
      seq: 2,
      entity: 'survey',
      id: 's1',
      op: 'del',
      data: null,
    });
  });

  it('rejects an unknown entity, a put whose data does not fit its entity, and a delete with data', () => {
    expect(ChangeEntry.safeParse({ seq: 1, entity: 'widget', id: 'w', op: 'put', data: {} }).success).toBe(
      false,
    );
    expect(
      ChangeEntry.safeParse({ seq: 1, entity: 'service', id: 't1', op: 'put', data: team }).success,
    ).toBe(false);
    expect(ChangeEntry.safeParse({ seq: 1, entity: 'team', id: 't1', op: 'del', data: team }).success).toBe(
      false,
    );
    expect(ChangeEntry.safeParse({ seq: 0, entity: 'team', id: 't1', op: 'del', data: null }).success).toBe(
      false,
    );
  });

  it('builds the same protocol for any entity map', () => {
    const entry = changeEntrySchema({ widget: z.object({ size: z.number() }) });
    expect(entry.parse({ seq: 3, entity: 'widget', id: 'w', op: 'put', data: { size: 2 } })).toMatchObject({
      data: { size: 2 },
    });
    expect(
      entry.safeParse({ seq: 3, entity: 'widget', id: 'w', op: 'put', data: { size: 'x' } }).success,
    ).toBe(false);
  });
});
