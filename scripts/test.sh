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
npm run lint --silent
npm run typecheck --silent
npm run build:web --silent
npx vitest run
