//! What a glyph run asks of the writer beyond its glyphs: right-to-left order and synthetic bold.
//!
//! A right-to-left run (Arabic, Hebrew) has its glyphs in visual order, left to right on the page,
//! and its text in logical order, so its glyphs' text ranges run backwards. It is written the way
//! ISO 32000 (14.8.2.5.3) writes show strings "whose character codes are given in reverse order":
//! inside a `/ReversedChars` marked-content sequence, and with each glyph standing for its text
//! reversed as well (a lam-alef ligature maps to alef then lam), so that the Unicode of the whole
//! show string is exactly its text backwards. Extractors that order text by position and then
//! apply bidi (poppler, pdf.js) read ligatures and marks the right way round, and a reader that
//! honours the tag gets the logical text by reversing the string.
//!
//! A synthetic bold run is filled and stroked (text rendering mode 2) with a thin line in its fill
//! colour, which thickens every outline; a synthetic italic one is drawn with a sheared text matrix.

use std::borrow::Cow;

/// The tag of the marked-content sequence around a right-to-left show string.
pub(crate) const REVERSED_CHARS: &str = "ReversedChars";

/// Horizontal shear of synthetic italic text: tan 12°, the slant of most italic and oblique faces.
pub(crate) const SLANT: f32 = 0.2126;

/// Width of the stroke that emboldens synthetic bold text, in em.
pub(crate) const BOLD_STROKE: f32 = 0.03;

/// Whether `c` is one of the invisible direction marks the typesetter joins to a glyph's text
/// for poppler (see `typeset::marks`).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}')
}

/// The text a glyph's code maps to. In a right-to-left run: `text` reversed, marks and all. In a
/// left-to-right run: `text` without its direction marks, which the run's `/ActualText` carries
/// instead (see [`actual_text`]), so extractors that read the codes (pdf.js, pypdf, pdfminer,
/// PDFBox) get no invisible characters.
pub(crate) fn shown(text: &str, reversed: bool) -> Cow<'_, str> {
    if reversed && text.chars().nth(1).is_some() {
        Cow::Owned(text.chars().rev().collect())
    } else if !reversed && text.contains(is_mark) {
        Cow::Owned(text.chars().filter(|&c| !is_mark(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// The `/ActualText` of a left-to-right run whose glyphs' texts (`texts`, in order) carry
/// direction marks: those texts joined, marks kept. poppler reads an `/ActualText` instead of the
/// codes it spans, so it still gets the marks it needs to order a mixed line. A right-to-left run
/// gets none: its `/ActualText` could only hold its text backwards, as poppler reads it, which
/// readers that follow ISO 32000 would take for the text; the typesetter moves marks off such
/// runs where it can (see `typeset::marks`).
pub(crate) fn actual_text<'t>(
    reversed: bool,
    texts: impl IntoIterator<Item = &'t str> + Clone,
) -> Option<String> {
    if reversed || !texts.clone().into_iter().any(|t| t.contains(is_mark)) {
        return None;
    }
    Some(texts.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glyph_of_a_reversed_run_shows_its_characters_backwards() {
        assert_eq!(shown("لا", true), "ال");
        assert_eq!(shown("لا", false), "لا");
        assert!(matches!(shown("ب", true), Cow::Borrowed("ب")));
    }

    #[test]
    fn left_to_right_codes_leave_out_the_marks_that_actual_text_keeps() {
        assert_eq!(shown("\u{200F}8", false), "8");
        assert_eq!(shown("لا\u{200E}", true), "\u{200E}ال");
        let texts = ["\u{200F}R", "ust"];
        assert_eq!(actual_text(false, texts).as_deref(), Some("\u{200F}Rust"));
        assert_eq!(actual_text(true, texts), None);
        assert_eq!(actual_text(false, ["R", "ust"]), None);
    }
}
