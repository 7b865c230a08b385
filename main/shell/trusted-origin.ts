import type { CallerInfo } from '../ipc/router.ts';

/**
 * Whether a call comes from the app's own page in the window's top frame. `appUrl` is the page the
 * window loaded: app://ryze/… (main/shell/app-protocol.ts), or the dev server's URL in development.
 * Scheme and host are compared rather than `origin`, which URL reports as "null" for custom schemes;
 * a URL without a host (file:, data:, about:) never matches.
 */
export function isAppPage(appUrl: string) {
  const expected = new URL(appUrl);
  if (!expected.host) throw new Error(`The app page must have a host: ${appUrl}`);
  return (caller: CallerInfo): boolean => {
    if (!caller.isMainFrame) return false;
    let url: URL;
    try {
      url = new URL(caller.url);
    } catch {
      return false;
    }
    return url.protocol === expected.protocol && url.host === expected.host;
  };
}
