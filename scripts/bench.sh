#!/usr/bin/env bash
# Work per PDF, in the two figures issue #18 sets targets for:
#   1. one whole `render bench/john-doe.resume.json` process (classic layout, tagged PDF/UA);
#   2. `batch samples --all-layouts --force --jobs 1`, per PDF.
# For each: instructions counted by valgrind's callgrind (the same to the instruction however busy
# the machine is; skipped when valgrind is not installed) and wall-clock time (median of RUNS,
# which drifts with other load on a shared machine). Builds the release binary first.
# Usage: scripts/bench.sh [RUNS]   (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-20}
cargo build --release --quiet
bin=target/release/resumepdf
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

render=("$bin" render bench/john-doe.resume.json -o "$out/john-doe.pdf")
batch=("$bin" batch samples --all-layouts --force --jobs 1 --quiet --out "$out/batch")

# Median wall-clock milliseconds of `runs` runs of the command.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

# Instructions the command executes (whole process), or "n/a" without valgrind.
instructions() {
  if ! command -v valgrind >/dev/null; then
    echo n/a
    return
  fi
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

"${batch[@]}" >/dev/null 2>&1
pdfs=$(find "$out/batch" -name '*.pdf' | wc -l)
render_ms=$(median_ms "${render[@]}")
batch_ms=$(median_ms "${batch[@]}")
render_ir=$(instructions "${render[@]}")
batch_ir=$(instructions "${batch[@]}")
per_pdf() { [ "$1" = n/a ] && echo n/a || echo $(($1 / pdfs)); }

printf '%-48s %15s %12s %10s\n' "what" "instructions" "wall ms" "bytes"
printf '%-48s %15s %12s %10s\n' "render john-doe (whole process)" "$render_ir" "$render_ms" \
  "$(stat -c %s "$out/john-doe.pdf")"
printf '%-48s %15s %12s %10s\n' "batch samples --all-layouts --jobs 1 ($pdfs PDFs)" "$batch_ir" \
  "$batch_ms" "$(find "$out/batch" -name '*.pdf' -exec cat {} + | wc -c)"
printf '%-48s %15s %12s\n' "  per PDF" "$(per_pdf "$batch_ir")" \
  "$(awk -v t="$batch_ms" -v n="$pdfs" 'BEGIN {printf "%.2f", t / n}')"
