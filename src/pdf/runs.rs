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

/// The text a glyph shows: `text` itself, or reversed in a right-to-left run.
pub(crate) fn shown(text: &str, reversed: bool) -> Cow<'_, str> {
    if reversed && text.chars().nth(1).is_some() {
        Cow::Owned(text.chars().rev().collect())
    } else {
        Cow::Borrowed(text)
    }
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
}
