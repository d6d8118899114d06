/**
 * Signs a request body the way Slack does: HMAC-SHA256 over `v0:timestamp:body` with the
 * signing secret (https://api.slack.com/authentication/verifying-requests-from-slack).
 */
import { createHmac } from "node:crypto";

/** Headers for a signed Slack request; `ageSeconds` makes an old timestamp. */
export function slackHeaders(secret: string, body: string, contentType: string, ageSeconds = 0): Record<string, string> {
  const ts = String(Math.floor(Date.now() / 1000) - ageSeconds);
  const sig = "v0=" + createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex");
  return { "content-type": contentType, "x-slack-request-timestamp": ts, "x-slack-signature": sig };
}

/** POSTs a signed form body (slash commands, interactivity). */
export async function postForm(url: string, secret: string, fields: Record<string, string>, ageSeconds = 0): Promise<Response> {
  const body = new URLSearchParams(fields).toString();
  return fetch(url, { method: "POST", headers: slackHeaders(secret, body, "application/x-www-form-urlencoded", ageSeconds), body });
}

/** POSTs a signed JSON body (Events API). */
export async function postEvent(url: string, secret: string, payload: unknown, extra: Record<string, string> = {}, ageSeconds = 0): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(url, { method: "POST", headers: { ...slackHeaders(secret, body, "application/json", ageSeconds), ...extra }, body });
}
