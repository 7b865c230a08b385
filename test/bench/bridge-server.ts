/**
 * The page's way to the services in the benchmark: a WebSocket on loopback, served by the services process
 * itself, as Electron's IPC goes straight from the renderer to main. Playwright's exposeBinding, which the
 * E2E tests use, carries every call and its answer through the driving process and its CDP connection, so
 * the driver's own work (its garbage collections, its waits on the browser) landed in measured calls. The
 * answer is serialized here, as Electron serializes it in main.
 */
import { WebSocketServer, type WebSocket } from 'ws';
import type { CallerInfo } from '../../main/ipc/router.ts';
import { appError } from '../../preload/contract.ts';

/** A call from the page: its id, the channel and arguments, and the calling document. */
export interface BridgeCall {
  id: number;
  channel: unknown;
  args: unknown;
  caller: CallerInfo;
}

/** What the page hears: an answer with the services' own time, or an event. */
export type BridgeMessage =
  { id: number; value: unknown; servicesMs: number } | { event: string; payload: unknown };

export class BridgeServer {
  private readonly server: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  readonly url: Promise<string>;

  constructor(handle: (call: BridgeCall) => Promise<unknown>) {
    this.server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    this.url = new Promise((resolve) =>
      this.server.once('listening', () => {
        const address = this.server.address();
        resolve(
          typeof address === 'string' || address === null
            ? String(address)
            : `ws://127.0.0.1:${address.port}`,
        );
      }),
    );
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('message', (data) => {
        const call = JSON.parse(String(data)) as BridgeCall;
        const start = performance.now();
        const answered = handle(call).catch((error: unknown) => {
          // The router answers every call with a Result; if it ever throws, the page hears it as Electron's
          // preload would turn it into one, and the bench's log says why.
          console.error(`bridge: ${String(call.channel)} threw`, error);
          return { ok: false, error: appError('internal') };
        });
        void answered.then((value) => {
          const answer: BridgeMessage = { id: call.id, value, servicesMs: performance.now() - start };
          socket.send(JSON.stringify(answer));
        });
      });
    });
  }

  /** An event to every page, as the shell's webContents.send does. */
  emit(event: string, payload: unknown): void {
    if (this.sockets.size === 0) return;
    const message = JSON.stringify({ event, payload } satisfies BridgeMessage);
    for (const socket of this.sockets) socket.send(message);
  }
}
