import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../electron/main/window-options';

describe('createWindowOptions', () => {
  const { webPreferences, show } = createWindowOptions('/app/dist-electron/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['v8CacheOptions', 'bypassHeatCheck'],
  ] as const)('sets webPreferences.%s to %s', (key, value) => {
    expect(webPreferences?.[key]).toBe(value);
  });

  it('loads the given preload and waits for ready-to-show', () => {
    expect(webPreferences?.preload).toBe('/app/dist-electron/preload.cjs');
    expect(show).toBe(false);
  });
});
