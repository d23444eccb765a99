import { describe, expect, it } from 'vitest';
import { guardPermissions, type PermissionSession } from '../../electron/main/permission-guard';

function guardedSession() {
  let request: Parameters<PermissionSession['setPermissionRequestHandler']>[0] | undefined;
  let check: Parameters<PermissionSession['setPermissionCheckHandler']>[0] | undefined;
  guardPermissions({
    setPermissionRequestHandler: (handler) => (request = handler),
    setPermissionCheckHandler: (handler) => (check = handler),
  });
  return {
    ask: (permission: string, requestingUrl?: string) =>
      new Promise<boolean>((resolve) =>
        request?.({}, permission, resolve, requestingUrl ? { requestingUrl } : {}),
      ),
    check: (permission: string, origin: string) => check?.({}, permission, origin),
  };
}

describe('guardPermissions', () => {
  it('grants notifications to the app origin only', async () => {
    const session = guardedSession();
    expect(await session.ask('notifications', 'app://pave/index.html')).toBe(true);
    expect(await session.ask('notifications', 'https://evil.example/')).toBe(false);
    expect(await session.ask('notifications')).toBe(false);
    expect(session.check('notifications', 'app://pave')).toBe(true);
    expect(session.check('notifications', 'https://evil.example')).toBe(false);
  });

  it.each(['media', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'usb', 'serial', 'unknown'])(
    'denies %s even to the app',
    async (permission) => {
      const session = guardedSession();
      expect(await session.ask(permission, 'app://pave/index.html')).toBe(false);
      expect(session.check(permission, 'app://pave')).toBe(false);
    },
  );
});
