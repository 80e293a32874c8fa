#!/usr/bin/env bash
# Castle's benchmark: builds castle.jar, starts Castle (embedded broker) and a bare Javalin handler returning a
# constant, loads both with wrk on loopback in alternating runs, and prints for each scenario the median requests/second,
# the median ratio to the bare run paired with it, and the CPU time each server spent per request.
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

# Each measured run of a scenario is paired with a run of the bare handler just before it, so both see the same
# machine: on a shared 2-core box the throughput of one server drifts by 10% between minutes, more than the gap being
# measured. Per pair it records requests/s, the ratio to the bare run, and the server's CPU time per request (user +
# system ticks of the whole process from /proc, so Castle's broker and Kafka Streams threads count too).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK_US=$((1000000 / $(getconf CLK_TCK)))

# one_run pid threads conns url script -> "requests/s cpu-µs-per-request"
one_run() {
  local pid=$1 threads=$2 conns=$3 url=$4 script=$5 out before after
  local args=(-t"$threads" -c"$conns" -d"${SECS}s")
  [ -n "$script" ] && args+=(-s "$script")
  before=$(cpu_ticks "$pid")
  out=$(wrk "${args[@]}" "$url")
  after=$(cpu_ticks "$pid")
  echo "$out" | awk -v ticks=$((after - before)) -v us="$TICK_US" '
    /requests in/ {n = $1} /Requests\/sec/ {rps = $2}
    END {printf "%s %.1f\n", rps, (n > 0 ? ticks * us / n : 0)}'
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

# scenario label threads conns url [script]: warms the path, then RUNS pairs (bare, Castle); prints one table row
scenario() {
  local label=$1 threads=$2 conns=$3 url=$4 script=${5:-} pairs=() bare castle
  local args=(-t"$threads" -c"$conns" -d"${WARMUP}s")
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" "$url" >/dev/null # let the JIT compile this path first
  for _ in $(seq 1 "$RUNS"); do
    bare=$(one_run "$BARE_PID" 2 16 "$BARE_URL" "")
    castle=$(one_run "$CASTLE_PID" "$threads" "$conns" "$url" "$script")
    pairs+=("$bare $castle")
  done
  printf '%s\n' "${pairs[@]}" >>"$OUT/run-pairs.txt"
  local rps ratios lo med hi bare_us castle_us
  rps=$(printf '%s\n' "${pairs[@]}" | awk '{print $3}' | median)
  ratios=$(printf '%s\n' "${pairs[@]}" | awk '{printf "%.0f\n", ($1 > 0 ? 100 * $3 / $1 : 0)}' | sort -n)
  lo=$(echo "$ratios" | head -1) hi=$(echo "$ratios" | tail -1) med=$(echo "$ratios" | median)
  bare_us=$(printf '%s\n' "${pairs[@]}" | awk '{print $2}' | median)
  castle_us=$(printf '%s\n' "${pairs[@]}" | awk '{print $4}' | median)
  printf '%-44s %11s %8s%% %10s %9s %9s\n' "$label" "$rps" "$med" "$lo-$hi%" "$castle_us" "$bare_us" >>"$OUT/run-table.txt"
}

CASTLE_PID=${pids[0]}
BARE_PID=${pids[1]}
BARE_URL="http://127.0.0.1:$BARE_PORT/constant"
BASE="http://127.0.0.1:$CASTLE_PORT"
: >"$OUT/run-pairs.txt"
printf '%-44s %11s %9s %10s %9s %9s\n' "scenario (median of $RUNS pairs x ${SECS}s)" "requests/s" "vs bare" "range" "cpu µs/req" "bare µs" >"$OUT/run-table.txt"
wrk -t2 -c16 -d"${WARMUP}s" "$BARE_URL" >/dev/null
scenario "GET /schemas/ids/{id} (16 conns)" 2 16 "$BASE/schemas/ids/$ID"
scenario "GET /subjects/{s}/versions/latest (16 conns)" 2 16 "$BASE/subjects/bench-known/versions/latest"
scenario "re-register known schema (16 conns)" 2 16 "$BASE/subjects/bench-known/versions" bench/register-known.lua
scenario "register new schemas (1 conn)" 1 1 "$BASE/" bench/register-new.lua
scenario "register new schemas (16 conns)" 2 16 "$BASE/" bench/register-new.lua
echo
cat "$OUT/run-table.txt"
echo "(vs bare: median of the per-pair ratios, with their range; cpu µs/req: the whole server process's CPU time per"
echo " request, Castle's then the bare handler's, medians of the same runs)"
