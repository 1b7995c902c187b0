// The typed client: openapi-fetch over the types openapi-typescript generates from docs/api/openapi-v2.json.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema";

export type { components, operations, paths } from "./schema";

export type ApiKeyCreated = components["schemas"]["ApiKeyCreatedDto"];
export type Scope = components["schemas"]["CreateApiKeyRequest"]["scopes"][number];
//#if (IncludeProducts)
export type Product = components["schemas"]["ProductV2"];
export type ProductRequest = components["schemas"]["ProductRequestV2"];
//#endif
export type Problem = components["schemas"]["ProblemDetails"] | components["schemas"]["ValidationProblemDetails"];

export type QuoinClient = Client<paths>;

/** A client of the v2 API at baseUrl (no trailing slash, e.g. http://127.0.0.1:5080), authenticated with an API key. */
export function createQuoinClient(baseUrl: string, apiKey: string): QuoinClient {
  return createClient<paths>({ baseUrl, headers: { "X-Api-Key": apiKey } });
}
