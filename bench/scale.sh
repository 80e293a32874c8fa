#!/usr/bin/env bash
# Castle at scale: for each N, writes N schemas straight into a fresh _schemas topic in Confluent's record format
# (bench/SchemaWriter.java) on a broker in a process of its own (bench/KafkaBroker.java), starts a Castle on it, and
# prints side by side: the fold's time (Castle's "Folded" log line), live heap after a full GC (jcmd GC.run, then
# GC.heap_info) and bytes per schema, Castle's RSS, the time and size of GET /subjects, and the median requests/second
# of GET /schemas/ids/{id} and GET /subjects/{s}/versions/latest on one schema (wrk, 2 threads, 16 connections).
# Every size's Castle keeps running until the end, and the reads are measured in rounds that take each size in turn, so
# the sizes are compared on the same machine minute (on a shared 2-core box throughput drifts by 10% between
# minutes); "vs first" is the median of the per-round ratios to the first size.
#   bench/scale.sh [N ... (1000 100000 1000000)]
# Environment: RUNS (3), SECS (10), WARMUP (10), CASTLE_HEAP_OPTS (-Xmx2g), BROKER_PORT (39092), REG_PORT (38081, then
# one port up per size).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 100000 1000000)
RUNS=${RUNS:-3}
SECS=${SECS:-10}
WARMUP=${WARMUP:-10}
CASTLE_HEAP_OPTS=${CASTLE_HEAP_OPTS:-"-Xmx2g"}
BROKER_PORT=${BROKER_PORT:-39092}
REG_PORT=${REG_PORT:-38081}
BOOTSTRAP="127.0.0.1:$BROKER_PORT"
JAR=server/target/castle.jar
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -q -B -DskipTests package

DATA=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
median() { sort -n | awk 'NF {v[++n] = $1} END {print (n ? v[int((n + 1) / 2)] : 0)}'; }
one_rps() { wrk -t2 -c16 -d"${SECS}s" "$1" | awk '/Requests\/sec/ {print $2}'; }

java -Xmx1g -cp "$JAR" bench/KafkaBroker.java "$DATA/broker" "$BROKER_PORT" >"$OUT/scale-broker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do grep -q READY "$OUT/scale-broker.log" && break; sleep 0.5; done

rows=()
regs=()
for i in "${!SIZES[@]}"; do
  n=${SIZES[$i]}
  reg="http://127.0.0.1:$((REG_PORT + i))"
  regs+=("$reg")
  topic="_schemas_scale_$n"
  java -cp "$JAR" bench/SchemaWriter.java "$BOOTSTRAP" "$topic" "$n" | tee -a "$OUT/scale-writer.log"
  log="$OUT/scale-castle-$n.log"
  env SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS="$BOOTSTRAP" SCHEMA_REGISTRY_KAFKASTORE_TOPIC="$topic" \
    SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR=1 SCHEMA_REGISTRY_HOST_NAME=127.0.0.1 \
    SCHEMA_REGISTRY_LISTENERS="$reg" SCHEMA_REGISTRY_CASTLE_REST_ENABLED=false \
    SCHEMA_REGISTRY_SCHEMA_REGISTRY_GROUP_ID="scale-$n" SCHEMA_REGISTRY_HEAP_OPTS="$CASTLE_HEAP_OPTS" \
    CASTLE_JAR="$JAR" bin/castle >"$log" 2>&1 &
  castle=$!
  pids+=("$castle")
  for _ in $(seq 1 1200); do curl -sf -o /dev/null "$reg/" && break; sleep 0.5; done
  fold=$(sed -n 's/.*Folded .* in \([0-9]*\) ms.*/\1/p' "$log" | tail -1)
  jcmd "$castle" GC.run >/dev/null
  sleep 1
  heap_kb=$(jcmd "$castle" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i + 1); exit}}' | tr -d 'K')
  rss_mb=$(ps -o rss= -p "$castle" | awk '{printf "%.0f", $1 / 1024}')
  subjects_s=$( { /usr/bin/time -f %e curl -s -o "$OUT/scale-subjects-$n.json" "$reg/subjects"; } 2>&1 | tail -1)
  subjects_bytes=$(stat -c %s "$OUT/scale-subjects-$n.json")
  rows+=("$(awk -v n="$n" -v f="${fold:-?}" -v h="$heap_kb" -v r="$rss_mb" -v s="$subjects_s" -v sb="$subjects_bytes" \
    'BEGIN {printf "%-9s %9s %10.0f %9.0f %8s %9s %10.1f", n, f, h / 1024, h * 1024 / n, r, s, sb / 1048576}')")
done

# The reads, in rounds: each round runs every size once, ids then latest. Lines of $OUT/scale-reads.txt: size path rps.
: >"$OUT/scale-reads.txt"
for i in "${!SIZES[@]}"; do
  mid=$(((SIZES[i] + 1) / 2))
  wrk -t2 -c16 -d"${WARMUP}s" "${regs[$i]}/schemas/ids/$mid" >/dev/null
  wrk -t2 -c16 -d"${WARMUP}s" "${regs[$i]}/subjects/s-$mid/versions/latest" >/dev/null
done
for round in $(seq 1 "$RUNS"); do
  for i in "${!SIZES[@]}"; do
    mid=$(((SIZES[i] + 1) / 2))
    echo "$round ${SIZES[$i]} ids $(one_rps "${regs[$i]}/schemas/ids/$mid")" >>"$OUT/scale-reads.txt"
    echo "$round ${SIZES[$i]} latest $(one_rps "${regs[$i]}/subjects/s-$mid/versions/latest")" >>"$OUT/scale-reads.txt"
  done
done
first=${SIZES[0]}
reads() { # size path -> "median-rps median-ratio-to-first"
  awk -v n="$1" -v p="$2" -v f="$first" '$3 == p && $2 == f {base[$1] = $4} $3 == p && $2 == n {v[$1] = $4}
    END {for (r in v) print v[r], (base[r] > 0 ? 100 * v[r] / base[r] : 0)}' "$OUT/scale-reads.txt" >"$OUT/scale-pair.tmp"
  echo "$(awk '{print $1}' "$OUT/scale-pair.tmp" | median) $(awk '{printf "%.0f\n", $2}' "$OUT/scale-pair.tmp" | median)"
}
for i in "${!SIZES[@]}"; do
  read -r ids ids_ratio <<<"$(reads "${SIZES[$i]}" ids)"
  read -r latest latest_ratio <<<"$(reads "${SIZES[$i]}" latest)"
  rows[$i]="${rows[$i]} $(printf '%12s %7s%% %12s %7s%%' "$ids" "$ids_ratio" "$latest" "$latest_ratio")"
done

printf '\nCastle with %s on %s schemas, each its own subject; reads: median of %s x %ss, 2 threads, 16 connections\n' \
  "$CASTLE_HEAP_OPTS" "${SIZES[*]}" "$RUNS" "$SECS"
printf '%-9s %9s %10s %9s %8s %9s %10s %12s %8s %12s %8s\n' "schemas" "fold ms" "heap MB" "B/schema" "RSS MB" \
  "/subjects" "MB" "ids/{id} r/s" "vs first" "latest r/s" "vs first"
printf '%s\n' "${rows[@]}"
