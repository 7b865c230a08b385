import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from './csp.ts';

/**
 * The renderer is served from app://ryze/ rather than file://: a page there is one origin of its own,
 * with no reach into the rest of the disk (the grantFileProtocolExtraPrivileges fuse is off too), and
 * the IPC trust check can name it exactly.
 */
export const appScheme = 'app';
export const appHost = 'ryze';
export const appEntryUrl = `${appScheme}://${appHost}/index.html`;

/** Must run before the app is ready: Chromium learns its schemes at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      // standard: relative URLs and a real origin; secure: a secure context, like https.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

/** Answers app://ryze/… from the built renderer folder, and nothing outside it. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(appScheme, (request) => rendererResponse(rootDir, request.url));
}

export async function rendererResponse(rootDir: string, url: string): Promise<Response> {
  const file = resolveAppFile(rootDir, url);
  if (!file) return notFound();
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return notFound();
  }
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The file an app:// URL names inside `rootDir`, or null for another host or a path that leaves it. */
export function resolveAppFile(rootDir: string, url: string): string | null {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    // Decoded here, so an encoded "..%2f" or "%5c" is seen as the separator it becomes on disk.
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${appScheme}:` || parsed.host !== appHost || path.includes('\0')) return null;
  const root = resolve(rootDir);
  const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
  return file.startsWith(root + sep) ? file : null;
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};
