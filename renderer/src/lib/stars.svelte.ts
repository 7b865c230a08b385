/**
 * Optimistic stars. A click flips the star on screen at once (an override keyed by target); main is asked to
 * record it; a refusal reverts and shows the error. Once main confirms, the override only wins over rows read
 * BEFORE the confirmation: any row read after it is main's truth again (so undo and outbox reverts show).
 */
import { SvelteMap } from 'svelte/reactivity';
import type { FavoriteTarget } from '../../../preload/contract.ts';
import { call } from './bridge.ts';
import { notices } from './notices.svelte.ts';
import { nextSeq } from './seq.ts';

interface Override {
  value: boolean;
  /** Sequence number when main accepted the change; null while the request is in flight. */
  confirmedAt: number | null;
}

export function targetKey(target: FavoriteTarget): string {
  return target.kind === 'chat'
    ? `c\u0000${target.chatJid}`
    : `m\u0000${target.chatJid}\u0000${target.messageId}`;
}

class Stars {
  #overrides = new SvelteMap<string, Override>();

  /** The star to draw for a row whose stored value is `stored`, read at sequence `readAt`. */
  shown(target: FavoriteTarget, stored: boolean, readAt: number): boolean {
    const o = this.#overrides.get(targetKey(target));
    if (!o) return stored;
    if (o.confirmedAt !== null && readAt > o.confirmedAt) return stored;
    return o.value;
  }

  /** Flips the star of a row as it is drawn: `stored` and `readAt` as for `shown`. */
  flip(target: FavoriteTarget, stored: boolean, readAt: number): Promise<void> {
    return this.toggle(target, this.shown(target, stored, readAt));
  }

  async toggle(target: FavoriteTarget, current: boolean): Promise<void> {
    const key = targetKey(target);
    const mine: Override = { value: !current, confirmedAt: null };
    this.#overrides.set(key, mine);
    const result = await call('favorites:set', { target, favorite: mine.value });
    if (this.#overrides.get(key) !== mine) return; // a later click owns this star now
    if (result.ok) {
      this.#overrides.set(key, { value: mine.value, confirmedAt: nextSeq() });
    } else {
      this.#overrides.delete(key);
      notices.error(result.error);
    }
  }

  async undo(): Promise<void> {
    const result = await call('favorites:undo', undefined);
    if (!result.ok) notices.error(result.error);
  }

  clear(): void {
    this.#overrides.clear();
  }
}

export const stars = new Stars();
