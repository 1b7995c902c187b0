#!/usr/bin/env bash
# Regenerates docs/api/openapi-v1.json and openapi-v2.json from the running code (the contract drift guard's
# reference). Run it when a contract change is intended, then review and commit the diff.
# Usage: build/update-openapi.sh [dotnet test arguments, e.g. -c Release --no-build after a Release build]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
bash build/provision.sh --quiet
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${QUOIN_PG_PORT:-55432};Database=quoinapi;Username=quoinapi;Password=quoinapi"
export ConnectionStrings__Redis="127.0.0.1:${QUOIN_REDIS_PORT:-56379}"
# A solution generated with features left out has no docs/api folder until this first run.
mkdir -p docs/api
QUOIN_UPDATE_OPENAPI=1 dotnet test tests/Api.FunctionalTests --nologo --filter "FullyQualifiedName~OpenApiContractTests" "$@"
# A freshly generated solution is not a git repository yet.
if git rev-parse --git-dir > /dev/null 2>&1; then git --no-pager diff --stat -- docs/api; fi
