import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyAppearance } from '../../../renderer/theme/appearance';

/** A localStorage holding `stored` under the store's key, as zustand's persist writes it. */
function storageWith(stored: unknown): Storage {
  const values = new Map<string, string>([
    ['pave.appearance', JSON.stringify({ state: stored, version: 0 })],
  ]);
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
    clear: () => values.clear(),
    key: () => null,
    get length() {
      return values.size;
    },
  };
}

async function storeAfterRestart(stored: unknown) {
  vi.resetModules();
  // zustand's persist reads window.localStorage when the store is created.
  vi.stubGlobal('window', { localStorage: storageWith(stored) });
  const { useAppearanceStore } = await import('../../../renderer/theme/appearance');
  return useAppearanceStore.getState().appearance;
}

afterEach(() => vi.unstubAllGlobals());

describe('appearance', () => {
  it('sets data-theme for a choice and removes it for System', () => {
    const attributes = new Map<string, string>();
    const root = {
      setAttribute: (name: string, value: string) => void attributes.set(name, value),
      removeAttribute: (name: string) => void attributes.delete(name),
    };
    applyAppearance('dark', root);
    expect(attributes.get('data-theme')).toBe('dark');
    applyAppearance('light', root);
    expect(attributes.get('data-theme')).toBe('light');
    applyAppearance('system', root);
    expect(attributes.has('data-theme')).toBe(false);
  });

  it('comes back after a restart, and an unknown stored value falls back to System', async () => {
    expect(await storeAfterRestart({ appearance: 'dark' })).toBe('dark');
    expect(await storeAfterRestart({ appearance: 'purple' })).toBe('system');
    expect(await storeAfterRestart(null)).toBe('system');
  });
});
