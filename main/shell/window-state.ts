import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the window was when it last closed: its normal (not maximized) bounds, and whether it was maximized. */
export interface WindowState extends Rect {
  maximized: boolean;
}

export const defaultSize = { width: 1180, height: 780 };
export const minimumSize = { width: 720, height: 480 };

/** The strip at the top of the window the user drags it by: it must land on a screen to be reachable. */
const grabStrip = { height: 32, minVisibleWidth: 64 };

/** The saved state, or null when there is none or it is unreadable (the window then opens at its default). */
export function readWindowState(file: string): WindowState | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const s = parsed as Record<string, unknown>;
  const numbers = [s.x, s.y, s.width, s.height];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  if ((s.width as number) <= 0 || (s.height as number) <= 0) return null;
  return {
    x: Math.round(s.x as number),
    y: Math.round(s.y as number),
    width: Math.round(s.width as number),
    height: Math.round(s.height as number),
    maximized: s.maximized === true,
  };
}

/** Written to a temporary file first, so a crash mid-write leaves the previous state, not half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}

/**
 * Where to open the window: the saved bounds when their title strip is still on one of today's screens
 * (shrunk to fit that screen), otherwise the saved size (or the default) centred on the primary screen.
 * A monitor that was unplugged, or a resolution that shrank, therefore never leaves the window off-screen.
 */
export function placeWindow(
  saved: WindowState | null,
  workAreas: readonly Rect[],
  primary: Rect,
): { bounds: Rect; maximized: boolean } {
  const size = saved ?? defaultSize;
  const host = saved ? workAreas.find((area) => titleStripOn(saved, area)) : undefined;
  if (saved && host) {
    const width = Math.max(minimumSize.width, Math.min(saved.width, host.width));
    const height = Math.max(minimumSize.height, Math.min(saved.height, host.height));
    return { bounds: { x: saved.x, y: saved.y, width, height }, maximized: saved.maximized };
  }
  const width = Math.max(minimumSize.width, Math.min(size.width, primary.width));
  const height = Math.max(minimumSize.height, Math.min(size.height, primary.height));
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    },
    maximized: saved?.maximized ?? false,
  };
}

function titleStripOn(window: Rect, area: Rect): boolean {
  const top = window.y >= area.y && window.y + grabStrip.height <= area.y + area.height;
  const overlap = Math.min(window.x + window.width, area.x + area.width) - Math.max(window.x, area.x);
  return top && overlap >= grabStrip.minVisibleWidth;
}
