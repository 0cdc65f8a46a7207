#!/usr/bin/env bash
# FerretDB v1 (a MongoDB-compatible server over SQLite) for running Haven's MongoDB engine and
# its tests on a machine without MongoDB.
#
#   scripts/ferretdb.sh build <out-dir>          builds <out-dir>/ferretdb (skipped if present)
#   scripts/ferretdb.sh start <data-dir> <port>  starts it on 127.0.0.1:<port>, waits until it
#                                                answers, prints the mongodb:// URI; the pid goes
#                                                to <data-dir>/ferretdb.pid
#   scripts/ferretdb.sh stop <data-dir>          stops the one started with that data dir
#
# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` does not work everywhere (some
# proxies refuse the module's version list), so `build` downloads the module by exact version and
# builds a writable copy of it: the module ships without build/version/version.txt, which the
# binary requires at start.
set -euo pipefail

VERSION=v1.24.2
MODULE=github.com/FerretDB/FerretDB

usage() {
  sed -n '5,10p' "$0" >&2
  exit 2
}

build() {
  local out="${1:?out-dir required}"
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"
  if [[ -x "$out/ferretdb" ]]; then
    echo "$out/ferretdb exists; skipping build" >&2
    return
  fi
  command -v go >/dev/null || { echo "go is required to build FerretDB" >&2; exit 1; }
  local work
  work="$(mktemp -d)"
  # shellcheck disable=SC2064 # expand $work now: it is local to this function
  trap "chmod -R u+w '$work'; rm -rf '$work'" EXIT
  (
    cd "$work"
    go mod init ferretdb-build >/dev/null 2>&1
    go mod download "$MODULE@$VERSION"
  )
  local source
  source="$(go env GOMODCACHE)/github.com/!ferret!d!b/!ferret!d!b@$VERSION"
  cp -r "$source" "$work/src"
  chmod -R u+w "$work/src"
  echo "$VERSION" >"$work/src/build/version/version.txt"
  (cd "$work/src" && go build -buildvcs=false -o "$out/ferretdb" ./cmd/ferretdb)
  chmod -R u+w "$work" && rm -rf "$work"
  trap - EXIT
  echo "built $out/ferretdb" >&2
}

start() {
  local data="${1:?data-dir required}" port="${2:?port required}"
  local binary
  binary="${FERRETDB_BIN:-}"
  if [[ -z "$binary" ]]; then
    binary="$(command -v ferretdb || true)"
  fi
  if [[ -z "$binary" ]]; then
    local cache="${XDG_CACHE_HOME:-$HOME/.cache}/haven-ferretdb-$VERSION"
    build "$cache" >&2
    binary="$cache/ferretdb"
  fi
  mkdir -p "$data/db" "$data/state"
  data="$(cd "$data" && pwd)"
  if [[ -f "$data/ferretdb.pid" ]] && kill -0 "$(cat "$data/ferretdb.pid")" 2>/dev/null; then
    echo "FerretDB is already running for $data (pid $(cat "$data/ferretdb.pid"))" >&2
    exit 1
  fi
  nohup "$binary" \
    --handler=sqlite \
    --sqlite-url="file:$data/db/" \
    --listen-addr="127.0.0.1:$port" \
    --state-dir="$data/state" \
    --telemetry=disable \
    --debug-addr=- \
    --log-level=warn \
    >"$data/ferretdb.log" 2>&1 &
  echo $! >"$data/ferretdb.pid"
  local uri="mongodb://127.0.0.1:$port/"
  for _ in $(seq 1 100); do
    if ! kill -0 "$(cat "$data/ferretdb.pid")" 2>/dev/null; then
      echo "FerretDB exited; see $data/ferretdb.log" >&2
      tail -n 20 "$data/ferretdb.log" >&2
      exit 1
    fi
    if ping "$uri" 2>/dev/null; then
      echo "$uri"
      return
    fi
    sleep 0.1
  done
  echo "FerretDB did not answer on port $port; see $data/ferretdb.log" >&2
  exit 1
}

# Asks the server for {ping: 1} with the mongodb driver from the repository's node_modules.
ping() {
  local root
  root="$(cd "$(dirname "$0")/.." && pwd)"
  NODE_PATH="$root/node_modules" node -e '
    const { MongoClient } = require("mongodb");
    const client = new MongoClient(process.argv[1], { serverSelectionTimeoutMS: 500 });
    client.db("admin").command({ ping: 1 })
      .then(() => client.close().then(() => process.exit(0)))
      .catch(() => process.exit(1));
  ' "$1"
}

stop() {
  local data="${1:?data-dir required}"
  local pid
  pid="$(cat "$data/ferretdb.pid" 2>/dev/null)" || { echo "no $data/ferretdb.pid" >&2; exit 1; }
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  rm -f "$data/ferretdb.pid"
}

case "${1:-}" in
  build) shift; build "$@" ;;
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  *) usage ;;
esac
