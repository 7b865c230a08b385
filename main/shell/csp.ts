/**
 * The renderer's Content-Security-Policy: scripts and styles from the app only, and no network at all
 * (every API call goes through main). renderer/index.html carries the same policy in a meta tag.
 */
export const contentSecurityPolicy =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
