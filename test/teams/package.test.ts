/**
 * `npm run teams:package`: a zip with manifest.json (the bot id from the settings) and
 * the two icons at its root. Checked in-process, and through the built CLI as an
 * operator runs it (dist/, as `npm test` builds it).
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadAppSettings } from "../../app/settings.js";
import { AppError } from "../../src/errors.js";
import { writeTeamsPackage } from "../../adapters/teams/packageZip.js";
import { PNG } from "pngjs";
import yauzl from "yauzl";

/** Entry name → content, read with yauzl (which rejects a malformed archive or a bad CRC). */
function readZip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      file.on("error", reject);
      file.on("end", () => resolve(out));
      file.on("entry", (entry: yauzl.Entry) => {
        file.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("error", reject);
          stream.on("end", () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
        });
      });
      file.readEntry();
    });
  });
}

/** A PNG decoded with pngjs (RGBA pixels), with the colour type its header declares. */
function readPng(png: Buffer): { width: number; height: number; colorType: number; pixels: Buffer } {
  const image = PNG.sync.read(png);
  // IHDR is the first chunk: 8-byte signature, length, type, width, height, depth, then colour type.
  return { width: image.width, height: image.height, colorType: png[25], pixels: image.data };
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = path.join(ROOT, "dist/adapters/teams/package.js");
const APP_ID = "1b2c3d4e-0000-1111-2222-333344445555";
const ENV = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: "not-a-real-secret", MicrosoftAppTenantId: "tenant-1" };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "teams-package-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

type Manifest = {
  $schema: string;
  manifestVersion: string;
  id: string;
  accentColor: string;
  icons: { color: string; outline: string };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
};

describe("writeTeamsPackage", () => {
  it("writes a zip whose manifest names the bot, with command list and icons", async () => {
    const out = path.join(tmp, "in-process", "teams-app.zip");
    await writeTeamsPackage(loadAppSettings(ENV), out);
    const files = await readZip(fs.readFileSync(out));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const m = JSON.parse(files.get("manifest.json")!.toString("utf8")) as Manifest;
    expect(m.id).toBe(APP_ID);
    expect(Number(m.manifestVersion)).toBeGreaterThanOrEqual(1.16);
    expect(m.$schema).toContain(`v${m.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(m.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
    expect(m.bots).toHaveLength(1);
    expect(m.bots[0].botId).toBe(APP_ID);
    expect(m.bots[0].scopes.sort()).toEqual(["groupChat", "personal", "team"]);
    const commands = m.bots[0].commandLists[0].commands;
    expect(commands.map((c) => c.title)).toEqual(expect.arrayContaining(["help", "grade"]));
    for (const c of commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
    const color = readPng(files.get(m.icons.color)!);
    expect([color.width, color.height, color.colorType]).toEqual([192, 192, 6]);
    const outline = readPng(files.get(m.icons.outline)!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // Outline: white only, transparent background (corner), and something drawn.
    let drawn = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      expect([outline.pixels[i], outline.pixels[i + 1], outline.pixels[i + 2]]).toEqual([255, 255, 255]);
      if (outline.pixels[i + 3] > 0) drawn++;
    }
    expect(outline.pixels[3]).toBe(0);
    expect(drawn).toBeGreaterThan(50);
    // Colour icon: opaque everywhere.
    for (let i = 3; i < color.pixels.length; i += 4) if (color.pixels[i] !== 255) throw new Error("colour icon has transparency");
  });

  it("fails with a clear CONFIG_INVALID error when MicrosoftAppId is not set", async () => {
    const err = await writeTeamsPackage(loadAppSettings({}), path.join(tmp, "none.zip")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFIG_INVALID");
    expect((err as AppError).message).toMatch(/MicrosoftAppId is not set/);
    expect(fs.existsSync(path.join(tmp, "none.zip"))).toBe(false);
  });

  it("refuses an app id that is not a GUID, naming the variable", async () => {
    const err = await writeTeamsPackage(loadAppSettings({ ...ENV, MicrosoftAppId: "my-bot" }), path.join(tmp, "bad.zip")).catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/MicrosoftAppId must be a GUID/);
  });
});

describe("npm run teams:package (built CLI)", () => {
  const run = promisify(execFile);
  const cli = async (env: Record<string, string>, args: string[] = []) => {
    if (!fs.existsSync(CLI)) throw new Error("Build first: npx tsc -p . (npm test does it).");
    try {
      const r = await run(process.execPath, [CLI, ...args], { cwd: tmp, env: { PATH: process.env.PATH ?? "", ...env } });
      return { code: 0, ...r };
    } catch (e) {
      const x = e as { code?: number; stdout?: string; stderr?: string };
      return { code: x.code ?? -1, stdout: x.stdout ?? "", stderr: x.stderr ?? "" };
    }
  };

  it("writes teams-app.zip in the working folder", async () => {
    const r = await cli(ENV);
    expect(r.code, r.stderr).toBe(0);
    const zip = path.join(tmp, "teams-app.zip");
    const m = JSON.parse((await readZip(fs.readFileSync(zip))).get("manifest.json")!.toString("utf8")) as Manifest;
    expect(m.bots[0].botId).toBe(APP_ID);
    // A second opinion from Info-ZIP where it is installed (CI images usually have it).
    const unzip = await run("unzip", ["-t", zip]).catch((e: { code?: string }) => (e.code === "ENOENT" ? null : Promise.reject(e)));
    if (unzip) expect(unzip.stdout).toMatch(/No errors detected/);
  });

  it("exits 1 with the fix when MicrosoftAppId is missing", async () => {
    const r = await cli({}, ["--out", "missing.zip"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("[CONFIG_INVALID] MicrosoftAppId is not set");
    expect(r.stderr).toContain("How to fix:");
  });
});
