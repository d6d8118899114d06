/**
 * Remembers recently seen delivery ids, so an event or activity a platform delivers again
 * (Slack's X-Slack-Retry-Num with the same event_id; the Bot Framework retrying after a
 * slow reply) is answered once. In memory and bounded: enough for one process; several
 * replicas behind one URL would need the shared store instead.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 5000) {}

  /** True the first time an id is offered; false for every repeat while it is remembered. */
  firstTime(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    // A Set iterates in insertion order: the first entry is the oldest.
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value as string);
    return true;
  }
}
