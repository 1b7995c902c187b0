#!/usr/bin/env bash
# Starts the local PostgreSQL (the distribution's version: 15 on Debian 12) and Redis used for development and tests.
# Idempotent: when both are already up it only checks them (well under 2 s).
#
#   build/provision.sh [--quiet]
#   env: QUOIN_PG_PORT (default 55432), QUOIN_REDIS_PORT (default 56379), QUOIN_PG_MAJOR (default: detected)
#
# Stop with build/stop.sh (add --purge to also delete the data).
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)/$(basename "${BASH_SOURCE[0]}")"
# shellcheck source=build/lib.sh
source "$(dirname "$SELF")/lib.sh"

parse_args "build/provision.sh [--quiet]" "$@"
require_root "$SELF" "$@"
take_lock
export DEBIAN_FRONTEND=noninteractive

# --- packages ---------------------------------------------------------------

ensure_packages() {
    local pkgs=() apt_log="$LOCAL_DIR/apt.log"
    # A known major (asked for, or this checkout's cluster) is installed as such; otherwise the distribution's default.
    [[ -x "$PG_BIN/initdb" && -x "$PG_BIN/pg_ctl" && -x "$PG_BIN/psql" && -x "$PG_BIN/pg_isready" ]] \
        || pkgs+=("postgresql${PG_MAJOR:+-$PG_MAJOR}")
    command -v redis-server >/dev/null && command -v redis-cli >/dev/null || pkgs+=(redis-server)
    ((${#pkgs[@]})) || return 0

    info "installing ${pkgs[*]} (apt output: $apt_log) ..."
    # Keep the packages' own services (Debian's 5432 cluster, redis on 6379)
    # from being started by the maintainer scripts; we run our own instances.
    local own_policy=0
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        own_policy=1
        trap 'rm -f /usr/sbin/policy-rc.d' EXIT
    fi

    local apt_install=(apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 "${pkgs[@]}")
    : >"$apt_log"
    # Only refresh the package lists when the install fails without it
    # (fresh images ship without lists; refreshing costs time and network).
    # (9>&-: nothing apt starts may inherit our lock.)
    if ! "${apt_install[@]}" >>"$apt_log" 2>&1 9>&-; then
        if ! { apt-get update -q -o DPkg::Lock::Timeout=300 && "${apt_install[@]}"; } >>"$apt_log" 2>&1 9>&-; then
            show_log_tail "$apt_log"
            die "could not install ${pkgs[*]}"
        fi
    fi

    if ((own_policy)); then
        rm -f /usr/sbin/policy-rc.d
        trap - EXIT
    fi
    detect_pg_major
    [[ -x "$PG_BIN/pg_ctl" ]] || die "PostgreSQL ${PG_MAJOR:-server} binaries still missing in $PG_BIN after installing"
    command -v redis-server >/dev/null || die "redis-server still missing after installing"
}

# --- postgres ---------------------------------------------------------------

# Creates <dir> owned by postgres, mode 700; fails when postgres can't write to
# it afterwards (e.g. a filesystem that ignores chown).
make_pg_dir() {
    mkdir -p "$1"
    chown postgres:postgres "$1" 2>/dev/null || return 1
    chmod 700 "$1"
    as_pg test -w "$1"
}

# Decides where the instance lives and sets PG_INSTANCE / PG_DATA / PG_LOG / PG_PASSFILE.
# Normally that's <repo>/.local/postgres. But the server runs as `postgres`,
# which can't reach checkouts under e.g. a 700 `mktemp -d` dir or /root; those
# get their instance in /var/lib/quoinapi/<hash of repo path>/postgres, and
# .local/postgres becomes a symlink to it.
resolve_pg_instance() {
    # postgres must be able to traverse .local (umask 077 would make it 700).
    chmod 755 "$LOCAL_DIR"

    local fallback=0
    if [[ -L "$PG_LINK" && "$(readlink "$PG_LINK")" == "$PG_FALLBACK_INSTANCE" ]]; then
        fallback=1   # chosen by an earlier run; keep using it so the data stays
    else
        if [[ -L "$PG_LINK" ]]; then
            # e.g. .local copied along with the checkout: don't share another repo's cluster
            warn "$PG_LINK points to $(readlink "$PG_LINK"), which belongs to another checkout; replacing it"
            rm -f "$PG_LINK"
        fi
        if ! as_pg test -x "$LOCAL_DIR" || ! make_pg_dir "$PG_LINK"; then
            fallback=1
            if [[ -d "$PG_LINK" ]]; then
                rmdir "$PG_LINK" 2>/dev/null \
                    || die "the postgres user cannot access $PG_LINK, which already holds data; fix the permissions of $REPO_ROOT's parent directories or remove $PG_LINK"
            fi
            ln -s "$PG_FALLBACK_INSTANCE" "$PG_LINK"
        fi
    fi

    if ((fallback)); then
        mkdir -p "$FALLBACK_ROOT/$REPO_HASH"
        chmod 755 "$FALLBACK_ROOT" "$FALLBACK_ROOT/$REPO_HASH"
        printf '%s\n' "$REPO_ROOT" >"$FALLBACK_ROOT/$REPO_HASH/repo-path"   # which checkout this belongs to
        make_pg_dir "$PG_FALLBACK_INSTANCE" || die "cannot create $PG_FALLBACK_INSTANCE for the postgres user"
        info "note: the postgres user cannot access $REPO_ROOT, so the cluster lives in $PG_FALLBACK_INSTANCE (.local/postgres links to it)"
        PG_INSTANCE="$PG_FALLBACK_INSTANCE"
    else
        PG_INSTANCE="$PG_LINK"
    fi
    PG_DATA="$PG_INSTANCE/data"
    PG_LOG="$PG_INSTANCE/postgres.log"
    PG_PASSFILE="$PG_INSTANCE/superuser.pgpass"
}

init_pg_cluster() {
    if [[ ! -f "$PG_DATA/PG_VERSION" ]]; then
        info "initialising PostgreSQL $PG_MAJOR cluster in $PG_DATA ..."
        # The `postgres` superuser gets a random password, used by this script
        # over TCP (there is no unix socket, see below). Stored root-only.
        local pw pwfile="$PG_INSTANCE/.initdb-pw"
        pw="$(head -c 24 /dev/urandom | base64 | tr -d '/+=\n')"
        install -m 600 -o postgres -g postgres /dev/null "$pwfile"
        printf '%s\n' "$pw" >"$pwfile"
        # --no-sync: throwaway cluster, don't wait for the disk.
        if ! as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
                --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync \
                >"$PG_INSTANCE/initdb.log" 2>&1; then
            rm -f "$pwfile"
            show_log_tail "$PG_INSTANCE/initdb.log"
            die "initdb failed"
        fi
        rm -f "$pwfile"
        install -m 600 /dev/null "$PG_PASSFILE"
        printf '*:*:*:postgres:%s\n' "$pw" >"$PG_PASSFILE"
        printf "\ninclude 'quoinapi.conf'\n" >>"$PG_DATA/postgresql.conf"
    fi
    local version
    version="$(cat "$PG_DATA/PG_VERSION")"
    [[ "$version" == "$PG_MAJOR" ]] \
        || die "$PG_DATA is a PostgreSQL $version cluster, expected $PG_MAJOR; remove it with build/stop.sh --purge"
    [[ -f "$PG_PASSFILE" ]] \
        || die "$PG_PASSFILE (superuser password) is missing; recreate the cluster with build/stop.sh --purge && build/provision.sh"
}

# Writes <file> (owned by postgres, mode 600) when its content differs; true if it changed.
write_if_changed() {
    local file="$1" content="$2"
    [[ -f "$file" && "$(cat "$file")" == "$content" ]] && return 1
    printf '%s\n' "$content" >"$file"
    chown postgres:postgres "$file"
    chmod 600 "$file"
    return 0
}

# Our settings live in an include file that is rewritten on every run, so
# changes to this script (or QUOIN_PG_PORT) reach existing clusters too.
# Sets PG_CONFIG_CHANGED.
write_pg_config() {
    PG_CONFIG_CHANGED=0
    write_if_changed "$PG_DATA/quoinapi.conf" "\
# Managed by build/provision.sh; edits are overwritten.
listen_addresses = '127.0.0.1'
port = $PG_PORT
# TCP only: no socket, so no 107-byte socket path limit for deep checkouts.
unix_socket_directories = ''
# Test runs open many pooled connections in parallel.
max_connections = 200
shared_buffers = 128MB
# Throwaway dev/test cluster: give up crash safety for speed. After a power
# loss the data may be corrupt; recreate with build/stop.sh --purge.
fsync = off
synchronous_commit = off
full_page_writes = off
# Same results on every machine, whatever its local timezone.
timezone = 'UTC'
log_timezone = 'UTC'
log_line_prefix = '%m [%p] %q%u@%d '" && PG_CONFIG_CHANGED=1

    write_if_changed "$PG_DATA/pg_hba.conf" "\
# Managed by build/provision.sh; edits are overwritten.
# TYPE  DATABASE  USER  ADDRESS       METHOD
host    all       all   127.0.0.1/32  scram-sha-256
host    all       all   ::1/128       scram-sha-256" && PG_CONFIG_CHANGED=1
    return 0
}

pg_ctl() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 -s "$@"; }

start_pg() {
    if pg_running "$PG_INSTANCE"; then
        if ((PG_CONFIG_CHANGED)); then
            info "restarting PostgreSQL (configuration changed) ..."
            pg_ctl restart -m fast >/dev/null || { show_log_tail "$PG_LOG"; die "PostgreSQL failed to restart"; }
        fi
    else
        if [[ -f "$PG_DATA/postmaster.pid" ]]; then
            # Left by a crash, kill -9 or machine restart. Its pid may have been
            # reused by now, which would make postgres refuse to start.
            info "removing stale $PG_DATA/postmaster.pid"
            rm -f "$PG_DATA/postmaster.pid"
        fi
        # Backends of a killed postmaster still hold its shared memory for a
        # moment; a new postmaster refuses to start until they are gone.
        wait_dir_unused "$PG_DATA" 15 \
            || die "leftover processes of the previous PostgreSQL still run in $PG_DATA: $(pids_in_dir "$PG_DATA" | tr '\n' ' ')"
        port_in_use "$PG_PORT" \
            && die "port $PG_PORT is already used by another process; set QUOIN_PG_PORT to pick another one"
        info "starting PostgreSQL $PG_MAJOR on 127.0.0.1:$PG_PORT ..."
        pg_ctl start >/dev/null || { show_log_tail "$PG_LOG"; die "PostgreSQL failed to start"; }
    fi

    local i
    for ((i = 0; i < 150; i++)); do
        "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && return 0
        sleep 0.2
    done
    show_log_tail "$PG_LOG"
    die "PostgreSQL on 127.0.0.1:$PG_PORT not ready after 30 s"
}

# Creates/repairs the application role and database. Cheap and idempotent.
bootstrap_pg() {
    local out
    if ! out="$(PGPASSFILE="$PG_PASSFILE" PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
            -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
            -v user="$APP_USER" -v password="$APP_PASSWORD" -v db="$APP_DB" 2>&1 <<'SQL'
SELECT format('CREATE ROLE %I', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'user') \gexec
ALTER ROLE :"user" WITH LOGIN CREATEDB PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"user";
SQL
    )"; then
        printf '%s\n' "$out" >&2
        die "could not create role/database '$APP_USER' in PostgreSQL"
    fi
    # Check what we promise: the app's own credentials work.
    PGPASSWORD="$APP_PASSWORD" PGCONNECT_TIMEOUT=10 "$PG_BIN/psql" -X -q -At \
        -h 127.0.0.1 -p "$PG_PORT" -U "$APP_USER" -d "$APP_DB" -c 'SELECT 1' >/dev/null \
        || die "cannot connect to PostgreSQL as $APP_USER"
}

# --- redis ------------------------------------------------------------------

redis_quote() { local s="${1//\\/\\\\}"; printf '"%s"' "${s//\"/\\\"}"; }

start_redis() {
    mkdir -p "$REDIS_DIR"
    chmod 700 "$REDIS_DIR"
    local conf
    conf="\
# Managed by build/provision.sh; edits are overwritten.
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
daemonize yes
pidfile $(redis_quote "$REDIS_PIDFILE")
logfile $(redis_quote "$REDIS_LOG")
dir $(redis_quote "$REDIS_DIR")
# Cache for dev/tests: no RDB snapshots, no AOF.
save \"\"
appendonly no"
    if [[ ! -f "$REDIS_CONF" || "$(cat "$REDIS_CONF")" != "$conf" ]]; then
        if redis_running; then
            info "restarting Redis (configuration changed) ..."
            stop_redis
        fi
        printf '%s\n' "$conf" >"$REDIS_CONF"
    fi
    if ! redis_running; then
        rm -f "$REDIS_PIDFILE"
        port_in_use "$REDIS_PORT" \
            && die "port $REDIS_PORT is already used by another process; set QUOIN_REDIS_PORT to pick another one"
        info "starting Redis on 127.0.0.1:$REDIS_PORT ..."
        (cd "$REDIS_DIR" && redis-server "$REDIS_CONF") >/dev/null 9>&- \
            || { show_log_tail "$REDIS_LOG"; die "Redis failed to start"; }
    fi

    local i
    for ((i = 0; i < 75; i++)); do
        [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == PONG ]] && return 0
        sleep 0.2
    done
    show_log_tail "$REDIS_LOG"
    die "Redis on 127.0.0.1:$REDIS_PORT did not answer PING within 15 s"
}

# --- main -------------------------------------------------------------------

ensure_packages
resolve_pg_instance
init_pg_cluster
write_pg_config
start_pg
bootstrap_pg
start_redis

info "PostgreSQL $PG_MAJOR on 127.0.0.1:$PG_PORT (log: $PG_LOG), Redis on 127.0.0.1:$REDIS_PORT (log: $REDIS_LOG)"
info "ConnectionStrings__Postgres=Host=127.0.0.1;Port=$PG_PORT;Database=$APP_DB;Username=$APP_USER;Password=$APP_PASSWORD"
info "ConnectionStrings__Redis=127.0.0.1:$REDIS_PORT"
