#!/usr/bin/env bash
# Builds the suite (unless SQM_SKIP_BUILD=1) and runs it: embedded PostgreSQL, the four services and
# the gateway. Ctrl-C or SIGTERM stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SQM_SKIP_BUILD:-0}" != "1" ]; then
    echo "Building (the first build downloads dependencies and takes a few minutes) ..."
    mvn -B -ntp -q -DskipTests package
fi
exec java -Dsqm.home="$PWD" -jar suite/target/suite-launcher.jar
