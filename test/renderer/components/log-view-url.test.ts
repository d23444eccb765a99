import { describe, expect, it } from 'vitest';
import { defaultLogView, logViewCodec } from '../../../renderer/components/log-viewer/log-view-url';

describe("the log viewer's view in the URL", () => {
  it('round-trips a search and a level, and leaves defaults out', () => {
    const params = logViewCodec.toParams({ search: 'time out', minimum: 'warn' });
    expect(params.toString()).toBe('log=time+out&level=warn');
    expect(logViewCodec.fromParams(params)).toEqual({ search: 'time out', minimum: 'warn' });
    expect(logViewCodec.toParams(defaultLogView).toString()).toBe('');
  });

  it('drops what it does not know instead of trusting it', () => {
    expect(logViewCodec.fromParams(new URLSearchParams('level=loud&log=' + 'x'.repeat(201)))).toEqual({});
    expect(logViewCodec.fromParams(new URLSearchParams('level=error'))).toEqual({ minimum: 'error' });
  });
});
