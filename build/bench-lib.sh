#!/usr/bin/env bash
# Helpers shared by the benchmark scripts (build/load.sh and the other load scripts). Source it after setting pg_port.
say() { printf '== %s\n' "$*" >&2; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pg_url() { echo "Host=127.0.0.1;Port=$pg_port;Database=$1;Username=quoinapi;Password=quoinapi"; }
psql_on() { local db="$1"; shift; PGPASSWORD=quoinapi PGOPTIONS=--client-min-messages=warning psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$pg_port" -U quoinapi -d "$db" "$@"; }
secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48; }
