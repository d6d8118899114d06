/**
 * The Teams app manifest (schema v1.17) for the bot: one bot in personal, team and group
 * chat scopes, with the command list Teams offers as people type. Checked against the
 * schema's own limits, so a bad name or URL fails here and not in Teams' upload dialog.
 */
import { z } from "zod";
import { AppError } from "../../src/errors.js";
import { TEAMS_COMMANDS } from "./help.js";

/** Manifest schema version written (Teams supports 1.16 and later for everything used here). */
export const MANIFEST_VERSION = "1.17";

/** What goes into the manifest beyond the bot id; everything has a default. */
export interface ManifestOptions {
  /** The Azure Bot's Microsoft App ID (a GUID): the manifest id and the bot id. */
  botId: string;
  /** The app's version, x.y.z; raise it for each upload that replaces an earlier one. */
  version?: string;
  /** Short name, at most 30 characters. */
  name?: string;
  developerName?: string;
  websiteUrl?: string;
  privacyUrl?: string;
  termsOfUseUrl?: string;
  /** #RRGGBB: what Teams shows around the icons (the committed colour icon's own background is #1D5A8C). */
  accentColor?: string;
}

/** Defaults; the URLs are placeholders for the council to replace (the CLI warns). */
export const MANIFEST_DEFAULTS = {
  version: "1.0.0",
  name: "Inspection answers",
  developerName: "Children's services",
  websiteUrl: "https://www.example.org/inspection-answers",
  privacyUrl: "https://www.example.org/inspection-answers/privacy",
  termsOfUseUrl: "https://www.example.org/inspection-answers/terms",
  accentColor: "#1D5A8C",
} as const;

const httpsUrl = z.string().max(2048).regex(/^https:\/\/\S+$/, "must be an https:// URL");
const schema = z.object({
  botId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "MicrosoftAppId must be a GUID such as 1b2c3d4e-0000-1111-2222-333344445555 (Azure Bot > Configuration > Microsoft App ID)"),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be x.y.z, e.g. 1.0.0"),
  name: z.string().min(1).max(30, "must be at most 30 characters (Teams' short name)"),
  developerName: z.string().min(1).max(32, "must be at most 32 characters"),
  websiteUrl: httpsUrl,
  privacyUrl: httpsUrl,
  termsOfUseUrl: httpsUrl,
  accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be #RRGGBB"),
});

/** The icon file names inside the package. */
export const ICON_FILES = { color: "color.png", outline: "outline.png" } as const;

/**
 * Builds manifest.json's content.
 * @throws AppError CONFIG_INVALID naming each bad value.
 */
export function buildManifest(opts: ManifestOptions): Record<string, unknown> {
  const parsed = schema.safeParse({ ...MANIFEST_DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join(".")} ${i.message}`);
    throw new AppError("CONFIG_INVALID", `The Teams app package cannot be built:\n${lines.join("\n")}`, "Fix the values above (see adapters/teams/README.md) and run npm run teams:package again.");
  }
  const o = parsed.data;
  const scopes = ["personal", "team", "groupChat"];
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: o.version,
    // One Azure app registration serves as both the Teams app id and the bot id.
    id: o.botId,
    developer: { name: o.developerName, websiteUrl: o.websiteUrl, privacyUrl: o.privacyUrl, termsOfUseUrl: o.termsOfUseUrl },
    name: { short: o.name, full: `${o.name}: Ofsted inspection reports, with citations`.slice(0, 100) },
    description: {
      short: "Ofsted inspection grades and findings from your councils' reports, cited.",
      full:
        "Answers questions about Ofsted inspections of children's services from the councils' own reports: grades, whole judgement tables, comparisons, recommendations and facts. Every answer quotes the report and names the file and line, and when the reports do not say, the bot says so. Type help for examples; in a channel or group chat, @mention the bot.",
    },
    icons: { color: ICON_FILES.color, outline: ICON_FILES.outline },
    accentColor: o.accentColor,
    bots: [
      {
        botId: o.botId,
        scopes,
        supportsFiles: false,
        isNotificationOnly: false,
        commandLists: [{ scopes, commands: TEAMS_COMMANDS.map((c) => ({ title: c.title, description: c.description.slice(0, 128) })) }],
      },
    ],
    permissions: ["identity", "messageTeamMembers"],
    validDomains: [],
  };
}
