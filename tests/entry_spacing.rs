//! Entries must be set apart by clearly more space than the bullets inside them (issue #14).
//!
//! Résumé parsers that work from text positions (OpenResume's, for one) start a new job where
//! the gap between two lines exceeds 1.4 × the most common gap of the section. When the gap
//! between entries is not that much larger than the gap between bullets, one job runs into the
//! next and its company and title are lost. This reads the baselines back from the PDF of every
//! built-in layout and checks the margin.

use crate::common;

use common::cli_render::render;
use resumepdf::layout::builtin_names;

/// The factor a position-based parser needs between entry and bullet pitch, plus one point for
/// its rounding of gaps to whole points.
const PARSER_FACTOR: f32 = 1.4;
const ROUNDING: f32 = 1.0;

/// Three jobs, each with a title, a company and three one-line bullets.
const RESUME: &str = r#"{
  "basics": {"name": "Ada Lovelace", "email": "ada@example.com"},
  "work": [
    {"name": "Analytical Engines", "position": "Lead Engineer", "startDate": "2020-01",
     "highlights": ["Wrote the first program.", "Planned loops.", "Kept notes."]},
    {"name": "Difference Works", "position": "Software Engineer", "startDate": "2017-01",
     "endDate": "2019-12",
     "highlights": ["Checked tables.", "Fixed errors.", "Trained staff."]},
    {"name": "Babbage & Co", "position": "Junior Engineer", "startDate": "2015-01",
     "endDate": "2016-12",
     "highlights": ["Copied figures.", "Sorted cards.", "Ran errands."]}
  ]
}"#;

/// Baselines of the bullets (in page order) and of the job titles, on page 1.
fn baselines(layout: &str) -> (Vec<f32>, Vec<f32>) {
    let rendered = render(RESUME, layout);
    let shows = &rendered.read.shows[0];
    let bullets = shows
        .iter()
        .filter(|s| s.text.trim() == rendered.layout.bullet)
        .map(|s| s.y)
        .collect();
    let titles = ["Lead Engineer", "Software Engineer", "Junior Engineer"]
        .iter()
        .map(|title| {
            shows
                .iter()
                .find(|s| s.text.contains(title))
                .unwrap_or_else(|| panic!("{layout}: title {title:?} not drawn"))
                .y
        })
        .collect();
    (bullets, titles)
}

#[test]
fn entries_are_set_apart_by_more_than_the_parser_threshold_in_every_layout() {
    let layouts = builtin_names();
    assert!(layouts.len() >= 6, "built-in layouts: {layouts:?}");
    for layout in layouts {
        let (bullets, titles) = baselines(layout);
        assert_eq!(bullets.len(), 9, "{layout}: bullets drawn");
        // Bullets within one entry: the pitch from one bullet's baseline to the next.
        let bullet_pitch = [0, 1, 3, 4, 6, 7]
            .iter()
            .map(|&i| bullets[i] - bullets[i + 1])
            .fold(0.0_f32, f32::max);
        // Between entries: from the last bullet of one job to the title of the next.
        let entry_pitch = [(2, 1), (5, 2)]
            .iter()
            .map(|&(last, next)| bullets[last] - titles[next])
            .fold(f32::INFINITY, f32::min);
        assert!(bullet_pitch > 0.0, "{layout}: bullets go down the page");
        assert!(
            entry_pitch > PARSER_FACTOR * bullet_pitch + ROUNDING,
            "{layout}: entry pitch {entry_pitch:.2} pt is not clearly more than \
             {PARSER_FACTOR} × bullet pitch {bullet_pitch:.2} pt"
        );
    }
}

/// An entry's header (its dates flush right) is a block of its own for extractors that group
/// lines by their spacing: pdfminer.six read the dates into the middle of a bullet when the first
/// bullet sat a plain line below. The line right above each job's first bullet is at least
/// `rules::HEADER_TO_BODY` body sizes above it, baseline to baseline.
#[test]
fn an_entry_header_stands_apart_from_its_first_bullet_in_every_layout() {
    for layout in builtin_names() {
        let rendered = render(RESUME, layout);
        let shows = &rendered.read.shows[0];
        let body = rendered.layout.sizes.body;
        let (bullets, _) = baselines(layout);
        for first in [bullets[0], bullets[3], bullets[6]] {
            let header = shows
                .iter()
                .map(|s| s.y)
                .filter(|&y| y > first + 0.5)
                .fold(f32::INFINITY, f32::min);
            let gap = header - first;
            assert!(
                gap + 0.01 >= resumepdf::layout::rules::HEADER_TO_BODY * body,
                "{layout}: header {gap:.2} pt above its first bullet ({body} pt body)"
            );
        }
    }
}
