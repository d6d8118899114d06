/**
 * An in-memory ConversationReferenceStore: the default when no database store is wired
 * in, and the one the tests use. References are lost on restart, so proactive posts
 * (the digest) only reach conversations the bot has heard from since it started.
 */
import type { ConversationReferenceStore } from "../../src/store/types.js";

/** Keeps conversation references in a Map, as JSON, like the database stores do. */
export class MemoryConversationReferenceStore implements ConversationReferenceStore {
  private readonly refs = new Map<string, string>();

  async saveConversationReference(conversationId: string, reference: unknown): Promise<void> {
    // Stored as JSON text so a reference that would not survive the SQLite/PostgreSQL
    // stores (functions, Dates, cycles) fails here too, not only in production.
    this.refs.set(conversationId, JSON.stringify(reference));
  }

  async getConversationReference(conversationId: string): Promise<unknown | null> {
    const json = this.refs.get(conversationId);
    return json === undefined ? null : (JSON.parse(json) as unknown);
  }

  async listConversationReferences(): Promise<{ conversationId: string; reference: unknown }[]> {
    return [...this.refs].map(([conversationId, json]) => ({ conversationId, reference: JSON.parse(json) as unknown }));
  }
}
