#!/usr/bin/env bash
# Prints a DEVELOPMENT bearer token (signed with testing/src/main/resources/dev-auth, 12 h) for a role
# and the units it acts for:  scripts/token.sh quality-manager [UNIT_ID ...]
# Use:  curl -H "Authorization: Bearer $(scripts/token.sh administrator)" localhost:8080/api/v1/units
set -euo pipefail
cd "$(dirname "$0")/.."
exec java testing/src/main/java/org/sqm/testing/auth/DevTokens.java "$@"
