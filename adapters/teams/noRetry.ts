/**
 * Bot Connector calls without blind retries. botbuilder's ConnectorClient retries a failed
 * POST (5xx, dropped connection) up to three times on its own; when the first attempt did
 * land and only its answer was lost, Teams shows the message twice. The digest scheduler
 * already retries a failed post on its next tick (and records it sent only once it is
 * accepted), so here only a 429 with Retry-After, which certainly did not land, is
 * retried. The same goes for replies: a rare lost reply beats a doubled one.
 */
import { throttlingRetryPolicy, type Pipeline } from "@azure/core-rest-pipeline";
import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";

/** Name of the retry policy @azure/core-rest-pipeline puts in every client's pipeline. */
const DEFAULT_RETRY = "defaultRetryPolicy";

/**
 * Makes every ConnectorClient `auth` creates post without blind retries.
 * @param log told once if botbuilder's client no longer looks as expected (the default retries then stay)
 */
export function withoutBlindRetries(auth: ConfigurationBotFrameworkAuthentication, log: (line: string) => void = () => {}): ConfigurationBotFrameworkAuthentication {
  const createFactory = auth.createConnectorFactory.bind(auth);
  let warned = false;
  auth.createConnectorFactory = (identity) => {
    const factory = createFactory(identity);
    const create = factory.create.bind(factory);
    // The factory is an abstract class with one method: replacing it on the instance keeps its type.
    factory.create = async (serviceUrl, audience) => {
      const client = await create(serviceUrl, audience);
      // The pipeline sits on the compat layer's private `client` (botbuilder-stdlib); checked, not assumed.
      const pipeline = (client as unknown as { client?: { pipeline?: Pipeline } }).client?.pipeline;
      if (pipeline && pipeline.getOrderedPolicies().some((p) => p.name === DEFAULT_RETRY)) {
        pipeline.removePolicy({ name: DEFAULT_RETRY });
        pipeline.addPolicy(throttlingRetryPolicy(), { phase: "Retry" });
      } else if (!warned) {
        warned = true;
        log("teams: could not turn off the Bot Connector client's automatic retries (botbuilder changed?); a post may occasionally be doubled");
      }
      return client;
    };
    return factory;
  };
  return auth;
}
