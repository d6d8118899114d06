/** Hand-made actions and a controllable clock for the store, actions and digest tests. */
import type { Action, Inspection } from "../../src/types.js";
import type { Clock } from "../../src/clock.js";

/** An inspection of `authority` published on `published`. */
export function inspection(authority: string, published: string | null = "2011-05-06"): Inspection {
  const slug = authority.toLowerCase().replace(/[^a-z]+/g, "-");
  return {
    id: `${slug}-2011-03-07`,
    authority,
    framework: "SLAC",
    frameworkName: "Safeguarding and looked after children",
    start: "2011-03-07",
    end: "2011-03-18",
    published,
    reportDate: null,
    file: `${slug}.txt`,
    citations: {},
  };
}

/** An action; `n` varies the text and the cited line so ids differ. */
export function action(authority: string, n: number, over: Partial<Action> = {}): Action {
  const insp = over.inspection ?? inspection(authority);
  const text = over.text ?? `Recommendation ${n} for ${authority}`;
  return {
    id: `${insp.id}-${n}`,
    authority,
    inspection: insp,
    service: "Safeguarding services",
    kind: "recommendation",
    text,
    timescale: "Within three months",
    due: "2011-08-06",
    citation: { file: insp.file, line: 10 + n, lineEnd: 10 + n, quote: text },
    ...over,
  };
}

/** A small corpus: two Oxfordshire actions (one immediate), one Halton, one Derby deadline, one undated. */
export function corpus(): Action[] {
  return [
    action("Oxfordshire", 1, { timescale: "Immediately", due: "2011-05-06" }),
    action("Oxfordshire", 2),
    action("Halton", 1, { kind: "area-for-improvement", timescale: null, due: null }),
    action("Derby", 1, { kind: "deadline", timescale: null, due: "2017-09-20", inspection: inspection("Derby", "2017-07-01") }),
  ];
}

/** A clock the test moves: `clock()` reads it, `clock.set(iso)` and `clock.advance(ms)` move it. */
export interface TestClock extends Clock {
  set(iso: string): void;
  advance(ms: number): void;
}

export function testClock(start: string): TestClock {
  let now = new Date(start);
  const clock = (() => new Date(now.getTime())) as TestClock;
  clock.set = (iso) => {
    now = new Date(iso);
  };
  clock.advance = (ms) => {
    now = new Date(now.getTime() + ms);
  };
  return clock;
}

export const MINUTE = 60_000;
export const DAY = 86_400_000;
