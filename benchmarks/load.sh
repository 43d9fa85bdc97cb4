#!/usr/bin/env bash
# T12: durable intake throughput of `leadflow serve` next to a raw Vert.x 202 handler, and
# end-to-end delivery to a no-rate-limit emulator, in one run. Loopback only.
#   benchmarks/load.sh [--seconds 20] [--connections 64] [--warmup 5]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
mvn -q -B -Pbench -DskipTests -pl benchmarks -am package
exec java -Xmx1g -cp benchmarks/target/benchmarks.jar io.leadflow.bench.load.IntakeLoad "$@"
