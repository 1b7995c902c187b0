# shellcheck shell=bash disable=SC2034  # variables are used by the scripts sourcing this
# Shared helpers for build/provision.sh and build/stop.sh. Source it, don't run it.
#
# Layout (everything under the git-ignored <repo>/.local/):
#   .local/postgres/          instance dir, owned by postgres (or a symlink, see resolve_pg_instance)
#     data/                   PGDATA
#     postgres.log            server log
#     superuser.pgpass        random password of the `postgres` superuser (root-only)
#   .local/redis/             redis.conf, redis.pid, redis.log (and the working dir)
#   .local/apt.log            output of the last package installation

# --- configuration ----------------------------------------------------------

PG_PORT="${QUOIN_PG_PORT:-55432}"
REDIS_PORT="${QUOIN_REDIS_PORT:-56379}"
APP_DB=quoinapi
APP_USER=quoinapi
APP_PASSWORD=quoinapi
# Clusters of repos that live where the postgres user can't reach go here.
FALLBACK_ROOT=/var/lib/quoinapi

# Physical path (pwd -P) so that the same checkout always hashes to the same value.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
LOCAL_DIR="$REPO_ROOT/.local"
PG_LINK="$LOCAL_DIR/postgres"       # real dir, or symlink into $FALLBACK_ROOT

# The PostgreSQL major version: QUOIN_PG_MAJOR when set; else the version of the cluster this checkout already has;
# else the newest server installed (15 on Debian 12, 16 on Ubuntu 24.04); else none yet, and provision.sh installs the
# distribution's default `postgresql` and detects again.
detect_pg_major() {
    if [[ -n "${QUOIN_PG_MAJOR:-}" ]]; then
        PG_MAJOR="$QUOIN_PG_MAJOR"
    elif [[ -r "$PG_LINK/data/PG_VERSION" ]]; then
        PG_MAJOR="$(cat "$PG_LINK/data/PG_VERSION")"
    else
        PG_MAJOR=""
        local dir
        for dir in /usr/lib/postgresql/*/bin/initdb; do
            [[ -x "$dir" ]] || continue
            dir="${dir#/usr/lib/postgresql/}"
            dir="${dir%%/*}"
            if [[ "$dir" =~ ^[0-9]+$ ]] && { [[ -z "$PG_MAJOR" ]] || ((dir > PG_MAJOR)); }; then
                PG_MAJOR="$dir"
            fi
        done
    fi
    PG_BIN="/usr/lib/postgresql/${PG_MAJOR:-none}/bin"
}
detect_pg_major
REDIS_DIR="$LOCAL_DIR/redis"
REDIS_CONF="$REDIS_DIR/redis.conf"
REDIS_PIDFILE="$REDIS_DIR/redis.pid"
REDIS_LOG="$REDIS_DIR/redis.log"
REPO_HASH="$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)"
PG_FALLBACK_INSTANCE="$FALLBACK_ROOT/$REPO_HASH/postgres"

for _port in "$PG_PORT" "$REDIS_PORT"; do
    if ! [[ "$_port" =~ ^[0-9]+$ ]] || ((_port < 1 || _port > 65535)); then
        echo "error: invalid port '$_port' (check QUOIN_PG_PORT / QUOIN_REDIS_PORT)" >&2
        exit 2
    fi
done
unset _port

# --- logging ----------------------------------------------------------------

QUIET=0
info() { ((QUIET)) || printf '%s\n' "$*"; }
warn() { ((QUIET)) || printf 'warning: %s\n' "$*" >&2; }
die()  { printf 'error: %s\n' "$*" >&2; exit 1; }

# Shows the end of a log file on stderr (used when a server fails to come up).
show_log_tail() {
    local file="$1"
    if [[ -f "$file" ]]; then
        printf -- '--- last lines of %s ---\n' "$file" >&2
        tail -n 25 "$file" >&2 || true
        printf -- '---\n' >&2
    fi
}

# Parses the options shared by all scripts; unknown options are an error.
# Sets QUIET and, for stop.sh, PURGE.
PURGE=0
parse_args() {
    local usage="$1"; shift
    while (($#)); do
        case "$1" in
            -q|--quiet) QUIET=1 ;;
            --purge)    [[ "$usage" == *--purge* ]] || die "unknown option: $1 (usage: $usage)"; PURGE=1 ;;
            -h|--help)  echo "usage: $usage"; exit 0 ;;
            *)          die "unknown option: $1 (usage: $usage)" ;;
        esac
        shift
    done
}

# --- privileges -------------------------------------------------------------

# We need root to install packages and to act as the postgres user. Re-exec
# through sudo when possible so developers can just run the script.
require_root() {
    local script="$1"; shift
    ((EUID == 0)) && return 0
    if command -v sudo >/dev/null 2>&1; then
        exec sudo --preserve-env=QUOIN_PG_PORT,QUOIN_REDIS_PORT -- bash "$script" "$@"
    fi
    die "$(basename "$script") needs root (PostgreSQL runs as the 'postgres' user, and provisioning may install packages), but you are $(id -un) and sudo is not available. Re-run it as root."
}

# Runs a command as the postgres user. `cd /` first: the caller's cwd may be a
# directory postgres can't enter, which makes initdb/pg_ctl complain.
# 9>&-: don't hand the lock fd (see take_lock) to the server.
as_pg() { (cd / && runuser -u postgres -- "$@") 9>&-; }

# Serialises concurrent provision/stop runs (e.g. parallel test jobs).
# Servers started while holding it must get `9>&-`, or the daemon would
# inherit fd 9 and keep the lock forever.
take_lock() {
    mkdir -p "$LOCAL_DIR"
    exec 9>"$LOCAL_DIR/.lock"
    flock -w 300 9 || die "timed out waiting for another provision/stop run (lock $LOCAL_DIR/.lock)"
}

# --- process helpers --------------------------------------------------------

# True when the pid in <pidfile> is alive AND runs in <dir>. Both postgres and
# redis chdir to their data dir, so the cwd check rules out a stale pid file
# whose pid was reused by an unrelated process after a reboot.
pid_running_in() {
    local pidfile="$1" dir="$2" pid cwd
    [[ -f "$pidfile" ]] || return 1
    pid="$(head -n 1 "$pidfile" 2>/dev/null | tr -dc '0-9')"
    [[ -n "$pid" ]] || return 1
    cwd="$(readlink "/proc/$pid/cwd" 2>/dev/null)" || return 1
    [[ "$cwd" == "$(readlink -f "$dir")" ]]
}

pidfile_pid() { head -n 1 "$1" 2>/dev/null | tr -dc '0-9'; }

# Pids of all processes whose cwd is <dir>. Postgres backends and auxiliary
# processes all run in PGDATA, so this finds the leftovers of a killed postmaster.
pids_in_dir() {
    local dir p
    dir="$(readlink -f "$1")"
    for p in /proc/[0-9]*; do
        [[ "$(readlink "$p/cwd" 2>/dev/null)" == "$dir" ]] && printf '%s\n' "${p#/proc/}"
    done
    return 0
}

# Waits up to <seconds> until no process runs in <dir>; false on timeout.
wait_dir_unused() {
    local dir="$1" seconds="$2" i
    for ((i = 0; i < seconds * 5; i++)); do
        [[ -z "$(pids_in_dir "$dir")" ]] && return 0
        sleep 0.2
    done
    return 1
}

# True when something accepts TCP connections on 127.0.0.1:<port>.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- postgres layout --------------------------------------------------------

# The instance dir currently in use: the target of the .local/postgres symlink
# if there is one, else .local/postgres itself. (provision.sh decides where it
# should be; stop.sh just follows what exists.)
pg_instance_dir() {
    if [[ -L "$PG_LINK" ]]; then readlink "$PG_LINK"; else printf '%s\n' "$PG_LINK"; fi
}

pg_running() {
    local data="$1/data"
    pid_running_in "$data/postmaster.pid" "$data"
}

redis_running() { pid_running_in "$REDIS_PIDFILE" "$REDIS_DIR"; }

# --- stopping (shared by stop.sh and provision.sh's restarts) ---------------

stop_pg() {
    local instance="$1"
    if ! pg_running "$instance"; then
        info "PostgreSQL: not running"
        return 0
    fi
    info "stopping PostgreSQL ..."
    as_pg "$PG_BIN/pg_ctl" -D "$instance/data" -m fast -w -t 60 -s stop \
        || die "could not stop PostgreSQL (log: $instance/postgres.log)"
}

stop_redis() {
    if ! redis_running; then
        info "Redis: not running"
        return 0
    fi
    local pid title port i
    pid="$(pidfile_pid "$REDIS_PIDFILE")"
    # Redis' process title is "redis-server 127.0.0.1:<port>": the port it really
    # listens on, even if QUOIN_REDIS_PORT or redis.conf changed since.
    title="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null || true)"
    port="$(sed -n 's/.*:\([0-9][0-9]*\).*/\1/p' <<<"$title")"
    info "stopping Redis ..."
    if [[ -z "$port" ]] || ! redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1; then
        kill -TERM "$pid" 2>/dev/null || true   # no save points configured, so nothing is written
    fi
    for ((i = 0; i < 50; i++)); do
        [[ -d "/proc/$pid" ]] || { rm -f "$REDIS_PIDFILE"; return 0; }
        sleep 0.2
    done
    die "Redis (pid $pid) did not stop within 10 s"
}
