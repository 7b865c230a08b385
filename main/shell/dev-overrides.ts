/**
 * Environment variables for development and tests: the dev server's URL (set by electron-vite) and a
 * separate profile folder. The installed app ignores both, so nothing in the environment can make a
 * signed build load a remote page (which would then pass the IPC origin check) or read another store.
 */
export function devOverrides(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
): { rendererUrl: string | null; dataDir: string | null } {
  if (isPackaged) return { rendererUrl: null, dataDir: null };
  return { rendererUrl: env.ELECTRON_RENDERER_URL || null, dataDir: env.RYZE_DATA_DIR || null };
}
