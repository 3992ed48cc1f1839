//! Fitting a resume to a page budget by tightening the layout only as far as its rules allow.
//!
//! The knobs move in a fixed order, each only within the typographic rules: gaps between
//! sections, entries and paragraphs (down to half), line spacing (down to 1.0), margins (down to
//! 0.5 in), then font sizes (body down to 10 pt, the others in proportion). One number, the
//! squeeze, runs from 0 (the layout as designed) to 4 (every knob at its limit); a binary search
//! finds the smallest squeeze that fits, so a resume that needs a little squeezing is barely changed.
//! Entries keep the gap the layout rules ask for ([`rules::ENTRY_GAP`]), so that a squeezed page
//! still shows readers and parsers where one job ends. When even every knob at its limit cannot
//! meet the budget, squeezing costs legibility for nothing unless it saves a page: the fit then
//! aims at the fewest pages the rules reach, and reports the overflow.

use std::sync::Arc;

use crate::fonts::FontBook;
use crate::layout::{Layout, Length, rules};
use crate::model::Resume;
use crate::style::Image;
use crate::typeset::pages::{Item, Pages};
use crate::typeset::{ShapeCache, Typeset};

/// Smallest share of a gap that squeezing keeps.
const GAP_FLOOR: f32 = 0.5;
/// Smallest margin, in points (0.5 in).
const MARGIN_FLOOR: f32 = rules::MIN_MARGIN;
/// Smallest body size, in points.
const BODY_FLOOR: f32 = rules::BODY_SIZE.0;
/// Smallest line spacing.
const SPACING_FLOOR: f32 = rules::LINE_SPACING.0;
/// Smallest size of small print.
const SMALL_FLOOR: f32 = rules::MIN_SMALL_SIZE;
/// The largest squeeze: every knob at its limit.
pub const MAX_SQUEEZE: f32 = 4.0;

/// Halvings of the squeeze range the search makes: it ends within [`SQUEEZE_STEP`] of the least
/// squeeze that fits. A step is 1/64 of a knob's range (a gap 0.06 pt from 4 pt, a margin
/// 0.11 pt, the body size 0.01 pt): finer steps moved nothing a reader sees, and each costs a
/// whole typesetting (12 halvings instead of 8 cost 75 M more instructions in a batch of the 77
/// samples × layouts, 11 of them fitted).
const HALVINGS: u32 = 8;

/// The precision of the fitted squeeze: the search halves the squeeze range 8 times.
pub const SQUEEZE_STEP: f32 = MAX_SQUEEZE / (1 << HALVINGS) as f32;

/// One layout value the fit changed.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The layout field, e.g. `line_spacing` or `page.margins.left`.
    pub field: &'static str,
    /// Its value in the layout.
    pub from: f32,
    /// Its value in the fitted layout.
    pub to: f32,
}

/// By how much a resume overflows its budget at the tightest allowed settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Overflow {
    /// Pages the content needs, e.g. 1.3.
    pub pages_needed: f32,
    /// About how many body lines to remove to fit.
    pub lines_over: usize,
}

/// The result of fitting a resume to a page budget.
#[derive(Debug, Clone)]
pub struct Fit {
    /// The layout to render with (the original when nothing had to change).
    pub layout: Layout,
    /// The squeeze used, from 0 to [`MAX_SQUEEZE`].
    pub squeeze: f32,
    /// Pages at that squeeze.
    pub pages: usize,
    /// The fields that moved.
    pub changes: Vec<Change>,
    /// Set when even the tightest settings do not fit.
    pub overflow: Option<Overflow>,
}

/// Fits `resume` into `max_pages` pages of `layout`.
pub fn fit(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
    photo: Option<&Arc<Image>>,
    max_pages: usize,
) -> Fit {
    fit_cached(
        resume,
        layout,
        fonts,
        photo,
        max_pages,
        &mut ShapeCache::default(),
    )
    .0
}

/// [`fit`], shaping with `cache`: every attempt typesets the same words, so each is shaped once.
/// Also returns the chosen attempt's pages and missing characters: a render writes these instead
/// of typesetting the fitted layout once more.
pub(crate) fn fit_cached(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
    photo: Option<&Arc<Image>>,
    max_pages: usize,
    cache: &mut ShapeCache,
) -> (Fit, Typeset) {
    let max_pages = max_pages.max(1);
    cache.remember_paragraphs();
    let mut typeset = |squeeze: f32| {
        let candidate = squeezed(layout, fonts, squeeze);
        let document = crate::compose::compose(resume, &candidate, fonts, photo);
        (
            candidate,
            crate::typeset::typeset_cached(&document, fonts, cache),
        )
    };
    // A squeeze of 0 leaves every value of the layout as it is.
    let (_, natural) = typeset(0.0);
    if natural.pages.pages.len() <= max_pages {
        return result(layout, layout.clone(), 0.0, natural, None);
    }
    let (tightest, tight) = typeset(MAX_SQUEEZE);
    let overflow =
        (tight.pages.pages.len() > max_pages).then(|| overflow(&tightest, &tight.pages, max_pages));
    let reachable = max_pages.max(tight.pages.pages.len());
    if natural.pages.pages.len() <= reachable {
        return result(layout, layout.clone(), 0.0, natural, overflow);
    }
    let (mut low, mut high) = (0.0_f32, MAX_SQUEEZE);
    let mut best = (tightest, tight);
    for _ in 0..HALVINGS {
        let middle = (low + high) / 2.0;
        let (candidate, typeset) = typeset(middle);
        if typeset.pages.pages.len() <= reachable {
            high = middle;
            best = (candidate, typeset);
        } else {
            low = middle;
        }
    }
    result(layout, best.0, high, best.1, overflow)
}

fn result(
    original: &Layout,
    fitted: Layout,
    squeeze: f32,
    typeset: Typeset,
    overflow: Option<Overflow>,
) -> (Fit, Typeset) {
    let fit = Fit {
        changes: changes(original, &fitted),
        layout: fitted,
        squeeze,
        pages: typeset.pages.pages.len(),
        overflow,
    };
    (fit, typeset)
}

/// `layout` tightened by `squeeze` (0 = unchanged, [`MAX_SQUEEZE`] = every knob at its limit).
pub fn squeezed(layout: &Layout, fonts: &FontBook, squeeze: f32) -> Layout {
    let stage = |n: f32| (squeeze - n).clamp(0.0, 1.0);
    let toward = |value: f32, floor: f32, t: f32| {
        if value > floor {
            value - (value - floor) * t
        } else {
            value
        }
    };
    let mut out = layout.clone();
    let gaps = 1.0 - (1.0 - GAP_FLOOR) * stage(0.0);
    let spacing = &mut out.spacing;
    for gap in [
        &mut spacing.section_gap,
        &mut spacing.heading_gap,
        &mut spacing.entry_gap,
        &mut spacing.paragraph_gap,
    ] {
        *gap = Length(gap.pt() * gaps);
    }
    out.line_spacing = toward(layout.line_spacing, SPACING_FLOOR, stage(1.0));
    let margins = &mut out.page.margins;
    for margin in [
        &mut margins.top,
        &mut margins.right,
        &mut margins.bottom,
        &mut margins.left,
    ] {
        *margin = Length(toward(margin.pt(), MARGIN_FLOOR, stage(2.0)));
    }
    let body = toward(layout.sizes.body, BODY_FLOOR, stage(3.0));
    let scale = body / layout.sizes.body;
    let sizes = &mut out.sizes;
    sizes.body = body;
    sizes.name *= scale;
    sizes.label *= scale;
    sizes.heading *= scale;
    sizes.small = (sizes.small * scale).max(SMALL_FLOOR.min(sizes.small));
    let entry_floor =
        rules::min_entry_gap(out.body_line_pitch(fonts), out.spacing.paragraph_gap.pt())
            .min(layout.spacing.entry_gap.pt());
    let entry_gap = &mut out.spacing.entry_gap;
    *entry_gap = Length(entry_gap.pt().max(entry_floor));
    out
}

/// The fields that differ between two layouts (by more than 0.01).
fn changes(from: &Layout, to: &Layout) -> Vec<Change> {
    let values = |l: &Layout| {
        [
            ("spacing.section_gap", l.spacing.section_gap.pt()),
            ("spacing.heading_gap", l.spacing.heading_gap.pt()),
            ("spacing.entry_gap", l.spacing.entry_gap.pt()),
            ("spacing.paragraph_gap", l.spacing.paragraph_gap.pt()),
            ("line_spacing", l.line_spacing),
            ("page.margins.top", l.page.margins.top.pt()),
            ("page.margins.right", l.page.margins.right.pt()),
            ("page.margins.bottom", l.page.margins.bottom.pt()),
            ("page.margins.left", l.page.margins.left.pt()),
            ("sizes.body", l.sizes.body),
            ("sizes.heading", l.sizes.heading),
            ("sizes.name", l.sizes.name),
        ]
    };
    values(from)
        .into_iter()
        .zip(values(to))
        .filter(|((_, a), (_, b))| (a - b).abs() > 0.01)
        .map(|((field, from), (_, to))| Change { field, from, to })
        .collect()
}

/// How much content lies beyond the budget: pages needed, and roughly how many body lines that is.
fn overflow(layout: &Layout, pages: &Pages, max_pages: usize) -> Overflow {
    let margins = &layout.page.margins;
    let body_top = margins.top.pt();
    let body_bottom = pages.height - margins.bottom.pt();
    let body_height = body_bottom - body_top;
    let last_used = pages
        .pages
        .last()
        .map(|page| {
            page.items
                .iter()
                .filter_map(|item| match item {
                    Item::Text(run) if run.y <= body_bottom => Some(run.y),
                    _ => None,
                })
                .fold(body_top, f32::max)
                - body_top
        })
        .unwrap_or(0.0);
    let full_pages = pages.pages.len().saturating_sub(1) as f32;
    let pages_needed = full_pages + (last_used / body_height).clamp(0.05, 1.0);
    let line = layout.sizes.body * layout.line_spacing * 1.15;
    let over = (pages_needed - max_pages as f32).max(0.0) * body_height;
    Overflow {
        pages_needed,
        lines_over: (over / line).ceil() as usize,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout;

    fn resume(path: &str) -> Resume {
        let text =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
                .expect("sample");
        let mut parsed = crate::model::parse(&text).expect("sample parses");
        crate::model::normalize(&mut parsed.resume);
        parsed.resume
    }

    #[test]
    fn every_squeeze_keeps_the_layout_rules() {
        let fonts = FontBook::bundled();
        for name in layout::builtin_names() {
            let base = layout::load(name, &fonts).unwrap();
            for step in 0..=8 {
                let squeeze = step as f32 * MAX_SQUEEZE / 8.0;
                let violations = layout::validate(&squeezed(&base, &fonts, squeeze), &fonts);
                assert!(violations.is_empty(), "{name} at {squeeze}: {violations:?}");
            }
        }
    }

    #[test]
    fn every_attempt_of_a_fit_reports_the_characters_no_face_has() {
        // Later attempts take the paragraphs' atoms from the cache: the characters missing in
        // them must still be reported for the attempt that is written.
        let fonts = FontBook::bundled();
        let layout = layout::load("classic", &fonts).unwrap();
        let mut resume = resume("samples/with-photo.json");
        let summary = resume.basics.summary.get_or_insert_with(String::new);
        summary.push_str(" \u{1F680}");
        let (fit, typeset) = fit_cached(
            &resume,
            &layout,
            &fonts,
            None,
            1,
            &mut ShapeCache::default(),
        );
        assert!(fit.squeeze > 0.0, "the sample needs squeezing");
        assert_eq!(
            typeset.missing,
            std::collections::BTreeSet::from(['\u{1F680}'])
        );
    }

    #[test]
    fn a_two_page_resume_fits_one_page_with_the_least_change() {
        let fonts = FontBook::bundled();
        let layout = layout::load("classic", &fonts).unwrap();
        let resume = resume("samples/with-photo.json");
        assert_eq!(
            crate::typeset_resume(&resume, &layout, &fonts).pages.len(),
            2
        );
        let fit = fit(&resume, &layout, &fonts, None, 1);
        assert_eq!(fit.pages, 1);
        assert!(fit.overflow.is_none());
        assert!(
            fit.squeeze > 0.0 && fit.squeeze < MAX_SQUEEZE,
            "{}",
            fit.squeeze
        );
        assert!(layout::validate(&fit.layout, &fonts).is_empty());
        let moved: Vec<&str> = fit.changes.iter().map(|c| c.field).collect();
        assert!(
            moved.contains(&"spacing.section_gap"),
            "gaps move first: {moved:?}"
        );
        // One step less would not fit: the change is the least that works, to the search's
        // precision.
        let looser = squeezed(&layout, &fonts, (fit.squeeze - SQUEEZE_STEP).max(0.0));
        let document = crate::compose::compose(&resume, &looser, &fonts, None);
        assert!(crate::typeset::typeset(&document, &fonts).pages.len() > 1);
    }

    #[test]
    fn a_hopeless_case_reports_its_overflow() {
        let fonts = FontBook::bundled();
        let layout = layout::load("classic", &fonts).unwrap();
        let resume = resume("samples/senior-engineer-long-career.json");
        let fit = fit(&resume, &layout, &fonts, None, 1);
        let overflow = fit.overflow.expect("a long career cannot fit one page");
        assert!(overflow.pages_needed > 1.0, "{overflow:?}");
        assert!(overflow.lines_over > 10, "{overflow:?}");
        // It gets the fewest pages the rules reach, squeezed no further than that takes.
        let pages_at = |squeeze: f32| {
            let document =
                crate::compose::compose(&resume, &squeezed(&layout, &fonts, squeeze), &fonts, None);
            crate::typeset::typeset(&document, &fonts).pages.len()
        };
        assert_eq!(fit.pages, pages_at(MAX_SQUEEZE));
        assert!(fit.pages < pages_at(0.0), "squeezing saves a page here");
        assert!(pages_at((fit.squeeze - 0.01).max(0.0)) > fit.pages);
    }

    #[test]
    fn a_budget_no_squeeze_can_meet_leaves_the_layout_as_designed() {
        let fonts = FontBook::bundled();
        let layout = layout::load("compact", &fonts).unwrap();
        let resume = resume("samples/everything.json");
        let fit = fit(&resume, &layout, &fonts, None, 1);
        assert!(fit.overflow.is_some());
        assert_eq!(fit.squeeze, 0.0, "squeezing would not save a page");
        assert!(fit.changes.is_empty());
    }

    #[test]
    fn a_resume_that_fits_is_left_alone() {
        let fonts = FontBook::bundled();
        let layout = layout::load("classic", &fonts).unwrap();
        let resume = resume("samples/customer-support-operations.json");
        let fit = fit(&resume, &layout, &fonts, None, 2);
        assert_eq!(fit.squeeze, 0.0);
        assert!(fit.changes.is_empty());
    }
}
