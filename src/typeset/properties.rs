//! Issue #5: properties of line breaking (`break_lines`), checked on generated
//! paragraphs of styled spans: words of many kinds (overlong ones, accents, combining marks,
//! ligatures, digits, CJK, punctuation), spaces, hard line breaks, links, separators and
//! non-breaking spans, against measures from 1 pt to a full page and a narrower first line.
//!
//! 1. No line is wider than its measure, unless it holds a single cluster that is wider by itself.
//! 2. No text is lost, added or reordered: the lines' texts, in order, are the paragraph's text with
//!    only whitespace (and separator spans) left out where the lines break. (Left-to-right text
//!    only: the runs of a line mixing directions are in visual order.)
//! 3. Breaking is deterministic: the same input gives the same lines, cold or warm shaper cache.
//!
//! Properties 1 and 3 also get Hebrew and Arabic words and Arabic-Indic digits.

use std::sync::OnceLock;

use super::line::Line;
use super::{Shaper, break_lines};
use crate::compose::{Span, TextStyle};
use crate::fonts::{FaceId, FontBook, Style};
use crate::style::{Direction, Rgb};
use proptest::prelude::*;

/// Separator spans are always this text, and no other span contains `·`.
const SEPARATOR: &str = " · ";
/// Slack for rounding in sums of glyph advances, in points.
const EPSILON: f32 = 0.05;

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::bundled)
}

fn faces() -> Vec<FaceId> {
    let book = book();
    let mut faces = Vec::new();
    for family in ["Carlito", "Liberation Sans", "Liberation Serif"] {
        for style in [Style::REGULAR, Style::BOLD, Style::ITALIC] {
            faces.push(book.find(family, style).expect("bundled face"));
        }
    }
    faces
}

/// One word-like piece of text (never whitespace, never `·`), right-to-left words too when `rtl`.
fn piece(rtl: bool) -> impl Strategy<Value = String> {
    let right_to_left = prop_oneof![
        "[\u{5d0}-\u{5ea}]{1,8}",
        "[\u{627}-\u{64a}]{1,8}",
        "[\u{661}-\u{669}]{1,4}",
    ];
    let left_to_right = prop_oneof![
        8 => "[a-zA-Z]{1,10}",
        2 => "[a-z]{15,70}",
        1 => "[éèüößøæÆÅçñ]{1,6}",
        1 => Just("e\u{301}a\u{308}".to_string()),
        1 => prop::sample::select(vec!["office", "ffi", "fjord", "AVATAR", "Wolf", "T.V."])
            .prop_map(str::to_string),
        1 => "[0-9]{1,8}",
        1 => "[\u{4e00}-\u{4e20}]{1,6}",
        1 => "[.,;:!?()/&+-]{1,2}",
        1 => "[\u{E000}-\u{E002}]",
    ];
    prop_oneof![
        10 => left_to_right,
        if rtl { 3 } else { 0 } => right_to_left,
    ]
}

/// What comes between pieces.
fn gap() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", " ", " ", " ", "  ", "\n", "", "-", "/", "\u{a0}", "\u{2009}", " \n ",
    ])
}

fn text(rtl: bool) -> impl Strategy<Value = String> {
    prop::collection::vec((piece(rtl), gap()), 0..40).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(piece, gap)| piece + gap)
            .collect::<String>()
    })
}

/// A span; about one in six is a separator, one in six never breaks inside.
fn span(rtl: bool) -> impl Strategy<Value = Span> {
    (
        text(rtl),
        0..faces().len(),
        8.0f32..16.0,
        prop_oneof![3 => Just(0.0f32), 1 => 0.0f32..1.5],
        0u8..6,
        any::<bool>(),
    )
        .prop_map(|(text, face, size, letter_spacing, kind, link)| {
            let separator = kind == 0;
            Span {
                text: if separator {
                    SEPARATOR.to_string()
                } else {
                    text
                },
                style: TextStyle {
                    face: faces()[face],
                    size,
                    color: Rgb::BLACK,
                    letter_spacing,
                    variant: Style::REGULAR,
                },
                link: link.then(|| "https://example.com/x".to_string()),
                separator,
                nowrap: kind == 1,
                node: None,
            }
        })
}

/// Spans of left-to-right text, or with `rtl` mixed with Hebrew and Arabic words and digits.
fn spans(rtl: bool) -> impl Strategy<Value = Vec<Span>> {
    prop::collection::vec(span(rtl), 1..5)
}

/// Width of the first line and of every other line.
fn measures() -> impl Strategy<Value = (f32, f32)> {
    prop_oneof![
        1 => (1.0f32..20.0, 1.0f32..20.0),
        4 => (20.0f32..250.0, 20.0f32..250.0),
        2 => (250.0f32..600.0, 250.0f32..600.0),
    ]
}

fn line_text(line: &Line) -> String {
    line.runs.iter().map(|run| run.text.as_str()).collect()
}

/// Number of clusters a line shows (glyphs that start one: those standing for some text).
fn clusters(line: &Line) -> usize {
    line.runs
        .iter()
        .flat_map(|run| &run.glyphs)
        .filter(|glyph| !glyph.text.is_empty())
        .count()
}

/// Whether `gap` is something a line break may leave out.
fn droppable(gap: &str) -> bool {
    gap.chars().all(|c| c.is_whitespace() || c == '·')
}

fn break_with(spans: &[Span], (first, rest): (f32, f32)) -> Vec<Line> {
    let mut shaper = Shaper::new(book());
    break_lines(&mut shaper, spans, Direction::Ltr, |i| {
        if i == 0 { first } else { rest }
    })
}

/// 64 cases keep `cargo test` quick in debug builds; `PROPTEST_CASES=5000` searches harder.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn no_line_is_wider_than_its_measure(spans in spans(true), measures in measures()) {
        let lines = break_with(&spans, measures);
        for (i, line) in lines.iter().enumerate() {
            let measure = if i == 0 { measures.0 } else { measures.1 };
            let sum: f32 = line.runs.iter().map(|run| run.width()).sum();
            prop_assert!((sum - line.width).abs() < EPSILON, "line {i}: width {} but runs sum to {sum}", line.width);
            prop_assert!(
                line.width <= measure + EPSILON || clusters(line) == 1,
                "line {i} of {}: {:?} is {} pt wide, measure {measure} pt, {} clusters",
                lines.len(), line_text(line), line.width, clusters(line)
            );
        }
    }

    #[test]
    fn no_text_is_lost_added_or_reordered(spans in spans(false), measures in measures()) {
        let lines = break_with(&spans, measures);
        let full: String = spans.iter().map(|span| span.text.as_str()).collect();
        let mut at = 0;
        for (i, line) in lines.iter().enumerate() {
            let text = line_text(line);
            // The line's text comes next, after nothing but droppable text.
            let found = full[at..].find(&text).map(|offset| at + offset);
            let Some(start) = found.filter(|&start| droppable(&full[at..start])) else {
                return Err(TestCaseError::fail(format!(
                    "line {i} {text:?} does not follow at byte {at} of {full:?}; lines: {:?}",
                    lines.iter().map(line_text).collect::<Vec<_>>()
                )));
            };
            at = start + text.len();
        }
        prop_assert!(droppable(&full[at..]), "text after the last line was lost: {:?}", &full[at..]);
    }

    #[test]
    fn breaking_is_deterministic(spans in spans(true), measures in measures()) {
        let first = break_with(&spans, measures);
        let second = break_with(&spans, measures);
        prop_assert_eq!(&first, &second);
        // A warm cache (every word already shaped) gives the same lines too.
        let mut shaper = Shaper::new(book());
        let width = |i: usize| if i == 0 { measures.0 } else { measures.1 };
        let _ = break_lines(&mut shaper, &spans, Direction::Ltr, width);
        let warm = break_lines(&mut shaper, &spans, Direction::Ltr, width);
        prop_assert_eq!(&first, &warm);
    }
}

/// The properties' checks can fail: a line broken by hand in the wrong place is caught.
#[test]
fn the_checks_catch_a_wrong_break() {
    let spans = [Span {
        text: "alpha beta gamma".to_string(),
        style: TextStyle {
            face: faces()[0],
            size: 11.0,
            color: Rgb::BLACK,
            letter_spacing: 0.0,
            variant: Style::REGULAR,
        },
        link: None,
        separator: false,
        nowrap: false,
        node: None,
    }];
    let lines = break_with(&spans, (40.0, 40.0));
    assert!(lines.len() >= 2);
    assert!(lines.iter().all(|l| l.width <= 40.0 + EPSILON));
    assert!(!droppable("a"));
    assert!(droppable(" \n·"));
    let mut swapped = lines.clone();
    swapped.swap(0, 1);
    let full = "alpha beta gamma";
    let first = line_text(&swapped[0]);
    let at = full.find(&first).unwrap();
    assert!(
        !droppable(&full[..at]),
        "a reordered line must not pass the check"
    );
}
