/** Who is signed in, as main reports it (`session:get` + `session:changed`). Never holds a token. */
import type { AppError, Session } from '../../../preload/contract.ts';
import { call, on, settle } from './bridge.ts';
import { takeEarly } from './early-calls.ts';
import { dropFirstChats, keepFirstChats } from './first-chats.ts';
import { notices } from './notices.svelte.ts';

class SessionStore {
  session = $state<Session | null>(null);
  loadError = $state<AppError | null>(null);
  /** Signing in to one more account while another stays signed in. */
  adding = $state(false);

  /**
   * Subscribe, then read the current session: the entry's early answer if it asked (early-calls.ts), else
   * main now. Returns the unsubscribe function.
   */
  start(): () => void {
    const early = takeEarly();
    let heardEvent = false;
    const heard = (s: Session): void => {
      heardEvent = true;
      dropFirstChats();
      this.set(s);
    };
    const off = on('session:changed', heard);
    // Most starts are signed in: the entry asked for the chat list's first page beside the session.
    if (early) keepFirstChats(early.chats);
    if (early?.changed) heard(early.changed);
    const answer = early ? settle('session:get', early.session) : call('session:get', undefined);
    void answer.then((r) => {
      if (r.ok) {
        if (!r.value.signedIn) dropFirstChats();
        if (!heardEvent) this.set(r.value);
      } else {
        dropFirstChats();
        this.loadError = r.error;
      }
    });
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
