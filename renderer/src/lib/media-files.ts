/**
 * Media files the window opened, kept for the rows that show them (an image scrolled out and back in
 * should not cross IPC again). A few only: main keeps every opened file on disk anyway.
 */
import type { MediaFile } from '../../../preload/contract.ts';

const kept = new Map<string, MediaFile>();
const keep = 24;

export function openedFile(messageId: string): MediaFile | undefined {
  return kept.get(messageId);
}

export function rememberFile(messageId: string, file: MediaFile): void {
  kept.delete(messageId);
  kept.set(messageId, file);
  for (const key of kept.keys()) {
    if (kept.size <= keep) break;
    kept.delete(key);
  }
}

/** Raster images only are shown inline (as data: URLs, which the page's policy allows for images). */
export function isShowableImage(mimeType: string): boolean {
  return /^image\/(png|jpeg|gif|webp)$/i.test(mimeType.trim());
}

export function dataUrl(file: MediaFile): string {
  return `data:${file.mimeType};base64,${file.base64}`;
}

/** Hands a file to the browser's download (Electron asks where to save it). */
export function saveFile(file: MediaFile, fallbackName: string): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName || fallbackName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
