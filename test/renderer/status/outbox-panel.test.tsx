import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../shared/ipc/contract';
import { outboxQuery } from '../../../renderer/data/ipc-queries';
import { attemptsLabel, OutboxPanel } from '../../../renderer/status/OutboxPanel';

const item = (over: Partial<OutboxItem>): OutboxItem => ({
  mutationId: 7,
  name: 'service.update',
  summary: 'Edit Payments API: title',
  createdAt: new Date(Date.now() - 3_600_000).toISOString(),
  status: 'pending',
  reason: null,
  attempts: 0,
  lastSentAt: null,
  args: { id: 'svc-1', patch: { title: 'New title' } },
  ...over,
});

const render = (items: OutboxItem[]) => {
  const client = new QueryClient();
  client.setQueryData(outboxQuery().queryKey, items);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <OutboxPanel onClose={() => {}} />
    </QueryClientProvider>,
  );
};

describe('outbox panel', () => {
  it('says how often and when a waiting change was last sent', () => {
    const now = Date.parse('2026-11-30T10:00:00Z');
    expect(attemptsLabel({ attempts: 0, lastSentAt: null }, now)).toBeNull();
    expect(attemptsLabel({ attempts: 1, lastSentAt: '2026-11-30T09:59:00Z' }, now)).toMatch(
      /^sent once, last /,
    );
    expect(attemptsLabel({ attempts: 12, lastSentAt: '2026-11-30T09:58:00Z' }, now)).toMatch(
      /^sent 12 times, last /,
    );
  });

  it('shows a stuck change: why its last try failed, what it would send, and a Discard button', () => {
    const html = render([
      item({
        attempts: 5,
        lastSentAt: new Date().toISOString(),
        reason: { code: 'platform_unreachable', message: 'platform error: try later' },
      }),
    ]);
    expect(html).toContain('Last try failed: platform error: try later');
    expect(html).toContain('sent 5 times');
    expect(html).toContain('New title'); // the arguments, under Details
    expect(html).toContain('platform_unreachable');
    expect(html).toContain('>Discard</button>');
  });

  it('offers no Discard for a change that was never sent yet (it is on its way)', () => {
    expect(render([item({})])).not.toContain('>Discard</button>');
    expect(render([item({ status: 'rejected', reason: { code: 'forbidden', message: 'no' } })])).toContain(
      '>Dismiss</button>',
    );
  });
});
