#!/usr/bin/env bash
# ATS read-back gate (issue #14): renders every sample and every resume of the shared corpus
# (../shared/corpus/real, beside the checkout) in every built-in layout, reads each PDF back with
# the content-order text extractors of ../shared/tools/readback (poppler, mutool, pdfminer, pypdf,
# PDFBox, pdf.js) and fails when any extractor finds less than 99.9 % of the resume's strings in
# any layout. The position-sorted modes (pdftotext -layout and the like), which read a sidebar's
# two columns row by row, are reported but not gated. Run by .ci/run after `cargo test`.
# The extractors are installed by the tool itself under target/readback (READBACK_HOME).
set -euo pipefail
cd "$(dirname "$0")/.."

tool=../shared/tools/readback/readback
corpus=../shared/corpus/real
[ -x "$tool" ] || { echo "readback: $tool is missing (check out beside ../shared)"; exit 2; }
[ -d "$corpus" ] || { echo "readback: $corpus is missing (check out beside ../shared)"; exit 2; }

cargo build --release --quiet
export READBACK_HOME=${READBACK_HOME:-$PWD/target/readback}
"$tool" --bin target/release/resumepdf --i18n 'i18n/*.json' --out "$READBACK_HOME/report" \
  --min-recall 99.9 --jobs 2 samples "$corpus"
