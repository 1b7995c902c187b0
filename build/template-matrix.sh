#!/usr/bin/env bash
# Generates the solution template (dotnet new quoinapi) once per option combination into a temporary folder, builds
# each (Release), runs their architecture and unit tests, and prints a table: combination, build, tests, wall time.
# The combinations in FULL_SUITE also run their whole suite (bash build/test.sh in the generated folder, integration and
# functional tests included) on a PostgreSQL and Redis of their own, on free ports, stopped afterwards.
#
#   build/template-matrix.sh            every combination in COMBINATIONS below
#   build/template-matrix.sh --keep     keep the generated folders (printed) for inspection
#
# A combination is the extra `dotnet new quoinapi` arguments, "" for the defaults. When the template gains an option
# (docs/guides/solution-template.md), add its combinations here.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
keep=0
[[ "${1:-}" == "--keep" ]] && keep=1

COMBINATIONS=(
    ""
    "--IncludeJwt false"
    "--IncludeProducts false"
)
# Run whole, not only their architecture and unit tests: the defaults and the most trimmed combination.
FULL_SUITE=(
    ""
    "--IncludeJwt false"
    "--IncludeProducts false"
)

work="$(mktemp -d /tmp/quoinapi-matrix.XXXXXX)"
hive="$work/hive"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet new install "$repo" --debug:custom-hive "$hive" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }

is_full_suite() {
    local candidate
    for candidate in "${FULL_SUITE[@]}"; do [[ "$candidate" == "$1" ]] && return 0; done
    return 1
}
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# The generated solution's own ports count, not the ones exported for this checkout.
unset QUOIN_PG_PORT QUOIN_REDIS_PORT

rows=()
failed=0
index=0
for combination in "${COMBINATIONS[@]}"; do
    index=$((index + 1))
    out="$work/c$index/Acme.Orders"
    label="${combination:-(defaults)}"
    start=$(date +%s)
    build="-" tests="-" suite="-"
    ports=(--postgres-port "$(free_port)" --redis-port "$(free_port)")
    # shellcheck disable=SC2086  # a combination is a list of arguments
    if dotnet new quoinapi -n Acme.Orders -o "$out" --debug:custom-hive "$hive" "${ports[@]}" $combination >"$work/c$index.generate.log" 2>&1; then
        if (cd "$out" && dotnet build Acme.Orders.sln -c Release --disable-build-servers -nologo -clp:ErrorsOnly) >"$work/c$index.build.log" 2>&1; then
            build=ok
            tests=ok
            for project in tests/Architecture.Tests tests/Domain.UnitTests tests/Application.UnitTests; do
                [[ -d "$out/$project" ]] || continue
                if ! (cd "$out" && dotnet test "$project" -c Release --no-build --nologo --filter "FullyQualifiedName!~.Templates.") >>"$work/c$index.test.log" 2>&1; then
                    tests=FAILED
                fi
            done
            if is_full_suite "$combination"; then
                if (cd "$out" && bash build/test.sh) >"$work/c$index.suite.log" 2>&1; then suite=ok; else suite=FAILED; fi
                suite="$suite: $(grep -o 'Tests: .*' "$work/c$index.suite.log" | tail -1 || true)"
                (cd "$out" && bash build/stop.sh --quiet --purge) >>"$work/c$index.suite.log" 2>&1 || true
            fi
        else
            build=FAILED
        fi
    else
        build="generate FAILED"
    fi
    [[ "$build" == ok && "$tests" == ok && "$suite" != FAILED* ]] || failed=1
    rows+=("$(printf '| %-40s | %-6s | %-6s | %-44s | %6ss |' "$label" "$build" "$tests" "$suite" "$(( $(date +%s) - start ))")")
    # Each row as soon as it is known: a whole run takes long on two cores.
    echo "${rows[-1]}"
done

echo
printf '| %-40s | %-6s | %-6s | %-44s | %7s |\n' "combination" "build" "tests" "whole suite" "wall"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "--------" "--------" "$(printf -- '-%.0s' {1..46})" "---------"
printf '%s\n' "${rows[@]}"
echo "logs: $work"
((keep)) || rm -rf "$work"/c*/Acme.Orders "$hive"
exit "$failed"
