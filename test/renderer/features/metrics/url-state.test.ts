import { describe, expect, it } from 'vitest';
import { metricsUrlCodec, type MetricsUrlView } from '../../../../renderer/features/metrics/url-state';

const view = (patch: Partial<MetricsUrlView> = {}): MetricsUrlView => ({
  scope: { kind: 'org' },
  lastTeamId: null,
  range: { preset: 'last90' },
  ...patch,
});
const roundTrip = (v: MetricsUrlView) => metricsUrlCodec.fromParams(metricsUrlCodec.toParams(v));

describe('the Metrics view in its URL', () => {
  it('leaves the defaults out, so the plain page keeps a plain URL', () => {
    expect(metricsUrlCodec.toParams(view()).toString()).toBe('');
    expect(metricsUrlCodec.fromParams(new URLSearchParams(''))).toEqual({});
  });

  it('carries the scope, the team drilled through and the range, and reads them back', () => {
    const team = view({
      scope: { kind: 'team', teamId: 't-1' },
      lastTeamId: 't-1',
      range: { preset: 'quarter' },
    });
    expect(metricsUrlCodec.toParams(team).toString()).toBe('scope=team%3At-1&range=quarter');
    expect(roundTrip(team)).toEqual(team);
    const service = view({ scope: { kind: 'service', serviceId: 's-9' }, lastTeamId: 't-1' });
    expect(metricsUrlCodec.toParams(service).toString()).toBe('scope=service%3As-9&via=t-1');
    expect(roundTrip(service)).toEqual(service);
  });

  it('writes a custom range as its first and last day, and reads it back to the same instants', () => {
    const custom = view({
      range: { preset: 'custom', from: '2024-06-01T00:00:00.000Z', to: '2025-01-01T00:00:00.000Z' },
    });
    expect(metricsUrlCodec.toParams(custom).toString()).toBe('from=2024-06-01&to=2024-12-31');
    expect(roundTrip(custom).range).toEqual(custom.range);
  });

  it('ignores what it does not understand instead of trusting it', () => {
    const bad = new URLSearchParams('scope=galaxy:1&range=forever&from=2025-13-01&to=2024-01-01');
    expect(metricsUrlCodec.fromParams(bad)).toEqual(view());
    // A range whose start is after its end is no range; the preset next to it still counts.
    const backwards = new URLSearchParams('from=2025-02-01&to=2025-01-01&range=quarter');
    expect(metricsUrlCodec.fromParams(backwards)).toEqual(view({ range: { preset: 'quarter' } }));
    expect(metricsUrlCodec.fromParams(new URLSearchParams(`scope=team:${'x'.repeat(200)}`))).toEqual(view());
  });

  it('reads a URL with part of the view as the whole view, and one with none as no change', () => {
    // `#/metrics?range=quarter` after a team was open: the organization, this quarter.
    const partial = new URLSearchParams('range=quarter');
    expect(metricsUrlCodec.fromParams(partial)).toEqual(view({ range: { preset: 'quarter' } }));
    expect(metricsUrlCodec.fromParams(new URLSearchParams('unrelated=1'))).toEqual({});
  });
});
