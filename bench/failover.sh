#!/usr/bin/env bash
# Failover benchmark: a three-node Castle cluster (two eligible nodes, one read replica, separate processes) on an
# embedded broker; the leader is killed with SIGKILL and the time to the first successful write through another node
# is measured; prints each run and the median.
#   bench/failover.sh [runs (5)] [kafkagroup.session.timeout.ms (10000, Confluent's default)]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
SESSION_MS=${2:-10000}
JAR=server/target/castle.jar
mkdir -p bench/out
rm -f bench/out/failover-node*.log
[ -f "$JAR" ] || mvn -q -B -DskipTests package
java -Xmx512m -cp "$JAR" bench/FailoverBench.java "$JAR" "$RUNS" "$SESSION_MS" 2>bench/out/failover-broker.log
