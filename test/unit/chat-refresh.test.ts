import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatService } from '../../main/chats/chat-service.ts';
import type { SessionService } from '../../main/session/session-service.ts';
import type { ChatsRepo } from '../../main/store/chats-repo.ts';
import { inlineStore } from '../support/inline-store.ts';
import { tempDir } from '../support/temp-dir.ts';

/** An address book of `size` contacts as RyzeAPI sends it, every one named with `name` (several save slices long). */
function book(size: number, name: string): { status: number; body: ArrayBuffer[] } {
  const contacts = Array.from({ length: size }, (_, i) => ({
    jid: `55119${String(i).padStart(8, '0')}@s.whatsapp.net`,
    full_name: `${name} ${i}`,
  }));
  const bytes = new TextEncoder().encode(JSON.stringify({ success: true, total: size, contacts }));
  return { status: 200, body: [bytes.buffer] };
}

describe('refreshing the chat list from the address book', () => {
  let dir: ReturnType<typeof tempDir>;
  let chats: ChatsRepo;
  let close: () => void;
  /** Answers to address-book requests, given by the test in whatever order it likes. */
  let answers: Array<{ resolve: (answer: ReturnType<typeof book>) => void; reject: (error: Error) => void }>;
  let service: ChatService;

  beforeEach(() => {
    dir = tempDir();
    const { store, repos, db } = inlineStore(dir.path);
    close = () => db.close();
    chats = repos.chats;
    answers = [];
    const context = {
      accountId: 'acc',
      instance: { name: 'support' },
      client: {
        contactsAnswer: () =>
          new Promise<ReturnType<typeof book>>((resolve, reject) => answers.push({ resolve, reject })),
      },
    };
    const session = { requireContext: () => context } as unknown as SessionService;
    service = new ChatService({ session, store, emit: () => undefined });
  });
  afterEach(() => {
    close();
    dir.remove();
  });

  const names = () =>
    new Set(chats.page('acc', 0, 1_000).rows.map((r) => r.displayName.replace(/ \d+$/, '')));
  const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

  it('two refreshes at once end with the newer address book, and later ones still see changes', async () => {
    const first = service.refresh();
    const second = service.refresh();
    await nextTick();
    // The second asks the API only once the first is stored, so its answer is the newer book.
    expect(answers).toHaveLength(1);
    answers[0]!.resolve(book(600, 'Old'));
    await first;
    await nextTick();
    expect(answers).toHaveLength(2);
    answers[1]!.resolve(book(600, 'New'));
    await second;
    expect(names()).toEqual(new Set(['New']));

    // The same book again is skipped; a different one is written.
    const third = service.refresh();
    await nextTick();
    answers[2]!.resolve(book(600, 'New'));
    await third;
    const fourth = service.refresh();
    await nextTick();
    answers[3]!.resolve(book(600, 'Renamed'));
    await fourth;
    expect(names()).toEqual(new Set(['Renamed']));
  });

  it('a refresh that fails does not stop the one queued after it', async () => {
    const failing = service.refresh();
    const next = service.refresh();
    await nextTick();
    answers[0]!.reject(new Error('RyzeAPI could not be reached'));
    await expect(failing).rejects.toThrow('could not be reached');
    await nextTick();
    answers[1]!.resolve(book(10, 'Back'));
    await expect(next).resolves.toEqual({ count: 10 });
    expect(names()).toEqual(new Set(['Back']));
  });
});
