#!/usr/bin/env bash
# Events benchmark: the outbox relay's publication throughput and the latency from a product's commit to a webhook
# receiver on loopback. Method and reading of the numbers: docs/benchmarks.md ("Events and webhooks").
#
#   build/events-bench.sh
#
# 1. Relay throughput: QUOIN_EVENTS_BATCH (20000) outbox rows are committed at once (SQL, as commands would leave
#    them), then the running API's relay publishes them; events/s = rows / time until none is left unpublished.
# 2. Commit -> receiver: QUOIN_EVENTS_POSTS (300) products are created through the API at about QUOIN_EVENTS_RATE (50)
#    per second; a loopback receiver (Python) notes when each product.created arrives; latency = arrival - occurredAt
#    (the command's clock reading, taken before its commit, so the figure slightly overstates commit -> receiver).
# Prints p50/p95/p99/max and the machine's load (uptime). Loopback only; stops the API on exit.
#
# env: QUOIN_PG_PORT, QUOIN_REDIS_PORT (as build/provision.sh), QUOIN_EVENTS_BATCH, QUOIN_EVENTS_POSTS, QUOIN_EVENTS_RATE
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
# shellcheck source=build/bench-lib.sh
source "$repo/build/bench-lib.sh"

pg_port="${QUOIN_PG_PORT:-55432}"
redis_port="${QUOIN_REDIS_PORT:-56379}"
batch="${QUOIN_EVENTS_BATCH:-20000}"
posts="${QUOIN_EVENTS_POSTS:-300}"
rate="${QUOIN_EVENTS_RATE:-50}"
api_port="$(free_port)"
receiver_port="$(free_port)"
api="http://127.0.0.1:$api_port"
out="$repo/.local/events-bench"
rm -rf "$out" && mkdir -p "$out"


bash build/provision.sh --quiet
say "building the API (Release)"
dotnet build src/Api -c Release -nologo -v quiet -clp:ErrorsOnly
api_bin="$repo/src/Api/bin/Release/net10.0"
psql_on quoinapi -c "DROP DATABASE IF EXISTS quoinapi_events WITH (FORCE)" -c "CREATE DATABASE quoinapi_events"

export ASPNETCORE_ENVIRONMENT=Production
export ConnectionStrings__Redis="127.0.0.1:$redis_port"
export Bootstrap__AdminApiKey="events-admin-$(secret)"
export Paging__TokenSigningKeys__0="$(secret)"
export Idempotency__ResponseEncryptionKey="$(secret)"
export Shutdown__ReadinessDelaySeconds=0
export Webhooks__AllowPrivateNetworks=true

api_pid="" receiver_pid=""
stop_services() {
  for pid in $api_pid $receiver_pid; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in $api_pid $receiver_pid; do wait "$pid" 2>/dev/null || true; done
}
trap stop_services EXIT

(cd "$api_bin" && ConnectionStrings__Postgres="$(pg_url quoinapi_events)" dotnet QuoinApi.Api.dll migrate) >"$out/migrate.log" 2>&1 \
  || { tail -20 "$out/migrate.log" >&2; exit 1; }
(cd "$api_bin" && ConnectionStrings__Postgres="$(pg_url quoinapi_events)" ASPNETCORE_URLS="$api" exec dotnet QuoinApi.Api.dll) >"$out/api.log" 2>&1 &
api_pid=$!

# The receiver: answers 200 at once and notes (arrival time, occurredAt, type) per request.
python3 - "$receiver_port" "$out/arrivals.tsv" <<'PY' &
import json, sys, time
from datetime import datetime
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
port, path = int(sys.argv[1]), sys.argv[2]
log = open(path, "a", buffering=1)
class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        arrived = time.time()
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
        envelope = json.loads(body)
        occurred = datetime.fromisoformat(envelope["occurredAt"].replace("Z", "+00:00")).timestamp()
        log.write(f"{arrived}\t{occurred}\t{envelope['type']}\n")
    def log_message(self, *args):
        pass
ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
PY
receiver_pid=$!

for _ in $(seq 1 120); do curl -fsS -o /dev/null "$api/health/ready" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null "$api/health/ready" || { tail -20 "$out/api.log" >&2; exit 1; }

say "load before: $(uptime)"
python3 - "$api" "$Bootstrap__AdminApiKey" "http://127.0.0.1:$receiver_port/hooks" "$out" <<'PY'
import json, sys, urllib.request
api, admin, hook, out = sys.argv[1:5]
def call(method, path, key, body=None):
    request = urllib.request.Request(api + path, method=method, headers={"X-Api-Key": key, "Content-Type": "application/json"},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)
tenant = {"name": "Events"}
#if (IncludeRatePlans)
tenant["ratePlan"] = "enterprise"
#endif
created = call("POST", "/api/v2/tenants", admin, tenant)
call("POST", "/api/v2/webhooks", created["ownerApiKey"]["key"], {"url": hook, "events": ["product.created"]})
with open(f"{out}/seed.env", "w") as env:
    print(f"tenant={created['id']}\nkey={created['ownerApiKey']['key']}", file=env)
PY
# shellcheck source=/dev/null
source "$out/seed.env"
sleep 1

# --- 1. relay throughput ----------------------------------------------------------------------------------------------
say "relay: committing $batch outbox rows at once (type product.updated: no subscription, so no deliveries)"
psql_on quoinapi_events -c "INSERT INTO events (id, tenant_id, type, occurred_at, data)
  SELECT gen_random_uuid(), '$tenant', 'product.updated', now(), '{\"id\":\"x\",\"sku\":\"BENCH\",\"name\":\"Bench\",\"price\":{\"amountMinor\":1250,\"currency\":\"EUR\"},\"tags\":[]}'
  FROM generate_series(1, $batch)"
start=$(date +%s.%N)
while [ "$(psql_on quoinapi_events -tAc "SELECT count(*) FROM events WHERE position IS NULL")" != "0" ]; do sleep 0.05; done
end=$(date +%s.%N)
python3 -c "import sys; n, s, e = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]); print(f'RELAY {n} events in {e - s:.2f} s = {n / (e - s):.0f} events/s (polling every 50 ms; includes the relay waking on its 1 s poll)')" "$batch" "$start" "$end"

# --- 2. commit -> receiver --------------------------------------------------------------------------------------------
say "latency: $posts products at about $rate/s through the API"
: >"$out/arrivals.tsv"
python3 - "$api" "$key" "$posts" "$rate" <<'PY'
import json, sys, time, urllib.request
api, key, posts, rate = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
start = time.time()
for i in range(posts):
    body = {"sku": f"EV-{i}", "name": f"Product {i}", "price": {"amountMinor": 100 + i, "currency": "EUR"}, "tags": []}
    request = urllib.request.Request(api + "/api/v2/products", method="POST", data=json.dumps(body).encode(),
                                     headers={"X-Api-Key": key, "Content-Type": "application/json"})
    urllib.request.urlopen(request, timeout=30).read()
    delay = start + (i + 1) / rate - time.time()
    if delay > 0:
        time.sleep(delay)
PY
for _ in $(seq 1 100); do [ "$(grep -c product.created "$out/arrivals.tsv" || true)" -ge "$posts" ] && break; sleep 0.1; done
python3 - "$out/arrivals.tsv" "$posts" <<'PY'
import sys
rows = [line.split("\t") for line in open(sys.argv[1]) if "product.created" in line]
lat = sorted((float(a) - float(o)) * 1000 for a, o, _ in rows)
def pct(p): return lat[min(len(lat) - 1, int(round(p / 100 * (len(lat) - 1))))]
print(f"LATENCY {len(lat)}/{sys.argv[2]} delivered; commit->receiver p50 {pct(50):.1f} ms, p95 {pct(95):.1f} ms, p99 {pct(99):.1f} ms, max {lat[-1]:.1f} ms")
PY
say "load after: $(uptime)"
