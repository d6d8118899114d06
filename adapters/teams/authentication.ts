/**
 * TeamsSettings → the Bot Framework authentication the CloudAdapter uses. With an app id,
 * every request must carry a valid Bot Framework token and replies are signed with the
 * app's credentials; anonymous mode (no app id, TEAMS_ALLOW_ANONYMOUS=true) is for the
 * Bot Framework Emulator and tests on loopback only.
 */
import { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { TeamsSettings } from "../../src/config.js";
import { AppError } from "../../src/errors.js";
import { withoutBlindRetries } from "./noRetry.js";

/**
 * Builds the authentication.
 * @throws AppError CONFIG_INVALID when there is no app id and anonymous access is off, or
 *   when the library rejects the credentials' shape (e.g. SingleTenant without a tenant id).
 */
export function createAuthentication(settings: TeamsSettings, log?: (line: string) => void): ConfigurationBotFrameworkAuthentication {
  if (!settings.appId && !settings.allowAnonymous) {
    throw new AppError(
      "CONFIG_INVALID",
      "The Teams adapter has no MicrosoftAppId and anonymous access is off.",
      "Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId from your Azure Bot, or TEAMS_ALLOW_ANONYMOUS=true (without MicrosoftAppId) for the Bot Framework Emulator.",
    );
  }
  // No app id means authentication disabled in botbuilder: only the keys that are set are
  // passed, so an app id always means tokens are checked (allowAnonymous cannot weaken it).
  const options: Record<string, string> = {};
  if (settings.appId) {
    options.MicrosoftAppId = settings.appId;
    options.MicrosoftAppType = settings.appType;
    if (settings.appPassword) options.MicrosoftAppPassword = settings.appPassword;
    if (settings.tenantId) options.MicrosoftAppTenantId = settings.tenantId;
  }
  try {
    return withoutBlindRetries(new ConfigurationBotFrameworkAuthentication(options), log);
  } catch (err) {
    // botbuilder checks with assert(): turn "MicrosoftAppTenantId is required for ..." into our error.
    throw new AppError(
      "CONFIG_INVALID",
      `The Teams settings are not valid: ${(err as Error).message}`,
      "Check MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId against your Azure Bot's Configuration page.",
    );
  }
}
