import { describe, expect, it, vi } from 'vitest';

const double = await vi.hoisted(async () =>
  (await import('../support/electron-double.ts')).createElectronDouble(),
);
vi.mock('electron', () => double.module);

const { nativeFileChooser } = await import('../../main/shell/file-dialogs.ts');
const { stringsFor } = await import('../../main/shell/strings.ts');

describe('the native file dialogs of export and import', () => {
  const window = new double.module.BrowserWindow({ width: 800, height: 600 });
  const chooser = (locale: 'en' | 'pt-BR' = 'en') =>
    nativeFileChooser({
      window: () => window as never,
      strings: () => stringsFor(locale),
      startFolder: () => '/home/ana/Documents',
    });

  it('saves where the user picks, starting in Documents with the suggested name, attached to the window', async () => {
    double.reset();
    double.state.fileAnswers = ['/home/ana/Desktop/mine.csv'];
    const path = await chooser()({
      purpose: 'export',
      format: 'csv',
      suggestedName: 'ryze-favorites-support.csv',
    });
    expect(path).toBe('/home/ana/Desktop/mine.csv');
    expect(double.rec.fileDialogs).toEqual([
      {
        kind: 'save',
        attached: true,
        options: expect.objectContaining({
          title: 'Export Favorites',
          buttonLabel: 'Export',
          defaultPath: '/home/ana/Documents/ryze-favorites-support.csv',
          filters: [{ name: 'CSV for spreadsheets', extensions: ['csv'] }],
        }),
      },
    ]);
  });

  it('adds the format’s extension when the user typed a name without one (Linux dialogs do not)', async () => {
    double.reset();
    double.state.fileAnswers = ['/home/ana/estrelas'];
    expect(await chooser('pt-BR')({ purpose: 'export', format: 'json', suggestedName: 'x.json' })).toBe(
      '/home/ana/estrelas.json',
    );
    expect(double.rec.fileDialogs[0]?.options).toMatchObject({
      title: 'Exportar favoritos',
      filters: [{ name: 'Favoritos do Ryze Desktop (JSON)', extensions: ['json'] }],
    });
  });

  it('imports from one JSON file picked in the open dialog; a cancelled dialog picks nothing', async () => {
    double.reset();
    double.state.fileAnswers = ['/home/ana/stars.json', null];
    expect(await chooser()({ purpose: 'import' })).toBe('/home/ana/stars.json');
    expect(double.rec.fileDialogs[0]).toMatchObject({
      kind: 'open',
      options: { title: 'Import Favorites', properties: ['openFile'], filters: [{ extensions: ['json'] }] },
    });
    expect(await chooser()({ purpose: 'import' })).toBeNull();
    expect(await chooser()({ purpose: 'export', format: 'csv', suggestedName: 'x.csv' })).toBeNull();
  });
});
