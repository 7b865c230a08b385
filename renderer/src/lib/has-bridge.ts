/** Whether the preload (or the E2E harness) gave this window its bridge to main. No imports: the entry uses it. */
export function hasBridge(): boolean {
  return typeof window !== 'undefined' && typeof window.ryze === 'object' && window.ryze !== null;
}
