/**
 * Which links the window may open in the system browser: RyzeAPI's site and documentation, over https,
 * on the default port, without user info. Anything else a page could name (another host, a look-alike,
 * http, file:, a custom scheme that launches a program) is refused.
 */
const allowedOrigins = new Set(['https://ryzeapi.cloud', 'https://docs.ryzeapi.cloud']);

export function isAllowedLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    allowedOrigins.has(parsed.origin)
  );
}

/** How long after a click or key press an opened link still counts as the user's doing. */
export const gestureWindowMs = 1000;

/** Input that a person makes; Electron reports it as it reaches the page, which script cannot fake. */
const gestureInputs = new Set(['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'gestureTap', 'touchEnd']);

/**
 * Remembers when the user last clicked or pressed a key in the window. Electron does not tell the
 * window-open handler whether a user gesture caused the call, so the shell tracks input itself: a page
 * script calling window.open on its own (on load, on a timer) finds no recent gesture and is refused.
 */
export class UserGesture {
  private last = Number.NEGATIVE_INFINITY;
  private readonly now: () => number;

  constructor(now: () => number = () => Date.now()) {
    this.now = now;
  }

  note(inputType: string): void {
    if (gestureInputs.has(inputType)) this.last = this.now();
  }

  get recent(): boolean {
    return this.now() - this.last <= gestureWindowMs;
  }
}
