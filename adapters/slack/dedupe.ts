/**
 * Remembers recently seen Slack event ids so a retried delivery (X-Slack-Retry-Num, same
 * event_id) is not answered twice. In memory and bounded: enough for one process. Several
 * replicas behind one Request URL would need the shared store instead.
 */
export class RecentIds {
  private seen = new Set<string>();

  constructor(private readonly max = 5000) {}

  /** True the first time an id is offered, false for every repeat while it is remembered. */
  firstTime(id: string): boolean {
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    // A Set keeps insertion order: the oldest id comes first.
    if (this.seen.size > this.max) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }
}
