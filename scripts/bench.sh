#!/usr/bin/env bash
# The benchmark command: builds (unless SQM_SKIP_BUILD=1), installs hey if missing, starts the suite
# on an embedded PostgreSQL and writes BENCHMARKS.md and bench/charts/*.svg. About 22 minutes (the
# scorecard recompute alone, --only=scorecard-recompute, about 5).
# Options go to the benchmark: --smoke, --duration=10s, --concurrency=1,8,32, --read-concurrency=8.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v hey >/dev/null; then
    echo "Installing hey (the HTTP load generator) ..."
    if [ "$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq hey; else sudo apt-get install -y hey; fi
fi
if [ "${SQM_SKIP_BUILD:-0}" != "1" ]; then
    echo "Building ..."
    mvn -B -ntp -q -DskipTests package
fi
exec java -Dsqm.home="$PWD" -jar bench/target/bench.jar "$@"
