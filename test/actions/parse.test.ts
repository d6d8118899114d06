import { describe, expect, it } from "vitest";
import { isActionsCommand, parseActionsCommand } from "../../src/actions/parse.js";

describe("parseActionsCommand", () => {
  it.each([
    ["", { kind: "list" }],
    ["actions", { kind: "list" }],
    ["/actions list", { kind: "list" }],
    ["Halton", { kind: "list", authority: "Halton" }],
    ["actions County Durham", { kind: "list", authority: "County Durham" }],
    ['actions "Stockton-on-Tees"', { kind: "list", authority: "Stockton-on-Tees" }],
    ["overdue", { kind: "overdue" }],
    ["actions overdue Derby", { kind: "overdue", authority: "Derby" }],
    ["actions Derby overdue", { kind: "overdue", authority: "Derby" }],
    ["actions for Halton?", { kind: "list", authority: "Halton" }],
    ["actions overdue in 'County Durham'", { kind: "overdue", authority: "County Durham" }],
    ["done 1a2b3c4d", { kind: "done", ref: "1a2b3c4d" }],
    ["ACTIONS Done 1a2b", { kind: "done", ref: "1a2b" }],
    ["actions reopen 1a2b3c4d", { kind: "reopen", ref: "1a2b3c4d" }],
    ["actions start 1a2b3c4d", { kind: "start", ref: "1a2b3c4d" }],
    ["actions assign 1a2b3c4d Jo Bloggs", { kind: "assign", ref: "1a2b3c4d", owner: "Jo Bloggs" }],
    ["actions assign 1a2b3c4d none", { kind: "assign", ref: "1a2b3c4d", owner: null }],
    ["actions unassign 1a2b3c4d", { kind: "assign", ref: "1a2b3c4d", owner: null }],
    ["actions subscribe", { kind: "subscribe" }],
    ["actions subscribe 08:30", { kind: "subscribe", time: "08:30" }],
    ["actions subscribe Halton Derby 08:30", { kind: "subscribe", time: "08:30", authorities: "Halton Derby" }],
    ["actions subscribe Brighton and Hove", { kind: "subscribe", authorities: "Brighton and Hove" }],
    ["actions unsubscribe", { kind: "unsubscribe" }],
    ["actions help", { kind: "help" }],
  ])("%j", (words, expected) => {
    expect(parseActionsCommand(words)).toEqual(expected);
  });

  it("explains missing arguments", () => {
    expect(parseActionsCommand("actions done")).toMatchObject({ kind: "invalid", message: expect.stringContaining("actions done <id>") });
    expect(parseActionsCommand("actions assign 1a2b")).toMatchObject({ kind: "invalid" });
    expect(parseActionsCommand("actions subscribe 8 am")).toMatchObject({ kind: "invalid" });
  });

  it("recognises actions messages (Teams routing)", () => {
    expect(isActionsCommand("actions done 1a2b")).toBe(true);
    expect(isActionsCommand("  /actions")).toBe(true);
    expect(isActionsCommand("what actions did Ofsted set for Halton?")).toBe(false);
    expect(isActionsCommand("actionsx")).toBe(false);
  });
});
