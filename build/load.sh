#!/usr/bin/env bash
# HTTP load against a Release build of the API on loopback, with wrk (installed from Debian when missing).
# Bounded: each scenario runs for QUOIN_LOAD_SECONDS (default 15) and the script stops the API it started.
# Usage: build/load.sh            prints requests/s and latency for the read, list and write scenarios
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
seconds="${QUOIN_LOAD_SECONDS:-15}"
port="${QUOIN_LOAD_PORT:-5099}"
base="http://127.0.0.1:$port"

command -v wrk >/dev/null || { apt-get install -y -q --no-install-recommends wrk >/dev/null 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends wrk >/dev/null; }; }
bash build/provision.sh --quiet

export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${QUOIN_PG_PORT:-55432};Database=quoinapi_load;Username=quoinapi;Password=quoinapi"
export ConnectionStrings__Redis="127.0.0.1:${QUOIN_REDIS_PORT:-56379}"
export ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$base" Database__MigrateOnStartup=true
export Bootstrap__AdminApiKey="load-test-admin-key-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
# Required outside Development (the API refuses to start without it); a fresh one per run is enough here.
export Idempotency__ResponseEncryptionKey="load-test-idempotency-key-$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"
export Logging__LogLevel__Default=Warning Shutdown__ReadinessDelaySeconds=0
PGPASSWORD=quoinapi psql -h 127.0.0.1 -p "${QUOIN_PG_PORT:-55432}" -U quoinapi -d quoinapi -q -c "DROP DATABASE IF EXISTS quoinapi_load WITH (FORCE)" -c "CREATE DATABASE quoinapi_load" >/dev/null

dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet src/Api/bin/Release/net10.0/QuoinApi.Api.dll > .local/load-api.log 2>&1 &
api=$!
trap 'kill -TERM "$api" 2>/dev/null; wait "$api" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done

key="$(curl -fsS -X POST "$base/api/v2/tenants" -H "X-Api-Key: $Bootstrap__AdminApiKey" -H 'Content-Type: application/json' \
  -d '{"name":"Load","ratePlan":"enterprise"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["ownerApiKey"]["key"])')"
for i in $(seq 1 200); do
  curl -fsS -o /dev/null -X POST "$base/api/v2/products" -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
    -d "{\"sku\":\"LOAD-$i\",\"name\":\"Product $i\",\"price\":{\"amountMinor\":$((i * 100)),\"currency\":\"EUR\"},\"tags\":[\"load\"]}"
done
id="$(curl -fsS "$base/api/v2/products?pageSize=1" -H "X-Api-Key: $key" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')"

cat > .local/load-post.lua <<'LUA'
-- Each wrk thread has its own Lua state: seed from its own table address, or both threads would send the same skus.
counter = 0
init = function(args)
  math.randomseed(os.time() + tonumber(string.match(tostring({}), "0x(%x+)"), 16) % 1000003)
end
request = function()
  counter = counter + 1
  local body = string.format('{"sku":"W-%d-%d","name":"Written","price":{"amountMinor":100,"currency":"EUR"}}', math.random(1, 1e9), counter)
  return wrk.format("POST", "/api/v2/products", { ["Content-Type"] = "application/json", ["X-Api-Key"] = os.getenv("QUOIN_LOAD_KEY") }, body)
end
LUA

run() { # name, wrk args...
  local name="$1"; shift
  echo "== $name (${seconds}s, 2 threads, 32 connections)"
  wrk -t2 -c32 -d"${seconds}s" --latency -H "X-Api-Key: $key" "$@" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors"
}
# Warm-up (JIT, tiered compilation, pools), not reported.
wrk -t2 -c32 -d10s -H "X-Api-Key: $key" "$base/api/v2/products/$id" >/dev/null
wrk -t2 -c32 -d10s -H "X-Api-Key: $key" "$base/api/v2/products?pageSize=20" >/dev/null
run "GET one product (cached key, row by id)" "$base/api/v2/products/$id"
run "GET a list page (20 items, keyset)" "$base/api/v2/products?pageSize=20"
QUOIN_LOAD_KEY="$key" run "POST a product (transaction + audit append)" -s .local/load-post.lua "$base"
