import { describe, expect, it } from 'vitest';
import { matchPages } from '../../../renderer/palette/palette-pages';
import { themeSwitch } from '../../../renderer/palette/theme-switch';

describe('the palette\'s "Switch to dark/light theme"', () => {
  it("offers the scheme not on screen, whether chosen or the OS's", () => {
    expect(themeSwitch('system', true)).toMatchObject({ label: 'Switch to light theme', next: 'light' });
    expect(themeSwitch('system', false)).toMatchObject({ label: 'Switch to dark theme', next: 'dark' });
    // A choice wins over the OS.
    expect(themeSwitch('dark', false).next).toBe('light');
    expect(themeSwitch('light', true).next).toBe('dark');
  });

  it('is found by what people type', () => {
    for (const typed of ['dark', 'theme', 'appearance', 'dark mode']) {
      expect(matchPages(typed, [themeSwitch('light', false)])).toHaveLength(1);
    }
    expect(matchPages('deploy', [themeSwitch('light', false)])).toEqual([]);
  });
});
