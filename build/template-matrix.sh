#!/usr/bin/env bash
# Generates the solution template (dotnet new quoinapi) once per option combination into a temporary folder, builds
# each (Release, warnings as errors), and prints a table: combination, build, tests, whole suite, wall time.
# Every combination is built; those in UNIT_TESTS also run their architecture, domain and application unit tests;
# those in FULL_SUITE also run their whole suite (bash build/test.sh in the generated folder: it regenerates a trimmed
# solution's OpenAPI documents first, then runs the integration and functional tests) on a PostgreSQL and Redis of
# their own, on free ports, stopped and deleted afterwards.
#
#   build/template-matrix.sh                    all 16 combinations of the four Include... options
#   build/template-matrix.sh --only "ARGS"      one combination (ARGS as given to dotnet new, "" for the defaults),
#                                               with its unit tests and whole suite
#   build/template-matrix.sh --keep ...         keep the generated folders (printed) for inspection
#
# When the template gains an option (docs/guides/solution-template.md), add it to OPTIONS.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
keep=0 one=0 only=""
while (($#)); do
    case "$1" in
        --keep) keep=1 ;;
        --only) one=1 only="${2?--only needs the arguments of one combination, or an empty string for the defaults}"; shift ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
    shift
done

OPTIONS=(IncludeProducts IncludeEvents IncludeRatePlans IncludeJwt)
ALL_OFF="$(printf -- '--%s false ' "${OPTIONS[@]}")"
ALL_OFF="${ALL_OFF% }"
# The defaults and the most trimmed solution prove the unit and architecture tests at both ends; the most trimmed one
# runs whole (the defaults' whole suite is what build/template-check.sh and CI run on this repository itself).
UNIT_TESTS=("" "$ALL_OFF")
FULL_SUITE=("$ALL_OFF")

COMBINATIONS=()
if ((one)); then
    COMBINATIONS=("$only") UNIT_TESTS=("$only") FULL_SUITE=("$only")
else
    for ((mask = 0; mask < (1 << ${#OPTIONS[@]}); mask++)); do
        combination=""
        for ((bit = 0; bit < ${#OPTIONS[@]}; bit++)); do
            ((mask & (1 << bit))) && combination+="--${OPTIONS[bit]} false "
        done
        COMBINATIONS+=("${combination% }")
    done
fi

work="$(mktemp -d /tmp/quoinapi-matrix.XXXXXX)"
hive="$work/hive"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet new install "$repo" --debug:custom-hive "$hive" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }

contains() { # value, array elements...
    local value="$1" candidate
    shift
    for candidate in "$@"; do [[ "$candidate" == "$value" ]] && return 0; done
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
            if contains "$combination" "${UNIT_TESTS[@]}"; then
                tests=ok
                # A trimmed solution's OpenAPI documents come from its own code at its first run (ensure-openapi.sh,
                # on its own PostgreSQL and Redis); the architecture tests read them.
                (cd "$out" && bash build/ensure-openapi.sh -c Release --no-build) >"$work/c$index.openapi.log" 2>&1 || tests="FAILED (openapi)"
                for project in tests/Architecture.Tests tests/Domain.UnitTests tests/Application.UnitTests; do
                    [[ -d "$out/$project" ]] || continue
                    if ! (cd "$out" && dotnet test "$project" -c Release --no-build --nologo --filter "FullyQualifiedName!~.Templates.") >>"$work/c$index.test.log" 2>&1; then
                        tests=FAILED
                    fi
                done
                [[ "$tests" == FAILED* ]] || tests="ok: $(grep -o 'Passed: *[0-9]*' "$work/c$index.test.log" | grep -o '[0-9]*' | awk '{ n += $1 } END { print n + 0 }') passed"
            fi
            if contains "$combination" "${FULL_SUITE[@]}"; then
                if (cd "$out" && bash build/test.sh) >"$work/c$index.suite.log" 2>&1; then suite=ok; else suite=FAILED; fi
                suite="$suite: $(grep -o 'Tests: .*' "$work/c$index.suite.log" | tail -1 || true)"
            fi
            [[ ! -d "$out/.local" ]] || (cd "$out" && bash build/stop.sh --quiet --purge) >>"$work/c$index.stop.log" 2>&1 || true
        else
            build=FAILED
        fi
    else
        build="generate FAILED"
    fi
    [[ "$build" == ok && "$tests" != FAILED* && "$suite" != FAILED* ]] || failed=1
    rows+=("$(printf '| %-88s | %-6s | %-16s | %-44s | %6ss |' "$label" "$build" "$tests" "$suite" "$(( $(date +%s) - start ))")")
    # Each row as soon as it is known: a whole run takes long on two cores.
    echo "${rows[-1]}"
done

echo
printf '| %-88s | %-6s | %-16s | %-44s | %7s |\n' "combination" "build" "unit/arch tests" "whole suite" "wall"
printf '|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..90})" "--------" "------------------" "$(printf -- '-%.0s' {1..46})" "---------"
printf '%s\n' "${rows[@]}"
echo "logs: $work"
((keep)) || rm -rf "$work"/c*/Acme.Orders "$hive"
exit "$failed"
