import { createHash } from 'node:crypto';
import { textOfParts } from '../api/body-parts.ts';
import { isObject, parseContacts, type ApiContact } from '../api/parse.ts';
import type { ChatsRepo } from './chats-repo.ts';

/** Contacts written per store call (~1 ms each on an idle machine): other calls go between slices. */
export const contactsSliceSize = 200;

/**
 * How saveContacts stores a contact (columns, search key). Part of the address book's fingerprint, so a
 * change to it makes the next refresh rewrite every contact instead of skipping an unchanged book.
 */
const contactsFormat = 1;

/** What reading an address book found. */
export type AddressBookRead =
  /** The same book as the last one saved in full: nothing to write. */
  | { kind: 'unchanged'; count: number }
  /** A new or changed book, held here to be saved in `slices` calls, then finished. */
  | { kind: 'changed'; count: number; slices: number }
  /** A 2xx that is not an address book; `envelope` is its JSON (if any), for main to say what it means. */
  | { kind: 'notAddressBook'; envelope: unknown };

/**
 * The address book as RyzeAPI sends it, read in the store worker: at 100,000 contacts, parsing it,
 * fingerprinting it and handing it over took main hundreds of milliseconds. A changed book is kept here
 * between calls and saved a slice per call, so the store's other callers (the list's own first page) go
 * between slices instead of waiting behind the whole book. One book per account at a time: a new read
 * replaces one not finished (a refresh cut short is completed by the next).
 */
export class AddressBookImports {
  private readonly chats: ChatsRepo;
  private readonly pending = new Map<string, { contacts: ApiContact[]; fingerprint: string }>();

  constructor(chats: ChatsRepo) {
    this.chats = chats;
  }

  read(accountId: string, body: readonly ArrayBuffer[]): AddressBookRead {
    this.pending.delete(accountId);
    let envelope: unknown;
    try {
      envelope = JSON.parse(textOfParts(body));
    } catch {
      return { kind: 'notAddressBook', envelope: undefined };
    }
    if (!isObject(envelope) || envelope.success === false) return { kind: 'notAddressBook', envelope };
    const contacts = parseContacts(envelope);
    const fingerprint = createHash('sha256')
      .update(`${contactsFormat}\n${JSON.stringify(contacts)}`)
      .digest('base64');
    // An address book the same as last time (most refreshes) writes nothing: comparing 10,000 rows with
    // their stored selves cost ~50 store calls of up to 4 ms each.
    if (this.chats.contactsFingerprint(accountId) === fingerprint)
      return { kind: 'unchanged', count: contacts.length };
    this.pending.set(accountId, { contacts, fingerprint });
    return {
      kind: 'changed',
      count: contacts.length,
      slices: Math.ceil(contacts.length / contactsSliceSize),
    };
  }

  /** Saves slice `index` of the book read last for the account (upserts only: a slice saved twice is harmless). */
  saveSlice(accountId: string, index: number): void {
    const contacts = this.require(accountId).contacts;
    this.chats.saveContacts(
      accountId,
      contacts.slice(index * contactsSliceSize, (index + 1) * contactsSliceSize),
    );
  }

  /** Every slice is in: the fingerprint says the book is current, and it is let go of. */
  finish(accountId: string): void {
    this.chats.setContactsFingerprint(accountId, this.require(accountId).fingerprint);
    this.pending.delete(accountId);
  }

  private require(accountId: string): { contacts: ApiContact[]; fingerprint: string } {
    const book = this.pending.get(accountId);
    // Another read of the account's book replaced this one (or the worker was restarted): the refresh fails
    // and the next one reads the book again.
    if (!book) throw new Error('The address book being saved was replaced; refresh again.');
    return book;
  }
}
