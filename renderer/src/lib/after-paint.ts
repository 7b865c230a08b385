/**
 * Runs `work` once the next frame has been painted: work started from a render (a network call, a large
 * write in main) then competes with that frame for the machine's cores only after it is on screen.
 * A hidden or minimized window paints no frames, so a timer also runs it after `latestMs`.
 * Returns a function that cancels it if it has not run yet.
 */
export function afterNextPaint(work: () => void, latestMs = 200): () => void {
  let done = false;
  const run = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
    work();
  };
  // A timer set inside the frame's callback fires after that frame's paint.
  const frame = requestAnimationFrame(() => setTimeout(run, 0));
  const fallback = setTimeout(run, latestMs);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(fallback);
  };
}
