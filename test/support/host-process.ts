/**
 * Hosts the real main services in a process of their own, so a test can SIGKILL them mid-work.
 * Reads JSON lines {id, channel, args} on stdin, answers {id, result} on stdout, where `result` is what
 * the IPC router returned. Run: node test/support/host-process.ts <dataDir>
 */
import { createInterface } from 'node:readline';
import { buildApp } from './app-harness.ts';

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write('usage: host-process.ts <dataDir>\n');
  process.exit(2);
}

const app = buildApp(dataDir);
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
