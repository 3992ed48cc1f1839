//! Achievement bullets: figures (quantified achievements), action verbs, length in rendered lines
//! and repeated opening verbs.

use std::collections::BTreeMap;

use super::lexicon::{NON_VERB_OPENERS, NUMBER_WORDS, SYNONYMS, VERBS, WEAK_OPENINGS};
use super::text::{excerpt, is_number, words};
use super::{Bullet, Category, Cx, Finding, Severity};
use crate::compose::{Span, TextStyle};
use crate::fonts::{FaceId, FontBook, Style};
use crate::layout::Layout;
use crate::style::{Direction, Rgb};
use crate::typeset::{Shaper, break_lines};

/// A bullet share at or above this carries enough figures.
pub(crate) const QUANTIFIED_TARGET: f64 = 0.5;
/// Bullets rendering to more lines than this are long.
pub(crate) const MAX_LINES: usize = 2;
/// An opening verb used more often than this is repetitive.
pub(crate) const MAX_SAME_VERB: usize = 3;

/// True when `text` carries a figure: a digit that is not just a year or part of a name such as
/// `Python 3`'s neighbours `S3`/`EC2`, a `%`, a currency amount, or a number word.
pub(crate) fn has_figure(text: &str) -> bool {
    if text.contains('%') {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    if chars
        .windows(2)
        .any(|w| is_currency(w[0]) && w[1].is_ascii_digit())
    {
        return true;
    }
    for word in words(text) {
        let lower = word.to_lowercase();
        if NUMBER_WORDS.contains(&lower.as_str()) {
            return true;
        }
        for part in lower.split(['-', '–']) {
            if figure_token(part) {
                return true;
            }
        }
    }
    false
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹' | '₩' | '₽' | '₺' | '₪' | 'ł')
}

/// A number, optionally with a unit suffix (`10x`, `40k`, `4.2m`, `60+`, `1990s`), that is not a
/// bare year.
fn figure_token(part: &str) -> bool {
    let digits_end = part
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | ':')))
        .map_or(part.len(), |(i, _)| i);
    let (number, suffix) = part.split_at(digits_end);
    if !is_number(number) {
        return false;
    }
    let suffix_ok = matches!(
        suffix,
        "" | "x"
            | "k"
            | "m"
            | "mm"
            | "bn"
            | "b"
            | "s"
            | "h"
            | "hr"
            | "hrs"
            | "pt"
            | "pts"
            | "+"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "min"
            | "ms"
            | "tb"
            | "gb"
            | "mb"
            | "kg"
            | "km"
    );
    let year = number.len() == 4
        && suffix.is_empty()
        && number
            .parse::<u32>()
            .is_ok_and(|y| (1950..=2100).contains(&y));
    suffix_ok && !year
}

/// True when `word` (lower case) reads as a verb.
pub(crate) fn verb_like(word: &str) -> bool {
    if VERBS.contains(&word) {
        return true;
    }
    let n = word.chars().count();
    if n >= 4 && (word.ends_with("ed") || word.ends_with("ize") || word.ends_with("ise")) {
        return true;
    }
    if n >= 5 && word.ends_with("ing") {
        return true;
    }
    // Third person of listed verbs: "leads", "manages", "coaches", "simplifies".
    let third_person = [
        word.strip_suffix('s').map(str::to_string),
        word.strip_suffix("es").map(str::to_string),
        word.strip_suffix("ies").map(|stem| format!("{stem}y")),
    ];
    third_person
        .into_iter()
        .flatten()
        .any(|stem| VERBS.contains(&stem.as_str()))
}

/// Measures bullets in the layout's body style at the width bullets get.
struct Measure<'f> {
    shaper: Shaper<'f>,
    style: TextStyle,
    width: f32,
}

impl<'f> Measure<'f> {
    fn new(layout: &Layout, fonts: &'f FontBook) -> Measure<'f> {
        let face = fonts
            .find(&layout.fonts.body.name, Style::REGULAR)
            .or_else(|| fonts.find("Liberation Sans", Style::REGULAR))
            .unwrap_or(FaceId(0));
        let (page_width, _) = layout.page.dimensions();
        let m = &layout.page.margins;
        let width = page_width - m.left.pt() - m.right.pt() - layout.spacing.bullet_indent.pt();
        Measure {
            shaper: Shaper::new(fonts),
            style: TextStyle {
                face,
                size: layout.sizes.body,
                color: Rgb::BLACK,
                letter_spacing: 0.0,
                variant: crate::fonts::Style::REGULAR,
            },
            width,
        }
    }

    /// Lines `text` takes as a bullet.
    fn lines(&mut self, text: &str) -> usize {
        let span = Span {
            text: text.to_string(),
            style: self.style,
            link: None,
            separator: false,
            nowrap: false,
            node: None,
        };
        let width = self.width;
        break_lines(
            &mut self.shaper,
            std::slice::from_ref(&span),
            Direction::Ltr,
            |_| width,
        )
        .len()
    }
}

/// Runs the bullet rules; returns (bullets, bullets with a figure).
pub(super) fn check(
    cx: &Cx,
    layout: &Layout,
    fonts: &FontBook,
    out: &mut Vec<Finding>,
) -> (usize, usize) {
    let bullets = cx.bullets();
    let quantified = figures(&bullets, out);
    if cx.english {
        verbs(&bullets, out);
    } else if !bullets.is_empty() {
        out.push(Finding::new(
            Severity::Info,
            Category::Language,
            "language.not-english",
            "$.work",
            "the text does not look English, so action verbs were not checked",
            "Make sure each bullet opens with a strong verb in the resume's language.",
        ));
    }
    length(&bullets, layout, fonts, out);
    (bullets.len(), quantified)
}

fn figures(bullets: &[Bullet], out: &mut Vec<Finding>) -> usize {
    if bullets.is_empty() {
        out.push(Finding::new(
            Severity::Warning,
            Category::Achievements,
            "achievements.no-bullets",
            "$.work",
            "no achievement bullets (highlights) in work, volunteer or projects",
            "Under each role add 3–6 highlights, one achievement each, with a figure where you \
             can: \"Cut response time from 9 hours to 40 minutes\".",
        ));
        return 0;
    }
    let without: Vec<&Bullet> = bullets.iter().filter(|b| !has_figure(b.text)).collect();
    let quantified = bullets.len() - without.len();
    let share = quantified as f64 / bullets.len() as f64;
    let percent = (share * 100.0).round();
    let message = format!(
        "{quantified} of {} bullets ({percent}%) carry a figure; the target is at least {}%",
        bullets.len(),
        QUANTIFIED_TARGET * 100.0
    );
    if share < QUANTIFIED_TARGET {
        out.push(Finding::new(
            Severity::Warning,
            Category::Achievements,
            "achievements.share",
            "$.work",
            message,
            "Add a figure to the bullets reported without one: percentages, counts, money, time \
             saved, team or customer numbers.",
        ));
    } else {
        out.push(Finding::new(
            Severity::Info,
            Category::Achievements,
            "achievements.share",
            "$.work",
            message,
            "Keep it up; a figure in most bullets makes results concrete.",
        ));
    }
    for b in without {
        out.push(Finding::new(
            Severity::Info,
            Category::Achievements,
            "achievements.no-figure",
            b.path.clone(),
            format!("no figure in \"{}\"", excerpt(b.text, 70)),
            "Say how much, how many or how fast: a percentage, a count, money or a time span.",
        ));
    }
    quantified
}

/// The weak opening `text` starts with, if any.
fn weak_opening(lower_words: &[String]) -> Option<&'static str> {
    WEAK_OPENINGS.iter().copied().find(|phrase| {
        let phrase_words: Vec<&str> = phrase.split(' ').collect();
        lower_words.len() >= phrase_words.len()
            && phrase_words
                .iter()
                .zip(lower_words)
                .all(|(p, w)| *p == w.as_str())
    })
}

fn verbs(bullets: &[Bullet], out: &mut Vec<Finding>) {
    let mut openers: BTreeMap<String, Vec<&Bullet>> = BTreeMap::new();
    for b in bullets {
        let lower: Vec<String> = words(b.text)
            .into_iter()
            .take(4)
            .map(str::to_lowercase)
            .collect();
        let Some(first) = lower.first() else { continue };
        let starts_with_number = b
            .text
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || is_currency(c));
        if let Some(phrase) = weak_opening(&lower) {
            out.push(Finding::new(
                Severity::Warning,
                Category::Language,
                "language.weak-opening",
                b.path.clone(),
                format!(
                    "opens with \"{}\": describes a duty, not a result",
                    super::text::capitalize(phrase)
                ),
                "Start with a strong verb for what you achieved: Led, Reduced, Launched, \
                 Resolved…",
            ));
        } else if starts_with_number || NON_VERB_OPENERS.contains(&first.as_str()) {
            out.push(Finding::new(
                Severity::Warning,
                Category::Language,
                "language.no-verb",
                b.path.clone(),
                format!("does not open with a verb: \"{}\"", excerpt(b.text, 50)),
                "Rephrase to start with an action verb: \"Team of 5 …\" → \"Led a team of 5 …\".",
            ));
        } else if !verb_like(first) {
            out.push(Finding::new(
                Severity::Info,
                Category::Language,
                "language.verb-unclear",
                b.path.clone(),
                format!(
                    "\"{}\" may not be an action verb",
                    super::text::capitalize(first)
                ),
                "Open with a verb in the past tense (or present tense for a current role).",
            ));
        } else {
            openers.entry(first.clone()).or_default().push(b);
        }
    }
    for (verb, uses) in openers {
        if uses.len() > MAX_SAME_VERB {
            let alternatives = SYNONYMS
                .iter()
                .find(|(v, _)| *v == verb)
                .map_or("a more specific verb for each".to_string(), |(_, alt)| {
                    format!("e.g. {alt}")
                });
            let places: Vec<&str> = uses.iter().map(|b| b.path.as_str()).collect();
            out.push(Finding::new(
                Severity::Warning,
                Category::Language,
                "language.repeated-verb",
                uses[0].path.clone(),
                format!(
                    "{} bullets open with \"{}\" ({})",
                    uses.len(),
                    super::text::capitalize(&verb),
                    places.join(", ")
                ),
                format!("Vary the verbs: {alternatives}."),
            ));
        }
    }
}

fn length(bullets: &[Bullet], layout: &Layout, fonts: &FontBook, out: &mut Vec<Finding>) {
    let mut measure = Measure::new(layout, fonts);
    for b in bullets {
        let lines = measure.lines(b.text);
        if lines > MAX_LINES {
            out.push(Finding::new(
                Severity::Warning,
                Category::Language,
                "language.long-bullet",
                b.path.clone(),
                format!(
                    "renders as {lines} lines with layout {} ({} words)",
                    layout.name,
                    super::text::word_count(b.text)
                ),
                format!(
                    "Keep a bullet to {MAX_LINES} lines: one achievement, its result, no \
                     background; split it if it holds two."
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_recognised() {
        for yes in [
            "Raised CSAT by 15%",
            "Saved $38,000 a year",
            "Cut handle time from 7.8 to 6.1 minutes",
            "Managed a team of twelve",
            "Grew revenue 3x",
            "Handled 60+ calls a day",
            "Wrote a 20-point scorecard",
            "Closed €1.2M in deals",
            "Doubled the trial conversion rate",
        ] {
            assert!(has_figure(yes), "{yes}");
        }
        for no in [
            "Improved customer satisfaction",
            "Migrated the fleet to EC2 and S3",
            "Joined the team in 2018",
            "Wrote the on-boarding guide",
        ] {
            assert!(!has_figure(no), "{no}");
        }
    }

    #[test]
    fn verbs_are_recognised() {
        for yes in [
            "led",
            "managed",
            "leads",
            "manages",
            "coaches",
            "built",
            "streamlining",
            "optimize",
            "supervises",
            "cut",
            "simplifies",
        ] {
            assert!(verb_like(yes), "{yes}");
        }
        for no in ["team", "customer", "excellent", "python"] {
            assert!(!verb_like(no), "{no}");
        }
    }
}
