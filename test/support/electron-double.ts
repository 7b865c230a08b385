/**
 * A recording test double of the `electron` module: the handful of APIs the shell uses, each recording
 * what it was asked and answering like Electron would (including Electron's own rules, such as
 * "schemes are registered before ready" and "one handler per IPC channel"), so unit tests can import the
 * real main/index.ts and main/shell/* with `vi.mock('electron', () => double.module)`.
 */
type Handler = (...args: never[]) => unknown;

class Emitter {
  readonly handlers = new Map<string, Handler[]>();
  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }
  once(event: string, handler: Handler): this {
    const wrapped = ((...args: never[]) => {
      this.off(event, wrapped);
      return handler(...args);
    }) as Handler;
    return this.on(event, wrapped);
  }
  off(event: string, handler: Handler): this {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((h) => h !== handler),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): unknown[] {
    return [...(this.handlers.get(event) ?? [])].map((h) => (h as (...a: unknown[]) => unknown)(...args));
  }
  count(event: string): number {
    return this.handlers.get(event)?.length ?? 0;
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function createElectronDouble() {
  const state = {
    isPackaged: false,
    ready: false,
    singleInstance: true,
    languages: ['en-US'],
    notificationsSupported: true,
    displays: [{ x: 0, y: 0, width: 1920, height: 1040 }] as Rect[],
    paths: {} as Record<string, string>,
    /** Answers the next message boxes get, in order (the button index); 0 when none is left. */
    dialogAnswers: [] as number[],
    /** Answers the next save or open dialogs get, in order (a path; null: cancelled); cancelled when none is left. */
    fileAnswers: [] as Array<string | null>,
  };
  const rec = {
    /** Notable calls, in order, for "X before Y" checks. */
    calls: [] as string[],
    setPaths: [] as Array<[string, string]>,
    schemes: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    ipcHandlers: new Map<string, (event: unknown, args: unknown) => unknown>(),
    menus: [] as unknown[][],
    dialogs: [] as Array<Record<string, unknown>>,
    fileDialogs: [] as Array<{ kind: 'save' | 'open'; options: Record<string, unknown>; attached: boolean }>,
    notifications: [] as FakeNotification[],
    openedExternal: [] as string[],
    openedPaths: [] as string[],
    badgeCounts: [] as number[],
    appUserModelIds: [] as string[],
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
    permissionCheck: null as null | (() => boolean),
    headers: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
  };
  const appEvents = new Emitter();

  class FakeWebContents extends Emitter {
    readonly mainFrame = { url: '' };
    openHandler: ((details: { url: string }) => { action: string }) | null = null;
    readonly sent: Array<[string, unknown]> = [];
    setWindowOpenHandler(handler: FakeWebContents['openHandler']): void {
      this.openHandler = handler;
    }
    send(channel: string, payload: unknown): void {
      this.sent.push([channel, payload]);
    }
  }

  class FakeWindow extends Emitter {
    static all: FakeWindow[] = [];
    readonly options: Record<string, unknown>;
    readonly webContents = new FakeWebContents();
    bounds: Rect;
    maximized = false;
    minimized = false;
    focused = false;
    visible = false;
    destroyed = false;
    loadedUrl: string | null = null;
    overlays: Array<{ image: unknown; description: string }> = [];
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      this.bounds = {
        x: (options.x as number) ?? 0,
        y: (options.y as number) ?? 0,
        width: options.width as number,
        height: options.height as number,
      };
      FakeWindow.all.push(this);
      rec.calls.push('new BrowserWindow');
    }
    static getAllWindows(): FakeWindow[] {
      return FakeWindow.all.filter((w) => !w.destroyed);
    }
    loadURL(url: string): Promise<void> {
      rec.calls.push(`loadURL ${url}`);
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    show(): void {
      this.visible = true;
    }
    focus(): void {
      this.focused = true;
    }
    restore(): void {
      this.minimized = false;
    }
    minimize(): void {
      this.minimized = true;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMinimized(): boolean {
      return this.minimized;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    isFocused(): boolean {
      return this.focused;
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    getNormalBounds(): Rect {
      return { ...this.bounds };
    }
    setOverlayIcon(image: unknown, description: string): void {
      this.overlays.push({ image, description });
    }
    /** As a user closing the window: 'close', then the window is gone, then 'closed'. */
    close(): void {
      this.emit('close', { preventDefault() {} });
      this.destroyed = true;
      this.emit('closed');
      if (FakeWindow.getAllWindows().length === 0) appEvents.emit('window-all-closed');
    }
  }

  class FakeNotification extends Emitter {
    static isSupported(): boolean {
      return state.notificationsSupported;
    }
    readonly options: { title: string; body: string };
    shown = false;
    constructor(options: { title: string; body: string }) {
      super();
      this.options = options;
      rec.notifications.push(this);
    }
    show(): void {
      this.shown = true;
    }
  }

  const whenReady = () => {
    state.ready = true;
    rec.calls.push('ready');
    return Promise.resolve();
  };
  const afterReady = (what: string) => {
    if (!state.ready) throw new Error(`${what} can only be used after the app is ready`);
    rec.calls.push(what);
  };

  const module = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      requestSingleInstanceLock: () => state.singleInstance,
      quit: () => rec.calls.push('app.quit'),
      on: (event: string, handler: Handler) => appEvents.on(event, handler),
      whenReady,
      getPath: (name: string) => {
        const path = state.paths[name];
        if (!path) throw new Error(`No path for ${name} in the double`);
        return path;
      },
      setPath: (name: string, path: string) => {
        rec.setPaths.push([name, path]);
        state.paths[name] = path;
      },
      getVersion: () => '0.1.0',
      getPreferredSystemLanguages: () => state.languages,
      setBadgeCount: (count: number) => (rec.badgeCounts.push(count), true),
      setAppUserModelId: (id: string) => rec.appUserModelIds.push(id),
    },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, args: unknown) => unknown) => {
        if (rec.ipcHandlers.has(channel)) {
          throw new Error(`Attempted to register a second handler for '${channel}'`);
        }
        rec.ipcHandlers.set(channel, handler);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: typeof rec.schemes) => {
        if (state.ready)
          throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
        rec.calls.push('registerSchemesAsPrivileged');
        rec.schemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        afterReady(`protocol.handle ${scheme}`);
        rec.protocolHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof rec.permissionRequest) => {
          afterReady('setPermissionRequestHandler');
          rec.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler: typeof rec.permissionCheck) => {
          afterReady('setPermissionCheckHandler');
          rec.permissionCheck = handler;
        },
        webRequest: {
          onHeadersReceived: (handler: typeof rec.headers) => {
            afterReady('onHeadersReceived');
            rec.headers = handler;
          },
        },
      },
    },
    shell: {
      openExternal: (url: string) => (rec.openedExternal.push(url), Promise.resolve()),
      openPath: (path: string) => (rec.openedPaths.push(path), Promise.resolve('')),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] }) => rec.menus.push(menu.template),
    },
    Notification: FakeNotification,
    screen: {
      getAllDisplays: () => state.displays.map((workArea) => ({ workArea })),
      getPrimaryDisplay: () => ({ workArea: state.displays[0] }),
    },
    dialog: {
      showMessageBox: (...args: unknown[]) => {
        const options = args[args.length - 1] as Record<string, unknown>;
        rec.dialogs.push({ ...options, attached: args.length === 2 });
        return Promise.resolve({ response: state.dialogAnswers.shift() ?? 0, checkboxChecked: false });
      },
      showSaveDialog: (...args: unknown[]) => {
        rec.fileDialogs.push({
          kind: 'save',
          options: args.at(-1) as Record<string, unknown>,
          attached: args.length === 2,
        });
        const path = state.fileAnswers.shift() ?? null;
        return Promise.resolve(path === null ? { canceled: true } : { canceled: false, filePath: path });
      },
      showOpenDialog: (...args: unknown[]) => {
        rec.fileDialogs.push({
          kind: 'open',
          options: args.at(-1) as Record<string, unknown>,
          attached: args.length === 2,
        });
        const path = state.fileAnswers.shift() ?? null;
        return Promise.resolve(
          path === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] },
        );
      },
    },
    nativeImage: {
      createFromDataURL: (dataUrl: string) => ({ dataUrl }),
    },
  };

  return {
    module,
    state,
    rec,
    appEvents,
    windows: () => FakeWindow.all,
    /** Back to a fresh app: nothing registered, not ready, default answers. */
    reset(paths: Record<string, string> = {}): void {
      state.isPackaged = false;
      state.ready = false;
      state.singleInstance = true;
      state.languages = ['en-US'];
      state.notificationsSupported = true;
      state.displays = [{ x: 0, y: 0, width: 1920, height: 1040 }];
      state.paths = { ...paths };
      state.dialogAnswers = [];
      state.fileAnswers = [];
      for (const list of [
        rec.calls,
        rec.setPaths,
        rec.schemes,
        rec.menus,
        rec.dialogs,
        rec.fileDialogs,
        rec.notifications,
        rec.openedExternal,
        rec.openedPaths,
        rec.badgeCounts,
        rec.appUserModelIds,
      ])
        list.length = 0;
      rec.protocolHandlers.clear();
      rec.ipcHandlers.clear();
      rec.permissionRequest = rec.permissionCheck = rec.headers = null;
      appEvents.handlers.clear();
      FakeWindow.all = [];
    },
  };
}

export type ElectronDouble = ReturnType<typeof createElectronDouble>;

/** A double of electron-updater's autoUpdater: records checks and installs; the test emits its events. */
export function createUpdaterDouble() {
  const events = new Emitter();
  return {
    autoDownload: true,
    autoInstallOnAppQuit: true,
    checks: 0,
    installs: 0,
    /** What the next check does; by default it finds nothing. */
    nextCheck: null as null | (() => Promise<unknown>),
    on(event: string, handler: Handler) {
      events.on(event, handler);
      return this;
    },
    emit: (event: string, arg: unknown) => events.emit(event, arg),
    listeners: (event: string) => events.count(event),
    checkForUpdates() {
      this.checks++;
      return this.nextCheck?.() ?? Promise.resolve(null);
    },
    quitAndInstall() {
      this.installs++;
    },
    reset() {
      events.handlers.clear();
      this.autoDownload = this.autoInstallOnAppQuit = true;
      this.checks = this.installs = 0;
      this.nextCheck = null;
    },
  };
}
