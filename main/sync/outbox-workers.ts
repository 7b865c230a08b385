import type { AccountContext } from '../session/account-context.ts';
import { OutboxWorker, type OutboxWorkerDeps } from './outbox-worker.ts';

/**
 * One outbox worker per signed-in account, so every account's changes are sent, not only the shown
 * one's. Accounts sharing a token share its rate budget through their contexts.
 */
export class OutboxWorkers {
  private readonly workers = new Map<string, OutboxWorker>();
  private readonly makeDeps: (accountId: string) => OutboxWorkerDeps;

  constructor(makeDeps: (accountId: string) => OutboxWorkerDeps) {
    this.makeDeps = makeDeps;
  }

  /** Starts workers for accounts that signed in, stops those of accounts that signed out. */
  follow(signedIn: readonly AccountContext[]): void {
    const ids = new Set(signedIn.map((c) => c.accountId));
    for (const [id, worker] of this.workers) {
      if (!ids.has(id)) {
        void worker.stop();
        this.workers.delete(id);
      }
    }
    for (const context of signedIn) {
      let worker = this.workers.get(context.accountId);
      if (!worker) {
        worker = new OutboxWorker(this.makeDeps(context.accountId));
        this.workers.set(context.accountId, worker);
        worker.start(context);
      } else {
        worker.update(context);
      }
    }
  }

  get(accountId: string): OutboxWorker | undefined {
    return this.workers.get(accountId);
  }

  /** Resolves once no account has anything to send, or each one's draining is held. */
  async idle(timeoutMs?: number): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.idle(timeoutMs)));
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.workers.values()].map((w) => w.stop()));
    this.workers.clear();
  }
}
