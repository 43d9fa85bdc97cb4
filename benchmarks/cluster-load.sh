#!/usr/bin/env bash
# Issue 13: intake and end-to-end throughput (with p99) on SQLite (1 node), PostgreSQL (1 node) and
# PostgreSQL (2 nodes), side by side in one run. Loopback only. PostgreSQL: LEADFLOW_PG_URL
# (postgresql://user:pw@host:port/db, a user that may CREATE DATABASE) or an embedded PostgreSQL 14.
#   benchmarks/cluster-load.sh [--seconds 15] [--connections 64] [--warmup 5]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B -Pbench -DskipTests -pl benchmarks -am package
exec java -Xmx1g -cp benchmarks/target/benchmarks.jar io.leadflow.bench.load.ClusterLoad "$@"
