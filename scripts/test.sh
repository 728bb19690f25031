#!/usr/bin/env bash
# `npm test`: every check and every test tier (pure rules, real PostgreSQL, real Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian's Chromium drives the browser journeys; install it when missing (never a browser download of its own).
if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium tidak ada: memasang dari Debian…"
  if [ "$(id -u)" -eq 0 ]; then apt-get update && apt-get install -y chromium; else sudo apt-get update && sudo apt-get install -y chromium; fi
fi

# Debian's poppler-utils render the PDFs the journeys download (pdftoppm, pdftotext), so their pages are looked at.
if ! command -v pdftoppm >/dev/null || ! command -v pdftotext >/dev/null; then
  echo "poppler-utils tidak ada: memasang dari Debian…"
  if [ "$(id -u)" -eq 0 ]; then apt-get update && apt-get install -y poppler-utils; else sudo apt-get update && sudo apt-get install -y poppler-utils; fi
fi

# The local PostgreSQL server the database tests use (TEST_DATABASE_URL overrides it).
if [ -z "${TEST_DATABASE_URL:-}" ] && command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  if command -v pg_ctlcluster >/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  fi
fi

export TZ=UTC
# Lint and the type check side by side (one core each), then the web build the journeys drive.
npm run lint --silent &
lint=$!
npm run typecheck --silent
wait "$lint"
npm run build:web --silent

# The browser journeys (one at a time) run beside the other two tiers: a journey spends much of its time waiting on
# its browser and its server, time in which the database tests use the cores. Both runs are waited for; the tiers'
# report is printed after the journeys', and the command fails when either failed.
tiers_log=$(mktemp)
npx vitest run --project unit --project db >"$tiers_log" 2>&1 &
tiers=$!
status=0
npx vitest run --project e2e || status=$?
wait "$tiers" || status=$?
echo "── unit and database tiers ──"
cat "$tiers_log"
rm -f "$tiers_log"
exit "$status"
