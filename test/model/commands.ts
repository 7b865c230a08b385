import fc from 'fast-check';
import type { AsyncCommand } from 'fast-check';
import type { FailedChange, Result } from '../../preload/contract.ts';
import { ok } from '../support/app-harness.ts';
import { accountNames, type AccountName, type ModelSystem, type TokenKind } from './system.ts';

/** What the user did and what the test knows about it: the reference the real app is checked against. */
export interface Model {
  /** Signed-in accounts and the kind of token each used. */
  signedIn: Map<AccountName, TokenKind>;
  everSignedIn: Set<AccountName>;
  shown: AccountName | null;
  online: boolean;
  disconnected: Set<AccountName>;
  /** '<account>/<target key>' → the star the user last chose. */
  intent: Map<string, boolean>;
  /** Targets the user ever changed, '<account>/<target key>' (an account is named after its instance). */
  touched: Set<string>;
  lastToggle: { account: AccountName; key: string } | null;
}

export function initialModel(): Model {
  return {
    signedIn: new Map(),
    everSignedIn: new Set(),
    shown: null,
    online: true,
    disconnected: new Set(),
    intent: new Map(),
    touched: new Set(),
    lastToggle: null,
  };
}

type Command = AsyncCommand<Model, ModelSystem>;

/** Calls that may fail while offline: a network failure is expected then, and changes nothing. */
function allowOffline<T>(model: Model, result: Result<T>): T | null {
  if (result.ok) return result.value;
  if (!model.online && result.error.kind === 'network') return null;
  throw new Error(`unexpected failure: ${JSON.stringify(result.error)}`);
}

class ToggleStar implements Command {
  readonly index: number;
  constructor(index: number) {
    this.index = index;
  }
  check = (m: Readonly<Model>) => m.shown !== null;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    const account = m.shown!;
    const { target, key } = sys.targets[account][this.index % sys.targets[account].length]!;
    const shown = (await sys.starredShown()).has(key);
    const { changed } = ok(await sys.requireApp().call('favorites:set', { target, favorite: !shown }));
    m.intent.set(`${account}/${key}`, !shown);
    m.touched.add(`${account}/${key}`);
    // Unchanged when a refusal put the star back between the read above and the click (seed 20261399): as a
    // click on a stale row, it leaves the last toggle, and so what undo does, as it was.
    if (changed) m.lastToggle = { account, key };
  }
  toString = () => `toggle(${this.index})`;
}

class Undo implements Command {
  check = (m: Readonly<Model>) => m.shown !== null;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    const { undone } = ok(await sys.requireApp().call('favorites:undo', undefined));
    const last = m.lastToggle;
    const expected = last !== null && last.account === m.shown;
    if (undone !== expected) throw new Error(`undo answered ${undone}, expected ${expected}`);
    if (!last || !undone) return;
    m.intent.set(`${last.account}/${last.key}`, (await sys.starredShown()).has(last.key));
    m.lastToggle = null;
  }
  toString = () => 'undo';
}

class GoOffline implements Command {
  check = (m: Readonly<Model>) => m.online;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    await sys.goOffline();
    m.online = false;
  }
  toString = () => 'offline';
}

class GoOnline implements Command {
  check = (m: Readonly<Model>) => !m.online;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    await sys.goOnline();
    m.online = true;
  }
  toString = () => 'online';
}

class Restart implements Command {
  check = () => true;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    await sys.restart();
    m.lastToggle = null;
    m.shown = await sys.shownAccount();
  }
  toString = () => 'restart';
}

class SignOut implements Command {
  check = (m: Readonly<Model>) => m.shown !== null;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    ok(await sys.requireApp().call('session:signOut', undefined));
    m.signedIn.delete(m.shown!);
    m.shown = await sys.shownAccount();
  }
  toString = () => 'signOut';
}

/** Signing in, with the account token or the instance's own, whether or not the account is signed in. */
class SignIn implements Command {
  readonly account: AccountName;
  readonly token: TokenKind;
  constructor(account: AccountName, token: TokenKind) {
    this.account = account;
    this.token = token;
  }
  check = () => true;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    await signIn(m, sys, this.account, this.token);
  }
  toString = () => `signIn(${this.account}, ${this.token} token)`;
}

export async function signIn(
  m: Model,
  sys: ModelSystem,
  account: AccountName,
  token: TokenKind,
): Promise<void> {
  const app = sys.requireApp();
  const began = allowOffline(
    m,
    await app.call('session:beginSignIn', {
      baseUrl: sys.emulator.baseUrl,
      token: sys.token(account, token),
    }),
  );
  if (!began) return;
  ok(await app.call('session:chooseInstance', { instance: account }));
  m.signedIn.set(account, token);
  m.everSignedIn.add(account);
  m.shown = account;
}

class SwitchAccount implements Command {
  readonly account: AccountName;
  constructor(account: AccountName) {
    this.account = account;
  }
  check = (m: Readonly<Model>) => m.signedIn.has(this.account) && m.shown !== this.account;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    ok(await sys.requireApp().call('accounts:switch', { accountId: sys.accountId(this.account) }));
    m.shown = this.account;
  }
  toString = () => `switchTo(${this.account})`;
}

/** Opens the other instance with the shown account's token (only an account token reaches it). */
class OpenInstance implements Command {
  readonly account: AccountName;
  constructor(account: AccountName) {
    this.account = account;
  }
  check = (m: Readonly<Model>) =>
    m.shown !== null && m.shown !== this.account && m.signedIn.get(m.shown) === 'account';
  async run(m: Model, sys: ModelSystem): Promise<void> {
    const opened = allowOffline(
      m,
      await sys.requireApp().call('accounts:openInstance', { instance: this.account }),
    );
    if (!opened) return;
    m.signedIn.set(this.account, 'account');
    m.everSignedIn.add(this.account);
    m.shown = this.account;
  }
  toString = () => `openInstance(${this.account})`;
}

/** The instance's phone loses (or regains) its WhatsApp connection. */
class SetInstanceConnected implements Command {
  readonly account: AccountName;
  readonly connected: boolean;
  constructor(account: AccountName, connected: boolean) {
    this.account = account;
    this.connected = connected;
  }
  check = (m: Readonly<Model>) => m.disconnected.has(this.account) === this.connected;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    sys.emulator.setInstanceState(this.account, this.connected ? 'connected' : 'disconnected');
    if (this.connected) m.disconnected.delete(this.account);
    else m.disconnected.add(this.account);
  }
  toString = () => `${this.account} ${this.connected ? 'connected' : 'disconnected'}`;
}

/** Retry or dismiss the newest change in the failed list, as the status bar's panel offers. */
class ActOnFailed implements Command {
  readonly action: 'retry' | 'dismiss';
  constructor(action: 'retry' | 'dismiss') {
    this.action = action;
  }
  check = (m: Readonly<Model>) => m.shown !== null;
  async run(m: Model, sys: ModelSystem): Promise<void> {
    const app = sys.requireApp();
    const [change] = ok(await app.call('outbox:status', undefined)).failed;
    if (!change) return;
    const key = `${m.shown}/${failedKey(change)}`;
    if (this.action === 'retry') {
      ok(await app.call('outbox:retry', { id: change.id }));
      m.intent.set(key, change.wanted);
      m.touched.add(key);
    } else {
      ok(await app.call('outbox:dismiss', { id: change.id }));
      m.intent.set(key, !change.wanted);
    }
  }
  toString = () => `${this.action}Failed`;
}

/** Lets real time pass between two user actions, so sending moves on in between. */
class Pause implements Command {
  readonly ms: number;
  constructor(ms: number) {
    this.ms = ms;
  }
  check = () => true;
  async run(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.ms));
  }
  toString = () => `pause(${this.ms}ms)`;
}

export function failedKey(change: FailedChange): string {
  return change.target.kind === 'chat'
    ? `chat:${change.target.chatJid}`
    : `message:${change.target.messageId}`;
}

const account = fc.constantFrom(...accountNames);

const toggle = fc.integer({ min: 0, max: 63 }).map((i) => new ToggleStar(i));

/** Starring is what users do most: it is drawn about as often as everything else together. */
export const commandArbitraries = [
  ...Array.from({ length: 8 }, () => toggle),
  fc.constant(new Undo()),
  fc.constant(new GoOffline()),
  fc.constant(new GoOnline()),
  fc.constant(new Restart()),
  fc.constant(new SignOut()),
  fc.tuple(account, fc.constantFrom<TokenKind>('account', 'instance')).map(([a, t]) => new SignIn(a, t)),
  account.map((a) => new SwitchAccount(a)),
  account.map((a) => new OpenInstance(a)),
  fc.tuple(account, fc.boolean()).map(([a, c]) => new SetInstanceConnected(a, c)),
  fc.constantFrom<'retry' | 'dismiss'>('retry', 'dismiss').map((a) => new ActOnFailed(a)),
  fc.integer({ min: 1, max: 10 }).map((ms) => new Pause(ms)),
];
