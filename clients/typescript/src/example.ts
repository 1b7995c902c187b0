// Creates an API key and lists the tenant's keys, every request and response typed from the v2 document.
//#if (IncludeProducts)
// Then creates a product and lists the tenant's products (the products sample module).
//#endif
// Run it against a local API: QUOIN_API_URL=http://127.0.0.1:5080 QUOIN_API_KEY=qk_test_... npx tsx src/example.ts
import { createQuoinClient, type ApiKeyCreated, type Problem, type Scope } from "./index";
//#if (IncludeProducts)
import type { Product, ProductRequest } from "./index";
//#endif

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

const client = createQuoinClient(process.env.QUOIN_API_URL ?? "http://127.0.0.1:5080", process.env.QUOIN_API_KEY ?? "");

function describe(problem: Problem): string {
  return `${problem.status} ${problem.title}: ${problem.detail}`;
}

export async function createApiKey(name: string, scopes: Scope[], idempotencyKey: string): Promise<ApiKeyCreated> {
  // The Idempotency-Key makes a retry of this POST safe: the same key and body replay the first response (the new
  // key's secret included, stored encrypted until the replay window ends).
  const { data, error, response } = await client.POST("/api/v2/api-keys", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: { name, scopes },
  });
  if (error) {
    throw new Error(`create failed: ${describe(error)}`);
  }
  console.log(`created key ${data.prefix}... (${data.id}) at ${response.headers.get("Location")}`);
  return data;
}

export async function listAllApiKeys(): Promise<string[]> {
  const names: string[] = [];
  let pageToken: string | undefined;
  do {
    const { data, error } = await client.GET("/api/v2/api-keys", {
      params: { query: { pageSize: 50, sort: "name", fields: "name,scopes", ...(pageToken ? { pageToken } : {}) } },
    });
    if (error) {
      throw new Error(`list failed: ${describe(error)}`);
    }
    // Items are sparse (fields=name,scopes): every member but id is optional.
    for (const item of data.items) {
      names.push(`${item.name ?? "?"} (${item.scopes?.join(" ") ?? "no scopes"})`);
    }
    pageToken = data.nextPageToken;
  } while (pageToken);
  return names;
}
//#if (IncludeProducts)

export async function createProduct(request: ProductRequest, idempotencyKey: string): Promise<Product> {
  const { data, error, response } = await client.POST("/api/v2/products", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body: request,
  });
  if (error) {
    throw new Error(`create failed: ${describe(error)}`);
  }
  console.log(`created ${data.id} at ${response.headers.get("Location")} (ETag ${response.headers.get("ETag")})`);
  return data;
}

export async function listAllProducts(tag: string): Promise<string[]> {
  const names: string[] = [];
  let pageToken: string | undefined;
  do {
    const { data, error } = await client.GET("/api/v2/products", {
      params: { query: { tag, pageSize: 50, sort: "name", fields: "name,price", ...(pageToken ? { pageToken } : {}) } },
    });
    if (error) {
      throw new Error(`list failed: ${describe(error)}`);
    }
    // Items are sparse (fields=name,price): every member but id is optional.
    for (const item of data.items) {
      names.push(`${item.name ?? "?"} (${item.price ? `${item.price.amountMinor} ${item.price.currency}` : "no price"})`);
    }
    pageToken = data.nextPageToken;
  } while (pageToken);
  return names;
}
//#endif

async function main(): Promise<void> {
  // A key may hold only scopes the calling key holds; audit:read is one every tenant's owner key has.
  const key = await createApiKey(`demo-${Date.now()}`, ["audit:read"], crypto.randomUUID());
  console.log(`${key.name}: ${key.scopes.join(" ")}, secret shown once: ${key.key.slice(0, 12)}...`);
  for (const line of await listAllApiKeys()) {
    console.log(line);
  }
//#if (IncludeProducts)

  const created = await createProduct(
    {
      sku: `DEMO-${Date.now()}`,
      name: "Demo widget",
      price: { amountMinor: 1250, currency: "EUR" },
      tags: ["demo"],
    },
    crypto.randomUUID(),
  );
  console.log(`${created.name}: ${created.price.amountMinor} ${created.price.currency}`);
  for (const line of await listAllProducts("demo")) {
    console.log(line);
  }
//#endif
}

main().catch((failure: unknown) => {
  console.error(failure);
  process.exitCode = 1;
});
