import type { ChatRow, Page } from '../../preload/contract.ts';
import type { EventSink } from '../core/event-sink.ts';
import type { SessionService } from '../session/session-service.ts';
import type { ChatsRepo } from '../store/chats-repo.ts';

/** The chat list: the store answers every read; refresh() fills it from the address book. */
export class ChatService {
  private readonly session: SessionService;
  private readonly chats: ChatsRepo;
  private readonly emit: EventSink;

  constructor(deps: { session: SessionService; chats: ChatsRepo; emit: EventSink }) {
    this.session = deps.session;
    this.chats = deps.chats;
    this.emit = deps.emit;
  }

  page(offset: number, limit: number, query?: string): Page<ChatRow> {
    return this.chats.page(this.session.requireContext().accountId, offset, limit, query);
  }

  async refresh(): Promise<{ count: number }> {
    const ctx = this.session.requireContext();
    const contacts = await ctx.client.contacts(ctx.instance.name);
    this.chats.saveContacts(ctx.accountId, contacts);
    this.emit('chats:changed', null);
    return { count: contacts.length };
  }
}
