/**
 * The Teams app package: manifest.json and the two icons at the root of a zip, ready to
 * upload in Teams (Apps > Manage your apps > Upload an app) or the Teams admin centre.
 */
import fs from "node:fs";
import path from "node:path";
import yazl from "yazl";
import type { TeamsSettings } from "./settings.js";
import { AppError } from "../../src/errors.js";
import { colorIcon, outlineIcon } from "./icons.js";
import { buildManifest, ICON_FILES, type ManifestOptions } from "./manifest.js";

/** A fixed time stamp for every entry, so the same settings give the same zip. */
const ZIP_TIME = new Date("2025-01-01T00:00:00Z");

/** Builds the package's files: manifest.json, color.png, outline.png. */
export function packageFiles(opts: ManifestOptions): Map<string, Buffer> {
  const manifest = buildManifest(opts);
  return new Map([
    ["manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)],
    [ICON_FILES.color, colorIcon()],
    [ICON_FILES.outline, outlineIcon()],
  ]);
}

/** Zips files (names at the root), deflated. */
export function zipFiles(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of files) zip.addBuffer(data, name, { mtime: ZIP_TIME });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (c: Buffer) => chunks.push(c));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/**
 * Writes the Teams app package for the bot in `settings` to `outPath`.
 * @throws AppError CONFIG_INVALID when MicrosoftAppId is not set or a manifest value is bad.
 */
export async function writeTeamsPackage(settings: { teams?: TeamsSettings }, outPath: string, opts: Omit<ManifestOptions, "botId"> = {}): Promise<{ path: string; manifest: Record<string, unknown> }> {
  const botId = settings.teams?.appId;
  if (!botId) {
    throw new AppError(
      "CONFIG_INVALID",
      "MicrosoftAppId is not set, so the Teams app package has no bot to point at.",
      "Set MicrosoftAppId (Azure portal > your Azure Bot > Configuration > Microsoft App ID), with MicrosoftAppPassword and MicrosoftAppTenantId, then run npm run teams:package again.",
    );
  }
  const files = packageFiles({ ...opts, botId });
  const zip = await zipFiles(files);
  const full = path.resolve(outPath);
  await fs.promises.mkdir(path.dirname(full), { recursive: true });
  await fs.promises.writeFile(full, zip);
  return { path: full, manifest: JSON.parse(files.get("manifest.json")!.toString("utf8")) as Record<string, unknown> };
}
