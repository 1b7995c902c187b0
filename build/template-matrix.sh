#!/usr/bin/env bash
# Generates the solution template (dotnet new quoinapi) once per option combination into a temporary folder, builds
# each, runs their architecture and unit tests, and prints a table: combination, build, tests, wall time.
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
)

work="$(mktemp -d /tmp/quoinapi-matrix.XXXXXX)"
hive="$work/hive"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet new install "$repo" --debug:custom-hive "$hive" >"$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }

rows=()
failed=0
index=0
for combination in "${COMBINATIONS[@]}"; do
    index=$((index + 1))
    out="$work/c$index/Acme.Orders"
    label="${combination:-(defaults)}"
    start=$(date +%s)
    build="-" tests="-"
    # shellcheck disable=SC2086  # a combination is a list of arguments
    if dotnet new quoinapi -n Acme.Orders -o "$out" --debug:custom-hive "$hive" $combination >"$work/c$index.generate.log" 2>&1; then
        if (cd "$out" && dotnet build Acme.Orders.sln -c Release --disable-build-servers -nologo -clp:ErrorsOnly) >"$work/c$index.build.log" 2>&1; then
            build=ok
            tests=ok
            for project in tests/Architecture.Tests tests/Domain.UnitTests tests/Application.UnitTests; do
                [[ -d "$out/$project" ]] || continue
                if ! (cd "$out" && dotnet test "$project" -c Release --no-build --nologo --filter "FullyQualifiedName!~.Templates.") >>"$work/c$index.test.log" 2>&1; then
                    tests=FAILED
                fi
            done
        else
            build=FAILED
        fi
    else
        build="generate FAILED"
    fi
    [[ "$build" == ok && "$tests" == ok ]] || failed=1
    rows+=("$(printf '| %-40s | %-6s | %-6s | %6ss |' "$label" "$build" "$tests" "$(( $(date +%s) - start ))")")
done

printf '| %-40s | %-6s | %-6s | %7s |\n' "combination" "build" "tests" "wall"
printf '|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "--------" "--------" "---------"
printf '%s\n' "${rows[@]}"
echo "logs: $work"
((keep)) || rm -rf "$work"/c*/Acme.Orders "$hive"
exit "$failed"
