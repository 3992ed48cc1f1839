#!/usr/bin/env bash
# Regenerates the samples gallery:
#   1. samples/pdf/   every samples/*.json in every built-in layout, by the documented command
#                     `resumepdf batch samples --all-layouts --out samples/pdf` (incremental: only
#                     PDFs whose input, layout or photo changed are rendered again);
#   2. docs/gallery/  page-1 PNG thumbnails of those PDFs: every sample in the classic layout, and
#                     one sample (default: with-photo) in every layout. The README's Gallery section
#                     shows them.
# Needs poppler-utils (pdftoppm). Usage: scripts/gallery.sh [--force] [SAMPLE-NAME]
#   --force      render every PDF again (rarely needed: the batch manifest fingerprints inputs,
#                layouts, settings and the renderer's own sources, fonts and dependency versions)
#   SAMPLE-NAME  the sample shown in every layout, e.g. everything (default: with-photo)
set -euo pipefail
cd "$(dirname "$0")/.."

force=()
one=with-photo
for arg in "$@"; do
  case $arg in
    --force) force=(--force) ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) one=$arg ;;
  esac
done
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install poppler-utils" >&2; exit 1; }

cargo build --release --quiet
bin=target/release/resumepdf
# The gallery carries no build date: the same sources give the same bytes on every machine.
unset SOURCE_DATE_EPOCH
"$bin" batch samples --all-layouts --out samples/pdf "${force[@]}"

dpi=45
out=docs/gallery
mkdir -p "$out"
rm -f "$out"/*.png
thumb() { # thumb STEM LAYOUT: page 1 of samples/pdf/STEM--LAYOUT.pdf → docs/gallery/STEM--LAYOUT.png
  local pdf="samples/pdf/$1--$2.pdf"
  [ -f "$pdf" ] || { echo "missing $pdf" >&2; exit 1; }
  pdftoppm -png -r "$dpi" -f 1 -l 1 -singlefile "$pdf" "$out/$1--$2"
  echo "$out/$1--$2.png"
}
for json in samples/*.json; do
  thumb "$(basename "$json" .json)" classic
done
[ -f "samples/$one.json" ] || { echo "no sample samples/$one.json" >&2; exit 1; }
for layout in $("$bin" layouts | awk '{print $1}'); do
  [ "$layout" = classic ] || thumb "$one" "$layout"
done
du -ch "$out"/*.png | tail -1
