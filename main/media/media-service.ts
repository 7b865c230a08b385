import { maxMediaBytes, type MediaFile } from '../../preload/contract.ts';
import { fail, type AppFailure } from '../core/app-error.ts';
import type { SessionService } from '../session/session-service.ts';
import type { Store } from '../store/store-client.ts';
import type { MediaCache } from './media-cache.ts';

/**
 * Opens a media message's file on demand: from the disk cache, else with one GET /api/chat/base64 call
 * (spent from the token's shared budget like any other). Never prefetched. Concurrent opens of one file
 * share that call.
 */
export class MediaService {
  private readonly session: SessionService;
  private readonly store: Store;
  private readonly cache: MediaCache;
  private readonly opening = new Map<string, Promise<MediaFile>>();

  constructor(deps: { session: SessionService; store: Store; cache: MediaCache }) {
    this.session = deps.session;
    this.store = deps.store;
    this.cache = deps.cache;
  }

  open(chatJid: string, messageId: string): Promise<MediaFile> {
    const ctx = this.session.requireContext();
    const key = `${ctx.accountId}\n${messageId}`;
    let running = this.opening.get(key);
    if (!running) {
      running = this.load(chatJid, messageId).finally(() => this.opening.delete(key));
      this.opening.set(key, running);
    }
    return running;
  }

  private async load(chatJid: string, messageId: string): Promise<MediaFile> {
    const ctx = this.session.requireContext();
    const message = await this.store.call('messages.get', ctx.accountId, messageId);
    if (!message || message.chatJid !== chatJid || !message.media) {
      throw fail('noMediaFile');
    }
    const fileName = message.media.fileName;
    if ((message.media.size ?? 0) > maxMediaBytes) throw tooLarge(message.media.size ?? 0);
    const cached = await this.cache.get(ctx.accountId, messageId);
    if (cached) return toFile(cached.mimeType, cached.bytes, fileName);
    const got = await ctx.client.mediaBase64(ctx.instance.name, messageId);
    if (got.bytes.length > maxMediaBytes) throw tooLarge(got.bytes.length);
    await this.cache.put(ctx.accountId, messageId, got);
    return toFile(got.mimeType, got.bytes, fileName);
  }
}

function toFile(mimeType: string, bytes: Buffer, fileName: string): MediaFile {
  return { mimeType, base64: bytes.toString('base64'), size: bytes.length, fileName };
}

function tooLarge(size: number): AppFailure {
  return fail('mediaTooLarge', { size, limit: maxMediaBytes });
}
