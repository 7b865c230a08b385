import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createEmulator } from '../../emulator/index.ts';

/**
 * The real app on the real Electron binary, where there is one (developer machines, and the GitHub
 * workflow on Linux, macOS and Windows): the checks the unit tests make against the electron double
 * (test/unit/shell.test.ts), made again on the real thing.
 */

/**
 * Where the Electron binary is, or why there is none. `require('electron')` would try to download it,
 * so where downloads are switched off the binary is looked up on disk instead.
 */
function electronBinary(): { path: string | null; why: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('electron/package.json'));
  const pathFile = join(root, 'path.txt');
  const onDisk = existsSync(pathFile) ? join(root, 'dist', readFileSync(pathFile, 'utf8')) : null;
  if (onDisk && existsSync(onDisk)) return { path: onDisk, why: '' };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return {
      path: null,
      why: 'the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set',
    };
  }
  try {
    const path = require('electron') as unknown as string;
    return existsSync(path)
      ? { path, why: '' }
      : { path: null, why: `the Electron binary is missing at ${path}` };
  } catch (error) {
    return {
      path: null,
      why: `the Electron binary could not be installed (${(error as Error).message.split('\n')[0]})`,
    };
  }
}

const binary = electronBinary();
let userData = '';

test.beforeEach(() => {
  if (!binary.path) console.log(`Skipping the Electron spec: ${binary.why}.`);
  test.skip(!binary.path, binary.why);
  userData = mkdtempSync(join(tmpdir(), 'ryze-electron-'));
});
test.afterEach(() => {
  if (userData) rmSync(userData, { recursive: true, force: true });
});

/** Runs the app from source (`electron .`), with its own profile folder. */
function launch(): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: binary.path!,
    args: ['.'],
    env: { ...process.env, RYZE_DATA_DIR: userData },
  });
}

const menuLabels = (app: ElectronApplication) =>
  app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);

test('starts locked down from app://, signs in against the emulator, and opens no other window', async () => {
  const emulator = createEmulator({ contacts: 20 });
  await emulator.start();
  const app = await launch();
  try {
    const page = await app.firstWindow();
    expect(page.url()).toBe('app://ryze/index.html');
    await page.getByTestId('base-url').fill(emulator.baseUrl);
    await page.getByTestId('token').fill(emulator.accountToken);
    await page.getByTestId('continue').click();
    await page.getByTestId('instance-option').filter({ hasText: 'support' }).click();
    await expect(page.getByTestId('chat-row').first()).toBeVisible();
    // The preload exposes the contract's functions and nothing that reaches Node.
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
      'undefined',
    );
    // A page script cannot open windows or send the user to another site.
    expect(await page.evaluate(() => window.open('https://evil.example/') === null)).toBe(true);
    expect(await page.evaluate(() => window.open('https://docs.ryzeapi.cloud/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
    expect(await page.evaluate(() => Notification.permission)).not.toBe('granted');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-out-confirm').click();
  } finally {
    await app.close();
    await emulator.stop();
  }
});

test('the menu has the standard roles and follows the window’s language', async () => {
  const app = await launch();
  try {
    const page = await app.firstWindow();
    const english =
      process.platform === 'darwin'
        ? ['Ryze Desktop', 'File', 'Edit', 'View', 'Window', 'Help']
        : ['File', 'Edit', 'View', 'Window', 'Help'];
    await page.getByTestId('settings-button').click();
    await page.getByTestId('language-select').selectOption('en');
    await expect.poll(() => menuLabels(app)).toEqual(english);
    const roles = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()!.items.flatMap(
        (item) => item.submenu?.items.map((i) => i.role?.toLowerCase()) ?? [],
      ),
    );
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste', 'zoomin', 'zoomout', 'minimize']));

    await page.getByTestId('language-select').selectOption('pt-BR');
    await expect.poll(() => menuLabels(app)).toContain('Editar');
  } finally {
    await app.close();
  }
});

test('the window reopens where it was, and a second launch hands over to the first', async () => {
  const first = await launch();
  await first.firstWindow();
  const wanted = { x: 60, y: 80, width: 1000, height: 700 };
  await first.evaluate(
    ({ BrowserWindow }, bounds) => BrowserWindow.getAllWindows()[0]!.setBounds(bounds),
    wanted,
  );
  await expect
    .poll(() => first.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds()))
    .toMatchObject({
      width: wanted.width,
      height: wanted.height,
    });

  // The same profile is locked by the running app: a second process exits and leaves it the window.
  const second = spawn(binary.path!, ['.'], {
    env: { ...process.env, RYZE_DATA_DIR: userData },
    stdio: 'ignore',
  });
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(code).toBe(0);
  expect(first.windows()).toHaveLength(1);
  await first.close();

  const again = await launch();
  try {
    await again.firstWindow();
    const bounds = await again.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.getBounds());
    expect(bounds).toMatchObject({ width: wanted.width, height: wanted.height });
  } finally {
    await again.close();
  }
});

test('exports through the native save dialog and imports through the open dialog, from the File menu', async () => {
  const emulator = createEmulator({ contacts: 20 });
  await emulator.start();
  const app = await launch();
  const file = join(userData, 'picked.json');
  try {
    const page = await app.firstWindow();
    await page.getByTestId('base-url').fill(emulator.baseUrl);
    await page.getByTestId('token').fill(emulator.accountToken);
    await page.getByTestId('continue').click();
    await page.getByTestId('instance-option').filter({ hasText: 'support' }).click();
    await page.getByTestId('chat-row').nth(1).getByTestId('star-button').click();
    await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', { timeout: 30_000 });

    // The system's dialogs cannot be driven from here: each answers with the file, and says what it was asked.
    await app.evaluate(({ dialog }, path) => {
      const asked: unknown[] = [];
      (globalThis as Record<string, unknown>).askedDialogs = asked;
      dialog.showSaveDialog = (async (...args: unknown[]) => {
        asked.push(args.at(-1));
        return { canceled: false, filePath: path };
      }) as typeof dialog.showSaveDialog;
      dialog.showOpenDialog = (async (...args: unknown[]) => {
        asked.push(args.at(-1));
        return { canceled: false, filePaths: [path] };
      }) as typeof dialog.showOpenDialog;
    }, file);
    const clickMenu = (label: string) =>
      app.evaluate(({ Menu }, wanted) => {
        const items = Menu.getApplicationMenu()!.items.flatMap((item) => item.submenu?.items ?? []);
        items.find((i) => i.label === wanted)!.click();
      }, label);

    await clickMenu('Export Favorites for Import (JSON)…');
    await expect(page.getByTestId('error-banner')).toContainText('Exported 1 favorite to picked.json.');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
      format: 'ryze-desktop-favorites',
      version: 1,
    });

    await clickMenu('Import Favorites…');
    await expect(page.getByTestId('error-banner')).toContainText('Nothing new to import from picked.json.');
    const asked = (await app.evaluate(() => (globalThis as Record<string, unknown>).askedDialogs)) as Array<{
      title: string;
    }>;
    expect(asked.map((a) => a.title)).toEqual(['Export Favorites', 'Import Favorites']);
  } finally {
    await app.close();
    await emulator.stop();
  }
});
