#!/usr/bin/env bash
# Renders every sample in every layout, the international test resumes and the shared corpus
# (../shared/corpus/real, beside the checkout), and checks each PDF with two
# independent validators: page-validation (PDF/UA-1 and PDF/A-2a, every rule) and pdfua (no
# error, no warning); see tests/accessibility.py. Run by .ci/run after `cargo test`.
# The validators live in a virtual environment under target/ (VENV to choose another).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${VENV:-target/ci-venv}
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  page-validation==0.11.0 pdfua==0.1.3
command -v pdfinfo >/dev/null || { echo "accessibility needs pdfinfo (apt-get install poppler-utils)"; exit 2; }

cargo build --quiet
bin=target/debug/resumepdf
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$bin" batch samples --all-layouts --out "$out/samples" >/dev/null
"$bin" batch tests/data/i18n --all-layouts --out "$out/i18n" >/dev/null
corpus=../shared/corpus/real
[ -d "$corpus" ] || { echo "accessibility: $corpus is missing (check out beside ../shared)"; exit 2; }
"$bin" batch "$corpus" --all-layouts --out "$out/corpus" >/dev/null 2>&1
"$venv/bin/python" tests/accessibility.py "$out"/*/*.pdf
