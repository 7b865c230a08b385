import { describe, expect, it } from 'vitest';
import { HeightIndex } from '../../renderer/src/lib/height-index.ts';
import { createRng } from '../emulator/prng.ts';

/** Positions of rows of different heights: the same as summing them one by one, whatever is measured. */
describe('row heights of a variable-height list', () => {
  it('places every row where the sum of the heights above it says, as rows are measured and prepended', () => {
    const index = new HeightIndex(60);
    const heights: number[] = [];
    const rng = createRng(3);
    index.resize(500);
    for (let i = 0; i < 500; i++) heights.push(60);
    for (let step = 0; step < 400; step++) {
      if (step % 50 === 49) {
        // Older rows inserted before the first: the measured ones move down with their rows.
        index.prepend(40);
        heights.unshift(...new Array<number>(40).fill(60));
      }
      const i = rng.int(heights.length);
      const h = 20 + rng.int(900);
      index.set(i, h);
      heights[i] = h;
    }
    let top = 0;
    for (let i = 0; i < heights.length; i++) {
      expect(index.offset(i)).toBe(top);
      expect(index.height(i)).toBe(heights[i]);
      // The row covering a point inside it is that row.
      expect(index.indexAt(top + (heights[i] as number) / 2)).toBe(i);
      top += heights[i] as number;
    }
    expect(index.total).toBe(top);
    index.resize(10);
    expect(index.total).toBe(heights.slice(0, 10).reduce((a, b) => a + b, 0));
  });
});
