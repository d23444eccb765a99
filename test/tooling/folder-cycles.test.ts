import { describe, expect, it } from 'vitest';
// @ts-expect-error — a plain .mjs script without type declarations
import { folderCycles, folderGraph, folderOf } from '../../scripts/folder-cycles.mjs';

const mod = (source: string, ...deps: string[]) => ({
  source,
  coreModule: false,
  dependencies: deps.map((resolved) => ({ resolved, coreModule: false })),
});

describe('folder-level cycles', () => {
  it('counts a feature as one folder and anything else as its own folder', () => {
    expect(folderOf('renderer/features/backlog/list/BacklogList.tsx')).toBe('renderer/features/backlog');
    expect(folderOf('server/sync/push.ts')).toBe('server/sync');
    expect(folderOf('server/app.ts')).toBe('server');
  });

  it('finds a loop that no module-level cycle shows', () => {
    // a.ts → b/x.ts and b/y.ts → a2.ts: no module imports itself back, yet the folders loop.
    const modules = [
      mod('server/a/one.ts', 'server/b/x.ts'),
      mod('server/b/y.ts', 'server/a/two.ts'),
      mod('server/b/x.ts'),
      mod('server/a/two.ts'),
      mod('server/c/z.ts', 'server/a/one.ts'),
    ];
    expect(folderCycles(folderGraph(modules, ['server']))).toEqual([['server/a', 'server/b']]);
  });

  it('sees a cycle through two features, and none in a chain', () => {
    const loop = [
      mod('renderer/features/catalog/Page.tsx', 'renderer/features/secrets/public.ts'),
      mod('renderer/features/secrets/Section.tsx', 'renderer/features/catalog/public.ts'),
    ];
    expect(folderCycles(folderGraph(loop, ['renderer']))).toEqual([
      ['renderer/features/catalog', 'renderer/features/secrets'],
    ]);
    const chain = [
      mod('renderer/main.tsx', 'renderer/app/App.tsx', 'renderer/features/catalog/index.ts'),
      mod('renderer/features/catalog/index.ts', 'renderer/app/route.ts'),
      mod('renderer/app/App.tsx', 'renderer/data/pave.ts'),
    ];
    expect(folderCycles(folderGraph(chain, ['renderer']))).toEqual([]);
  });

  it('ignores imports outside the checked roots', () => {
    const modules = [
      mod('server/a/one.ts', 'node_modules/x/index.js'),
      mod('server/b/two.ts', 'server/a/one.ts'),
    ];
    expect([...folderGraph(modules, ['server']).get('server/a')!.keys()]).toEqual([]);
  });
});
