import { describe, expect, it } from 'vitest';
import { createMenuTemplate } from '../../electron/main/app-menu';

const roles = (template: ReturnType<typeof createMenuTemplate>) =>
  JSON.stringify(template, (_key, value: unknown) => value);

describe('createMenuTemplate', () => {
  it('offers developer tools only in development builds', () => {
    expect(roles(createMenuTemplate('linux', false))).toContain('toggleDevTools');
    expect(roles(createMenuTemplate('linux', true))).not.toContain('toggleDevTools');
    expect(roles(createMenuTemplate('linux', true))).not.toContain('"reload"');
  });

  it('uses the app menu on macOS and the file menu elsewhere', () => {
    expect(createMenuTemplate('darwin', true)[0]).toEqual({ role: 'appMenu' });
    expect(createMenuTemplate('win32', true)[0]).toEqual({ role: 'fileMenu' });
  });
});
