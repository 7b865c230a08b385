import type { EventChannel, EventPayloads } from '../../preload/contract.ts';

/** Where services announce changes for the renderer; the shell and the E2E bridge each provide one. */
export type EventSink = <E extends EventChannel>(event: E, payload: EventPayloads[E]) => void;

/** Fans events out to any number of listeners (windows, test harnesses). */
export class EventHub {
  private readonly listeners = new Set<EventSink>();

  readonly emit: EventSink = (event, payload) => {
    for (const listener of this.listeners) listener(event, payload);
  };

  subscribe(listener: EventSink): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
