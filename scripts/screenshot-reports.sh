#!/usr/bin/env bash
# Renders the html reports of the bundled seeds in headless Chromium and saves screenshots, so
# a person can check what the pages look like. Installs Debian's chromium when missing.
#
#   scripts/screenshot-reports.sh [OUT_DIR]      # default: target/report-screenshots
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-target/report-screenshots}
if ! command -v chromium >/dev/null; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
cargo build --release --quiet
DB=$(mktemp -d)/seeds.db
target/release/councildb --db "$DB" import --quiet seeds
rm -rf "$OUT" && mkdir -p "$OUT"
target/release/councildb --db "$DB" report --all --out "$OUT/html" --format html
PROFILE=$(mktemp -d)
for page in index timeline tags tag-trend overview most-cited; do
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$PROFILE" --hide-scrollbars --window-size=1200,1000 \
        --screenshot="$PWD/$OUT/$page.png" "file://$PWD/$OUT/html/$page.html" 2>/dev/null
    echo "$OUT/$page.png"
done
