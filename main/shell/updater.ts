import type { ShellStrings } from './strings.ts';

/** The part of electron-updater's autoUpdater the shell uses. */
export interface AutoUpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  on(
    event: 'update-available' | 'update-not-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(): void;
}

/** A message box: resolves to the index of the button chosen. */
export interface MessageBox {
  type: 'info' | 'warning';
  message: string;
  detail?: string;
  buttons: string[];
}

export interface UpdatesDeps {
  /** Read lazily: electron-updater picks its platform's implementation on first access. */
  updater: () => AutoUpdaterLike;
  isPackaged: boolean;
  /**
   * False for a Linux install from the .deb: it cannot replace itself (only the AppImage can), so its
   * users are told where the new package is instead.
   */
  selfUpdating: boolean;
  pending: { total(): number; onChange(listener: () => void): () => void };
  strings: () => ShellStrings;
  ask: (box: MessageBox) => Promise<number>;
  /** Opens the releases page, when the build knows where it is. */
  openReleases: (() => void) | null;
  log: { info(message: string): void; warn(message: string): void };
  /** An update finished downloading: the menu offers "Restart to Update". */
  onReady: () => void;
  intervalMs?: number;
}

/** Often enough that a fix reaches people within the day; rare enough to cost nothing. */
export const checkIntervalMs = 4 * 60 * 60 * 1000;

/**
 * Updates from the GitHub Releases feed in the build's app-update.yml, and only from there (no feed
 * URL is ever set at run time). electron-updater checks the Windows publisher name and macOS's code
 * signature before installing. Checks run at start and every few hours, downloads in the background,
 * and the app restarts to update only when the user says so and no favorite change is being sent.
 */
export class Updates {
  private readonly deps: UpdatesDeps;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readyVersion: string | null = null;
  private interactive = false;
  private toldAbout: string | null = null;
  private stopWaiting: (() => void) | null = null;

  constructor(deps: UpdatesDeps) {
    this.deps = deps;
  }

  get ready(): boolean {
    return this.readyVersion !== null;
  }

  /** Starts checking; does nothing when running from source, which has no feed to update from. */
  start(): void {
    if (!this.deps.isPackaged || this.timer) return;
    const updater = this.deps.updater();
    updater.autoDownload = this.deps.selfUpdating;
    updater.autoInstallOnAppQuit = this.deps.selfUpdating;
    updater.on('update-available', (info) => void this.available(info.version));
    updater.on('update-not-available', (info) => void this.notAvailable(info.version));
    updater.on('update-downloaded', (info) => void this.downloaded(info.version));
    updater.on('error', (error) => this.deps.log.warn(`Update check failed: ${error.message}`));
    void this.check(false);
    this.timer = setInterval(() => void this.check(false), this.deps.intervalMs ?? checkIntervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.stopWaiting?.();
    this.stopWaiting = null;
  }

  /** "Check for Updates…" in the menu: like the periodic check, but it always says what it found. */
  async checkNow(): Promise<void> {
    const s = this.deps.strings();
    if (!this.deps.isPackaged) {
      await this.deps.ask({ type: 'info', message: s.devBuild, detail: s.devBuildDetail, buttons: [s.ok] });
      return;
    }
    if (this.readyVersion) return this.restart();
    await this.check(true);
  }

  /**
   * Restarts into the downloaded update, unless favorite changes are still waiting to be sent: then the
   * user is told how many, and the restart happens once the last one is sent.
   */
  async restart(): Promise<void> {
    if (!this.readyVersion) return;
    const pending = this.deps.pending.total();
    if (pending === 0) {
      this.install();
      return;
    }
    this.stopWaiting ??= this.deps.pending.onChange(() => {
      if (this.deps.pending.total() === 0) this.install();
    });
    const s = this.deps.strings();
    await this.deps.ask({
      type: 'info',
      message: s.waiting(pending),
      detail: s.waitingDetail,
      buttons: [s.ok],
    });
  }

  private install(): void {
    this.stopWaiting?.();
    this.stopWaiting = null;
    this.deps.log.info(`Restarting to install version ${this.readyVersion}`);
    this.deps.updater().quitAndInstall();
  }

  private async check(interactive: boolean): Promise<void> {
    // Once an update waits to be installed, checking again would only offer it again.
    if (this.readyVersion) return;
    this.interactive = interactive;
    try {
      await this.deps.updater().checkForUpdates();
    } catch (error) {
      if (interactive) {
        const s = this.deps.strings();
        await this.deps.ask({
          type: 'warning',
          message: s.checkFailed,
          detail: s.checkFailedDetail((error as Error).message),
          buttons: [s.ok],
        });
      }
    } finally {
      this.interactive = false;
    }
  }

  private async available(version: string): Promise<void> {
    const s = this.deps.strings();
    if (this.deps.selfUpdating) {
      if (this.interactive) {
        await this.deps.ask({
          type: 'info',
          message: s.downloading(version),
          detail: s.downloadingDetail,
          buttons: [s.ok],
        });
      }
      return;
    }
    // A .deb install: say so once per version, or whenever the user asks.
    if (!this.interactive && this.toldAbout === version) return;
    this.toldAbout = version;
    const open = this.deps.openReleases;
    const choice = await this.deps.ask({
      type: 'info',
      message: s.debUpdate(version),
      detail: s.debUpdateDetail,
      buttons: open ? [s.openReleases, s.later] : [s.ok],
    });
    if (open && choice === 0) open();
  }

  private async notAvailable(version: string): Promise<void> {
    if (!this.interactive) return;
    const s = this.deps.strings();
    await this.deps.ask({ type: 'info', message: s.upToDate(version), buttons: [s.ok] });
  }

  private async downloaded(version: string): Promise<void> {
    this.readyVersion = version;
    this.deps.onReady();
    const s = this.deps.strings();
    const choice = await this.deps.ask({
      type: 'info',
      message: s.ready(version),
      detail: s.readyDetail,
      buttons: [s.restartNow, s.later],
    });
    if (choice === 0) await this.restart();
  }
}

/**
 * The releases page of the feed the build was made with, read from its app-update.yml (written by
 * electron-builder from the `publish` setting), or null when the file is missing or not GitHub's.
 */
export function releasesPage(appUpdateYml: string): string | null {
  const field = (name: string) =>
    new RegExp(`^${name}:\\s*['"]?([\\w.-]+)['"]?\\s*$`, 'm').exec(appUpdateYml)?.[1];
  if (field('provider') !== 'github') return null;
  const owner = field('owner');
  const repo = field('repo');
  return owner && repo ? `https://github.com/${owner}/${repo}/releases/latest` : null;
}
