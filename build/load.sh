#!/usr/bin/env bash
# HTTP load, side by side: the API against its raw reference (tests/RawReference: the same database work with
# nothing else), on one PostgreSQL, at the same moment. Method and reading of the numbers: docs/benchmarks.md.
#
#   build/load.sh
#
# For each scenario and each side: wrk -t2 -c64, a 4 s warm-up (tiered JIT, pools), then 10 s measured with --latency.
# The raw reference runs before and after the API (raw, API, raw), and the API is compared with the mean of its two
# runs: the machine's speed drifts, and a drift between two runs shows in the raw side's two numbers instead of
# silently in the ratio (the table flags a scenario whose raw runs differ by more than 15 %).
# Prints one table (req/s, p50, p99 of both sides and the ratio API/raw), the API's RSS, and the non-2xx counts,
# which must be 0: any non-2xx or socket error makes the script warn and exit 3.
# Bounded (about 3.5 minutes of load after the build and the seeding); loopback only; stops both services on exit.
#
# env: QUOIN_PG_PORT, QUOIN_REDIS_PORT        the local PostgreSQL and Redis (as build/provision.sh)
#      QUOIN_LOAD_API_PORT, QUOIN_LOAD_RAW_PORT  HTTP ports of the two services (default: free ports)
#      QUOIN_LOAD_WARMUP (4), QUOIN_LOAD_SECONDS (10), QUOIN_LOAD_CONNECTIONS (64), QUOIN_LOAD_THREADS (2)
#      QUOIN_LOAD_PREWARM (12) seconds of each API scenario (and the same for the raw side) before any measured run:
#                             the API's tiered JIT recompiles some thousands of hot methods, which took 35-45 % of
#                             its CPU in the first scenario's measured window when only the 4 s warm-up preceded it
#      QUOIN_LOAD_API_ENV     extra environment of the API only, "NAME=value NAME=value" (experiments: GC settings...)
#      QUOIN_LOAD_SCENARIOS   comma list of get,list,post-one,post-spread,post-single (default: all)
#      QUOIN_LOAD_TRACE=1     also profile the API during each measured API run: dotnet-trace's sampled thread time,
#                             written as .local/load/<scenario>.api.speedscope.json (summarise with
#                             build/trace-top.py); profiling slows the API, so such a run's numbers are not results
#      QUOIN_LOAD_PERF=1      also sample the API's CPU with Linux perf (cpu-clock, call graphs, JIT frames named through
#                             DOTNET_PerfMapEnabled, W^X off so perf finds them): .local/load/<scenario>.api.perf.data, read with `perf report -i`.
#                             Unlike thread-time samples, these are CPU time only (kernel time included). Also lists
#                             the methods the JIT compiled during each measured API run, with their tier:
#                             .local/load/<scenario>.api.jitted.txt
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
# shellcheck source=build/bench-lib.sh
source "$repo/build/bench-lib.sh"

pg_port="${QUOIN_PG_PORT:-55432}"
redis_port="${QUOIN_REDIS_PORT:-56379}"
warmup="${QUOIN_LOAD_WARMUP:-4}"
prewarm="${QUOIN_LOAD_PREWARM:-12}"
seconds="${QUOIN_LOAD_SECONDS:-10}"
connections="${QUOIN_LOAD_CONNECTIONS:-64}"
threads="${QUOIN_LOAD_THREADS:-2}"
api_port="${QUOIN_LOAD_API_PORT:-$(free_port)}"
raw_port="${QUOIN_LOAD_RAW_PORT:-$(free_port)}"
api="http://127.0.0.1:$api_port"
raw="http://127.0.0.1:$raw_port"
scenarios=",${QUOIN_LOAD_SCENARIOS:-get,list,post-one,post-spread,post-single},"
trace="${QUOIN_LOAD_TRACE:-0}"
perf_sample="${QUOIN_LOAD_PERF:-0}"
out="$repo/.local/load"
rm -rf "$out" && mkdir -p "$out"


# --- tools, services, builds --------------------------------------------------------------------------------------
command -v wrk >/dev/null || { apt-get install -y -q --no-install-recommends wrk >/dev/null 2>&1 \
  || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends wrk >/dev/null; }; }
dotnet_trace=""
if [[ "$perf_sample" == 1 ]] && ! command -v perf >/dev/null; then
  apt-get install -y -q --no-install-recommends linux-perf >/dev/null
fi
if [[ "$trace" == 1 ]]; then
  dotnet_trace="$(command -v dotnet-trace || echo "$HOME/.dotnet/tools/dotnet-trace")"
  [[ -x "$dotnet_trace" ]] || dotnet tool install -g dotnet-trace >/dev/null
fi
bash build/provision.sh --quiet
say "building the API and the raw reference (Release)"
dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet build tests/RawReference -c Release -nologo -v quiet -clp:ErrorsOnly
api_bin="$repo/src/Api/bin/Release/net10.0"
raw_bin="$repo/tests/RawReference/bin/Release/net10.0"

for db in quoinapi_load quoinapi_raw; do
  psql_on quoinapi -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
done

# The API as users run it: Release, Production, appsettings.json as shipped (so the working directory is the build
# output: the content root), OpenTelemetry as configured, Redis on. Production refuses to start without these secrets.
export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Redis="127.0.0.1:$redis_port"
export Bootstrap__AdminApiKey="load-admin-$(secret)"
export Paging__TokenSigningKeys__0="$(secret)"
export Idempotency__ResponseEncryptionKey="$(secret)"
export Shutdown__ReadinessDelaySeconds=0
#if (IncludeRatePlans)
# The limiter stays on (its cost is part of the API's), but the load's tenants must never meet it: a 429 would
# measure the plan, not the API. Each tenant's requests still run the Redis script.
export RatePlans__Enterprise__RequestsPerSecond=1000000 RatePlans__Enterprise__Burst=1000000 RatePlans__Enterprise__MonthlyQuota=1000000000
#endif

api_pid="" raw_pid=""
stop_services() {
  for pid in $api_pid $raw_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $api_pid $raw_pid; do wait "$pid" 2>/dev/null || true; done
}
trap stop_services EXIT

say "migrating quoinapi_load; starting the API on $api and the raw reference on $raw"
(cd "$api_bin" && ConnectionStrings__Postgres="$(pg_url quoinapi_load)" dotnet QuoinApi.Api.dll migrate) >"$out/api-migrate.log" 2>&1 \
  || { tail -20 "$out/api-migrate.log" >&2; exit 1; }
perf_map=0; [[ "$perf_sample" == 1 ]] && perf_map=1
# shellcheck disable=SC2086  # QUOIN_LOAD_API_ENV is a list of assignments
(cd "$api_bin" && ConnectionStrings__Postgres="$(pg_url quoinapi_load)" ASPNETCORE_URLS="$api" DOTNET_PerfMapEnabled=$perf_map DOTNET_EnableWriteXorExecute=$((1 - perf_map)) \
  exec env ${QUOIN_LOAD_API_ENV:-} dotnet QuoinApi.Api.dll) >"$out/api.log" 2>&1 &
api_pid=$!
(cd "$raw_bin" && ConnectionStrings__Postgres="$(pg_url quoinapi_raw)" ASPNETCORE_URLS="$raw" exec dotnet QuoinApi.RawReference.dll) >"$out/raw.log" 2>&1 &
raw_pid=$!
wait_ready() { # url, log
  for _ in $(seq 1 120); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.5; done
  echo "error: $1 not ready after 60 s" >&2; tail -20 "$2" >&2; exit 1
}
wait_ready "$api/health/ready" "$out/api.log"
wait_ready "$raw/health" "$out/raw.log"

# --- the same data on both sides ------------------------------------------------------------------------------------
# Through the API: one tenant with 200 products (the reads), 64 more tenants with their owner keys (the spread writes).
# Then the raw database gets a copy of the same tenants and product rows (same ids, same timestamps).
say "seeding: 1 tenant with 200 products and 64 more tenants, through the API; copying them to the raw database"
python3 - "$api" "$Bootstrap__AdminApiKey" "$out" <<'PY'
import json, sys, urllib.request
api, admin, out = sys.argv[1:4]

def call(method, path, key, body=None):
    request = urllib.request.Request(api + path, method=method, headers={"X-Api-Key": key, "Content-Type": "application/json"},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)

def tenant(name):
    body = {"name": name}
#if (IncludeRatePlans)
    body["ratePlan"] = "enterprise"
#endif
    created = call("POST", "/api/v2/tenants", admin, body)
    return created["id"], created["ownerApiKey"]["key"]

main_tenant, main_key = tenant("Load")
for i in range(1, 201):
    call("POST", "/api/v2/products", main_key, {"sku": f"LOAD-{i}", "name": f"Product {i}", "description": f"Seeded product {i}",
                                                "price": {"amountMinor": i * 100, "currency": "EUR"}, "tags": ["load", f"t{i % 7}"]})
product = call("GET", "/api/v2/products?pageSize=20", main_key)["items"][10]["id"]
spread = [tenant(f"Spread {i}") for i in range(64)]
with open(f"{out}/seed.env", "w") as env:
    print(f"main_tenant={main_tenant}\nmain_key={main_key}\nproduct={product}", file=env)
    print("spread_tenants=" + ",".join(t for t, _ in spread), file=env)
    print("spread_keys=" + ",".join(k for _, k in spread), file=env)
PY
# shellcheck source=/dev/null
source "$out/seed.env"
psql_on quoinapi_load -c "COPY (SELECT id, name FROM tenants) TO STDOUT" | psql_on quoinapi_raw -c "COPY tenants (id, name) FROM STDIN"
columns="id, tenant_id, sku, name, description, price, currency, tags, deleted_at, created_at, created_by, updated_at, updated_by, version"
psql_on quoinapi_load -c "COPY (SELECT $columns FROM products) TO STDOUT" | psql_on quoinapi_raw -c "COPY products ($columns) FROM STDIN"
psql_on quoinapi_load -c "ANALYZE tenants, api_keys, products, audit_log"
psql_on quoinapi_raw -c "ANALYZE tenants, products"

# --- wrk scripts ----------------------------------------------------------------------------------------------------
# done() prints one machine-readable line per run; "status" counts responses >= 400, the other errors are socket errors.
report_lua='
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("LOADRESULT {\"requests\":%.0f,\"duration_us\":%.0f,\"p50_us\":%.0f,\"p99_us\":%.0f,\"status\":%.0f,\"socket\":%.0f}\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), e.status, e.connect + e.read + e.write + e.timeout))
end'
printf '%s\n' "$report_lua" >"$out/get.lua"
# POST: each request a new sku (wrk thread, run and counter make it unique); the auth header cycles over the values
# in LOAD_VALUES (one value: one tenant; 64 values: writes spread over 64 tenants).
cat >"$out/post.lua" <<'LUA'
local thread_count = 0
function setup(thread)
  thread:set("thread_id", thread_count)
  thread_count = thread_count + 1
end
function init(args)
  header = os.getenv("LOAD_HEADER")
  run = os.getenv("LOAD_RUN")
  values = {}
  for value in string.gmatch(os.getenv("LOAD_VALUES"), "[^,]+") do values[#values + 1] = value end
  counter = 0
end
function request()
  counter = counter + 1
  local body = string.format('{"sku":"W-%s-%d-%d","name":"Written product","price":{"amountMinor":1250,"currency":"EUR"},"tags":["load"]}',
    run, thread_id, counter)
  local value = values[(counter + thread_id) % #values + 1]
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json", [header] = value }, body)
end
LUA
printf '%s\n' "$report_lua" >>"$out/post.lua"

# Every scenario answers as expected on both sides before any load (a 4xx under load would measure an error path).
check() { # expected status, curl arguments...
  local expected="$1"; shift
  local status; status="$(curl -sS -o /dev/null -w '%{http_code}' "$@")"
  [[ "$status" == "$expected" ]] || { echo "error: $* answered $status, expected $expected" >&2; exit 1; }
}
check 200 -H "X-Api-Key: $main_key" "$api/api/v2/products/$product"
check 200 -H "X-Tenant-Id: $main_tenant" "$raw/products/$product"
check 200 -H "X-Api-Key: $main_key" "$api/api/v2/products?pageSize=20"
check 200 -H "X-Tenant-Id: $main_tenant" "$raw/products"
post_check='{"sku":"CHECK-1","name":"Check","price":{"amountMinor":100,"currency":"EUR"}}'
check 201 -H "X-Api-Key: ${spread_keys%%,*}" -H 'Content-Type: application/json' -d "$post_check" "$api/api/v2/products"
check 201 -H "X-Tenant-Id: ${spread_tenants%%,*}" -H 'Content-Type: application/json' -d "$post_check" "$raw/products"
check 201 -H "X-Tenant-Id: ${spread_tenants%%,*}" -H 'Content-Type: application/json' -d "${post_check/CHECK-1/CHECK-2}" "$raw/products/single"

# --- load -----------------------------------------------------------------------------------------------------------
# Other work on the machine takes CPU from the API more than from the raw reference (which mostly waits on
# PostgreSQL), so a busy machine lowers the ratios too: the load average is printed with the table.
cut -d' ' -f1 /proc/loadavg >"$out/loadavg.start"
runs=0
load() { # name, side, wrk arguments... (the LOAD_* variables of post.lua come from the caller's environment)
  local name="$1" side="$2"; shift 2
  local file="$out/$name.$side.txt"
  runs=$((runs + 1))
  say "$name, $side: ${warmup}s warm-up, ${seconds}s measured"
  LOAD_RUN="$runs" timeout $((warmup + 30)) wrk -t"$threads" -c"$connections" -d"${warmup}s" --timeout 5s "$@" >"$out/$name.$side.warmup.txt"
  runs=$((runs + 1))
  local tracer=""
  if [[ "$trace" == 1 && "$side" == api ]]; then
    "$dotnet_trace" collect -p "$api_pid" --profile dotnet-sampled-thread-time --duration "00:00:00:$(printf '%02d' $((seconds - 2)))" \
      --format Speedscope -o "$out/$name.api.nettrace" >"$out/$name.api.trace.log" 2>&1 &
    tracer=$!
    sleep 1
  elif [[ "$perf_sample" == 1 && "$side" == api ]]; then
    perf record -e cpu-clock -F 999 -g -p "$api_pid" -o "$out/$name.api.perf.data" -- sleep $((seconds - 2)) \
      >"$out/$name.api.perf.log" 2>&1 &
    tracer=$!
    sleep 1
  fi
  # What one request costs besides time: CPU of the service, of PostgreSQL and of Redis, and database transactions.
  local pid db; [[ "$side" == api ]] && pid=$api_pid db=quoinapi_load || pid=$raw_pid db=quoinapi_raw
  cpu_and_xacts "$pid" "$db" >"$out/$name.$side.before"
  [[ "$side" == api ]] && jit_counters >"$out/$name.api.jit.before"
  # With perf, the JIT's map of compiled methods grows in compile order: its lines added meanwhile are what was compiled.
  [[ "$side" == api && "$perf_map" == 1 ]] && wc -l <"/tmp/perf-$api_pid.map" >"$out/$name.api.map.before"
  LOAD_RUN="$runs" timeout $((seconds + 30)) wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 5s --latency "$@" >"$file"
  [[ "$side" == api ]] && jit_counters >"$out/$name.api.jit.after"
  [[ "$side" == api && "$perf_map" == 1 ]] && sed -n "$(($(cat "$out/$name.api.map.before") + 1)),\$p" "/tmp/perf-$api_pid.map" \
    | cut -d' ' -f3- >"$out/$name.api.jitted.txt"
  sleep 1 # the statistics collector's flush (PGSTAT_MIN_INTERVAL)
  cpu_and_xacts "$pid" "$db" >"$out/$name.$side.after"
  if [[ -n "$tracer" ]]; then wait "$tracer" || echo "warning: the profiler failed (exit $?), see $out/$name.api.*.log" >&2; fi
}
cpu_and_xacts() { # pid, database: CPU ticks of the service, of every postgres and redis-server process; transactions
  local ticks pg=0 redis=0 pid
  ticks="$(awk '{print $14 + $15}' "/proc/$1/stat")"
  # Fields 16-17 (children's CPU) of the postmaster hold what exited backends used: without them a backend that ends
  # during the run takes its CPU with it, and the run's PostgreSQL CPU can even come out negative.
  for pid in $(pgrep -x postgres); do pg=$((pg + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  for pid in $(pgrep -x redis-server); do redis=$((redis + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo "$ticks $pg $redis $(psql_on "$2" -At -c \
    "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()")"
}
# Methods the API's JIT compiled so far and the seconds it spent: a measured run that still compiles many is not yet the
# steady state (tiered compilation promotes hot methods in the background, and on two saturated cores it lags).
jit_counters() {
  curl -fsS "$api/metrics" 2>/dev/null | awk '/^dotnet_jit_compiled_methods_total/ {m = $NF} /^dotnet_jit_compilation_time_seconds_total/ {t = $NF}
    END {print m + 0, t + 0}'
}
want() { [[ "$scenarios" == *",$1,"* ]]; }
api_auth=(-H "X-Api-Key: $main_key")
raw_auth=(-H "X-Tenant-Id: $main_tenant")
if ((prewarm > 0)); then
  say "pre-warm: ${prewarm}s of each scenario on each side (tiered JIT), not measured"
  for side in raw api; do
    if [[ "$side" == api ]]; then base="$api/api/v2/products" auth=("${api_auth[@]}") header=X-Api-Key value="$main_key"
    else base="$raw/products" auth=("${raw_auth[@]}") header=X-Tenant-Id value="$main_tenant"; fi
    timeout $((prewarm + 30)) wrk -t"$threads" -c"$connections" -d"${prewarm}s" "${auth[@]}" "$base/$product" >/dev/null
    timeout $((prewarm + 30)) wrk -t"$threads" -c"$connections" -d"${prewarm}s" "${auth[@]}" "$base$( [[ $side == api ]] && echo '?pageSize=20')" >/dev/null
    LOAD_HEADER=$header LOAD_VALUES="$value" LOAD_RUN=prewarm timeout $((prewarm + 30)) wrk -t"$threads" -c"$connections" -d"${prewarm}s" \
      -s "$out/post.lua" "$base" >/dev/null
  done
fi
# Raw, API, raw again: the API's ratio is against the mean of the raw runs around it.
for run in raw api raw-after; do
  want get || break
  if [[ "$run" == api ]]; then load get api -s "$out/get.lua" "${api_auth[@]}" "$api/api/v2/products/$product"
  else load get "$run" -s "$out/get.lua" "${raw_auth[@]}" "$raw/products/$product"; fi
done
for run in raw api raw-after; do
  want list || break
  if [[ "$run" == api ]]; then load list api -s "$out/get.lua" "${api_auth[@]}" "$api/api/v2/products?pageSize=20"
  else load list "$run" -s "$out/get.lua" "${raw_auth[@]}" "$raw/products"; fi
done
for run in raw api raw-after; do
  want post-one || break
  if [[ "$run" == api ]]; then LOAD_HEADER=X-Api-Key LOAD_VALUES="$main_key" load post-one api -s "$out/post.lua" "$api/api/v2/products"
  else LOAD_HEADER=X-Tenant-Id LOAD_VALUES="$main_tenant" load post-one "$run" -s "$out/post.lua" "$raw/products"; fi
done
for run in raw api raw-after; do
  want post-spread || break
  if [[ "$run" == api ]]; then LOAD_HEADER=X-Api-Key LOAD_VALUES="$spread_keys" load post-spread api -s "$out/post.lua" "$api/api/v2/products"
  else LOAD_HEADER=X-Tenant-Id LOAD_VALUES="$spread_tenants" load post-spread "$run" -s "$out/post.lua" "$raw/products"; fi
done
want post-single && LOAD_HEADER=X-Tenant-Id LOAD_VALUES="$main_tenant" load post-single raw -s "$out/post.lua" "$raw/products/single"

cut -d' ' -f1 /proc/loadavg >"$out/loadavg.end"
# The audit sealer under the write load: its lag histogram, and what is still unsealed a second later.
curl -fsS "$api/metrics" >"$out/metrics.txt" || true
sleep 1
psql_on quoinapi_load -At -c "SELECT count(*) FROM audit_log WHERE sequence IS NULL" >"$out/audit.unsealed" || true
grep -E '^Vm(RSS|HWM)' "/proc/$api_pid/status" >"$out/api.rss"
grep -E '^Vm(RSS|HWM)' "/proc/$raw_pid/status" >"$out/raw.rss"

# --- the table ------------------------------------------------------------------------------------------------------
python3 - "$out" "$threads" "$connections" "$warmup" "$seconds" "$scenarios" <<'PY'
import json, os, sys
out, threads, connections, warmup, seconds, scenarios = sys.argv[1:7]

def result(name, side):
    try:
        with open(f"{out}/{name}.{side}.txt") as f:
            line = next(l for l in f if l.startswith("LOADRESULT "))
    except (OSError, StopIteration):
        return None
    r = json.loads(line.split(" ", 1)[1])
    r["rps"] = r["requests"] / (r["duration_us"] / 1e6)
    try:  # per request: CPU ticks of the service, PostgreSQL, Redis; transactions (the wrk run plus a second)
        before, after = ([int(x) for x in open(f"{out}/{name}.{side}.{when}").read().split()] for when in ("before", "after"))
        r["per_request"] = [(a - b) / max(r["requests"], 1) for a, b in zip(after, before)]
    except (OSError, ValueError):
        r["per_request"] = None
    return r

def raw_pair(name):
    """The raw runs before and after the API's, and their mean (req/s, p50 and p99 averaged)."""
    first, after = result(name, "raw"), result(name, "raw-after")
    if first is None or after is None:
        return first, None, first
    mean = dict(first)
    for key in ("rps", "p50_us", "p99_us"):
        mean[key] = (first[key] + after[key]) / 2
    return first, after, mean

def rss(side):
    with open(f"{out}/{side}.rss") as f:
        values = dict(line.split(":", 1) for line in f)
    return {k: int(v.split()[0]) // 1024 for k, v in values.items()}

ms = lambda us: f"{us / 1000:.1f} ms"
rows = [
    ("GET /products/{id}", "get", "get"),
    ("GET list page (20)", "list", "list"),
    ("POST, one tenant (raw: durable write)", "post-one", "post-one"),
    ("POST, 64 tenants (raw: durable write)", "post-spread", "post-spread"),
    ("POST, one tenant vs raw single insert", "post-single", "post-one"),
]
header = ["scenario", "raw req/s", "raw p50", "raw p99", "raw before → after", "API req/s", "API p50", "API p99", "API/raw"]
table, problems, drifts = [], [], []
for label, raw_name, api_name in rows:
    first, after, r = raw_pair(raw_name)
    a = result(api_name, "api")
    if f",{raw_name}," not in scenarios or f",{api_name}," not in scenarios:
        continue  # not among QUOIN_LOAD_SCENARIOS
    if r is None or a is None:
        problems.append(f"{label}: no result (see {out})")
        continue
    if after is None:
        bracket = "-"
    else:
        drift = after["rps"] / first["rps"] - 1
        bracket = f"{first['rps']:,.0f} → {after['rps']:,.0f}"
        if abs(drift) > 0.15:
            bracket += " !"
            drifts.append(f"{raw_name}: the raw side ran at {first['rps']:,.0f} and then {after['rps']:,.0f} req/s ({100 * drift:+.0f} %)")
    table.append([label, f"{r['rps']:,.0f}", ms(r["p50_us"]), ms(r["p99_us"]), bracket,
                  f"{a['rps']:,.0f}", ms(a["p50_us"]), ms(a["p99_us"]), f"{100 * a['rps'] / r['rps']:.0f} %"])
for name in ("get", "list", "post-one", "post-spread", "post-single"):
    for side in ("raw", "api", "raw-after"):
        x = result(name, side)
        if x and (x["status"] or x["socket"]):
            problems.append(f"{name} ({side}): {x['status']} non-2xx responses, {x['socket']} socket errors "
                            f"of {x['requests']} requests ({100 * (x['status'] + x['socket']) / max(x['requests'], 1):.2f} %)")

widths = [max(len(str(row[i])) for row in [header] + table) for i in range(len(header))]
line = lambda row: "| " + " | ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))) + " |"
print()
load = [open(f"{out}/loadavg.{when}").read().strip() for when in ("start", "end")]
print(f"wrk -t{threads} -c{connections}, {warmup} s warm-up then {seconds} s measured per scenario and side; "
      f"load average {load[0]} before, {load[1]} after ({os.cpu_count()} cores)")
print(line(header))
print("|" + "|".join("-" * (w + 2) if i == 0 else "-" * (w + 1) + ":" for i, w in enumerate(widths)) + "|")
for row in table:
    print(line(row))
print("raw req/s, p50 and p99: the mean of the raw runs before and after the API's (the raw single insert: one run)")
for d in drifts:
    print(f"! the machine's speed changed during the scenario, read its ratio with care: {d}")
tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
print("\nper request: CPU ms of the service / PostgreSQL / Redis (all their processes), database transactions:")
for name in ("get", "list", "post-one", "post-spread", "post-single"):
    cells = []
    for side in ("raw", "raw-after", "api"):
        x = result(name, side)
        if x and x["per_request"]:
            cpu = " / ".join(f"{v * tick_ms:.2f}" for v in x["per_request"][:3])
            cells.append(f"{side} {cpu} ms, {x['per_request'][3]:.2f} xacts")
    if cells:
        print(f"  {name:<12} " + "; ".join(cells))
jit = []
for name in ("get", "list", "post-one", "post-spread"):
    try:
        before, after = ([float(x) for x in open(f"{out}/{name}.api.jit.{when}").read().split()] for when in ("before", "after"))
        jit.append(f"{name} {after[0] - before[0]:,.0f} methods, {after[1] - before[1]:.2f} s")
    except (OSError, ValueError, IndexError):
        pass
if jit:
    print("API JIT during the measured runs (tiered compilation still promoting): " + "; ".join(jit))
one, spread = result("post-one", "api"), result("post-spread", "api")
if one and spread:
    print(f"\nAPI POST one tenant / 64 tenants: {100 * one['rps'] / spread['rps']:.0f} %")
def seal_lag():
    # Cumulative buckets of quoinapi.audit.seal_lag (seconds): the quantile lies at or below the first bound reaching it.
    buckets = []
    try:
        for l in open(f"{out}/metrics.txt"):
            if l.startswith("quoinapi_audit_seal_lag") and "_bucket{" in l:
                bound = l.split('le="', 1)[1].split('"', 1)[0]
                buckets.append((float("inf") if bound == "+Inf" else float(bound), float(l.rsplit(" ", 1)[1])))
    except OSError:
        return None
    if not buckets or buckets[-1][1] == 0:
        return None
    buckets.sort()
    total = buckets[-1][1]
    at = lambda q: next(b for b, c in buckets if c >= q * total)
    return total, at(0.5), at(0.99)
lag = seal_lag()
if lag:
    unsealed = open(f"{out}/audit.unsealed").read().strip() if os.path.exists(f"{out}/audit.unsealed") else "?"
    print(f"Audit sealing lag over {lag[0]:,.0f} entries: p50 <= {lag[1]} s, p99 <= {lag[2]} s (histogram bounds); "
          f"unsealed 1 s after the load: {unsealed}")
api_rss, raw_rss = rss("api"), rss("raw")
print(f"API RSS after the load: {api_rss['VmRSS']} MB (peak VmHWM {api_rss['VmHWM']} MB); "
      f"raw reference: {raw_rss['VmRSS']} MB (peak {raw_rss['VmHWM']} MB)")
print("non-2xx responses and socket errors: " + ("none" if not problems else str(len(problems)) + " scenario(s), see below"))
if problems:
    bar = "!" * 100
    print(f"\n{bar}\nWARNING: errors under load: these numbers measure failures, not the work. Logs: {out}", file=sys.stderr)
    for p in problems:
        print(f"WARNING:   {p}", file=sys.stderr)
    print(bar, file=sys.stderr)
    sys.exit(3)
PY
