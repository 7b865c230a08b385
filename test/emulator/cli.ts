// Runs the emulator as its own process: one JSON line on stdout when ready, logs only on stderr.
import { parseArgs } from 'node:util';
import { createEmulator } from './index.ts';

function int(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got ${value}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      contacts: { type: 'string' },
      'big-chat-messages': { type: 'string' },
      'messages-per-chat': { type: 'string' },
      seed: { type: 'string' },
      'rate-limit': { type: 'string' },
      'rate-window-ms': { type: 'string' },
    },
    strict: true,
  });
  const emu = createEmulator({
    port: int('port', values.port) ?? 8787,
    contacts: int('contacts', values.contacts),
    bigChatMessages: int('big-chat-messages', values['big-chat-messages']),
    messagesPerChat: int('messages-per-chat', values['messages-per-chat']),
    seed: int('seed', values.seed),
    rateLimit: int('rate-limit', values['rate-limit']),
    rateWindowMs: int('rate-window-ms', values['rate-window-ms']),
  });
  await emu.start();
  process.stdout.write(
    `${JSON.stringify({ baseUrl: emu.baseUrl, accountToken: emu.accountToken, instances: emu.instances })}\n`,
  );
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`[emulator] ${signal}, stopping\n`);
    emu.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((e: unknown) => {
  process.stderr.write(`[emulator] ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
