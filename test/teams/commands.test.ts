/** Teams message text → question or help (pure). */
import { describe, expect, it } from "vitest";
import { cleanMessageText, parseTeamsCommand } from "../../adapters/teams/commands.js";
import { escapeMarkdown } from "../../adapters/teams/card.js";

describe("parseTeamsCommand", () => {
  it("recognises help, and an empty message (what a bare @mention leaves) as help", () => {
    for (const t of ["help", " Help ", "?", "", " <p></p> ", "/help"]) expect(parseTeamsCommand(t)).toEqual({ kind: "help" });
  });

  it("passes grade commands and questions to the core as words", () => {
    expect(parseTeamsCommand("grade Derby")).toEqual({ kind: "ask", question: "grade Derby" });
    expect(parseTeamsCommand("/grade Halton staying safe")).toEqual({ kind: "ask", question: "grade Halton staying safe" });
    expect(parseTeamsCommand("what&#39;s Halton&apos;s grade&nbsp;for  leadership?")).toEqual({ kind: "ask", question: "what's Halton's grade for leadership?" });
  });

  it("keeps the names of other people mentioned, without the tags", () => {
    expect(cleanMessageText("<at>Sam</at> asked: compare Derby &amp; Durham")).toBe("Sam asked: compare Derby & Durham");
  });
});

describe("escapeMarkdown", () => {
  it("shows report text as written: no bold, links or headings from its characters", () => {
    expect(escapeMarkdown("judged **good** [1]")).toBe("judged \\*\\*good\\*\\* \\[1\\]");
    expect(escapeMarkdown("# 3 actions")).toBe("\\# 3 actions");
    expect(escapeMarkdown("_emphasis_ and file_name.txt")).toBe("\\_emphasis\\_ and file_name.txt");
  });
});
