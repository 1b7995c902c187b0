#!/usr/bin/env bash
# A solution generated with features left out (docs/guides/solution-template.md) ships without OpenAPI documents and
# without the TypeScript client's schema: its operations are not the template's. build/test.sh and build/run.sh call
# this first; it produces them from the solution's own code, once, to be reviewed and committed like any contract
# change. Does nothing when docs/api already holds both documents.
# Usage: build/ensure-openapi.sh [dotnet test arguments for the functional tests, e.g. -c Release --no-build]
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$repo"

[[ -f docs/api/openapi-v1.json && -f docs/api/openapi-v2.json ]] && exit 0

echo "docs/api holds no OpenAPI documents (a solution generated with features left out): generating them from the code."
bash build/update-openapi.sh "$@"
[[ -f docs/api/openapi-v1.json && -f docs/api/openapi-v2.json ]] || { echo "build/update-openapi.sh wrote no documents." >&2; exit 1; }

# The client's schema follows the v2 document. Without Node.js (or the npm registry) TypeScriptClientTests is ignored
# with its reason, so the schema can wait for a machine that has them.
if command -v npm > /dev/null 2>&1 && [[ -f clients/typescript/package.json ]]; then
    if (cd clients/typescript && npm ci --no-audit --no-fund --loglevel=error > /dev/null && npm run --silent generate); then
        generated="clients/typescript/src/schema.d.ts"
    else
        echo "npm could not generate clients/typescript/src/schema.d.ts; run npm ci && npm run generate there later." >&2
    fi
fi
echo "Generated docs/api/openapi-v1.json, docs/api/openapi-v2.json ${generated:+and $generated}: review and commit them."
