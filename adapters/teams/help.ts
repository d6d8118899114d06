/**
 * The help card and the welcome card (help with a greeting), shown for `help` and when
 * the bot is added to a chat, group chat or team. The examples come from the core's own
 * help answer, so they name authorities the loaded reports actually cover.
 */
import { ActivityTypes, type Activity } from "botbuilder";
import type { Answer } from "../../src/types.js";
import { adaptiveCard, factSet, sayAction, textBlock, textLines } from "./card.js";

/** The commands Teams users can type (also listed in the app manifest). */
export const TEAMS_COMMANDS: { title: string; usage: string; description: string }[] = [
  { title: "grade", usage: "grade <authority> [area]", description: "A grade, e.g. grade Halton staying safe; with no area, the whole table (grade Derby)." },
  { title: "compare", usage: "compare <authority> and <authority>", description: "Two or more councils side by side, e.g. compare Derby and Durham on leadership." },
  { title: "actions", usage: "actions [authority | overdue]", description: "Open inspection actions, overdue first, each with a Done button; actions done <id> marks one done." },
  { title: "actions subscribe", usage: "actions subscribe [HH:MM]", description: "Post the daily digest of open actions in this chat or channel (actions unsubscribe stops it)." },
  { title: "help", usage: "help", description: "What I can answer, with examples." },
];

/**
 * Renders help. `coreHelp` is the core's answer to "help" (its examples name authorities
 * in the corpus); `welcome` adds the greeting shown when the bot is added.
 */
export function renderHelp(coreHelp: Answer, opts: { welcome?: boolean; inChannel?: boolean } = {}): Partial<Activity> {
  const lines = coreHelp.text.split("\n");
  const examples = lines.filter((l) => l.startsWith("- ")).map((l) => l.slice(2).replace(/\s*\(.*\)\s*$/, ""));
  const body = [
    ...(opts.welcome ? [textBlock("Hello! I'm the inspection answers bot.", { weight: "Bolder", size: "Medium" })] : []),
    ...textLines(coreHelp.text),
    textBlock("Commands", { weight: "Bolder", separator: true }),
    factSet(TEAMS_COMMANDS.map((c) => ({ title: c.usage, value: c.description }))),
    textBlock(
      opts.inChannel === false
        ? "Or just ask a question in your own words."
        : "In a channel or group chat, @mention me first (for example: @Inspection answers grade Derby). In a personal chat, just type.",
      { isSubtle: true, size: "Small" },
    ),
  ];
  const actions = examples.slice(0, 3).map((e) => sayAction(e, e));
  return {
    type: ActivityTypes.Message,
    summary: opts.welcome ? "Hello! Ask me about Ofsted inspections of children's services." : "What I can answer, with examples.",
    attachments: [adaptiveCard(body, actions, coreHelp.text)],
  };
}
