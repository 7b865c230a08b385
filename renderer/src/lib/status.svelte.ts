/** Outbox and connection status, kept current from their events. */
import type { ConnectionStatus, OutboxStatus } from '../../../preload/contract.ts';
import { call, on } from './bridge.ts';

class StatusStore {
  outbox = $state<OutboxStatus | null>(null);
  connection = $state<ConnectionStatus | null>(null);
  /** Which refused changes are listed: when it changes, rows that show their refusal are read again. */
  failedKey = $derived(this.outbox?.failed.map((f) => f.id).join(',') ?? '');

  start(): () => void {
    let outboxEvent = false;
    let connectionEvent = false;
    const offs = [
      on('outbox:changed', (s) => {
        outboxEvent = true;
        this.outbox = s;
      }),
      on('connection:changed', (s) => {
        connectionEvent = true;
        this.connection = s;
      }),
    ];
    void call('outbox:status', undefined).then((r) => {
      if (r.ok && !outboxEvent) this.outbox = r.value;
    });
    void call('connection:status', undefined).then((r) => {
      if (r.ok && !connectionEvent) this.connection = r.value;
    });
    return () => {
      for (const off of offs) off();
      this.outbox = null;
      this.connection = null;
    };
  }
}

export const status = new StatusStore();
