//! Directional marks that let position-based text extractors read mixed-direction lines in
//! logical order.
//!
//! Extractors such as poppler (`pdftotext`) do not know the bidi levels the typesetter resolved:
//! they sort a line's characters by position and rebuild the reading order with a much simpler
//! rule. A line is read from its start side (the right on a mostly right-to-left page); a run of
//! characters that are not right-to-left letters and that starts at a letter or number is taken as
//! one left-to-right section, in display order; everything else is read backwards. That rule
//! misreads what sits between the two directions: the space after "8" in "بخبرة 8 سنوات" is
//! pulled in front of the number, a colon or full stop after Arabic text (numeric separators to
//! poppler) starts a left-to-right section of its own and drags neighbours into it, and two Latin
//! items separated by " · " are read as one section in the wrong order.
//!
//! The fix is to make every section boundary explicit with the invisible marks UAX #9 provides:
//! a RIGHT-TO-LEFT MARK (U+200F) ends a left-to-right section where it should end, and a
//! LEFT-TO-RIGHT MARK (U+200E) keeps a section's trailing brackets or quotes inside it. A mark
//! joins the text of the glyph beside it, so it costs no space on the page. The PDF writer keeps
//! the marks of a left-to-right run out of the text its glyphs map to and puts them in the run's
//! `/ActualText`, which poppler reads and pdf.js, pypdf, pdfminer and PDFBox do not, so only
//! poppler gets them (it surrounds sections with bidi controls of its own anyway); a mark on a
//! right-to-left glyph is moved to a touching left-to-right one where there is one.
//! Marks are added only where the simple rule would otherwise misread the line.
//!
//! A mirrored line (a right-to-left one, or any line of a right-to-left document) is assumed to be
//! read on a mostly right-to-left page, and any other line on a mostly left-to-right one, which
//! holds for a resume written in one language. On a right-to-left page a left-to-right line is one
//! section, read as it stands, once a LEFT-TO-RIGHT MARK ends it where it ends in a bracket or a
//! bullet.

use std::ops::Range;

use unicode_bidi::{BidiClass, bidi_class};

use super::line::Line;
use super::pages::GlyphRun;

/// LEFT-TO-RIGHT MARK.
pub(crate) const LRM: char = '\u{200E}';
/// RIGHT-TO-LEFT MARK.
pub(crate) const RLM: char = '\u{200F}';

/// How a position-based extractor classifies a character (poppler's three classes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A left-to-right letter.
    Left,
    /// A right-to-left letter.
    Right,
    /// A digit or a character that goes with numbers (`+ - , . / : % $ #`, no-break space...).
    Number,
    /// Everything else: spaces, brackets, quotes, bullets, dashes.
    Neutral,
}

fn class(c: char) -> Class {
    use BidiClass::*;
    match bidi_class(c) {
        L => Class::Left,
        R | AL => Class::Right,
        EN | ES | ET | CS | AN => Class::Number,
        _ => Class::Neutral,
    }
}

/// Whether a left-to-right section can start at (or run through) a character of this class.
fn starts_section(class: Class) -> bool {
    matches!(class, Class::Left | Class::Number)
}

/// A glyph that stands for some text, in display order.
struct Cell {
    run: usize,
    glyph: usize,
    /// The glyph belongs to text at the line's own direction (not embedded in the other one).
    at_base: bool,
    /// Class of the leftmost and rightmost character as displayed.
    left: Class,
    right: Class,
    /// Some character is a letter or number that would start a left-to-right section.
    any_section_start: bool,
}

/// Which side of a glyph, as displayed, a mark goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    Left,
    Right,
}

/// Adds the marks `line` needs (see the module documentation).
pub(super) fn add_directional_marks(line: &mut Line) {
    if !line.mirrored && line.runs.iter().all(|run| !run.right_to_left) {
        // Left to right throughout, on a left-to-right page: nothing to misread.
        return;
    }
    let cells = cells(line);
    let mut marks: Vec<(usize, Side, char)> = Vec::new();
    let islands = islands(&cells);
    if line.mirrored && !line.rtl {
        if let Some(last) = cells.len().checked_sub(1)
            && !starts_section(cells[last].right)
        {
            marks.push((last, Side::Right, LRM));
        }
    } else if line.rtl {
        for island in &islands {
            let (first, last) = (island.start, island.end - 1);
            if !starts_section(cells[last].right) {
                marks.push((last, Side::Right, LRM));
            }
            if first > 0 && cells[first - 1].right != Class::Right {
                marks.push((first, Side::Left, RLM));
            }
        }
        for (i, cell) in cells.iter().enumerate() {
            if cell.at_base && cell.any_section_start && i > 0 && cells[i - 1].right != Class::Right
            {
                marks.push((i, Side::Left, RLM));
            }
        }
    } else {
        for island in &islands {
            let (first, last) = (island.start, island.end - 1);
            if cells[first].left != Class::Right {
                marks.push((first, Side::Left, RLM));
            }
            if cells
                .get(last + 1)
                .is_some_and(|next| next.left == Class::Neutral)
            {
                marks.push((last, Side::Right, LRM));
            }
        }
    }
    for (cell, side, _) in &mut marks {
        move_off_reversed_run(line, &cells, cell, side);
    }
    marks.sort_unstable_by_key(|&(cell, side, _)| (cell, side == Side::Right));
    marks.dedup();
    for (cell, side, mark) in marks {
        let Cell { run, glyph, .. } = cells[cell];
        let run = &mut line.runs[run];
        let reversed = run.right_to_left;
        // Text is stored in logical order: the left of a right-to-left glyph is its logical end.
        let at_start = (side == Side::Left) != reversed;
        insert_mark(run, glyph, at_start, mark);
    }
}

/// Moves a mark from a glyph of a right-to-left run to the touching side of its neighbour when
/// that neighbour is in a left-to-right run: position-based extractors read the same sequence,
/// and the writer can then carry the mark in the left-to-right run's `/ActualText` (for poppler)
/// instead of in the text every extractor reads (see `pdf::runs`). A reversed run's
/// `/ActualText` could only hold its text backwards, which readers that follow ISO 32000 would
/// read backwards.
fn move_off_reversed_run(line: &Line, cells: &[Cell], cell: &mut usize, side: &mut Side) {
    if !line.runs[cells[*cell].run].right_to_left {
        return;
    }
    let neighbour = match side {
        Side::Left => cell.checked_sub(1),
        Side::Right => Some(*cell + 1).filter(|&i| i < cells.len()),
    };
    if let Some(n) = neighbour
        && !line.runs[cells[n].run].right_to_left
    {
        *cell = n;
        *side = match side {
            Side::Left => Side::Right,
            Side::Right => Side::Left,
        };
    }
}

/// The glyphs of `line` that stand for text, in display order, classified.
fn cells(line: &Line) -> Vec<Cell> {
    let mut order: Vec<usize> = (0..line.runs.len()).collect();
    order.sort_by(|&a, &b| line.runs[a].x.total_cmp(&line.runs[b].x));
    let mut cells = Vec::new();
    for run_index in order {
        let run = &line.runs[run_index];
        let reversed = run.right_to_left;
        let at_base = reversed == line.rtl;
        for (glyph_index, glyph) in run.glyphs.iter().enumerate() {
            let Some(text) = run.text.get(glyph.text.clone()).filter(|t| !t.is_empty()) else {
                continue;
            };
            let classes: Vec<Class> = text.chars().map(class).collect();
            let (first, last) = (classes[0], classes[classes.len() - 1]);
            let (left, right) = if reversed {
                (last, first)
            } else {
                (first, last)
            };
            cells.push(Cell {
                run: run_index,
                glyph: glyph_index,
                at_base,
                left,
                right,
                any_section_start: classes.iter().any(|&c| starts_section(c)),
            });
        }
    }
    cells
}

/// Maximal stretches of cells embedded in the other direction.
fn islands(cells: &[Cell]) -> Vec<Range<usize>> {
    let mut islands = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        if cells[i].at_base {
            i += 1;
            continue;
        }
        let start = i;
        while i < cells.len() && !cells[i].at_base {
            i += 1;
        }
        islands.push(start..i);
    }
    islands
}

/// Puts `mark` at the logical start (or end) of the text of glyph `glyph` of `run`.
fn insert_mark(run: &mut GlyphRun, glyph: usize, at_start: bool, mark: char) {
    let range = run.glyphs[glyph].text.clone();
    let at = if at_start { range.start } else { range.end };
    let len = mark.len_utf8();
    run.text.insert(at, mark);
    for (i, other) in run.glyphs.iter_mut().enumerate() {
        if i == glyph {
            other.text.end += len;
        } else if !other.text.is_empty() && other.text.start >= at {
            other.text.start += len;
            other.text.end += len;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::FaceId;
    use crate::style::Rgb;
    use crate::typeset::pages::Glyph;

    /// A run at `x` of one glyph per character, displayed left to right, or right to left (then
    /// the glyphs come in display order and the text stays in logical order).
    fn run(x: f32, text: &str, rtl: bool) -> GlyphRun {
        let mut glyphs: Vec<Glyph> = text
            .char_indices()
            .map(|(at, c)| Glyph {
                id: 1,
                advance: 1.0,
                text: at..at + c.len_utf8(),
                ..Glyph::default()
            })
            .collect();
        if rtl {
            glyphs.reverse();
        }
        GlyphRun {
            face: FaceId(0),
            size: 10.0,
            color: Rgb::BLACK,
            x,
            y: 0.0,
            text: text.to_string(),
            glyphs,
            synthetic_bold: false,
            synthetic_italic: false,
            right_to_left: rtl,
            node: None,
        }
    }

    /// A line of runs given in display order as (text, right to left).
    fn line(rtl: bool, runs: &[(&str, bool)]) -> Line {
        let mut x = 0.0;
        let runs = runs
            .iter()
            .map(|&(text, run_rtl)| {
                let r = run(x, text, run_rtl);
                x += r.width();
                r
            })
            .collect();
        Line {
            runs,
            rtl,
            ..Line::default()
        }
    }

    /// What a position-based extractor reads (poppler's rule), marks included.
    fn extract(line: &Line) -> String {
        let mut runs: Vec<&GlyphRun> = line.runs.iter().collect();
        runs.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut visual: Vec<char> = Vec::new();
        for run in runs {
            let reversed = run.right_to_left;
            for glyph in &run.glyphs {
                let text = &run.text[glyph.text.clone()];
                if reversed {
                    visual.extend(text.chars().rev());
                } else {
                    visual.extend(text.chars());
                }
            }
        }
        let mut out = String::new();
        if line.rtl {
            let mut i = visual.len();
            while i > 0 {
                let mut j = i;
                while j > 0 && !starts_section(class(visual[j - 1])) {
                    j -= 1;
                }
                out.extend(visual[j..i].iter().rev());
                i = j;
                let mut k = i;
                while k > 0 && class(visual[k - 1]) != Class::Right {
                    k -= 1;
                }
                out.extend(&visual[k..i]);
                i = k;
            }
        } else {
            let mut i = 0;
            while i < visual.len() {
                let mut j = i;
                while j < visual.len() && class(visual[j]) != Class::Right {
                    j += 1;
                }
                out.extend(&visual[i..j]);
                i = j;
                let mut k = i;
                while k < visual.len() && !starts_section(class(visual[k])) {
                    k += 1;
                }
                out.extend(visual[i..k].iter().rev());
                i = k;
            }
        }
        out
    }

    fn without_marks(s: &str) -> String {
        s.chars().filter(|&c| c != LRM && c != RLM).collect()
    }

    /// Adds the marks and checks the extractor reads `logical`; returns the marks added.
    fn reads(mut l: Line, logical: &str) -> usize {
        add_directional_marks(&mut l);
        let read = extract(&l);
        assert_eq!(without_marks(&read), logical, "{read:?}");
        for run in &l.runs {
            let text: String = run
                .glyphs
                .iter()
                .map(|g| &run.text[g.text.clone()])
                .collect::<Vec<_>>()
                .concat();
            assert_eq!(text.len(), run.text.len(), "glyphs cover the run's text");
        }
        read.chars().filter(|&c| c == LRM || c == RLM).count()
    }

    #[test]
    fn a_number_inside_arabic_keeps_its_spaces() {
        // Logical "بخبرة 8 سنوات", displayed right to left.
        let l = line(true, &[(" سنوات", true), ("8", false), ("بخبرة ", true)]);
        assert!(
            without_marks(&extract(&l)) != "بخبرة 8 سنوات",
            "needs marks"
        );
        assert_eq!(reads(l, "بخبرة 8 سنوات"), 1);
    }

    #[test]
    fn latin_words_and_full_stops_in_arabic_read_in_order() {
        // Logical "باستخدام Rust وPostgreSQL."
        let l = line(
            true,
            &[
                (".", true),
                ("PostgreSQL", false),
                (" و", true),
                ("Rust", false),
                ("باستخدام ", true),
            ],
        );
        reads(l, "باستخدام Rust وPostgreSQL.");
        // Logical "لغات البرمجة: Rust, Go, Python"
        let l = line(
            true,
            &[("Rust, Go, Python", false), ("لغات البرمجة: ", true)],
        );
        reads(l, "لغات البرمجة: Rust, Go, Python");
    }

    #[test]
    fn latin_items_separated_by_dots_keep_their_order() {
        // Logical "layla@example.com · +966 50 123 4567 · الرياض"
        let l = line(
            true,
            &[
                (" · الرياض", true),
                ("+966 50 123 4567", false),
                (" · ", true),
                ("layla@example.com", false),
            ],
        );
        reads(l, "layla@example.com · +966 50 123 4567 · الرياض");
    }

    #[test]
    fn trailing_brackets_stay_with_their_latin_text() {
        // Logical "مطور (Rust (async))" with the Latin part an island ending in brackets.
        let l = line(true, &[("Rust (async)", false), ("مطور ", true)]);
        reads(l, "مطور Rust (async)");
    }

    #[test]
    fn pure_lines_need_no_marks() {
        assert_eq!(reads(line(true, &[("ليلى حسن", true)]), "ليلى حسن"), 0);
        assert_eq!(
            reads(
                line(false, &[("Led a team of six.", false)]),
                "Led a team of six."
            ),
            0
        );
    }

    #[test]
    fn hebrew_inside_an_english_line_reads_in_order() {
        // Logical "Hebrew: עברית and English"
        let l = line(
            false,
            &[
                ("Hebrew: ", false),
                ("עברית", true),
                (" and English", false),
            ],
        );
        reads(l, "Hebrew: עברית and English");
    }

    #[test]
    fn a_mark_joins_the_text_of_its_glyph() {
        let mut r = run(0.0, "Rust", false);
        insert_mark(&mut r, 0, true, RLM);
        assert_eq!(r.text, "\u{200F}Rust");
        assert_eq!(r.glyphs[0].text, 0..4);
        assert_eq!(r.glyphs[1].text, 4..5);
        let mut r = run(0.0, "אב", true);
        insert_mark(&mut r, 0, false, LRM);
        assert_eq!(r.text, "אב\u{200E}");
        // Display order: ב (text 2..4) first, then א (0..2).
        assert_eq!(r.glyphs[0].text, 2..7);
        assert_eq!(r.glyphs[1].text, 0..2);
    }
}
