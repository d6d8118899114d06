/** Citations a person can open: the report as people know it, the page, and a link to the published PDF. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadBot } from "../../src/bot.js";
import { renderText } from "../../src/render/text.js";
import { renderAnswer as renderSlack } from "../../adapters/slack/render.js";
import { renderAnswer as renderTeams } from "../../adapters/teams/render.js";
import { makeIlacsReport } from "./ilacsReport.js";

const URL = "https://files.ofsted.gov.uk/v1/file/50212345";

async function corpus(csv: string) {
  const dir = mkdtempSync(join(tmpdir(), "cited-"));
  writeFileSync(join(dir, "rutland.pdf"), await makeIlacsReport());
  writeFileSync(join(dir, "sources.csv"), csv);
  return loadBot({ corpusDir: dir });
}

describe("citations a person can open", () => {
  it("name the report, its page and its published address", async () => {
    const bot = await corpus(`file,url\n"rutland.pdf",${URL}\nmissing-url.pdf,\n`);
    expect(bot.problems).toEqual([{ file: "sources.csv", code: "SOURCES_INVALID", reason: expect.stringMatching(/line 3/) }]);
    const a = bot.ask("What was Rutland's overall effectiveness?");
    expect(a.citations[0]).toMatchObject({ file: "rutland.pdf", page: 1, source: "Rutland, inspection of March 2023", url: `${URL}#page=1` });
    expect(renderText(a)).toContain(`Rutland, inspection of March 2023, p. 1 (rutland.pdf, line `);
    const slack = JSON.stringify(renderSlack(a).blocks);
    expect(slack).toContain(`<${URL}#page=1|Rutland, inspection of March 2023, p. 1> · rutland.pdf, line`);
    const teams = JSON.stringify(renderTeams(a));
    expect(teams).toContain(`[Rutland, inspection of March 2023, p. 1](${URL}#page=1) · rutland.pdf, line`);
  });

  it("without sources.csv, name the report and page without a link", async () => {
    const dir = mkdtempSync(join(tmpdir(), "cited-"));
    writeFileSync(join(dir, "rutland.pdf"), await makeIlacsReport());
    const a = (await loadBot({ corpusDir: dir })).ask("What was Rutland's overall effectiveness?");
    expect(a.citations[0].url).toBeUndefined();
    expect(JSON.stringify(renderSlack(a).blocks)).toContain("Rutland, inspection of March 2023, p. 1 · rutland.pdf, line");
  });

  it("say plainly when sources.csv has no file,url header", async () => {
    const bot = await corpus(`name;link\nrutland.pdf;${URL}\n`);
    expect(bot.problems.map((p) => p.code)).toEqual(["SOURCES_INVALID"]);
    expect(bot.ask("Rutland overall effectiveness").citations[0].url).toBeUndefined();
  });
});
