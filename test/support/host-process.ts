/**
 * Hosts the real main services in a process of their own, so a test can SIGKILL them mid-work.
 * Reads JSON lines {id, channel, args} on stdin, answers {id, result} on stdout, where `result` is what
 * the IPC router returned. Run: node test/support/host-process.ts <dataDir> [<options as JSON>], where the
 * options are createApp's plain ones (backup timing, say).
 */
import { createInterface } from 'node:readline';
import type { AppOptions } from '../../main/app.ts';
import { buildApp } from './app-harness.ts';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: host-process.ts <dataDir> [<options as JSON>]\n');
  process.exit(2);
}
const options = JSON.parse(process.argv[3] ?? '{}') as Pick<AppOptions, 'backup'>;

const app = buildApp(dataDir, options);
await app.start();
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  const { id, channel, args } = JSON.parse(line) as { id: number; channel: string; args: unknown };
  const result = await app.router.handle(channel, args, {
    url: 'http://ryze.test/index.html',
    isMainFrame: true,
  });
  process.stdout.write(`${JSON.stringify({ id, result })}\n`);
}
await app.close();
