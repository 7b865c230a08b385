import { app, nativeImage, type BrowserWindow } from 'electron';

/**
 * A 16×16 amber dot (a PNG, inlined so it needs no file in the package): Windows' taskbar overlay is
 * too small for a legible number, so the dot says "changes pending" and the description says how many.
 */
const overlayDot =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAUklEQVR42mNgoDb4////3P+4wVxCmp/AVN4sZ0PBSOAJXs3oGnEY9ASrswlpRjNkLrIB/8kw4D+KAcRqRjZkuBlAaSBSFo0UJySqJGWqZCZyAAB3hPBoA1apAwAAAABJRU5ErkJggg==';

/**
 * Shows the number of favorite changes waiting to be sent outside the window: on the Dock (macOS), on
 * the launcher where the desktop supports it (Linux, Unity's launcher API), and as a taskbar overlay
 * (Windows). Zero clears it.
 */
export class PendingBadge {
  private shown = 0;
  private readonly platform: NodeJS.Platform;
  private readonly window: () => BrowserWindow | null;
  private readonly describe: (count: number) => string;

  constructor(options: {
    platform: NodeJS.Platform;
    window: () => BrowserWindow | null;
    describe: (count: number) => string;
  }) {
    this.platform = options.platform;
    this.window = options.window;
    this.describe = options.describe;
  }

  /** `force`: apply even if unchanged (a new window, or the language of the description changed). */
  show(count: number, force = false): void {
    if (count === this.shown && !force) return;
    this.shown = count;
    if (this.platform === 'win32') {
      const window = this.window();
      if (!window || window.isDestroyed()) return;
      const image = count > 0 ? nativeImage.createFromDataURL(overlayDot) : null;
      window.setOverlayIcon(image, count > 0 ? this.describe(count) : '');
    } else {
      app.setBadgeCount(count);
    }
  }

  get count(): number {
    return this.shown;
  }
}
