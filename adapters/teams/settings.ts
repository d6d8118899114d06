/**
 * Teams' (Bot Framework) settings, owned here and composed by src/config.ts: the app's
 * identity, anonymous mode for the Emulator, and a sovereign cloud's endpoints.
 */
import { z } from "zod";
import { boolish, optionalString, type SettingsPart } from "../../src/config.js";

/** What the Teams adapter needs. `appId` undefined with `allowAnonymous` = Emulator/test mode. */
export interface TeamsSettings {
  appId?: string;
  appPassword?: string;
  appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  tenantId?: string;
  allowAnonymous: boolean;
  /** A sovereign or private cloud's endpoints; undefined = Microsoft's public cloud. */
  cloud?: TeamsCloud;
}

/** Where a non-public Bot Framework cloud issues and checks tokens (botbuilder's setting names, camel-cased). */
export interface TeamsCloud {
  /** OpenID metadata whose JWKS signs the tokens the channel sends to the bot. */
  toBotFromChannelOpenIdMetadataUrl: string;
  /** The `iss` those tokens carry. */
  toBotFromChannelTokenIssuer: string;
  /** The Emulator's OpenID metadata (default: the channel's). */
  toBotFromEmulatorOpenIdMetadataUrl: string;
  /** Where the bot gets its own tokens for replies (an Entra login URL prefix). */
  toChannelFromBotLoginUrl: string;
  /** The scope of those tokens. */
  toChannelFromBotOAuthScope: string;
}

const httpUrl = optionalString.refine((s) => s === undefined || /^https?:\/\//.test(s), { message: "must be an http(s) URL" });

const fields = {
  MicrosoftAppId: optionalString,
  MicrosoftAppPassword: optionalString,
  MicrosoftAppType: z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).optional().default("SingleTenant"),
  MicrosoftAppTenantId: optionalString,
  // A sovereign or private cloud: where the Bot Framework's tokens come from and go to
  // (botbuilder's own setting names; see adapters/teams/README.md).
  ToBotFromChannelOpenIdMetadataUrl: httpUrl,
  ToBotFromChannelTokenIssuer: optionalString,
  ToBotFromEmulatorOpenIdMetadataUrl: httpUrl,
  ToChannelFromBotLoginUrl: httpUrl,
  ToChannelFromBotOAuthScope: optionalString,
  TEAMS_ALLOW_ANONYMOUS: boolish,
};

type Env = z.infer<z.ZodObject<typeof fields>>;

/** The settings a sovereign cloud must give together: with one, every one (the library has no defaults for the rest then). */
const CLOUD_REQUIRED = ["ToBotFromChannelOpenIdMetadataUrl", "ToBotFromChannelTokenIssuer", "ToChannelFromBotLoginUrl", "ToChannelFromBotOAuthScope"] as const;

/** MicrosoftAppId and its companions. */
export const teamsSettings: SettingsPart<TeamsSettings> = {
  fields,
  check(raw, ctx) {
    const env = raw as Env;
    if (env.MicrosoftAppId && !env.MicrosoftAppPassword && env.MicrosoftAppType !== "UserAssignedMSI") {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppPassword"], message: "is needed with MicrosoftAppId (Azure Bot > Configuration > Manage Password: a client secret)" });
    }
    if (env.MicrosoftAppId && env.MicrosoftAppType === "SingleTenant" && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: "custom",
        path: ["MicrosoftAppTenantId"],
        message: "is needed for a SingleTenant bot (your Microsoft Entra tenant id); or set MicrosoftAppType=MultiTenant",
      });
    }
    const cloud = CLOUD_REQUIRED.filter((k) => env[k] !== undefined);
    if (cloud.length || env.ToBotFromEmulatorOpenIdMetadataUrl) {
      for (const k of CLOUD_REQUIRED.filter((k) => env[k] === undefined)) {
        ctx.addIssue({ code: "custom", path: [k], message: `is needed with ${cloud[0] ?? "ToBotFromEmulatorOpenIdMetadataUrl"}: a sovereign cloud's Bot Framework endpoints are set all together (see adapters/teams/README.md)` });
      }
    }
    if (env.MicrosoftAppPassword && !env.MicrosoftAppId) {
      ctx.addIssue({ code: "custom", path: ["MicrosoftAppId"], message: "is needed when MicrosoftAppPassword is set" });
    }
  },
  read(raw) {
    const e = raw as Env;
    if (!e.MicrosoftAppId && !e.TEAMS_ALLOW_ANONYMOUS) return undefined;
    return {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
      allowAnonymous: e.TEAMS_ALLOW_ANONYMOUS && !e.MicrosoftAppId,
      cloud: e.ToBotFromChannelOpenIdMetadataUrl
        ? {
            toBotFromChannelOpenIdMetadataUrl: e.ToBotFromChannelOpenIdMetadataUrl,
            toBotFromChannelTokenIssuer: e.ToBotFromChannelTokenIssuer!,
            toBotFromEmulatorOpenIdMetadataUrl: e.ToBotFromEmulatorOpenIdMetadataUrl ?? e.ToBotFromChannelOpenIdMetadataUrl,
            toChannelFromBotLoginUrl: e.ToChannelFromBotLoginUrl!,
            toChannelFromBotOAuthScope: e.ToChannelFromBotOAuthScope!,
          }
        : undefined,
    };
  },
};
