import { test as base, expect, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import type { AppOptions, RyzeApp } from '../../../main/app.ts';
import { isAppPage } from '../../../main/shell/trusted-origin.ts';
import { contentSecurityPolicy } from '../../../main/shell/csp.ts';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../emulator/index.ts';
import type { ChooseFile, FileRequest } from '../../../main/transfer/file-request.ts';
import { buildApp, type TestApp, forgetTestTokens } from '../../support/app-harness.ts';
import { tempDir } from '../../support/temp-dir.ts';
import { installBridge, subscribeEvents } from './bridge.ts';
import { serveRenderer } from './static-server.ts';

export interface Ryze {
  emulator: Emulator;
  app: TestApp;
  dataDir: string;
  url: string;
  /**
   * Closes the main services and builds them again over the same store and keychain (an app restart);
   * `beforeStart` runs in between, while nothing holds the store open. `appOptions` go to createApp;
   * with `background`, the start is not waited for (as the shell opens its window at once).
   */
  restart(options?: {
    beforeStart?: () => void;
    appOptions?: Partial<AppOptions>;
    background?: boolean;
  }): Promise<void>;
  /**
   * Stands in for the native file dialogs of the shell (main/shell/file-dialogs.ts): `next` is what the
   * next one answers (a path, or null as when the user cancels); `asked` records what each was asked.
   */
  fileDialog: { next: string | null; asked: FileRequest[] };
}

/**
 * A Playwright fixture: the seeded emulator, the real main services (as createApp builds them), the
 * built renderer served on loopback with the app's CSP, and the contract bridge between them.
 */
export const test = base.extend<{ emulatorOptions: EmulatorOptions; ryze: Ryze }>({
  emulatorOptions: [{ contacts: 60, bigChatMessages: 400 }, { option: true }],
  ryze: async ({ page, emulatorOptions }, use) => {
    const emulator = createEmulator(emulatorOptions);
    await emulator.start();
    const dir = tempDir('ryze-e2e-');
    const server = await serveRenderer(resolve('out/renderer'), contentSecurityPolicy);
    const trusted = isAppPage(server.url);
    const fileDialog: Ryze['fileDialog'] = { next: null, asked: [] };
    const chooseFile: ChooseFile = (request) => {
      fileDialog.asked.push(request);
      return Promise.resolve(fileDialog.next);
    };
    let app = buildApp(dir.path, { isTrustedCaller: trusted, chooseFile });
    await app.start();
    let unsubscribe = await installBridge(page, () => app as RyzeApp);
    const ryze: Ryze = {
      emulator,
      get app() {
        return app;
      },
      dataDir: dir.path,
      url: server.url,
      fileDialog,
      async restart(options = {}) {
        unsubscribe();
        await app.close();
        options.beforeStart?.();
        app = buildApp(dir.path, { isTrustedCaller: trusted, chooseFile, ...options.appOptions });
        const started = app.start();
        if (!options.background) await started;
        unsubscribe = subscribeEvents(page, app);
      },
    };
    await use(ryze);
    unsubscribe();
    await app.close();
    await server.close();
    await emulator.stop();
    await forgetTestTokens();
    dir.remove();
  },
});

export { expect } from '@playwright/test';

/** Fills the sign-in form as a user would, picks an instance and waits until the window is signed in. */
export async function signInThroughUi(page: Page, ryze: Ryze, instance = 'support'): Promise<void> {
  await page.getByTestId('base-url').fill(ryze.emulator.baseUrl);
  await page.getByTestId('token').fill(ryze.emulator.accountToken);
  await page.getByTestId('continue').click();
  await page.getByTestId('instance-option').filter({ hasText: instance }).click();
  // Signed in once the picker is gone (the token is in the keychain by then), not when it was clicked.
  await expect(page.getByTestId('instance-option')).toHaveCount(0);
}

/** Opens the window, signs in through it and waits for the chat list's first row: most tests start there. */
export async function openSignedIn(page: Page, ryze: Ryze): Promise<void> {
  await page.goto(ryze.url);
  await signInThroughUi(page, ryze);
  await expect(page.getByTestId('chat-row').first()).toBeVisible();
}

/** Switches the window's language in Settings, as a user would. */
export async function chooseLanguage(page: Page, locale: 'en' | 'pt-BR'): Promise<void> {
  await page.getByTestId('settings-button').click();
  await page.getByTestId('language-select').selectOption(locale);
  await page.keyboard.press('Escape');
}
