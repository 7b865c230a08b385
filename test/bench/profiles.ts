/**
 * The two sizes the benchmark runs at. `1x` is the size of the earlier runs (10,000 contacts, one chat of
 * 100,000 messages), seeded through the app as before; `10x` is ten times that: 100,000 contacts and
 * 1,000,000 messages across 2,000 chats (the largest 200,000), seeded straight through the repos
 * (seed-store.ts). Each figure can be shrunk from the environment for development (BENCH_1X_CONTACTS,
 * BENCH_1X_MESSAGES, BENCH_10X_CONTACTS, BENCH_10X_MESSAGES, BENCH_10X_CHATS, BENCH_10X_LARGEST).
 */
export interface SizeProfile {
  name: '1x' | '10x';
  contacts: number;
  /** The largest chat, the one every list figure is taken on. */
  bigChatMessages: number;
  /** Each of the emulator's ten standard chats besides the big one. */
  messagesPerChat: number;
  /** Sizes of the chats added past the standard ones (10x only). */
  historyChats: number[];
  /** 'app': through the app's own paths (chats:refresh, messages:loadOlder); 'repos': seed-store.ts. */
  seed: 'app' | 'repos';
  /** The naive lists (every row in the DOM) are built at 1x only: 200,000 rows would take minutes. */
  baselines: boolean;
}

const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback);

/** The emulator's standard chats: the big one, six contacts', two groups', two strangers'. */
const standardChats = 11;

export function profile(name: string): SizeProfile {
  if (name === '1x') {
    return {
      name,
      contacts: env('BENCH_1X_CONTACTS', 10_000),
      bigChatMessages: env('BENCH_1X_MESSAGES', 100_000),
      // Other chats have this much history, so a chat not yet read can have older pages prepended.
      messagesPerChat: 600,
      historyChats: [],
      seed: 'app',
      baselines: true,
    };
  }
  if (name !== '10x') throw new Error(`unknown size ${name} (1x or 10x)`);
  const contacts = env('BENCH_10X_CONTACTS', 100_000);
  const messages = env('BENCH_10X_MESSAGES', 1_000_000);
  const chats = env('BENCH_10X_CHATS', 2_000);
  const largest = env('BENCH_10X_LARGEST', 200_000);
  const messagesPerChat = 400;
  return {
    name,
    contacts,
    bigChatMessages: largest,
    messagesPerChat,
    // The store holds `messages`: the big chat, the standard chats but the two groups (left for the app to
    // load, so a chat being read has older pages to prepend), and the rest.
    historyChats: chatSizes(
      messages - largest - (standardChats - 3) * messagesPerChat,
      chats - standardChats,
    ),
    seed: 'repos',
    baselines: false,
  };
}

/**
 * `total` messages over `chats` chats, sized as chat activity usually is: a few busy chats and a long
 * tail (Zipf, size of the k-th ∝ 1 / (k + 10)), at least one message each. Deterministic.
 */
export function chatSizes(total: number, chats: number): number[] {
  if (chats <= 0) return [];
  const weights = Array.from({ length: chats }, (_, k) => 1 / (k + 10));
  const sum = weights.reduce((s, w) => s + w, 0);
  const sizes = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  // Rounding leaves a remainder: the busiest chats take it, one message each.
  let left = total - sizes.reduce((s, n) => s + n, 0);
  for (let k = 0; left > 0; k = (k + 1) % chats, left--) sizes[k] = (sizes[k] as number) + 1;
  return sizes;
}

/** Messages in the store when the services start: at 1x the big chat's (the app loads it); at 10x every seeded chat's. */
export function storedMessages(p: SizeProfile): number {
  if (p.seed === 'app') return p.bigChatMessages;
  return (
    p.bigChatMessages + (standardChats - 3) * p.messagesPerChat + p.historyChats.reduce((s, n) => s + n, 0)
  );
}
