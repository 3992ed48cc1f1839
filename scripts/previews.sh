#!/usr/bin/env bash
# Renders page-1 PNG previews of every built-in layout into docs/layouts/, and of the Arabic and
# Chinese test resumes into docs/international/ (used by the README). Needs poppler-utils
# (pdftoppm), and fonts covering Arabic and Chinese (fonts-dejavu-core, fonts-noto-cjk) for the
# latter. Usage: scripts/previews.sh [resume.json]
set -euo pipefail
cd "$(dirname "$0")/.."
resume=${1:-samples/everything.json}
cargo build --release --quiet
bin=target/release/resumepdf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p docs/layouts
for layout in $("$bin" layouts | awk '{print $1}'); do
  "$bin" render "$resume" -l "$layout" -o "$tmp/$layout.pdf"
  pdftoppm -png -r 50 -f 1 -l 1 -singlefile "$tmp/$layout.pdf" "docs/layouts/$layout"
  echo "docs/layouts/$layout.png"
done
"$bin" render samples/customer-service-supervisor.json -o "$tmp/page.pdf"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$tmp/page.pdf" docs/classic-page1
echo docs/classic-page1.png
mkdir -p docs/international
for pair in arabic:modern chinese:classic; do
  name=${pair%%:*}
  "$bin" render "tests/data/i18n/$name.json" -l "${pair##*:}" -o "$tmp/$name.pdf"
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile -H 330 "$tmp/$name.pdf" "docs/international/$name"
  echo "docs/international/$name.png"
done
