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
//! colour, which thickens every outline.

use std::borrow::Cow;

use unicode_bidi::{BidiClass, bidi_class};

use crate::typeset::pages::GlyphRun;

/// The tag of the marked-content sequence around a right-to-left show string.
pub(crate) const REVERSED_CHARS: &str = "ReversedChars";

/// Width of the stroke that emboldens synthetic bold text, in em.
pub(crate) const BOLD_STROKE: f32 = 0.03;

/// Whether `run` is right to left: its glyph text ranges run backwards, or its text has a
/// right-to-left letter (then the bidi algorithm gave the whole run an odd level).
pub(crate) fn is_reversed(run: &GlyphRun) -> bool {
    let mut starts = run
        .glyphs
        .iter()
        .filter(|g| !g.text.is_empty())
        .map(|g| g.text.start);
    let backwards = starts.next().is_some_and(|first| {
        starts
            .try_fold(first, |previous, start| {
                (start >= previous).then_some(start)
            })
            .is_none()
    });
    backwards
        || run
            .text
            .chars()
            .any(|c| c >= '\u{0590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

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
    use crate::fonts::FaceId;
    use crate::typeset::pages::{Glyph, Rgb};

    /// A run of `text` whose glyphs stand for these (start, end) byte ranges.
    fn run(text: &str, ranges: &[(usize, usize)]) -> GlyphRun {
        GlyphRun {
            face: FaceId(0),
            size: 10.0,
            color: Rgb::BLACK,
            x: 0.0,
            y: 0.0,
            text: text.to_string(),
            glyphs: ranges
                .iter()
                .map(|&(start, end)| Glyph {
                    id: 1,
                    advance: 5.0,
                    text: start..end,
                })
                .collect(),
            synthetic_bold: false,
        }
    }

    #[test]
    fn runs_are_reversed_when_their_text_runs_backwards_or_is_right_to_left() {
        assert!(!is_reversed(&run("ab", &[(0, 1), (1, 2)])));
        assert!(!is_reversed(&run("ab", &[(0, 1), (1, 1), (1, 2)])));
        assert!(is_reversed(&run("ab", &[(1, 2), (0, 1)])));
        assert!(is_reversed(&run("ab", &[(1, 2), (0, 0), (0, 1)])));
        // One glyph for two Arabic letters (a lam-alef ligature): nothing to compare, but Arabic.
        assert!(is_reversed(&run("لا", &[(0, 4)])));
        assert!(!is_reversed(&run("", &[])));
    }

    #[test]
    fn a_glyph_of_a_reversed_run_shows_its_characters_backwards() {
        assert_eq!(shown("لا", true), "ال");
        assert_eq!(shown("لا", false), "لا");
        assert!(matches!(shown("ب", true), Cow::Borrowed("ب")));
    }
}
