#!/usr/bin/env bash
# Cross-checks produced PDFs with tools independent of this project: poppler (pdftotext, pdffonts,
# pdfinfo) and qpdf. Run by .ci/run after `cargo test`, once it has installed poppler-utils and qpdf.
# Uses the shared corpus (../shared/corpus) when it is beside the checkout.
set -uo pipefail
cd "$(dirname "$0")/.."

for tool in pdftotext pdffonts pdfinfo qpdf; do
  command -v "$tool" >/dev/null || { echo "crosscheck needs $tool (apt-get install poppler-utils qpdf)"; exit 2; }
done
cargo build --quiet || exit 2
bin=target/debug/resumepdf
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

layouts=$("$bin" layouts | awk '{print $1}')
shared=../shared/corpus
sample=tests/data/corpus/schema-sample.resume.json

# 1. The schema sample: text, fonts, links, structure.
"$bin" render "$sample" -o "$out/sample.pdf" || bad "render $sample"
text=$(pdftotext "$out/sample.pdf" - | tr -s ' \n' ' ')
for s in "Richard Hendriks" "Programmer" "richard.hendriks@mail.com" "Successfully won Techcrunch Disrupt" \
         "Weisman Scores™" "“length-limited”" "Digital Compression Pioneer Award" "Erlich Bachman"; do
  if grep -qF -- "$s" <<<"$text"; then ok; else bad "pdftotext of the sample lacks: $s"; fi
done
fonts=$(pdffonts "$out/sample.pdf" | tail -n +3)
if [ -n "$fonts" ] && ! awk '$(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes" {exit 1}' <<<"$fonts"; then
  bad "pdffonts: a font is not embedded, subset and mapped: $fonts"
else ok; fi
urls=$(pdfinfo -url "$out/sample.pdf")
for u in "mailto:richard.hendriks@mail.com" "https://soundcloud.example.com/dandymusicnl" "tel:9125554321"; do
  if grep -qF "$u" <<<"$urls"; then ok; else bad "pdfinfo -url lacks $u"; fi
done
if pdfinfo "$out/sample.pdf" | grep -q "PDF subtype"; then bad "pdfinfo calls the file PDF/X"; else ok; fi
"$bin" render "$sample" -o "$out/again.pdf" && cmp -s "$out/sample.pdf" "$out/again.pdf" && ok || bad "two renders differ"

# 2. Every sample in every layout: renders, qpdf-clean, at most two font families.
for f in samples/*.json; do
  for l in $layouts; do
    pdf="$out/$(basename "$f" .json)--$l.pdf"
    if ! "$bin" render "$f" -l "$l" -o "$pdf" 2>"$out/err"; then bad "render $f -l $l: $(cat "$out/err")"; continue; fi
    qpdf --check "$pdf" >/dev/null 2>&1 && ok || bad "qpdf --check $pdf"
    families=$(pdffonts "$pdf" | tail -n +3 | awk '{print $1}' | sed 's/^[A-Z]\{6\}+//; s/-.*//' | sort -u | wc -l)
    [ "$families" -le 2 ] && ok || bad "$pdf uses $families font families"
    # Small capitals and letter-spaced headings still extract as whole words ("EXPERIENCE", not
    # "E XPERIENCE").
    split=$(pdftotext "$pdf" - | grep -E '(^| )[A-Z] [A-Z]{3,}')
    [ -z "$split" ] && ok || bad "$pdf: a heading extracts split: $split"
    # No line ends at the hyphen of a compound: pdftotext would join it as "middleschool".
    hyphen=$(pdftotext -layout "$pdf" - | grep -E '[[:alnum:]]-$')
    [ -z "$hyphen" ] && ok || bad "$pdf: a line ends at a compound's hyphen: $hyphen"
  done
done
# The committed gallery is what this renderer makes: its manifest is current, so the documented
# command renders nothing again, and rendering everything again gives the same bytes (made without
# SOURCE_DATE_EPOCH, like the gallery).
cp -r samples/pdf "$out/gallery"
env -u SOURCE_DATE_EPOCH "$bin" batch samples --all-layouts --out "$out/gallery" >"$out/gallery.log" 2>&1
gallery=$(($(ls samples/*.json | wc -l) * $(wc -w <<<"$layouts")))
grep -q "^$gallery PDFs: 0 rendered, $gallery up to date, 0 failed" "$out/gallery.log" && ok \
  || bad "samples/pdf is stale (run scripts/gallery.sh): $(grep ' PDFs: ' "$out/gallery.log")"
env -u SOURCE_DATE_EPOCH "$bin" batch samples --all-layouts --out "$out/gallery" --force >/dev/null 2>&1
diff -r -q samples/pdf "$out/gallery" >/dev/null && ok || bad "samples/pdf differs from a fresh render"
# A layout file moving the company before the title on one line, on A4 (entry templates).
"$bin" render samples/with-photo.json -l tests/data/layouts/company-first-a4.json -o "$out/a4.pdf" \
  >/dev/null 2>&1 || bad "render with company-first-a4.json"
pdfinfo "$out/a4.pdf" | grep -qE "Page size: +595\.2[0-9]* x 841\.89 pts \(A4\)" && ok || bad "company-first-a4 is not A4"
pdftotext "$out/a4.pdf" - | grep -qF "The Riverbend Hotel Brisbane — Front Office Manager" && ok \
  || bad "company-first-a4: pdftotext lacks 'company — title'"
name=$(pdftotext "$out/polish-engineer--classic.pdf" - | head -1)
[ "$name" = "Łukasz Żółtowski" ] && ok || bad "Polish name extracts as '$name'"

# 3. International resumes (fonts-dejavu-core and fonts-noto-cjk cover them) render in every layout
# without a missing glyph, qpdf-clean and with the name extracted exactly; in the classic layout
# every expected line comes back from pdftotext exactly, once poppler's bidi controls and the
# renderer's invisible directional marks are left out.
unmark() { perl -CSD -pe 's/[\x{200E}\x{200F}\x{202A}-\x{202E}]//g; s/ +/ /g'; }
for f in tests/data/i18n/*.json; do
  expected="${f%.json}.expected"
  for l in $layouts; do
    pdf="$out/i18n-$(basename "$f" .json)--$l.pdf"
    "$bin" render -q "$f" -l "$l" -o "$pdf" 2>"$out/err" || { bad "render $f -l $l: $(cat "$out/err")"; continue; }
    [ -s "$out/err" ] && bad "$f -l $l warns (a font is missing?): $(cat "$out/err")" || ok
    qpdf --check "$pdf" >/dev/null 2>&1 && ok || bad "qpdf --check $pdf"
    lines=$(pdftotext "$pdf" - | unmark)
    wanted=$(if [ "$l" = classic ]; then cat "$expected"; else head -1 "$expected"; fi)
    while IFS= read -r want; do
      grep -qxF -- "$want" <<<"$lines" && ok || bad "$f -l $l: pdftotext lacks the line: $want"
    done <<<"$wanted"
  done
done

# 4. The shared corpus: nothing panics; schema-valid files exit 0; outputs are qpdf-clean.
if [ -d "$shared/real" ]; then
  with_warnings=0
  while IFS=$'\t' read -r file _ _ _ _ _ _ valid _; do
    [ "$file" = file ] && continue
    for l in $layouts; do
      pdf="$out/corpus-$l.pdf"
      "$bin" render -q "$shared/real/$file" -l "$l" -o "$pdf" 2>"$out/err"
      code=$?
      if [ $code -eq 101 ]; then bad "$file -l $l panicked: $(cat "$out/err")"; continue; fi
      if [ "$valid" = valid ] && [ $code -ne 0 ]; then bad "schema-valid $file -l $l exited $code: $(cat "$out/err")"; continue; fi
      [ $code -eq 0 ] && { qpdf --check "$pdf" >/dev/null 2>&1 && ok || bad "qpdf --check $file -l $l"; }
      [ "$l" = classic ] && [ -s "$out/err" ] && with_warnings=$((with_warnings + 1))
    done
  done <"$shared/real/MANIFEST.tsv"
  echo "corpus: $with_warnings of $(($(wc -l <"$shared/real/MANIFEST.tsv") - 1)) real resumes render with warnings"
  # The whole corpus in every layout as one batch: every file × layout renders, and a second run
  # skips everything.
  "$bin" batch "$shared/real" --all-layouts --out "$out/batch" >"$out/batch.log" 2>&1
  first=$(grep " PDFs: " "$out/batch.log")
  total=$(($(ls "$shared"/real/*.json | wc -l) * $(wc -w <<<"$layouts")))
  grep -Eq "^$total PDFs: $total rendered( \([0-9]+ with warnings\))?, 0 up to date, 0 failed" <<<"$first" && ok || bad "corpus batch: $first"
  "$bin" batch "$shared/real" --all-layouts --out "$out/batch" >"$out/batch.log" 2>&1
  second=$(grep " PDFs: " "$out/batch.log")
  grep -q "^$total PDFs: 0 rendered, $total up to date, 0 failed" <<<"$second" && ok || bad "corpus batch rerun: $second"
  for f in "$shared"/jsonresume-schema/sample.resume.json "$shared"/jsonresume-schema/examples/*.json; do
    "$bin" render "$f" -o "$out/example.pdf" 2>"$out/err" && ok || bad "render $f: $(cat "$out/err")"
  done
else
  echo "note: $shared not found; corpus cross-checks skipped"
fi

echo "crosscheck: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
