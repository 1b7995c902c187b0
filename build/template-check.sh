#!/usr/bin/env bash
# The templates' slow tests, in a copy of the working tree (tests/Architecture.Tests/Templates/):
#   UseCaseTemplateTests    quoinapi-usecase generates a command and a query; the copy builds, passes its architecture
#                           tests and the generated tests.
#   ModuleTemplateTests     quoinapi-module generates two modules; with their migrations and the OpenAPI documents
#                           regenerated, the copy builds, passes its architecture and contract tests and the
#                           generated tests.
#   SolutionTemplateTests   dotnet new quoinapi -n Acme.Orders builds and passes its architecture and unit tests; with
#                           QUOIN_TEMPLATE_MATRIX=1 also all 16 option combinations (build/template-matrix.sh).
# Each takes minutes on two cores, so the default suite skips them. No argument runs them all; an argument (a class
# name) runs that one. Provisions PostgreSQL and Redis like build/test.sh. Every option combination: build/template-matrix.sh.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"
bash build/provision.sh --quiet
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=${QUOIN_PG_PORT:-55432};Database=quoinapi;Username=quoinapi;Password=quoinapi"
export ConnectionStrings__Redis="127.0.0.1:${QUOIN_REDIS_PORT:-56379}"
export QUOIN_TEMPLATE_TESTS=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet test tests/Architecture.Tests --nologo --filter "FullyQualifiedName~.Templates.${1:+&FullyQualifiedName~$1}" --logger "console;verbosity=detailed"
