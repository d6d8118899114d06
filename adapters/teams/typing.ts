/**
 * A typing indicator while an answer takes more than a moment: nothing for a quick
 * answer, "typing…" after `delayMs`, repeated while the work goes on (Teams hides the
 * indicator after a few seconds).
 */
import { ActivityTypes, type TurnContext } from "botbuilder";

/** How often the indicator is repeated while work continues. */
const REPEAT_MS = 3_000;

/**
 * Runs `work`, sending typing activities from `delayMs` until it settles. Any typing send
 * still in flight is awaited, so nothing is sent after the turn has ended.
 */
export async function withTyping<T>(context: TurnContext, work: () => Promise<T>, delayMs: number, log: (m: string) => void): Promise<T> {
  const inFlight: Promise<unknown>[] = [];
  let timer: NodeJS.Timeout | undefined;
  const tick = (): void => {
    inFlight.push(context.sendActivity({ type: ActivityTypes.Typing }).catch((err: unknown) => log(`teams: typing indicator failed: ${(err as Error).message}`)));
    timer = setTimeout(tick, REPEAT_MS);
  };
  timer = setTimeout(tick, delayMs);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    await Promise.all(inFlight);
  }
}
