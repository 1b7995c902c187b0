#!/usr/bin/env bash
# Runs the BenchmarkDotNet suites (Release) against the local PostgreSQL (and Redis: HttpBenchmarks); results land in BenchmarkDotNet.Artifacts/.
# Usage: build/bench.sh [--filter '*Paging*']   (default: all suites)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
bash build/provision.sh --quiet
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${QUOIN_PG_PORT:-55432};Database=quoinapi;Username=quoinapi;Password=quoinapi"
export ConnectionStrings__Redis="127.0.0.1:${QUOIN_REDIS_PORT:-56379}"
args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(--filter '*')
dotnet run -c Release --project tests/Benchmarks -- "${args[@]}"
