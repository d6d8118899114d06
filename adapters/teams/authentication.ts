/**
 * TeamsSettings → the Bot Framework authentication the CloudAdapter uses. With an app id,
 * every request must carry a valid Bot Framework token and replies are signed with the
 * app's credentials; anonymous mode (no app id, TEAMS_ALLOW_ANONYMOUS=true) is for the
 * Bot Framework Emulator and tests on loopback only.
 */
import { ConfigurationBotFrameworkAuthentication, StatusCodes } from "botbuilder";
import { AuthenticationError } from "botframework-connector";
import type { TeamsSettings } from "./settings.js";
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
  // A sovereign cloud: botbuilder then takes every endpoint from here, none from its defaults.
  const cloud = settings.cloud;
  if (cloud) {
    options.ToBotFromChannelOpenIdMetadataUrl = cloud.toBotFromChannelOpenIdMetadataUrl;
    options.ToBotFromChannelTokenIssuer = cloud.toBotFromChannelTokenIssuer;
    options.ToBotFromEmulatorOpenIdMetadataUrl = cloud.toBotFromEmulatorOpenIdMetadataUrl;
    options.ToChannelFromBotLoginUrl = cloud.toChannelFromBotLoginUrl;
    options.ToChannelFromBotOAuthScope = cloud.toChannelFromBotOAuthScope;
  }
  try {
    return refusingBadSignatures(withoutBlindRetries(new ConfigurationBotFrameworkAuthentication(options), log));
  } catch (err) {
    // botbuilder checks with assert(): turn "MicrosoftAppTenantId is required for ..." into our error.
    throw new AppError(
      "CONFIG_INVALID",
      `The Teams settings are not valid: ${(err as Error).message}`,
      "Check MicrosoftAppId, MicrosoftAppPassword, MicrosoftAppType and MicrosoftAppTenantId against your Azure Bot's Configuration page.",
      { cause: err },
    );
  }
}

/** What jsonwebtoken throws for a token it cannot verify (bad signature, malformed, not yet valid, expired). */
const JWT_ERRORS = new Set(["JsonWebTokenError", "NotBeforeError", "TokenExpiredError"]);

/**
 * botbuilder lets jsonwebtoken's "invalid signature" through as a plain error, which the
 * CloudAdapter answers with 500: a forged or tampered token is a caller's fault, so it is
 * turned into the AuthenticationError the adapter answers with 401 (the original as `cause`).
 */
function refusingBadSignatures(auth: ConfigurationBotFrameworkAuthentication): ConfigurationBotFrameworkAuthentication {
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (err) {
      if (!(err instanceof Error) || !JWT_ERRORS.has(err.name)) throw err;
      throw Object.assign(new AuthenticationError(`Unauthorized. ${err.message}`, StatusCodes.UNAUTHORIZED), { cause: err });
    }
  };
  return auth;
}
