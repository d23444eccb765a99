import { describe, expect, it } from 'vitest';
import { noFilters, type SupportFilters } from '../../../../renderer/features/support/store';
import { supportUrlCodec } from '../../../../renderer/features/support/url-state';

describe('the support list’s view in its URL', () => {
  const view: SupportFilters = {
    search: 'read replica',
    status: 'open',
    tier: 'direct',
    sla: 'breached',
    capability: 'secrets',
    sort: { column: 'slaDue', direction: 'asc' },
  };

  it('round-trips search, every filter and the sort', () => {
    const params = supportUrlCodec.toParams({ filters: view });
    expect(params.toString()).toBe(
      'q=read+replica&status=open&tier=direct&sla=breached&capability=secrets&sort=slaDue%3Aasc',
    );
    expect(supportUrlCodec.fromParams(params)).toEqual({ filters: view });
  });

  it('leaves defaults out, so the plain list has a plain URL', () => {
    expect(supportUrlCodec.toParams({ filters: { ...noFilters, search: '   ' } }).toString()).toBe('');
    expect(supportUrlCodec.fromParams(new URLSearchParams())).toEqual({});
  });

  it('a view from the URL replaces the whole filter set: what is not in the link is "any"', () => {
    expect(supportUrlCodec.fromParams(new URLSearchParams('tier=community'))).toEqual({
      filters: { ...noFilters, tier: 'community' },
    });
  });

  it('ignores what it does not know instead of trusting it', () => {
    const odd = new URLSearchParams(
      'status=closed&tier=premium&sla=late&sort=priority:asc&capability=' +
        'x'.repeat(61) +
        '&q=' +
        'y'.repeat(300),
    );
    expect(supportUrlCodec.fromParams(odd)).toEqual({ filters: { ...noFilters, search: 'y'.repeat(200) } });
    expect(supportUrlCodec.fromParams(new URLSearchParams('sort=created:sideways&status=resolved'))).toEqual({
      filters: { ...noFilters, status: 'resolved' },
    });
  });
});
