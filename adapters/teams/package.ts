#!/usr/bin/env node
/**
 * `npm run teams:package [-- --out teams-app.zip --name … --developer … --website …
 * --privacy … --terms … --app-version 1.0.1 --accent #1D5A8C]`: writes the Teams app
 * package for the bot whose MicrosoftAppId the settings hold.
 */
import { parseArgs } from "node:util";
import { loadSettings } from "../../src/config.js";
import { teamsSettings } from "./settings.js";
import { AppError } from "../../src/errors.js";
import { MANIFEST_DEFAULTS } from "./manifest.js";
import { writeTeamsPackage } from "./packageZip.js";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string", default: "teams-app.zip" },
      name: { type: "string" },
      developer: { type: "string" },
      website: { type: "string" },
      privacy: { type: "string" },
      terms: { type: "string" },
      "app-version": { type: "string" },
      accent: { type: "string" },
    },
    strict: true,
  });
  const settings = loadSettings(undefined, { teams: teamsSettings });
  const result = await writeTeamsPackage(settings, values.out, {
    name: values.name,
    developerName: values.developer,
    websiteUrl: values.website,
    privacyUrl: values.privacy,
    termsOfUseUrl: values.terms,
    version: values["app-version"],
    accentColor: values.accent,
  });
  process.stdout.write(`wrote ${result.path} (bot ${settings.teams?.appId}, app version ${String(result.manifest.version)})\n`);
  if (!values.website || !values.privacy || !values.terms) {
    process.stderr.write(
      `note: the manifest uses placeholder links (${MANIFEST_DEFAULTS.websiteUrl}); pass --website, --privacy and --terms with your council's pages before publishing the app to your organisation.\n`,
    );
  }
}

main().catch((err: unknown) => {
  if (err instanceof AppError) process.stderr.write(`${err.describe()}\n`);
  else if (err instanceof TypeError && /ERR_PARSE_ARGS/.test(String((err as { code?: string }).code))) process.stderr.write(`${err.message}\nUsage: npm run teams:package -- [--out teams-app.zip] [--name …] [--developer …] [--website https://…] [--privacy https://…] [--terms https://…] [--app-version 1.0.0] [--accent #RRGGBB]\n`);
  else process.stderr.write(`${(err as Error).stack}\n`);
  process.exit(1);
});
