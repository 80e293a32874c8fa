#!/usr/bin/env bash
# The REST Proxy's benchmark. Starts a Kafka broker in a process of its own (bench/KafkaBroker.java) and Castle
# against it, so that Castle's RSS and CPU are the registry's and the proxy's alone, then prints side by side:
#  1. produce, ONE ~100-byte record per request, at 4, 15 and 50 connections, for Avro (value_schema_id, and inline
#     value_schema), binary and JSON: median requests/s of the runs, median of the runs' p99 latency, and the CPU
#     time Castle and the broker spent per request;
#  2. the floor: a plain KafkaProducer (bench/ProducerFloor.java) sending and awaiting one 100-byte record per
#     "request" from as many threads, on one producer configured as the proxy's, against the same broker. Its runs are
#     interleaved with the proxy's (floor, then each format, at each concurrency, RUNS times) and "% of floor" is the
#     median of each run's ratio to the floor run just before it, so that a machine whose load moves skews both alike;
#  3. push-pull: 12 connections producing binary while 3 connections fetch (timeout=100&max_bytes=100) in turn from
#     1, 10 and 20 consumer instances, each in a group of its own reading from the earliest offset, on a freshly
#     started Castle, RUNS rounds of 1, 10, 20: median publish rate, Castle's max and median RSS (ps, every second).
#   bench/rest.sh [runs-per-scenario (3)] [seconds-per-run (10)]
# Environment: WARMUP (20 s of unmeasured load per format), PUSH_SECS (20 s per push-pull run), CONNS ("4 15 50"),
# CONSUMERS ("1 10 20"), FORMATS ("avro-id avro-inline binary json"), CASTLE_HEAP_OPTS ("-Xmx80m") and
# CASTLE_GC_OPTS ("-XX:+UseSerialGC"), given to bin/castle as SCHEMA_REGISTRY_HEAP_OPTS and
# SCHEMA_REGISTRY_JVM_PERFORMANCE_OPTS (the launcher's own defaults are Confluent's -Xmx512M -XX:+UseG1GC), BROKER
# ("external", or "embedded": Castle's in-process broker, whose memory and CPU Castle's figures then include).
# KAFKA_REST_PRODUCER_* and KAFKA_REST_CLIENT_* variables (e.g. KAFKA_REST_PRODUCER_LINGER_MS=0) reach both the proxy
# and the floor; KAFKA_REST_CONSUMER_* reach the proxy's consumers. PARTS ("produce push") picks the parts to run.
# Logs and raw results are in bench/out/rest-*.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
SECS=${2:-10}
WARMUP=${WARMUP:-20}
PUSH_SECS=${PUSH_SECS:-20}
CONNS=${CONNS:-"4 15 50"}
CONSUMERS=${CONSUMERS:-"1 10 20"}
FORMATS=${FORMATS:-"avro-id avro-inline binary json"}
CASTLE_HEAP_OPTS=${CASTLE_HEAP_OPTS:-"-Xmx80m"}
CASTLE_GC_OPTS=${CASTLE_GC_OPTS:-"-XX:+UseSerialGC"}
CASTLE_JAVA_OPTS="$CASTLE_HEAP_OPTS $CASTLE_GC_OPTS"
BROKER=${BROKER:-external}
PARTS=${PARTS:-"produce push"}
VALUE_BYTES=100
JAR=server/target/castle.jar
REG_PORT=${REG_PORT:-28081}
PROXY_PORT=${PROXY_PORT:-28082}
BROKER_PORT=${BROKER_PORT:-29092}
BOOTSTRAP="127.0.0.1:$BROKER_PORT"
REG="http://127.0.0.1:$REG_PORT"
PROXY="http://127.0.0.1:$PROXY_PORT"
OUT=bench/out
mkdir -p "$OUT"
rm -f "$OUT"/rest-*

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f "$JAR" ] || mvn -q -B -DskipTests package
for port in "$REG_PORT" "$PROXY_PORT" "$BROKER_PORT"; do # another server on them would be measured instead
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is in use: set REG_PORT, PROXY_PORT, BROKER_PORT" >&2
    exit 1
  fi
done

DATA=$(mktemp -d)
pids=()
CASTLE_PID=
BROKER_PID=
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$DATA"; }
trap cleanup EXIT
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
STARTED=$SECONDS

wait_for() {
  for _ in $(seq 1 240); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "no answer from $1" >&2
  exit 1
}
ticks() { [ -n "$1" ] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; } # CPU time, 1/100 s (CLK_TCK)
rss_mb() { ps -o rss= -p "$1" | awk '{printf "%.0f", $1 / 1024}'; }
median() { sort -n | awk 'NF {v[++n] = $1} END {print (n ? v[int((n + 1) / 2)] : 0)}'; }

if [ "$BROKER" = external ]; then
  java -Xmx1g -cp "$JAR" bench/KafkaBroker.java "$DATA/broker" "$BROKER_PORT" >"$OUT/rest-broker.log" 2>&1 &
  BROKER_PID=$!
  pids+=("$BROKER_PID")
  for _ in $(seq 1 240); do grep -q '^READY' "$OUT/rest-broker.log" && break; sleep 0.5; done
  grep -q '^READY' "$OUT/rest-broker.log" || { echo "the broker did not start, see $OUT/rest-broker.log" >&2; exit 1; }
fi

start_castle() {
  local broker_env=(SCHEMA_REGISTRY_CASTLE_EMBEDDED_KAFKA_PORT="$BROKER_PORT")
  [ "$BROKER" = external ] && broker_env=(SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS="$BOOTSTRAP"
    SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR=1 SCHEMA_REGISTRY_HOST_NAME=127.0.0.1)
  env "${broker_env[@]}" SCHEMA_REGISTRY_LISTENERS="$REG" SCHEMA_REGISTRY_CASTLE_DATA_DIR="$DATA/castle" \
    KAFKA_REST_LISTENERS="$PROXY" SCHEMA_REGISTRY_HEAP_OPTS="$CASTLE_HEAP_OPTS" \
    SCHEMA_REGISTRY_JVM_PERFORMANCE_OPTS="$CASTLE_GC_OPTS" CASTLE_JAR="$JAR" bin/castle >>"$OUT/rest-castle.log" 2>&1 &
  CASTLE_PID=$!
  pids+=("$CASTLE_PID")
  wait_for "$REG/"
  wait_for "$PROXY/"
}
stop_castle() { kill "$CASTLE_PID"; wait "$CASTLE_PID" 2>/dev/null || true; }

# --- request bodies: the same ~100-byte value in every format --------------------------------------------------------
SCHEMA='{"type":"record","name":"Bench","fields":[{"name":"id","type":"int"},{"name":"name","type":"string"},'
SCHEMA+='{"name":"score","type":"double"}]}'
ESCAPED=${SCHEMA//\"/\\\"}
OBJ="{\"id\":12345,\"name\":\"$(printf 'x%.0s' $(seq 1 66))\",\"score\":1.5}" # 100 bytes as JSON, 83 as Avro
B64=$(head -c "$VALUE_BYTES" /dev/urandom | base64 -w0)
BIN_CT=application/vnd.kafka.binary.v2+json
declare -A CT=([binary]=$BIN_CT [json]=application/vnd.kafka.json.v2+json
  [avro-id]=application/vnd.kafka.avro.v2+json [avro-inline]=application/vnd.kafka.avro.v2+json)
declare -A TOPIC=([binary]=bench-binary [json]=bench-json [avro-id]=bench-avro [avro-inline]=bench-avro)
declare -A LABEL=([binary]="binary" [json]="json" [avro-id]="avro, value_schema_id"
  [avro-inline]="avro, inline value_schema")

start_castle
ID=$(curl -sf -X POST -H 'Content-Type: application/vnd.schemaregistry.v1+json' --data "{\"schema\":\"$ESCAPED\"}" \
  "$REG/subjects/bench-avro-value/versions" | sed -E 's/.*"id":([0-9]+).*/\1/')
echo "registered bench-avro-value as id $ID; Castle pid $CASTLE_PID ($CASTLE_JAVA_OPTS)," \
  "broker: $BROKER ${BROKER_PID:+pid $BROKER_PID}"
printf '{"records":[{"value":"%s"}]}' "$B64" >"$OUT/rest-binary.json"
printf '{"records":[{"value":%s}]}' "$OBJ" >"$OUT/rest-json.json"
printf '{"value_schema_id":%s,"records":[{"value":%s}]}' "$ID" "$OBJ" >"$OUT/rest-avro-id.json"
printf '{"value_schema":"%s","records":[{"value":%s}]}' "$ESCAPED" "$OBJ" >"$OUT/rest-avro-inline.json"
for f in $FORMATS; do # creates each topic, and shows a request that fails before anything is measured
  answer=$(curl -s -w ' %{http_code}' -X POST -H "Content-Type: ${CT[$f]}" --data-binary "@$OUT/rest-$f.json" \
    "$PROXY/topics/${TOPIC[$f]}")
  [ "${answer##* }" = 200 ] || { echo "produce $f failed: $answer" >&2; exit 1; }
done

part() { [[ " $PARTS " == *" $1 "* ]]; }

# the floor's JVM, driven one run per line so its runs can sit between the proxy's
if part produce; then
  coproc FLOOR_PROC {
    exec java -Xmx512m -Dorg.slf4j.simpleLogger.logFile=System.err -cp "$JAR" bench/ProducerFloor.java \
      "$BOOTSTRAP" bench-floor "$VALUE_BYTES" 2>>"$OUT/rest-floor.log"
  }
  pids+=("$FLOOR_PROC_PID")
fi
floor_line() { # the floor's next line starting with $1
  local line
  while read -r line <&"${FLOOR_PROC[0]}"; do
    [[ $line == "$1"* ]] && { echo "$line"; return; }
    echo "$line" >>"$OUT/rest-floor.log"
  done
  echo "the floor stopped, see $OUT/rest-floor.log" >&2
  exit 1
}

threads_for() { for t in 2 3 1; do [ $(($1 % t)) -eq 0 ] && { echo "$t"; return; }; done; }

# one measured run; prints: requests/s p99-ms errors castle-or-floor-cpu-us/request broker-cpu-us/request
run_floor() {
  local c=$1 secs=$2 b0 b1 line
  b0=$(ticks "$BROKER_PID")
  echo "$c $secs" >&"${FLOOR_PROC[1]}"
  line=$(floor_line FLOOR)
  b1=$(ticks "$BROKER_PID")
  read -r _ _ rps p99 cpu <<<"$line"
  awk -v r="$rps" -v p="$p99" -v c="$cpu" -v b=$((b1 - b0)) -v s="$secs" -v e="$BROKER_PID" \
    'BEGIN {n = r * s; printf "%s %s 0 %s %s\n", r, p, c, (e == "" || n == 0) ? "-" : int(b * 10000 / n)}'
}
run_proxy() {
  local f=$1 c=$2 secs=$3 c0 c1 b0 b1 line
  c0=$(ticks "$CASTLE_PID")
  b0=$(ticks "$BROKER_PID")
  line=$(wrk -t"$(threads_for "$c")" -c"$c" -d"${secs}s" --timeout 10s -s bench/produce.lua \
    "$PROXY/topics/${TOPIC[$f]}" -- "${CT[$f]}" "$OUT/rest-$f.json" | grep '^RESULT' || echo "RESULT 0 0 0 0 0")
  c1=$(ticks "$CASTLE_PID")
  b1=$(ticks "$BROKER_PID")
  echo "$line" >>"$OUT/rest-wrk-$f-$c.txt"
  read -r _ rps p99 status sock n <<<"$line"
  awk -v r="$rps" -v p="$p99" -v e=$((status + sock)) -v c=$((c1 - c0)) -v b=$((b1 - b0)) -v n="$n" -v x="$BROKER_PID" \
    'BEGIN {printf "%s %.2f %d %s %s\n", r, p / 1000, e, n ? int(c * 10000 / n) : 0,
      (x == "" || n == 0) ? "-" : int(b * 10000 / n)}'
}

# --- 1 and 2. produce through the proxy, and the floor, interleaved ---------------------------------------------------
declare -A RES RATIO
if part produce; then
  floor_line READY >/dev/null
  max_conns=$(tr ' ' '\n' <<<"$CONNS" | sort -n | tail -1)
  run_floor "$max_conns" "$WARMUP" >/dev/null # the JIT compiles each path before it is measured
  for f in $FORMATS; do run_proxy "$f" "$max_conns" "$WARMUP" >/dev/null; done
  for run in $(seq 1 "$RUNS"); do
    for c in $CONNS; do
      floor=$(run_floor "$c" "$SECS")
      RES[floor,$c]+="$floor"$'\n'
      echo "run $run floor $c: $floor" >>"$OUT/rest-produce-runs.txt"
      for f in $FORMATS; do
        proxy=$(run_proxy "$f" "$c" "$SECS")
        RES[$f,$c]+="$proxy"$'\n'
        echo "run $run $f $c: $proxy" >>"$OUT/rest-produce-runs.txt"
        RATIO[$f,$c]+="$(awk -v a="${proxy%% *}" -v b="${floor%% *}" 'BEGIN {print (b > 0 ? a / b : 0)}')"$'\n'
      done
    done
    echo "produce run $run of $RUNS done ($((SECONDS - STARTED)) s)"
  done
  floor_in=${FLOOR_PROC[1]}
  exec {floor_in}>&- # the floor's input ends, and it exits
  RSS_AFTER_PRODUCE=$(rss_mb "$CASTLE_PID")
fi

# --- 3. push-pull: publishers and subscribers at once, RSS sampled every second --------------------------------------
PUSH_BODY="$OUT/rest-binary.json"
FETCH_ACCEPT=application/vnd.kafka.binary.v2+json
FETCH_QUERY='timeout=100&max_bytes=100'

# creates N instances, each in a group of its own, subscribed to bench-push; writes their records paths to $2
make_instances() {
  local n=$1 paths=$2 prefix=$3
  : >"$paths"
  for i in $(seq 1 "$n"); do
    local base="/consumers/$prefix-$i/instances/c1"
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/vnd.kafka.v2+json' \
      --data '{"name":"c1","format":"binary","auto.offset.reset":"earliest"}' "$PROXY/consumers/$prefix-$i"
    curl -sf -o /dev/null -X POST -H 'Content-Type: application/vnd.kafka.v2+json' --data '{"topics":["bench-push"]}' \
      "$PROXY$base/subscription"
    curl -sf -o /dev/null -H "Accept: $FETCH_ACCEPT" "$PROXY$base/records?timeout=5000&max_bytes=100" # joins the group
    echo "$base/records" >>"$paths"
  done
}
drop_instances() {
  sed 's#/records$##' "$1" | while read -r base; do curl -s -o /dev/null -X DELETE "$PROXY$base"; done
}

# push_pull N SECONDS TAG: appends "publish/s p99-ms errors fetches/s %-with-records errors castle-cores broker-cores"
# to $OUT/rest-push-N.txt and RSS samples (Castle KB, broker KB) to $OUT/rest-rss-N.txt
push_pull() {
  local n=$1 secs=$2 tag=$3 paths="$OUT/rest-paths-$1.txt" sub pub sampler c0 c1 b0 b1
  make_instances "$n" "$paths" "bench-push-$tag-$n"
  wrk -t1 -c3 -d"$((secs + 3))s" --timeout 10s -s bench/fetch.lua "$PROXY" -- "$paths" "$FETCH_QUERY" "$FETCH_ACCEPT" \
    >"$OUT/rest-sub.txt" 2>&1 &
  sub=$!
  pids+=("$sub")
  sleep 1
  (while :; do
    echo "$(ps -o rss= -p "$CASTLE_PID") $([ -n "$BROKER_PID" ] && ps -o rss= -p "$BROKER_PID")"
    sleep 1
  done >>"$OUT/rest-rss-$n.txt") &
  sampler=$!
  pids+=("$sampler")
  c0=$(ticks "$CASTLE_PID")
  b0=$(ticks "$BROKER_PID")
  pub=$(wrk -t2 -c12 -d"${secs}s" --timeout 10s -s bench/produce.lua "$PROXY/topics/bench-push" -- "$BIN_CT" \
    "$PUSH_BODY" | grep '^RESULT' || echo "RESULT 0 0 0 0 0")
  c1=$(ticks "$CASTLE_PID")
  b1=$(ticks "$BROKER_PID")
  kill "$sampler"
  wait "$sampler" 2>/dev/null || true
  wait "$sub" || true
  drop_instances "$paths"
  [ "$tag" = warm ] && { rm -f "$OUT/rest-rss-$n.txt"; return; }
  read -r _ prps pp99 pst psock _ <<<"$pub"
  read -r _ srps _ sst ssock sfull sn <<<"$(grep '^RESULT' "$OUT/rest-sub.txt" || echo "RESULT 0 0 0 0 0 0")"
  awk -v pr="$prps" -v pp="$pp99" -v pe=$((pst + psock)) -v sr="$srps" -v sf="$sfull" -v sn="$sn" \
    -v se=$((sst + ssock)) -v c=$((c1 - c0)) -v b=$((b1 - b0)) -v x="$BROKER_PID" -v s="$secs" \
    'BEGIN {printf "%s %.2f %d %s %.0f %d %.2f %s\n", pr, pp / 1000, pe, sr, sn ? 100 * sf / sn : 0, se, c / 100 / s,
      x == "" ? "-" : sprintf("%.2f", b / 100 / s)}' \
    >>"$OUT/rest-push-$n.txt"
}

if part push; then
  if part produce; then # a fresh process: its RSS is the push-pull's alone
    stop_castle
    start_castle
  fi
  curl -sf -o /dev/null -X POST -H "Content-Type: $BIN_CT" --data-binary "@$PUSH_BODY" "$PROXY/topics/bench-push"
  push_pull 1 "$WARMUP" warm # warms the new process's produce and fetch paths
  for round in $(seq 1 "$RUNS"); do
    for n in $CONSUMERS; do push_pull "$n" "$PUSH_SECS" "r$round"; done
    echo "push-pull round $round of $RUNS done ($((SECONDS - STARTED)) s)"
  done
  RSS_END=$(rss_mb "$CASTLE_PID")
fi

# --- the tables ---------------------------------------------------------------------------------------------------
col() { awk -v k="$1" 'NF {print $k}' | median; } # median of column k
pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else printf "-" }'; }
producer_settings=$(env | grep -E '^KAFKA_REST_(PRODUCER|CLIENT)_' | tr '\n' ' ' || true)
if part produce; then
  row='%-34s %5s %10s %8s %6s %9s %9s %9s\n'
  printf '\nproduce: one %s-byte value per request, median of %s x %ss runs; producer: %s\n' \
    "$VALUE_BYTES" "$RUNS" "$SECS" "${producer_settings:-Kafka 4 defaults (linger.ms 5, acks all)}"
  printf 'cpu us/req: CPU time per request of Castle (floor rows: the floor JVM) and of the broker;\n'
  printf '%% of floor: median of the runs'"'"' ratios to the floor run just before them\n'
  printf "$row" "scenario" "conns" "req/s" "p99 ms" "errors" "cpu us/req" "broker us" "of floor"
  for c in $CONNS; do
    v=${RES[floor,$c]}
    printf "$row" "plain KafkaProducer (floor)" "$c" "$(col 1 <<<"$v")" "$(col 2 <<<"$v")" \
      "$(awk 'NF {s += $3} END {print s + 0}' <<<"$v")" "$(col 4 <<<"$v")" "$(col 5 <<<"$v")" "100%"
  done
  for f in $FORMATS; do
    for c in $CONNS; do
      v=${RES[$f,$c]}
      printf "$row" "proxy ${LABEL[$f]}" "$c" "$(col 1 <<<"$v")" "$(col 2 <<<"$v")" \
        "$(awk 'NF {s += $3} END {print s + 0}' <<<"$v")" "$(col 4 <<<"$v")" "$(col 5 <<<"$v")" \
        "$(pct "$(median <<<"${RATIO[$f,$c]}")" 1)"
    done
  done
  if [[ " $FORMATS " == *" binary "* ]]; then
    for f in avro-id avro-inline json; do
      [[ " $FORMATS " == *" $f "* ]] || continue
      line="${LABEL[$f]} req/s as % of binary:"
      for c in $CONNS; do
        line+=" $c conns $(pct "$(col 1 <<<"${RES[$f,$c]}")" "$(col 1 <<<"${RES[binary,$c]}")"),"
      done
      echo "${line%,}"
    done
  fi
  echo "Castle RSS after the produce runs: $RSS_AFTER_PRODUCE MB"
fi

if part push; then
  printf '\npush-pull: 12 connections producing binary for %ss while 3 connections fetch %s from N consumer\n' \
    "$PUSH_SECS" "$FETCH_QUERY"
  printf 'instances in turn, each instance in a group of its own reading bench-push from the earliest offset;\n'
  printf 'medians of %s rounds, RSS over all samples of all rounds; cpu: cores used\n' "$RUNS"
  printf 'a fresh Castle: bin/castle with %s; broker: %s\n' "$CASTLE_JAVA_OPTS" "$BROKER"
  consumer_settings=$(env | grep -E '^KAFKA_REST_CONSUMER_' | tr '\n' ' ' || true)
  [ -z "$consumer_settings" ] || echo "consumer settings: $consumer_settings"
  row='%-9s %9s %7s %6s %9s %9s %6s %10s %10s %8s %8s %10s\n'
  printf "$row" "consumers" "publish/s" "p99 ms" "errors" "fetches/s" "% w/ data" "errors" "castle cpu" "broker cpu" \
    "RSS max" "RSS med" "broker RSS"
  first=
  for n in $CONSUMERS; do
    v=$(cat "$OUT/rest-push-$n.txt")
    printf "$row" "$n" "$(col 1 <<<"$v")" "$(col 2 <<<"$v")" "$(awk 'NF {s += $3} END {print s + 0}' <<<"$v")" \
      "$(col 4 <<<"$v")" "$(col 5 <<<"$v")" "$(awk 'NF {s += $6} END {print s + 0}' <<<"$v")" "$(col 7 <<<"$v")" \
      "$(col 8 <<<"$v")" \
      "$(awk '{print $1}' "$OUT/rest-rss-$n.txt" | sort -n | tail -1 | awk '{printf "%.0f MB", $1 / 1024}')" \
      "$(awk '{print $1}' "$OUT/rest-rss-$n.txt" | median | awk '{printf "%.0f MB", $1 / 1024}')" \
      "$(awk 'NF > 1 {print $2}' "$OUT/rest-rss-$n.txt" | sort -n | tail -1 |
        awk '{printf "%.0f MB", $1 / 1024} END {if (NR == 0) print "-"}')"
    [ -n "$first" ] || first=$(col 1 <<<"$v")
    last=$(col 1 <<<"$v")
    last_n=$n
  done
  echo "publish rate with $last_n consumers: $(pct "$last" "$first") of the rate with ${CONSUMERS%% *};" \
    "Castle RSS at the end: $RSS_END MB"
fi
echo "($((SECONDS - STARTED)) s; load average at the start $LOAD_START, at the end $(cut -d' ' -f1-3 /proc/loadavg))"
