#!/usr/bin/env bash
# Loads the shipped catalogues through the gateway: imports each document of
# standards-service/src/main/resources/catalogue as a draft and publishes it, then loads
# scoring-service's catalogue of sampled indicators, deduction rules and scoring models (each model
# whose code is new is created and published). Nothing loads a catalogue
# silently; run this once per installation. Safe to re-run: each standard is imported with an
# Idempotency-Key derived from its content, and the scoring catalogue creates only the codes that
# are free (the others are reported UNCHANGED or DIFFERENT and left alone).
# Usage: SQM_TOKEN=<an administrator's bearer token> scripts/load-catalogue.sh [gateway base URL,
# default http://localhost:8080]; without SQM_TOKEN a DEVELOPMENT token (scripts/token.sh) is used,
# which only the local run and the dev overlay accept.
set -euo pipefail
cd "$(dirname "$0")/.."
gateway="${1:-http://localhost:8080}"
token="${SQM_TOKEN:-$(scripts/token.sh administrator)}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for doc in standards-service/src/main/resources/catalogue/*.json; do
    key="catalogue-$(sha256sum "$doc" | cut -c1-32)"
    status=$(curl -sS -H "Authorization: Bearer $token" -o "$tmp/body" -D "$tmp/headers" -w '%{http_code}' \
        -H 'Content-Type: application/json' -H "Idempotency-Key: $key" \
        --data-binary @"$doc" "$gateway/api/v1/standards:import")
    if [ "$status" != "201" ]; then
        echo "import of $doc failed with HTTP $status: $(cat "$tmp/body")" >&2
        exit 1
    fi
    id=$(grep -o '"id":"[^"]*"' "$tmp/body" | head -1 | cut -d'"' -f4)
    code=$(grep -o '"code":"[^"]*"' "$tmp/body" | head -1 | cut -d'"' -f4)
    etag=$(grep -i '^etag:' "$tmp/headers" | tr -d '\r' | cut -d' ' -f2-)
    if grep -q '"status":"DRAFT"' "$tmp/body"; then
        status=$(curl -sS -H "Authorization: Bearer $token" -o "$tmp/body" -w '%{http_code}' -X POST -H "If-Match: $etag" \
            "$gateway/api/v1/standards/$id:publish")
        if [ "$status" != "200" ]; then
            echo "publishing $code ($id) failed with HTTP $status: $(cat "$tmp/body")" >&2
            exit 1
        fi
        echo "published $code ($id)"
    else
        echo "already loaded: $code ($id)"
    fi
done

status=$(curl -sS -H "Authorization: Bearer $token" -o "$tmp/body" -w '%{http_code}' -X POST "$gateway/api/v1/scoringCatalogue:load")
if [ "$status" != "200" ]; then
    echo "loading the scoring catalogue failed with HTTP $status: $(cat "$tmp/body")" >&2
    exit 1
fi
grep -o '"kind":"[^"]*","code":"[^"]*","id":"[^"]*","outcome":"[^"]*"' "$tmp/body" \
    | sed 's/"kind":"\([^"]*\)","code":"\([^"]*\)","id":"[^"]*","outcome":"\([^"]*\)"/scoring \1 \2: \3/'
