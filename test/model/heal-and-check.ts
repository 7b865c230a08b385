import { ok } from '../support/app-harness.ts';
import { needlessCalls } from './call-ledger.ts';
import { failedKey, signIn, type Model } from './commands.ts';
import type { ModelSystem } from './system.ts';

/** Real time allowed for the app to reach quiet once healed: about 80 minutes on the run's clock. */
const quietWithinMs = 5000;

/**
 * Takes every fault away, as the world eventually does: the API answers, nothing is injected, both
 * instances are connected, and every account the user ever used is signed in. A hold that only the
 * user can end (a refused token) is ended the way the user would: by signing in again.
 */
export async function heal(m: Model, sys: ModelSystem): Promise<void> {
  sys.emulator.faults.clear();
  if (!m.online) {
    await sys.goOnline();
    m.online = true;
  }
  for (const account of m.disconnected) sys.emulator.setInstanceState(account, 'connected');
  m.disconnected.clear();
  for (const account of m.everSignedIn) {
    if (!m.signedIn.has(account)) await signIn(m, sys, account, 'account');
  }
  const deadline = performance.now() + quietWithinMs;
  for (;;) {
    const busy: string[] = [];
    for (const [account, token] of m.signedIn) {
      const status = await sys.outboxStatus(account);
      if (status.held?.retryAt === null && status.held.releasedBy.includes('signIn')) {
        await signIn(m, sys, account, token);
      }
      if (status.pending > 0 || status.held) {
        busy.push(`${account}: ${status.pending} pending, held ${JSON.stringify(status.held)}`);
      }
    }
    if (busy.length === 0) return;
    if (performance.now() > deadline) throw new Error(`not quiet after healing: ${busy.join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The promises the app makes, checked at quiet. Returns every violation found (empty when none). */
export async function violations(m: Model, sys: ModelSystem): Promise<string[]> {
  const found: string[] = [];
  const app = sys.requireApp();
  for (const account of m.everSignedIn) {
    ok(await app.call('accounts:switch', { accountId: sys.accountId(account) }));
    const shown = await sys.starredShown();
    const { failed, pending, held } = ok(await app.call('outbox:status', undefined));
    if (pending !== 0 || held !== null) found.push(`${account}: ${pending} pending, held at quiet`);
    const server = sys.emulator.favorites(account);
    // The oracle's own reading of every answer: only a change the server refused may be in the failed list.
    const calls = sys.ledger.entries.filter((e) => e.instance === account);
    for (const { key } of sys.targets[account]) {
      const id = `${account}/${key}`;
      const isShown = shown.has(key);
      const change = failed.find((f) => failedKey(f) === key);
      if (change) {
        // Refused: listed, with its star put back to the state before the change.
        const mine = calls.filter((e) => e.target === key);
        if (!mine.some((e) => e.favorite === change.wanted && e.seen === 'refused'))
          found.push(`${id}: in the failed list, but no call for that change was refused`);
        if (isShown === change.wanted) found.push(`${id}: refused but its star was not put back`);
        // Sent again after the refusal (the server's state was unknown before it): it must hold what is shown.
        const last = mine.at(-1);
        if (last && last.seen !== 'refused' && !sys.deleted.has(id) && (server.get(key) ?? false) !== isShown)
          found.push(`${id}: the server holds ${!isShown}, the app shows ${isShown}`);
        continue;
      }
      const intent = m.intent.get(id) ?? false;
      if (isShown !== intent) found.push(`${id}: the user chose ${intent}, the app shows ${isShown}`);
      // A message deleted on the server has no state there to agree with.
      if (sys.deleted.has(id)) continue;
      const onServer = server.get(key) ?? false;
      if (onServer !== isShown) found.push(`${id}: the server holds ${onServer}, the app shows ${isShown}`);
    }
  }
  found.push(...needlessCalls(sys.ledger.entries, m.touched));
  if (sys.emulator.redirectsFollowed() > 0) found.push('a redirect was followed');
  const tokens = [sys.emulator.accountToken, ...sys.emulator.instances.map((i) => i.token)];
  for (const file of sys.filesContaining(tokens)) found.push(`a token was written to ${file}`);
  return found;
}
