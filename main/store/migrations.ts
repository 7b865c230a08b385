/**
 * Schema history, oldest first. A migration is applied once, in a transaction, and never edited after it
 * ships: a change is a new entry. PRAGMA user_version records how many have run. The SQL fragments below
 * are parts of migrations 3 and 4 and are frozen with them.
 */
/** Migration 3: the block a message row (`new` or `old`) is counted in, the last one starting at or before it. */
function blockOf(row: 'new' | 'old'): string {
  return `account_id = ${row}.account_id AND chat_jid = ${row}.chat_jid AND (first_ts, first_id) = (
        SELECT first_ts, first_id FROM message_blocks
        WHERE account_id = ${row}.account_id AND chat_jid = ${row}.chat_jid AND (first_ts, first_id) <= (${row}.ts, ${row}.id)
        ORDER BY first_ts DESC, first_id DESC LIMIT 1)`;
}

/** Migration 3: counts the written row in its block; a chat's first message creates its first block. */
const countNewMessage = `
    INSERT OR IGNORE INTO message_blocks (account_id, chat_jid, first_ts, first_id, n)
      VALUES (new.account_id, new.chat_jid, -9e999, '', 0);
    UPDATE message_blocks SET n = n + 1 WHERE ${blockOf('new')};`;

const uncountOldMessage = `
    UPDATE message_blocks SET n = n - 1 WHERE ${blockOf('old')};`;

/** Migration 4: the first search key of a message's millisecond (time clamped to [0, 2^43), made whole). */
function keyBase(ts: string): string {
  return `CAST(max(0, min(${ts}, 8796093022207)) AS INTEGER) * 1024`;
}

/** Migration 4: the written row's search key (the next free slot of its millisecond) and index entry. */
const indexNewMessage = `
    INSERT INTO message_fts_keys (key, account_id, message_id)
      VALUES ((SELECT CASE
        WHEN taken IS NULL THEN ${keyBase('new.ts')}
        WHEN taken < ${keyBase('new.ts')} + 1023 THEN taken + 1
        ELSE (SELECT min(0, coalesce(min(key), 0)) - 1 FROM message_fts_keys) END
      FROM (SELECT max(key) AS taken FROM message_fts_keys
            WHERE key BETWEEN ${keyBase('new.ts')} AND ${keyBase('new.ts')} + 1023)), new.account_id, new.id);
    INSERT INTO message_fts (rowid, text)
      SELECT key, new.text FROM message_fts_keys WHERE account_id = new.account_id AND message_id = new.id;`;

/** Migration 4: removes the old row's index entry (an external-content index is told the old text) and key. */
const unindexOldMessage = `
    INSERT INTO message_fts (message_fts, rowid, text)
      SELECT 'delete', key, old.text FROM message_fts_keys WHERE account_id = old.account_id AND message_id = old.id;
    DELETE FROM message_fts_keys WHERE account_id = old.account_id AND message_id = old.id;`;

export const migrations: readonly string[] = [
  // 1: accounts, chats, messages, favorites and the outbox, each scoped by account.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    base_url TEXT NOT NULL,
    instance TEXT NOT NULL,
    instance_json TEXT NOT NULL,
    created_at INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE chats (
    account_id TEXT NOT NULL,
    jid TEXT NOT NULL,
    display_name TEXT NOT NULL,
    number TEXT NOT NULL DEFAULT '',
    in_address_book INTEGER NOT NULL DEFAULT 0,
    last_activity INTEGER NOT NULL DEFAULT 0,
    last_preview TEXT NOT NULL DEFAULT '',
    search_key TEXT NOT NULL,
    PRIMARY KEY (account_id, jid)
  ) WITHOUT ROWID;
  CREATE INDEX chats_by_activity ON chats (account_id, last_activity DESC, display_name);

  CREATE TABLE messages (
    account_id TEXT NOT NULL,
    id TEXT NOT NULL,
    chat_jid TEXT NOT NULL,
    ts INTEGER NOT NULL,
    from_me INTEGER NOT NULL,
    sender_jid TEXT NOT NULL DEFAULT '',
    sender_name TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL DEFAULT 'text',
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, id)
  ) WITHOUT ROWID;
  CREATE INDEX messages_by_chat ON messages (account_id, chat_jid, ts, id);

  -- History is paged backwards; remembers whether the oldest stored message is the chat's first.
  CREATE TABLE history_state (
    account_id TEXT NOT NULL,
    chat_jid TEXT NOT NULL,
    reached_start INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, chat_jid)
  ) WITHOUT ROWID;

  -- wanted: what the user chose and sees. confirmed: what the server last answered (NULL: never sent,
  -- taken as false because the API cannot read favorites back, API.md §8).
  CREATE TABLE favorites (
    account_id TEXT NOT NULL,
    target_key TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('chat', 'message')),
    chat_jid TEXT NOT NULL,
    message_id TEXT,
    wanted INTEGER NOT NULL,
    confirmed INTEGER,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, target_key)
  ) WITHOUT ROWID;
  CREATE INDEX favorites_wanted ON favorites (account_id, kind, wanted, updated_at DESC);

  -- One row per target whose wanted state differs from the confirmed one: the durable outbox.
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    target_key TEXT NOT NULL,
    wanted INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (account_id, target_key)
  );

  -- Changes the server refused for good, kept so the user can see them, retry or dismiss.
  CREATE TABLE failed_changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id TEXT NOT NULL,
    target_key TEXT NOT NULL,
    wanted INTEGER NOT NULL,
    label TEXT NOT NULL,
    error_kind TEXT NOT NULL,
    error_message TEXT NOT NULL,
    at INTEGER NOT NULL
  );
  `,
  // 2: full-text search over message text (FTS5). `messages` is WITHOUT ROWID and FTS5 needs an integer
  // key per row, so message_fts_keys hands each message one; the index reads text through a view (external
  // content), so the text is stored once. The key row also carries ts so results sort newest first
  // without a second lookup per match. Triggers keep all of it in step with every insert, update and
  // delete; unicode61 with remove_diacritics 2 folds case and accents, so "acao" finds "ação".
  `
  CREATE TABLE message_fts_keys (
    key INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    ts INTEGER NOT NULL,
    UNIQUE (account_id, message_id)
  );

  CREATE VIEW message_fts_source AS
    SELECT k.key AS key, m.text AS text
    FROM message_fts_keys k JOIN messages m ON m.account_id = k.account_id AND m.id = k.message_id;

  CREATE VIRTUAL TABLE message_fts USING fts5(
    text,
    content = 'message_fts_source',
    content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2'
  );

  CREATE TRIGGER message_fts_after_insert AFTER INSERT ON messages BEGIN
    INSERT INTO message_fts_keys (account_id, message_id, ts) VALUES (new.account_id, new.id, new.ts);
    INSERT INTO message_fts (rowid, text)
      SELECT key, new.text FROM message_fts_keys WHERE account_id = new.account_id AND message_id = new.id;
  END;

  -- An external-content index is told the old text to remove; it cannot read it back once it has changed.
  CREATE TRIGGER message_fts_after_delete AFTER DELETE ON messages BEGIN
    INSERT INTO message_fts (message_fts, rowid, text)
      SELECT 'delete', key, old.text FROM message_fts_keys WHERE account_id = old.account_id AND message_id = old.id;
    DELETE FROM message_fts_keys WHERE account_id = old.account_id AND message_id = old.id;
  END;

  CREATE TRIGGER message_fts_after_update AFTER UPDATE OF account_id, id, ts, text ON messages BEGIN
    INSERT INTO message_fts (message_fts, rowid, text)
      SELECT 'delete', key, old.text FROM message_fts_keys WHERE account_id = old.account_id AND message_id = old.id;
    UPDATE message_fts_keys SET account_id = new.account_id, message_id = new.id, ts = new.ts
      WHERE account_id = old.account_id AND message_id = old.id;
    INSERT INTO message_fts (rowid, text)
      SELECT key, new.text FROM message_fts_keys WHERE account_id = new.account_id AND message_id = new.id;
  END;

  -- Messages stored before this migration.
  INSERT INTO message_fts_keys (account_id, message_id, ts) SELECT account_id, id, ts FROM messages;
  INSERT INTO message_fts (message_fts) VALUES ('rebuild');
  `,
  // 3: indexes for paging at scale. The chat list's exact order becomes an index, so a page is read in order
  // instead of sorting every chat (10,000) per page. message_blocks cuts each chat's time order into blocks of
  // about 1,000 messages with their counts, so a page deep in a 100,000-message chat (a scrollbar drag) skips
  // whole blocks instead of walking every row before it, and a chat's size is a sum over ~100 rows. The
  // first block of a chat starts below any real message (-infinity, ''), so every message belongs to
  // the last block starting at or before it. Triggers keep the counts exact on every write; MessagesRepo
  // splits a block that grows past 2,000.
  `
  DROP INDEX chats_by_activity;
  CREATE INDEX chats_by_activity ON chats (account_id, last_activity DESC, display_name COLLATE NOCASE, jid);

  CREATE TABLE message_blocks (
    account_id TEXT NOT NULL,
    chat_jid TEXT NOT NULL,
    first_ts INTEGER NOT NULL,
    first_id TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (account_id, chat_jid, first_ts, first_id)
  ) WITHOUT ROWID;

  CREATE TRIGGER message_blocks_after_insert AFTER INSERT ON messages BEGIN${countNewMessage}
  END;

  CREATE TRIGGER message_blocks_after_delete AFTER DELETE ON messages BEGIN${uncountOldMessage}
  END;

  CREATE TRIGGER message_blocks_after_update AFTER UPDATE OF account_id, chat_jid, ts, id ON messages BEGIN${uncountOldMessage}${countNewMessage}
  END;

  -- Messages stored before this migration: one block per 1,000 of each chat's rows in time order.
  INSERT INTO message_blocks (account_id, chat_jid, first_ts, first_id, n)
    SELECT account_id, chat_jid,
      CASE WHEN pos = 0 THEN -9e999 ELSE ts END,
      CASE WHEN pos = 0 THEN '' ELSE id END,
      min(1000, total - pos)
    FROM (
      SELECT account_id, chat_jid, ts, id,
        row_number() OVER (PARTITION BY account_id, chat_jid ORDER BY ts, id) - 1 AS pos,
        count(*) OVER (PARTITION BY account_id, chat_jid) AS total
      FROM messages
    )
    WHERE pos % 1000 = 0;
  `,
  // 4: search results newest first without sorting every match. A message's search key (its FTS rowid) now
  // follows its time: key = ts × 1,024 + a slot for messages sharing a millisecond, so reading the index by
  // rowid, newest first, stops after one page. Sorting by ts meant reading every match first: a one-letter
  // search over 100,000 messages matched 44,000 and took ~34 ms. ts is clamped to [0, 2^43) (up to the year
  // 2248) and made whole, so keys are integers below 2^53, which JavaScript reads exactly. A millisecond
  // with all 1,024 slots taken (in practice only 0, "time unknown") gives the next message a negative key,
  // below every other and outside every millisecond's range: no message is ever refused, only listed as
  // the oldest. prefix '1 2' indexes the one- and two-letter prefixes people type first. Tables, view and
  // triggers are rebuilt as in 2.
  `
  DROP TRIGGER message_fts_after_insert;
  DROP TRIGGER message_fts_after_delete;
  DROP TRIGGER message_fts_after_update;
  DROP TABLE message_fts;
  DROP VIEW message_fts_source;
  DROP TABLE message_fts_keys;

  CREATE TABLE message_fts_keys (
    key INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    UNIQUE (account_id, message_id)
  );

  CREATE VIEW message_fts_source AS
    SELECT k.key AS key, m.text AS text
    FROM message_fts_keys k JOIN messages m ON m.account_id = k.account_id AND m.id = k.message_id;

  CREATE VIRTUAL TABLE message_fts USING fts5(
    text,
    content = 'message_fts_source',
    content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2'
  );
  -- FTS5 merges its segments in bursts of up to ~25 ms inside whichever insert trips them; MessagesRepo.save
  -- merges a little after every save instead, and only a level 64 segments deep forces a burst.
  INSERT INTO message_fts (message_fts, rank) VALUES ('automerge', 0);
  INSERT INTO message_fts (message_fts, rank) VALUES ('crisismerge', 64);

  CREATE TRIGGER message_fts_after_insert AFTER INSERT ON messages BEGIN${indexNewMessage}
  END;

  CREATE TRIGGER message_fts_after_delete AFTER DELETE ON messages BEGIN${unindexOldMessage}
  END;

  -- A new time means a new key, so the old entry goes and a new one is made.
  CREATE TRIGGER message_fts_after_update AFTER UPDATE OF account_id, id, ts, text ON messages BEGIN${unindexOldMessage}${indexNewMessage}
  END;

  -- Messages stored before this migration: slots in (account, id) order within a millisecond; any beyond
  -- 1,024 in one millisecond get negative keys, as above.
  CREATE TEMP TABLE message_fts_slots AS
    SELECT account_id, id, ${keyBase('ts')} AS base,
      row_number() OVER (PARTITION BY ${keyBase('ts')} ORDER BY account_id, id) - 1 AS slot
    FROM messages;
  INSERT INTO message_fts_keys (key, account_id, message_id)
    SELECT base + slot, account_id, id FROM temp.message_fts_slots WHERE slot < 1024;
  INSERT INTO message_fts_keys (key, account_id, message_id)
    SELECT (SELECT min(0, coalesce(min(key), 0)) FROM message_fts_keys) - row_number() OVER (ORDER BY base, slot),
      account_id, id
    FROM temp.message_fts_slots WHERE slot >= 1024;
  DROP TABLE temp.message_fts_slots;
  INSERT INTO message_fts (message_fts) VALUES ('rebuild');
  `,
  // 5: reading like a messaging app. A message's send status and its media (JSON: MediaInfo of the contract),
  // a chat's unread count (kept locally: the API has none, API.md §12.1) and the type of its newest message
  // (the preview of a photo without a caption), and an index to mark a refused change on its chat or
  // message row without scanning the failed list once per row.
  `
  ALTER TABLE messages ADD COLUMN status TEXT NOT NULL DEFAULT '';
  ALTER TABLE messages ADD COLUMN media TEXT;
  ALTER TABLE chats ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE chats ADD COLUMN last_type TEXT NOT NULL DEFAULT '';
  CREATE INDEX failed_changes_by_target ON failed_changes (account_id, target_key);
  `,
  // 6: a refused change keeps its error as the contract's data (JSON of AppError: a code, its parameters
  // and the server's own words), never a sentence, and is named from the chat and message rows when shown
  // rather than by a label written at the time. Rows from before are converted: the only changes dropped
  // into this list were a message RyzeAPI no longer had (404) or a request it refused (400), its words
  // kept, and an answer that disagreed with the change (the app's words, not kept).
  `
  ALTER TABLE failed_changes ADD COLUMN error TEXT NOT NULL DEFAULT '{}';
  UPDATE failed_changes SET error = CASE error_kind
    WHEN 'notFound' THEN json_object('code', 'messageNotFound', 'kind', 'notFound', 'origin', 'server',
      'params', json_object('status', 404), 'serverMessage', error_message)
    WHEN 'invalidRequest' THEN json_object('code', 'invalidRequest', 'kind', 'invalidRequest', 'origin', 'server',
      'params', json_object('status', 400), 'serverMessage', error_message)
    WHEN 'server' THEN json_object('code', 'answerDisagreed', 'kind', 'server', 'origin', 'server',
      'params', json_object())
    ELSE json_object('code', 'internal', 'kind', 'internal', 'origin', 'app', 'params', json_object()) END;
  -- Where the server sent no words, the app had written its own ("RyzeAPI answered HTTP 400"): not kept.
  UPDATE failed_changes SET error = json_remove(error, '$.serverMessage')
    WHERE error_message = '' OR error_message LIKE 'RyzeAPI answered HTTP %';
  ALTER TABLE failed_changes DROP COLUMN label;
  ALTER TABLE failed_changes DROP COLUMN error_kind;
  ALTER TABLE failed_changes DROP COLUMN error_message;
  `,
  // 7: the chat list's length without counting it. Every page of the chat list said how many chats there
  // are by counting the account's rows: about 10 ms of each page at 100,000 chats. Triggers keep the count
  // (chats are only ever inserted, upserted or deleted: an upsert that updates is not an insert).
  `
  CREATE TABLE chat_counts (
    account_id TEXT PRIMARY KEY,
    n INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO chat_counts (account_id, n) SELECT account_id, count(*) FROM chats GROUP BY account_id;
  CREATE TRIGGER chat_counts_after_insert AFTER INSERT ON chats BEGIN
    INSERT INTO chat_counts (account_id, n) VALUES (new.account_id, 1)
      ON CONFLICT (account_id) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER chat_counts_after_delete AFTER DELETE ON chats BEGIN
    UPDATE chat_counts SET n = n - 1 WHERE account_id = old.account_id;
  END;
  `,
];
