import type { CallerInfo } from '../ipc/router.ts';

/**
 * Whether a call comes from the app's own page in the window's top frame. `appUrl` is the page the
 * window loaded: a file:// URL when packaged, the dev server's URL in development.
 */
export function isAppPage(appUrl: string) {
  const expected = new URL(appUrl);
  return (caller: CallerInfo): boolean => {
    if (!caller.isMainFrame) return false;
    let url: URL;
    try {
      url = new URL(caller.url);
    } catch {
      return false;
    }
    if (expected.protocol === 'file:') return url.protocol === 'file:' && url.pathname === expected.pathname;
    return url.origin === expected.origin;
  };
}
