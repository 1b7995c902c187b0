#!/usr/bin/env bash
# The rate limiter's cost: GET /api/v2/products/{id} on two instances of the API at once, on one PostgreSQL and one
# Redis, identical but for RateLimiting:Enabled (on: one Redis script per request, the RateLimit headers and the usage
# count; off: none of it). The plans are set so high that no request is refused: the limiter does all its work and
# the load measures that work, not 429s. Runs alternate (off, on, off, on) so drift in the machine's load hits both.
#
#   build/load-limiter.sh
#
# env: QUOIN_PG_PORT, QUOIN_REDIS_PORT; QUOIN_LOAD_WARMUP (4), QUOIN_LOAD_SECONDS (10), QUOIN_LOAD_CONNECTIONS (64),
#      QUOIN_LOAD_THREADS (2). Prints req/s and p50/p99 per side, the differences, and the load average.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
# shellcheck source=build/bench-lib.sh
source "$repo/build/bench-lib.sh"

pg_port="${QUOIN_PG_PORT:-55432}"
redis_port="${QUOIN_REDIS_PORT:-56379}"
warmup="${QUOIN_LOAD_WARMUP:-4}"
seconds="${QUOIN_LOAD_SECONDS:-10}"
connections="${QUOIN_LOAD_CONNECTIONS:-64}"
threads="${QUOIN_LOAD_THREADS:-2}"
on="http://127.0.0.1:$(free_port)"
off="http://127.0.0.1:$(free_port)"
out="$repo/.local/load-limiter"
rm -rf "$out" && mkdir -p "$out"

command -v wrk >/dev/null || { apt-get install -y -q --no-install-recommends wrk >/dev/null 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends wrk >/dev/null; }; }
bash build/provision.sh --quiet
say "building the API (Release)"
dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly
api_bin="$repo/src/Api/bin/Release/net10.0"
psql_on quoinapi -c "DROP DATABASE IF EXISTS quoinapi_limiter WITH (FORCE)" -c "CREATE DATABASE quoinapi_limiter"

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Database=quoinapi_limiter;Username=quoinapi;Password=quoinapi"
export ConnectionStrings__Redis="127.0.0.1:$redis_port"
export Bootstrap__AdminApiKey="load-admin-$(secret)"
export Paging__TokenSigningKeys__0="$(secret)"
export Idempotency__ResponseEncryptionKey="$(secret)"
export Shutdown__ReadinessDelaySeconds=0
export RatePlans__Enterprise__RequestsPerSecond=100000000 RatePlans__Enterprise__Burst=100000000 RatePlans__Enterprise__MonthlyQuota=100000000000

pids=""
trap 'for p in $pids; do kill -TERM "$p" 2>/dev/null || true; done; for p in $pids; do wait "$p" 2>/dev/null || true; done' EXIT
(cd "$api_bin" && dotnet QuoinApi.Api.dll migrate) >"$out/migrate.log" 2>&1 || { tail -20 "$out/migrate.log" >&2; exit 1; }
(cd "$api_bin" && ASPNETCORE_URLS="$on" RateLimiting__Enabled=true exec dotnet QuoinApi.Api.dll) >"$out/on.log" 2>&1 &
pids="$pids $!"
(cd "$api_bin" && ASPNETCORE_URLS="$off" RateLimiting__Enabled=false exec dotnet QuoinApi.Api.dll) >"$out/off.log" 2>&1 &
pids="$pids $!"
for url in "$on" "$off"; do
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null && break; sleep 0.5; done
done

say "seeding one enterprise tenant with 20 products"
read -r key product < <(python3 - "$on" "$Bootstrap__AdminApiKey" <<'PY'
import json, sys, urllib.request
api, admin = sys.argv[1:3]
def call(method, path, key, body=None):
    request = urllib.request.Request(api + path, method=method, headers={"X-Api-Key": key, "Content-Type": "application/json"},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)
created = call("POST", "/api/v2/tenants", admin, {"name": "Limiter", "ratePlan": "enterprise"})
key = created["ownerApiKey"]["key"]
ids = [call("POST", "/api/v2/products", key, {"sku": f"L-{i}", "name": f"Product {i}", "price": {"amountMinor": 100, "currency": "EUR"}})["id"]
       for i in range(20)]
print(key, ids[10])
PY
)
curl -fsS -D "$out/on.headers" -o /dev/null -H "X-Api-Key: $key" "$on/api/v2/products/$product"
curl -fsS -D "$out/off.headers" -o /dev/null -H "X-Api-Key: $key" "$off/api/v2/products/$product"
grep -qi '^RateLimit:' "$out/on.headers" || { echo "error: the limiter-on instance sent no RateLimit header" >&2; exit 1; }
! grep -qi '^RateLimit:' "$out/off.headers" || { echo "error: the limiter-off instance sent a RateLimit header" >&2; exit 1; }

cat >"$out/get.lua" <<'LUA'
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("LOADRESULT {\"requests\":%.0f,\"duration_us\":%.0f,\"p50_us\":%.0f,\"p99_us\":%.0f,\"status\":%.0f,\"socket\":%.0f}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
cut -d' ' -f1 /proc/loadavg >"$out/loadavg.start"
for round in 1 2; do
  for side in off on; do
    url="$off"; [[ "$side" == on ]] && url="$on"
    say "round $round, limiter $side: ${warmup}s warm-up, ${seconds}s measured"
    timeout $((warmup + 30)) wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$out/get.lua" -H "X-Api-Key: $key" "$url/api/v2/products/$product" >/dev/null
    timeout $((seconds + 30)) wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$out/get.lua" -H "X-Api-Key: $key" \
      "$url/api/v2/products/$product" >"$out/$side.$round.txt"
  done
done
cut -d' ' -f1 /proc/loadavg >"$out/loadavg.end"

python3 - "$out" "$threads" "$connections" "$warmup" "$seconds" <<'PY'
import json, os, sys
out, threads, connections, warmup, seconds = sys.argv[1:6]
def result(side, round_):
    with open(f"{out}/{side}.{round_}.txt") as f:
        r = json.loads(next(l for l in f if l.startswith("LOADRESULT ")).split(" ", 1)[1])
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    return r
runs = {side: [result(side, n) for n in (1, 2)] for side in ("off", "on")}
mean = lambda side, k: sum(r[k] for r in runs[side]) / 2
load = [open(f"{out}/loadavg.{w}").read().strip() for w in ("start", "end")]
print(f"\nGET /api/v2/products/{{id}}, wrk -t{threads} -c{connections}, {warmup} s warm-up then {seconds} s measured, two rounds per side "
      f"(off, on, off, on); load average {load[0]} before, {load[1]} after ({os.cpu_count()} cores)")
print("| limiter | req/s (rounds) | req/s (mean) | p50 (mean) | p99 (mean) |")
print("|---|---:|---:|---:|---:|")
for side in ("off", "on"):
    rounds = " / ".join(format(r["rps"], ",.0f") for r in runs[side])
    print(f"| {side} | {rounds} | {mean(side, 'rps'):,.0f} | {mean(side, 'p50_us') / 1000:.2f} ms | {mean(side, 'p99_us') / 1000:.2f} ms |")
cost = 100 * (1 - mean("on", "rps") / mean("off", "rps"))
added = (mean("on", "p50_us") - mean("off", "p50_us")) / 1000
print(f"\nLimiter cost: {cost:.1f} % of GET req/s; p50 {added:+.2f} ms (targets: <= 10 %, < 0.5 ms)")
errors = [f"{s} round {i + 1}: {r['status']} non-2xx, {r['socket']} socket errors" for s in runs for i, r in enumerate(runs[s]) if r["status"] or r["socket"]]
if errors:
    print("WARNING: errors under load: " + "; ".join(errors), file=sys.stderr)
    sys.exit(3)
PY
