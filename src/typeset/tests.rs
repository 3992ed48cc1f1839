//! Typesetting without a PDF: page breaks, order and geometry asserted on the typeset pages (also
//! on the flow and pagination stages inside `typeset`).

use crate::compose::compose;
use crate::fonts::FontBook;
use crate::layout;
use crate::model;
use crate::typeset::pages::{Item, Pages};
use crate::typeset::{Column, Shaper, flow, paginate};

fn load(path: &str) -> model::Resume {
    let text = std::fs::read_to_string(path).expect("sample exists");
    let mut parsed = model::parse(&text).expect("sample parses");
    model::normalize(&mut parsed.resume);
    parsed.resume
}

/// Text runs of a page, in order.
fn texts(pages: &Pages, page: usize) -> Vec<String> {
    pages.pages[page]
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Text(run) => Some(run.text.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_long_career_breaks_pages_only_where_allowed() {
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).unwrap();
    let resume = load("samples/senior-engineer-long-career.json");
    let mut document = compose(&resume, &layout, &fonts, None);
    // With one column, a header is simply the top of the main flow.
    let mut main = std::mem::take(&mut document.header);
    main.append(&mut document.main);
    document.main = main;

    let mut shaper = Shaper::new(&fonts);
    let [top, right, bottom, left] = document.margins;
    let column = Column {
        x: left,
        width: document.page_size.0 - left - right,
    };
    let lines = flow(&mut shaper, &document.main, column, document.line_spacing);
    let ranges = paginate(&lines, |_| document.page_size.1 - top - bottom);
    assert!(
        ranges.len() >= 3,
        "a long career needs 3+ pages, got {}",
        ranges.len()
    );
    for range in &ranges[..ranges.len() - 1] {
        let last = &lines[range.end - 1];
        assert!(
            !last.keep_with_next,
            "page ends after a line that must stay with the next"
        );
        let height: f32 = lines[range.clone()]
            .iter()
            .enumerate()
            .map(|(i, l)| l.height + if i > 0 { l.gap_before } else { 0.0 })
            .sum();
        assert!(height <= document.page_size.1 - top - bottom + 0.01);
    }

    let pages = crate::typeset::typeset(&document, &fonts);
    assert_eq!(pages.pages.len(), ranges.len());
    let direct = crate::typeset_resume(&resume, &layout, &fonts);
    assert!(
        pages == direct,
        "typesetting the header as part of the flow gives the same pages"
    );
    let headings: Vec<String> = layout
        .sections
        .order
        .iter()
        .map(|&k| {
            let title = layout.sections.title(k, "en");
            title.unwrap_or(k.default_title()).to_uppercase()
        })
        .collect();
    let name = resume.basics.name.clone().unwrap();
    for page in 0..pages.pages.len() {
        let runs = texts(&pages, page);
        // Page 1 ends with its footer, later pages begin with theirs.
        let (footer, body) = if page == 0 {
            (runs.last().unwrap(), &runs[..runs.len() - 1])
        } else {
            (runs.first().unwrap(), &runs[1..])
        };
        assert_eq!(
            footer,
            &format!("{name} · Page {} of {}", page + 1, pages.pages.len())
        );
        let last = body.last().unwrap();
        assert!(
            !headings.contains(last),
            "page {} ends with heading {last}",
            page + 1
        );
    }
}

#[test]
fn text_stays_inside_the_margins() {
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).unwrap();
    let resume = load("samples/everything.json");
    let pages = crate::typeset_resume(&resume, &layout, &fonts);
    let left = layout.page.margins.left.pt();
    let right = pages.width - layout.page.margins.right.pt();
    for page in &pages.pages {
        for item in &page.items {
            if let Item::Text(run) = item {
                assert!(
                    run.x >= left - 0.01,
                    "{} starts left of the margin",
                    run.text
                );
                assert!(
                    run.x + run.width() <= right + 0.01,
                    "{} ends right of the margin",
                    run.text
                );
                assert!(run.y > 0.0 && run.y < pages.height);
            }
        }
    }
}

#[test]
fn small_capitals_leave_no_gap_an_extractor_would_read_as_a_space() {
    // The executive layout sets headings in small capitals with letter spacing: "E" at the
    // heading size, "XECUTIVE" smaller. Extractors start a new word where the size changes and read
    // a gap of 3% of the size as a space; within a word the gap must stay below that.
    let fonts = FontBook::bundled();
    let layout = layout::load("executive", &fonts).unwrap();
    assert!(layout.headings.letter_spacing > 0.03 * layout.sizes.heading * 0.8);
    let resume = load("samples/career-changer.json");
    let pages = crate::typeset_resume(&resume, &layout, &fonts);
    let all: Vec<_> = pages.runs().collect();
    let capital = all
        .iter()
        .position(|run| run.text == "E" && run.size == layout.sizes.heading)
        .expect("the heading's first capital");
    let (big, small) = (all[capital], all[capital + 1]);
    assert_eq!(small.text, "XECUTIVE");
    assert!(small.size < big.size);
    let gap = small.x - (big.x + big.width());
    assert!(gap >= 0.0, "no overlap: {gap}");
    assert!(gap < 0.03 * small.size, "gap {gap} at {}", small.size);
    // Letters of one size keep their spacing.
    let inner = small.glyphs[0].advance;
    let natural = fonts
        .face(small.face)
        .parser()
        .glyph_hor_advance(fonts.face(small.face).parser().glyph_index('X').unwrap())
        .unwrap() as f32
        * small.size
        / fonts.face(small.face).units_per_em();
    assert!((inner - natural - layout.headings.letter_spacing).abs() < 0.01);
}

#[test]
fn a_profile_that_repeats_the_web_site_is_shown_once() {
    let text = r#"{"basics": {"name": "Rebecca Lind", "url": "https://rl.example.org/portfolio",
        "profiles": [
          {"network": "Portfolio", "username": "rl", "url": "https://rl.example.org/portfolio"},
          {"network": "LinkedIn", "username": "rebecca", "url": "https://linkedin.example.com/in/rebecca"}
        ]}}"#;
    let mut parsed = model::parse(text).unwrap();
    model::normalize(&mut parsed.resume);
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).unwrap();
    let pages = crate::typeset_resume(&parsed.resume, &layout, &fonts);
    let shown: Vec<&str> = pages.runs().map(|run| run.text.as_str()).collect();
    let count = |needle: &str| shown.iter().filter(|t| t.contains(needle)).count();
    assert_eq!(count("rl.example.org/portfolio"), 1, "{shown:?}");
    assert_eq!(count("linkedin.example.com/in/rebecca"), 1, "{shown:?}");
}
