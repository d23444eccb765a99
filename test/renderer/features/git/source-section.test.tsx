import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ServiceSource } from '../../../../shared/features/git/ipc';
import { mergeQueryKeysByTable, queryKeysForTables } from '../../../../renderer/data/table-invalidation';
import { copyText } from '../../../../renderer/components/clipboard-copy';
import { gitQueryKeysByTable } from '../../../../renderer/features/git/data';
import { environmentRows, environmentsByCommit } from '../../../../renderer/features/git/source-rows';
import { SourceView } from '../../../../renderer/features/git/SourceSection';

const sha = (digit: string) => digit.repeat(40);

const source = (over: Partial<ServiceSource> = {}): ServiceSource => ({
  clonePath: '/git/ledger.git',
  cloneUrl: 'http://127.0.0.1:4100/git/ledger.git',
  defaultBranch: 'main',
  commits: [
    {
      sha: sha('b'),
      authorName: 'Ann',
      authorEmail: 'ann@example.com',
      message: 'Add a changelog',
      committedAt: '2026-11-30T05:00:00.000Z',
    },
    {
      sha: sha('a'),
      authorName: 'Pave',
      authorEmail: 'platform@pave.local',
      message: 'Create ledger',
      committedAt: '2026-11-29T05:00:00.000Z',
    },
  ],
  environments: [
    { environment: 'development', commitSha: sha('b'), deploymentId: 'd2' },
    { environment: 'staging', commitSha: sha('b'), deploymentId: 'd3' },
    { environment: 'production', commitSha: null, deploymentId: null },
  ],
  fetchedAt: '2026-11-30T05:10:00.000Z',
  fromCache: false,
  ...over,
});

const render = (value: ServiceSource) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <SourceView source={value} />
    </QueryClientProvider>,
  );

describe('the Source section', () => {
  it('shows the clone URL with a Copy button, the clone hint, commits and what runs where', () => {
    const html = render(source());
    expect(html).toContain('value="http://127.0.0.1:4100/git/ledger.git"');
    expect(html).toMatch(/<button[^>]*data-testid="copy-clone-url"[^>]*type="button"[^>]*>Copy<\/button>/);
    expect(html).toContain('role="status"');
    expect(html).toContain('<code>git clone http://127.0.0.1:4100/git/ledger.git</code>');
    expect(html).toContain('personal access token');
    expect(html).toContain('bbbbbbb');
    expect(html).toContain('Add a changelog');
    expect(html).toContain('Ann · ');
    expect(html).toContain('Nothing deployed');
    expect(html).not.toContain('as of');
  });

  it('says how old an answer kept offline is', () => {
    expect(render(source({ fromCache: true }))).toContain('Offline · as of');
  });

  it('says so when main has no commits yet', () => {
    const html = render(source({ commits: [], environments: [] }));
    expect(html).toContain('No commits yet.');
  });

  it('marks each commit with the environments running it, and names each environment’s commit', () => {
    expect(environmentsByCommit(source()).get(sha('b'))).toEqual(['development', 'staging']);
    expect(environmentsByCommit(source()).has(sha('a'))).toBe(false);
    const older = source({
      environments: [{ environment: 'production', commitSha: sha('c'), deploymentId: 'x' }],
    });
    // A running commit older than the 30 listed still shows, without a message.
    expect(environmentRows(older)).toEqual([
      { environment: 'production', commitSha: sha('c'), message: null },
    ]);
  });

  it('refetches when a push or a deploy syncs down, and after a resync', () => {
    const map = mergeQueryKeysByTable([gitQueryKeysByTable]);
    for (const table of ['platform_events', 'deployments', 'git_repositories']) {
      expect(queryKeysForTables(map, [table])).toEqual([['git']]);
    }
  });
});

describe('copying the clone URL', () => {
  it('copies, and reports a refused or missing clipboard as a failure', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    expect(await copyText({ writeText }, 'http://x/git/a.git')).toBe('copied');
    expect(writeText).toHaveBeenCalledWith('http://x/git/a.git');
    expect(await copyText({ writeText: () => Promise.reject(new DOMException('denied')) }, 'u')).toBe(
      'failed',
    );
    expect(await copyText(undefined, 'u')).toBe('failed');
  });
});
