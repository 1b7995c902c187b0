#!/usr/bin/env bash
# Proves the item templates in a copy of the working tree: generates a command and a query with quoinapi-usecase,
# builds the copy, runs its architecture tests and the generated tests (UseCaseTemplateTests). Takes minutes on two
# cores, so the default suite skips it. Needs PostgreSQL and Redis like build/test.sh (it provisions them).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
bash build/provision.sh --quiet
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${QUOIN_PG_PORT:-55432};Database=quoinapi;Username=quoinapi;Password=quoinapi"
export ConnectionStrings__Redis="127.0.0.1:${QUOIN_REDIS_PORT:-56379}"
export QUOIN_TEMPLATE_TESTS=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test tests/Architecture.Tests --nologo --filter "FullyQualifiedName~.Templates." --logger "console;verbosity=detailed"
