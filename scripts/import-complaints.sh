#!/usr/bin/env bash
# Loads complaints from a CSV or JSON-lines file through the gateway's POST /api/v1/complaints:batchCreate,
# with a progress bar on stderr and a summary of what was refused and why on stdout:
#   scripts/import-complaints.sh FILE.(csv|jsonl) [--gateway URL] [--token TOKEN] [--batch N]
# The token defaults to a DEVELOPMENT administrator token (as scripts/token.sh administrator prints).
# Running the same file again records nothing twice. Exit status: 0 all recorded, 2 some refused,
# 1 stopped (run it again), 64 bad arguments. --help describes the file formats.
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
jar="$home/suite/target/suite-launcher.jar"
if [ ! -f "$jar" ]; then
    echo "Building (the first build downloads dependencies and takes a few minutes) ..." >&2
    (cd "$home" && mvn -B -ntp -q -DskipTests package)
fi
# The launcher jar's manifest puts suite/target/lib on the class path; the file stays relative to the caller.
exec java -Dsqm.home="$home" -cp "$jar" org.sqm.suite.ImportComplaints "$@"
