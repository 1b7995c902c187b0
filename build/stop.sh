#!/usr/bin/env bash
# Stops the local PostgreSQL and Redis started by build/provision.sh.
# Idempotent: does nothing (successfully) when they are not running.
#
#   build/stop.sh [--quiet] [--purge]
#   --purge  also delete their data (.local/postgres and its target, .local/redis)
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/$(basename "${BASH_SOURCE[0]}")"
# shellcheck source=build/lib.sh
source "$(dirname "$SELF")/lib.sh"

parse_args "build/stop.sh [--quiet] [--purge]" "$@"
require_root "$SELF" "$@"
[[ -d "$LOCAL_DIR" ]] || { info "nothing to stop ($LOCAL_DIR does not exist)"; exit 0; }
take_lock

instance="$(pg_instance_dir)"
stop_pg "$instance"
stop_redis

if ((PURGE)); then
    info "deleting $instance and $REDIS_DIR ..."
    # Leftovers of a killed postmaster would keep files open; let them exit first.
    [[ -d "$instance/data" ]] && { wait_dir_unused "$instance/data" 15 || die "processes still run in $instance/data"; }
    if [[ -L "$PG_LINK" ]]; then
        target="$(readlink "$PG_LINK")"
        # Only ever delete our own fallback dir, never an arbitrary link target.
        if [[ "$target" == "$PG_FALLBACK_INSTANCE" ]]; then
            rm -rf "${FALLBACK_ROOT:?}/${REPO_HASH:?}"
            rmdir "$FALLBACK_ROOT" 2>/dev/null || true   # when it was the last one
        fi
        rm -f "$PG_LINK"
    else
        rm -rf "$PG_LINK"
    fi
    rm -rf "$REDIS_DIR"
fi
