#!/usr/bin/env bash
# The run command (README): provisions PostgreSQL and Redis, applies migrations, starts the API on
# http://127.0.0.1:5080 with a bootstrap administrator key and a demo tenant, and prints both keys and a curl line.
# The keys are kept in .local/ (mode 600) and reused on the next run, so a restart does not leave stale admin keys.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"

bash build/provision.sh --quiet
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${QUOIN_PG_PORT:-55432};Database=quoinapi;Username=quoinapi;Password=quoinapi"
export ConnectionStrings__Redis="127.0.0.1:${QUOIN_REDIS_PORT:-56379}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
base="${ASPNETCORE_URLS%%;*}"

umask 077
admin_file=.local/admin-api-key
demo_file=.local/demo-api-key
secret() { [[ -s "$1" ]] || head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48 > "$1"; cat "$1"; }
export Bootstrap__AdminApiKey="$(secret "$admin_file")"
# Server secrets that must survive restarts (page tokens, encrypted idempotent replays), generated once per checkout.
export Paging__TokenSigningKeys__0="$(secret .local/page-token-key)"
export Idempotency__ResponseEncryptionKey="$(secret .local/idempotency-key)"

echo "Building and migrating..."
dotnet build src/Api -c Release -nologo -clp:ErrorsOnly -v quiet
bash build/ensure-openapi.sh -c Release
dotnet run --project src/Api -c Release --no-build --no-launch-profile -- migrate > .local/migrate.log 2>&1 || { cat .local/migrate.log; exit 1; }

dotnet run --project src/Api -c Release --no-build --no-launch-profile &
api_pid=$!
trap 'kill -TERM "$api_pid" 2>/dev/null; wait "$api_pid" 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 60); do
  curl -fsS "$base/health/ready" > /dev/null 2>&1 && break
  kill -0 "$api_pid" 2>/dev/null || { echo "The API exited during start-up." >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$base/health/ready" > /dev/null || { echo "The API did not become ready at $base/health/ready." >&2; exit 1; }

# Reuse the demo tenant's key while it still works; otherwise create a demo tenant through the API itself.
demo_key="$(cat "$demo_file" 2>/dev/null || true)"
if [[ -z "$demo_key" ]] || [[ "$(curl -s -o /dev/null -w '%{http_code}' -H "X-Api-Key: $demo_key" "$base/api/v2/api-keys?pageSize=1")" != 200 ]]; then
  demo_tenant='{"name":"Demo"}'
#if (IncludeRatePlans)
  demo_tenant='{"name":"Demo","ratePlan":"pro"}'
#endif
  demo_key="$(curl -fsS -X POST "$base/api/v1/tenants" -H "X-Api-Key: $Bootstrap__AdminApiKey" -H 'Content-Type: application/json' \
    -d "$demo_tenant" | python3 -c 'import json,sys; print(json.load(sys.stdin)["ownerApiKey"]["key"])')"
  printf '%s' "$demo_key" > "$demo_file"
fi

# What to try first.
example_title="Create an API key (it can hold only scopes the demo key holds):"
example="curl -i -X POST $base/api/v2/api-keys -H \"X-Api-Key: $demo_key\" -H \"Content-Type: application/json\" -H \"Idempotency-Key: demo-$RANDOM\" -d '{\"name\":\"demo-$RANDOM\",\"scopes\":[\"audit:read\"]}'"
#if (IncludeProducts)
# With the products sample module: a product.
example_title="Create a product:"
example="curl -i -X POST $base/api/v2/products -H \"X-Api-Key: $demo_key\" -H \"Content-Type: application/json\" -H \"Idempotency-Key: demo-$RANDOM\" -d '{\"sku\":\"DEMO-$RANDOM\",\"name\":\"Demo widget\",\"price\":{\"amountMinor\":1250,\"currency\":\"EUR\"},\"tags\":[\"demo\"]}'"
#endif

cat <<INFO

QuoinApi is running at $base  (docs: $base/docs, health: $base/health/ready)
  Platform admin key (Bootstrap:AdminApiKey): $Bootstrap__AdminApiKey
  Demo tenant owner key:                      $demo_key

$example_title
  $example

Press Ctrl+C to stop the API (PostgreSQL and Redis keep running; build/stop.sh stops them).
INFO
wait "$api_pid"
