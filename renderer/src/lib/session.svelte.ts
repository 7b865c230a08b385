/** Who is signed in, as main reports it (`session:get` + `session:changed`). Never holds a token. */
import type { AppError, Session } from '../../../preload/contract.ts';
import { call, on } from './bridge.ts';
import { askFirstChats, dropFirstChats } from './first-chats.ts';
import { notices } from './notices.svelte.ts';

class SessionStore {
  session = $state<Session | null>(null);
  loadError = $state<AppError | null>(null);
  /** Signing in to one more account while another stays signed in. */
  adding = $state(false);

  /** Subscribe, then read the current session. Returns the unsubscribe function. */
  start(): () => void {
    let heardEvent = false;
    const off = on('session:changed', (s) => {
      heardEvent = true;
      dropFirstChats();
      this.set(s);
    });
    void call('session:get', undefined).then((r) => {
      if (r.ok) {
        if (!r.value.signedIn) dropFirstChats();
        if (!heardEvent) this.set(r.value);
      } else {
        dropFirstChats();
        this.loadError = r.error;
      }
    });
    // Most starts are signed in: the chat list's first page is asked for at the same time.
    askFirstChats();
    return off;
  }

  set(session: Session): void {
    this.session = session;
    this.adding = false;
    if (session.storeNotice && !this.#toldAboutStore) {
      this.#toldAboutStore = true;
      notices.notice(session.storeNotice);
    }
  }

  #toldAboutStore = false;
}

export const sessionStore = new SessionStore();
