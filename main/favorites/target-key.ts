import type { FavoriteTarget } from '../../preload/contract.ts';

/** A chat's or message's one key in the favorites and the outbox (and in an import's bookkeeping). */
export function targetKey(target: FavoriteTarget): string {
  return target.kind === 'chat' ? `chat:${target.chatJid}` : `message:${target.messageId}`;
}
