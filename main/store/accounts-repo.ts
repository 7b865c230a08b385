import type { DatabaseSync } from 'node:sqlite';
import type { InstanceSummary } from '../../preload/contract.ts';

export interface AccountRecord {
  id: string;
  baseUrl: string;
  instance: InstanceSummary;
}

interface AccountRow {
  id: string;
  base_url: string;
  instance_json: string;
}

/** Who has signed in on this machine (never their tokens: those live in the keychain). */
export class AccountsRepo {
  private readonly db: DatabaseSync;
  constructor(db: DatabaseSync) {
    this.db = db;
  }

  save(account: AccountRecord, now: number): void {
    this.db
      .prepare(
        `INSERT INTO accounts (id, base_url, instance, instance_json, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET instance_json = excluded.instance_json`,
      )
      .run(account.id, account.baseUrl, account.instance.name, JSON.stringify(account.instance), now);
  }

  get(id: string): AccountRecord | null {
    const row = this.db.prepare('SELECT id, base_url, instance_json FROM accounts WHERE id = ?').get(id) as
      AccountRow | undefined;
    return row ? { id: row.id, baseUrl: row.base_url, instance: JSON.parse(row.instance_json) } : null;
  }

  all(): AccountRecord[] {
    const rows = this.db
      .prepare('SELECT id, base_url, instance_json FROM accounts ORDER BY created_at, id')
      .all() as unknown as AccountRow[];
    return rows.map((row) => ({
      id: row.id,
      baseUrl: row.base_url,
      instance: JSON.parse(row.instance_json),
    }));
  }

  currentId(): string | null {
    const row = this.db.prepare(`SELECT value FROM meta WHERE key = 'current_account'`).get() as
      { value: string } | undefined;
    return row?.value ?? null;
  }

  setCurrent(id: string | null): void {
    if (id === null) this.db.prepare(`DELETE FROM meta WHERE key = 'current_account'`).run();
    else
      this.db
        .prepare(
          `INSERT INTO meta (key, value) VALUES ('current_account', ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
        )
        .run(id);
  }
}
