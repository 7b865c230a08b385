import { favoriteBehaviours, type FavoriteBehaviour } from './favorite-behaviours.ts';
import type { Faults } from './types.ts';

export type FaultKind = 'fail5xx' | 'resetConnections' | 'malformedJson';

export function createFaults(): Faults {
  const faults: Faults = {
    latencyMs: 0,
    fail5xx: 0,
    resetConnections: 0,
    malformedJson: 0,
    favoriteBehaviours: [],
    // Refers to `faults`, not `this`, so a detached `const { clear } = emu.faults` still works.
    clear() {
      faults.latencyMs = 0;
      faults.fail5xx = 0;
      faults.resetConnections = 0;
      faults.malformedJson = 0;
      faults.favoriteBehaviours = [];
    },
  };
  return faults;
}

/** Takes one pending fault, if any. Connection resets go first: they model the harshest failure. */
export function takeFault(faults: Faults): FaultKind | null {
  for (const kind of ['resetConnections', 'fail5xx', 'malformedJson'] as const) {
    if (faults[kind] > 0) {
      faults[kind]--;
      return kind;
    }
  }
  return null;
}

/** Applies fault fields from an admin request; unknown keys and non-numbers are ignored. */
export function applyFaultPatch(faults: Faults, patch: unknown): void {
  if (typeof patch !== 'object' || patch === null) return;
  const p = patch as Record<string, unknown>;
  if (p['clear'] === true) faults.clear();
  for (const key of ['latencyMs', 'fail5xx', 'resetConnections', 'malformedJson'] as const) {
    const v = p[key];
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) faults[key] = Math.floor(v);
  }
  const queued = p['favoriteBehaviours'];
  if (Array.isArray(queued)) {
    faults.favoriteBehaviours = queued.filter((b): b is FavoriteBehaviour =>
      (favoriteBehaviours as readonly unknown[]).includes(b),
    );
  }
}

// Cut mid-string so that every JSON parser fails, while the HTTP framing itself stays valid.
export const TRUNCATED_JSON_BODY = '{"success": true, "message": "Messages retrie';
