import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultSize,
  minimumSize,
  placeWindow,
  readWindowState,
  writeWindowState,
} from '../../main/shell/window-state.ts';
import { tempDir } from '../support/temp-dir.ts';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const rightMonitor = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('where the window opens', () => {
  it('where it was closed, maximized or not', () => {
    const saved = { x: 1600, y: 120, width: 1300, height: 900, maximized: true };
    expect(placeWindow(saved, [laptop, rightMonitor], laptop)).toEqual({
      bounds: { x: 1600, y: 120, width: 1300, height: 900 },
      maximized: true,
    });
  });

  it('on the primary screen, centred, when the monitor it was on is gone', () => {
    const saved = { x: 1600, y: 120, width: 1300, height: 800, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({
      bounds: { x: 70, y: 38, width: 1300, height: 800 },
      maximized: false,
    });
  });

  it('never with its title bar out of reach (above the screen, or only a sliver showing)', () => {
    const above = { x: 100, y: -200, width: 1000, height: 700, maximized: false };
    expect(placeWindow(above, [laptop], laptop).bounds.y).toBeGreaterThanOrEqual(0);
    const sliver = { x: 1400, y: 100, width: 1000, height: 700, maximized: false };
    const placed = placeWindow(sliver, [laptop], laptop).bounds;
    expect(placed.x + placed.width).toBeLessThanOrEqual(laptop.width);
  });

  it('shrunk to the screen when the screen got smaller, never below the minimum size', () => {
    const saved = { x: 0, y: 0, width: 2400, height: 1350, maximized: false };
    expect(placeWindow(saved, [laptop], laptop).bounds).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
    const tiny = { x: 0, y: 0, width: 640, height: 400 };
    expect(placeWindow(null, [tiny], tiny).bounds).toMatchObject(minimumSize);
  });

  it('at the default size, centred, the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({
      bounds: { x: 130, y: 48, ...defaultSize },
      maximized: false,
    });
  });
});

describe('the saved window state', () => {
  let dir: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = join(dir.path, 'window-state.json');
  });
  afterEach(() => dir.remove());

  it('reads back what was written', () => {
    writeWindowState(file, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
  });

  it('is ignored when missing, corrupt or nonsensical, so the window opens at its default', () => {
    expect(readWindowState(file)).toBeNull();
    for (const text of [
      '{"x":1,',
      'null',
      '[]',
      '{"x":1,"y":2,"width":-5,"height":3}',
      '{"x":"1","y":2,"width":5,"height":3}',
    ]) {
      writeFileSync(file, text);
      expect(readWindowState(file)).toBeNull();
    }
  });

  it('is replaced whole, never left half-written', () => {
    writeWindowState(file, { x: 1, y: 2, width: 800, height: 600, maximized: false });
    writeWindowState(file, { x: 3, y: 4, width: 900, height: 700, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ x: 3, width: 900 });
  });
});
