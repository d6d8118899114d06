/** A clock, passed in wherever time matters ("latest inspection", digests) so tests control it. */
export type Clock = () => Date;

/** The real clock: the one place the core asks the system for the time. */
export const systemClock: Clock = () => new Date();
