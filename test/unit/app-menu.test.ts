import { describe, expect, it, vi } from 'vitest';

const double = await vi.hoisted(async () =>
  (await import('../support/electron-double.ts')).createElectronDouble(),
);
vi.mock('electron', () => double.module);

const { installMenu, menuTemplate } = await import('../../main/shell/menu.ts');
const { localeFromSystem, stringsFor } = await import('../../main/shell/strings.ts');

type Item = ReturnType<typeof menuTemplate>[number];

function build(overrides: Partial<Parameters<typeof menuTemplate>[0]> = {}) {
  const actions = {
    about: vi.fn(),
    checkForUpdates: vi.fn(),
    restartToUpdate: vi.fn(),
    openGuide: vi.fn(),
    openLogFolder: vi.fn(),
    command: vi.fn(),
  };
  const template = menuTemplate({
    strings: stringsFor('en'),
    platform: 'linux',
    isPackaged: true,
    updateReady: false,
    actions,
    ...overrides,
  });
  return { template, actions };
}

const children = (item: Item | undefined) => (item?.submenu ?? []) as Item[];
const allItems = (items: Item[]): Item[] => items.flatMap((i) => [i, ...allItems(children(i))]);
const labels = (items: Item[]) => items.map((i) => i.label);
const find = (items: Item[], label: string) => allItems(items).find((i) => i.label === label);
const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.();

describe('the application menu', () => {
  it('has the platform’s standard menus: an app menu on macOS, File first elsewhere', () => {
    expect(labels(build({ platform: 'darwin' }).template)).toEqual([
      'Ryze Desktop',
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(labels(build({ platform: 'win32' }).template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });

  it('Edit copies and pastes, View zooms, Window minimizes, through Electron’s roles', () => {
    const { template } = build();
    const roles = (label: string) => children(template.find((i) => i.label === label)).map((i) => i.role);
    expect(roles('Edit')).toEqual(
      expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    );
    expect(roles('View')).toEqual(
      expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']),
    );
    expect(roles('Window')).toContain('minimize');
  });

  it('leaves Ctrl+Z to the window on Windows and Linux, where it undoes the last star', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const edit = children(build({ platform }).template.find((i) => i.label === 'Edit'));
      expect(
        edit.filter((i) => i.role === 'undo' || i.role === 'redo').map((i) => i.registerAccelerator),
      ).toEqual([false, false]);
    }
    const macEdit = children(build({ platform: 'darwin' }).template.find((i) => i.label === 'Edit'));
    expect(macEdit.find((i) => i.role === 'undo')?.registerAccelerator).toBeUndefined();
  });

  it('Help opens the RyzeAPI guide and the log folder; About and updates are reachable on every system', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { template, actions } = build({ platform });
      click(find(template, 'RyzeAPI Guide'));
      click(find(template, 'Open Log Folder'));
      click(find(template, 'About Ryze Desktop'));
      click(find(template, 'Check for Updates…'));
      expect(actions.openGuide).toHaveBeenCalledOnce();
      expect(actions.openLogFolder).toHaveBeenCalledOnce();
      expect(actions.about).toHaveBeenCalledOnce();
      expect(actions.checkForUpdates).toHaveBeenCalledOnce();
    }
  });

  it('offers "Restart to Update" once an update is downloaded', () => {
    const { template, actions } = build({ updateReady: true });
    expect(find(template, 'Check for Updates…')).toBeUndefined();
    click(find(template, 'Restart to Update'));
    expect(actions.restartToUpdate).toHaveBeenCalledOnce();
  });

  it('has reload and the developer tools only when running from source', () => {
    const roles = (isPackaged: boolean) => allItems(build({ isPackaged }).template).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(false)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
  });

  it('File exports the favorites as CSV or JSON and imports them, on every system, through the window', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const { template, actions } = build({ platform });
      const file = children(template.find((i) => i.label === 'File'));
      expect(labels(file).slice(0, 5)).toEqual([
        'Export Favorites as CSV…',
        'Export Favorites for Import (JSON)…',
        undefined,
        'Import Favorites…',
        undefined,
      ]);
      click(find(template, 'Export Favorites as CSV…'));
      click(find(template, 'Export Favorites for Import (JSON)…'));
      click(find(template, 'Import Favorites…'));
      expect(actions.command.mock.calls).toEqual([['exportCsv'], ['exportJson'], ['importFavorites']]);
      // Closing (macOS) or quitting (elsewhere) stays last.
      expect(file.at(-1)?.role).toBe(platform === 'darwin' ? 'close' : 'quit');
    }
    const pt = build({ strings: stringsFor('pt-BR') }).template;
    expect(labels(children(pt[0]))).toContain('Importar favoritos…');
  });

  it('is entirely in Portuguese when the UI is, on every system', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const english = allItems(build({ platform, isPackaged: false }).template);
      const portuguese = allItems(
        build({ platform, isPackaged: false, strings: stringsFor('pt-BR') }).template,
      );
      expect(portuguese.map((i) => i.type ?? i.role)).toEqual(english.map((i) => i.type ?? i.role));
      const same = portuguese
        .filter((item, i) => item.type !== 'separator' && item.label === english[i]?.label)
        .map((i) => i.label);
      // The product's name and "Zoom" (macOS's own word in Portuguese) are the same in both.
      expect(same.filter((l) => l !== 'Ryze Desktop' && l !== 'Zoom')).toEqual([]);
      for (const item of portuguese) if (item.type !== 'separator') expect(item.label).toBeTruthy();
    }
    const pt = build({ strings: stringsFor('pt-BR') }).template;
    expect(labels(pt)).toEqual(['Arquivo', 'Editar', 'Exibir', 'Janela', 'Ajuda']);
    expect(find(pt, 'Copiar')?.role).toBe('copy');
  });

  it('starts in the system’s language, by the same rule as the window', () => {
    expect(localeFromSystem('pt-BR')).toBe('pt-BR');
    expect(localeFromSystem('pt-PT')).toBe('pt-BR');
    expect(localeFromSystem('pt')).toBe('pt-BR');
    expect(localeFromSystem('en-GB')).toBe('en');
    expect(localeFromSystem('es')).toBe('en');
    expect(localeFromSystem(undefined)).toBe('en');
  });

  it('is installed as the application menu', () => {
    double.reset();
    const { actions } = build();
    installMenu({
      strings: stringsFor('en'),
      platform: 'linux',
      isPackaged: true,
      updateReady: false,
      actions,
    });
    expect(labels(double.rec.menus[0] as Item[])).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
  });
});
