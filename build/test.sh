#!/usr/bin/env bash
# The test command (README, .ci/run): provisions PostgreSQL and Redis, then runs every test project of the solution.
# Usage: build/test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~ApiKeys]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"

bash build/provision.sh
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${QUOIN_PG_PORT:-55432};Database=quoinapi;Username=quoinapi;Password=quoinapi"
export ConnectionStrings__Redis="127.0.0.1:${QUOIN_REDIS_PORT:-56379}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results="$repo/.local/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build QuoinApi.sln -c Release -nologo -clp:ErrorsOnly
bash build/ensure-openapi.sh -c Release --no-build
status=0
dotnet test QuoinApi.sln -c Release --no-build --nologo --logger "trx" --results-directory "$results" "$@" || status=$?

# One closing line over all projects, in the plain form CI reads: "Tests: N passed, N failed, N skipped".
python3 - "$results" <<'PY' || true
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
    # Skipped tests count in total but not in executed (notExecuted stays 0 for NUnit's ignored tests).
    skipped += int(counters.get("total", 0)) - int(counters.get("executed", 0))
print(f"Tests: {passed} passed, {failed} failed, {skipped} skipped")
PY
exit "$status"
