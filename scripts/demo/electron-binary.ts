import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the installed Electron binary is, or null. Looked up on disk only: `require('electron')` would try
 * to download it, which hangs or fails on machines without access to GitHub.
 */
export function installedElectron(): string | null {
  const require = createRequire(import.meta.url);
  let root: string;
  try {
    root = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(root, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(root, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}
