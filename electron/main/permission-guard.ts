import { isAppUrl } from './app-origin';

/** Desktop notifications arrive with the next issue; nothing else is ever granted. */
export const grantedPermissions: ReadonlySet<string> = new Set(['notifications']);

/** The part of Electron's Session this guard uses. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { requestingUrl?: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
}

export function isPermissionGranted(permission: string, requestingUrl: string | undefined): boolean {
  return grantedPermissions.has(permission) && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

/**
 * Denies camera, microphone, geolocation, USB and every other permission by default; only our own
 * pages may ask for notifications.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
 */
export function guardPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin),
  );
}
