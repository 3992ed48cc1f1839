"""Checks PDFs with two independent validators: page-validation (profiles ua1 and 2a, every rule
must pass) and pdfua (no error, no warning), and that poppler calls each file tagged.

One failure is known and listed instead of failing the run: page-validation 0.11 compares the
/W widths of a CFF-flavoured CID font (CIDFontType0C: the Noto Sans CJK fallback faces) with
widths it reads from the charstrings without each glyph's own private dictionary (FDSelect), and
reports impossible widths such as -54 for a 1000-unit ideograph; fontTools, which selects the
private dictionary, agrees with /W for every glyph of such a file. Any other rule, or that rule on another kind of
font, fails the run.

Usage: python tests/accessibility.py FILE.pdf...   (exit status 1 when any file fails)
"""

import json
import subprocess
import sys

import page

KNOWN = {"PDFUA1-FONT-GLYPH-WIDTH-001", "PDFA2A-TRUETYPE-GLYPH-WIDTH-001"}


def known(failure):
    return failure.rule_id in KNOWN and "CIDFontType0C" in failure.message


def check(path):
    """The problems found in `path`, and the known failures and skipped checks."""
    problems, notes = [], []
    for profile in ("ua1", "2a"):
        for failure in page.validate_pdf(path, profile=profile).failures:
            line = f"{profile}: {failure.rule_id}"
            if known(failure):
                notes.append(f"known failure {line} (CFF widths read with the wrong private dictionary)")
            else:
                problems.append(f"{line}: {failure.message}")
    run = subprocess.run(
        [sys.executable, "-m", "pdfua", "check", "--format", "json", path],
        capture_output=True,
        text=True,
    )
    try:
        result = json.loads(run.stdout)
    except json.JSONDecodeError:
        problems.append(f"pdfua: no answer: {run.stdout[:200]} {run.stderr[:200]}")
    else:
        for finding in result["findings"]:
            if finding["severity"] in ("error", "warning"):
                problems.append(f"pdfua: {finding['rule_id']}: {finding['message']}")
        for skipped in result.get("skipped", []):
            notes.append(f"pdfua skipped {skipped['rule_id']}: {skipped['reason'][:80]}")
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    if "Tagged:          yes" not in info:
        problems.append("pdfinfo: not tagged")
    return problems, notes


def main(paths):
    failed = 0
    counts = {}
    for path in paths:
        problems, notes = check(path)
        for note in set(notes):
            counts[note] = counts.get(note, 0) + 1
        if problems:
            failed += 1
            print(f"FAIL {path}")
            for problem in problems:
                print(f"    {problem}")
    for note, n in sorted(counts.items()):
        print(f"note: {n} file(s): {note}")
    print(f"accessibility: {len(paths) - failed} of {len(paths)} PDFs pass PDF/UA-1 and PDF/A-2a")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
