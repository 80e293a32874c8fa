#!/usr/bin/env bash
# Castle's benchmark: builds castle.jar, starts Castle (embedded broker) and a bare Javalin handler returning a
# constant, loads both with wrk on loopback, and prints the median requests/second of each scenario side by side.
#   bench/run.sh [runs-per-scenario (3)] [seconds-per-run (10)]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SECS=${2:-10}
WARMUP=${WARMUP:-15} # seconds of unmeasured load per scenario: the JIT needs about that on 2 cores
JAR=server/target/castle.jar
CASTLE_PORT=${CASTLE_PORT:-18081}
BARE_PORT=${BARE_PORT:-18089}
OUT=bench/out
mkdir -p "$OUT"

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -q -B -DskipTests package

DATA=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT

SCHEMA_REGISTRY_LISTENERS="http://127.0.0.1:$CASTLE_PORT" SCHEMA_REGISTRY_CASTLE_REST_ENABLED=false SCHEMA_REGISTRY_CASTLE_DATA_DIR="$DATA" \
  java -Xmx1g -jar "$JAR" >"$OUT/castle.log" 2>&1 &
pids+=($!)
java -Xmx512m -cp "$JAR" bench/BareJavalin.java "$BARE_PORT" >"$OUT/bare.log" 2>&1 &
pids+=($!)

wait_for() { for _ in $(seq 1 120); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }
wait_for "http://127.0.0.1:$CASTLE_PORT/"
wait_for "http://127.0.0.1:$BARE_PORT/constant"

CT='Content-Type: application/vnd.schemaregistry.v1+json'
BODY='{"schema":"{\"type\":\"record\",\"name\":\"Known\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}"}'
ID=$(curl -sf -X POST -H "$CT" --data "$BODY" "http://127.0.0.1:$CASTLE_PORT/subjects/bench-known/versions" | sed -E 's/.*"id":([0-9]+).*/\1/')
echo "registered bench-known as id $ID"

# median requests/second of RUNS wrk runs: scenario threads connections url [script]
median_rps() {
  local threads=$1 conns=$2 url=$3 script=${4:-} values=()
  local args=(-t"$threads" -c"$conns")
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" -d"${WARMUP}s" "$url" >/dev/null # let the JIT compile this path first
  for _ in $(seq 1 "$RUNS"); do
    values+=("$(wrk "${args[@]}" -d"${SECS}s" "$url" | awk '/Requests\/sec/ {print $2}')")
  done
  printf '%s\n' "${values[@]}" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}

BASE="http://127.0.0.1:$CASTLE_PORT"
bare=$(median_rps 2 16 "http://127.0.0.1:$BARE_PORT/constant")
by_id=$(median_rps 2 16 "$BASE/schemas/ids/$ID")
latest=$(median_rps 2 16 "$BASE/subjects/bench-known/versions/latest")
known=$(median_rps 2 16 "$BASE/subjects/bench-known/versions" bench/register-known.lua)
new1=$(median_rps 1 1 "$BASE/" bench/register-new.lua)
new16=$(median_rps 2 16 "$BASE/" bench/register-new.lua)

ratio() { awk -v a="$1" -v b="$bare" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }'; }
printf '\n%-44s %14s %10s\n' "scenario (median of $RUNS x ${SECS}s)" "requests/s" "vs bare"
printf '%-44s %14s %10s\n' "bare Javalin constant (16 conns)" "$bare" "100%"
printf '%-44s %14s %10s\n' "GET /schemas/ids/{id} (16 conns)" "$by_id" "$(ratio "$by_id")"
printf '%-44s %14s %10s\n' "GET /subjects/{s}/versions/latest (16 conns)" "$latest" "$(ratio "$latest")"
printf '%-44s %14s %10s\n' "re-register known schema (16 conns)" "$known" "$(ratio "$known")"
printf '%-44s %14s %10s\n' "register new schemas (1 conn)" "$new1" "$(ratio "$new1")"
printf '%-44s %14s %10s\n' "register new schemas (16 conns)" "$new16" "$(ratio "$new16")"
