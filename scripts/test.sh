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

# Two lanes, each one process at a time, side by side: the browser journeys in the first; the unit and database tiers,
# then every fifth journey (in name order), in the second. A journey spends much of its time waiting on its browser
# and its server, time in which the other lane uses the cores; the journeys are the larger share, so the second lane
# takes a fifth of them once its tiers are done. Both lanes are waited for; the second lane's report is printed after
# the first's, and the command fails when either failed.
journeys=()
later=()
index=0
for file in $(ls e2e/*.e2e.ts | LC_ALL=C sort); do
  if [ $((index % 5)) -eq 4 ]; then later+=("$file"); else journeys+=("$file"); fi
  index=$((index + 1))
done
second_log=$(mktemp)
(
  lane=0
  npx vitest run --project unit --project db || lane=$?
  npx vitest run --project e2e "${later[@]}" || lane=$?
  exit "$lane"
) >"$second_log" 2>&1 &
second=$!
status=0
npx vitest run --project e2e "${journeys[@]}" || status=$?
wait "$second" || status=$?
echo "── unit and database tiers, then ${later[*]} ──"
cat "$second_log"
rm -f "$second_log"
exit "$status"
