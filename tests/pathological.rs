//! Nothing is lost without a word (issue #19, item 3): resumes with pathological lengths — a
//! 450-word headline, a 5 MB name, tokens thousands of characters long, 150 profiles, a long
//! bullet — render in every built-in layout, and every string of the input is in the PDF's text
//! layer or named (by its JSON path) in a warning.

use crate::common;

use resumepdf::fonts::FontBook;
use resumepdf::layout;
use serde_json::{Value, json};

/// The resume, and each of its strings that must print, with its JSON path.
fn pathological() -> (Value, Vec<(&'static str, String)>) {
    let label: Vec<String> = (0..450).map(|i| format!("word{i}")).collect();
    let summary = format!("Starts {} and ends here.", "Z".repeat(3_000));
    let highlight = format!("Built {} looms.", "Q".repeat(2_000));
    let keyword = "W".repeat(1_500);
    let profiles: Vec<Value> = (0..150)
        .map(|i| json!({"network": format!("Net{i}"), "username": format!("user{i}")}))
        .collect();
    let resume = json!({
        "basics": {
            "name": "N".repeat(5_000_000),
            "label": label.join(" "),
            "email": "ada@example.com",
            "summary": summary,
            "profiles": profiles,
        },
        "work": [{
            "name": "Loom Works", "position": "Engineer", "startDate": "2020-01",
            "highlights": [highlight, "Shipped 3 releases."]
        }],
        "skills": [{"name": "Weaving", "keywords": ["warp", keyword]}]
    });
    let mut strings = vec![
        ("$.basics.name", "N".repeat(5_000_000)),
        ("$.basics.label", label.join(" ")),
        ("$.basics.summary", summary),
        ("$.work[0].highlights[0]", highlight),
        ("$.skills[0].keywords[1]", keyword),
        ("$.work[0].name", "Loom Works".to_string()),
    ];
    for i in [0, 75, 149] {
        strings.push(("$.basics.profiles", format!("user{i}")));
    }
    (resume, strings)
}

/// `text` without white space, which line breaks add and remove.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_string_prints_or_is_named_in_a_warning_in_every_layout() {
    let (resume, strings) = pathological();
    let source = resume.to_string();
    let fonts = FontBook::bundled();
    for name in layout::builtin_names() {
        let mut layout = layout::load(name, &fonts).expect("built-in layout");
        // Page footers would interrupt a token that runs over a page break.
        layout.footer = false;
        let rendered = resumepdf::render(&resumepdf::Request::new(&source, &layout, &fonts))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let read = common::read_pdf(&rendered.pdf);
        let text = squeeze(&read.text.concat());
        let mut warned: Vec<&str> = rendered
            .notes
            .input
            .iter()
            .filter(|d| d.is_warning_or_worse())
            .map(|d| d.path.as_str())
            .collect();
        warned.sort_unstable();
        for (path, string) in &strings {
            assert!(
                text.contains(&squeeze(string)) || warned.contains(path),
                "{name}: {path} ({} characters) neither prints nor is warned about; \
                 warnings: {warned:?}",
                string.chars().count()
            );
        }
        // The two cut headline fields say so; the rest prints whole.
        assert_eq!(warned, ["$.basics.label", "$.basics.name"], "{name}");
        assert!(text.contains(&squeeze("word0 word1 word2")), "{name}");
        assert!(rendered.pages >= 2, "{name}: {} pages", rendered.pages);
    }
}

#[test]
fn a_header_taller_than_half_a_page_flows_onto_the_next_pages() {
    // 400 profiles make a contact line of many lines: it breaks across pages instead of pushing
    // the experience off the first page.
    let profiles: Vec<Value> = (0..400)
        .map(|i| json!({"network": format!("Net{i}"), "username": format!("user{i}")}))
        .collect();
    let source = json!({
        "basics": {"name": "Ada Quill", "profiles": profiles},
        "work": [{"name": "Loom Works", "position": "Engineer", "startDate": "2020-01"}]
    })
    .to_string();
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).expect("classic");
    let rendered =
        resumepdf::render(&resumepdf::Request::new(&source, &layout, &fonts)).expect("renders");
    let read = common::read_pdf(&rendered.pdf);
    let text = squeeze(&read.text.concat());
    assert!(rendered.pages >= 2, "{} pages", rendered.pages);
    for needle in ["Net0:user0", "Net399:user399", "LoomWorks"] {
        assert!(text.contains(needle), "{needle} is missing");
    }
}

#[test]
fn a_letter_under_a_thousand_marks_keeps_every_cmap_entry_within_reach() {
    // One cluster of 1,001 characters: its text is shared out over the cluster's glyphs, so no
    // ToUnicode entry is longer than a reader accepts (poppler drops entries over 63 UTF-16
    // units) and the text layer still holds every mark.
    let summary = format!("Ad{}{} Quill", 'e', "\u{301}".repeat(1_000));
    let source = json!({"basics": {"name": "Ada", "summary": summary}}).to_string();
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).expect("classic");
    let rendered =
        resumepdf::render(&resumepdf::Request::new(&source, &layout, &fonts)).expect("renders");
    let read = common::read_pdf(&rendered.pdf);
    let longest = read
        .fonts
        .iter()
        .flat_map(|font| font.unicode.values())
        .map(|text| text.encode_utf16().count())
        .max()
        .unwrap_or(0);
    assert!(longest <= 62, "a ToUnicode entry of {longest} UTF-16 units");
    let text = read.text.concat();
    assert_eq!(text.matches('\u{301}').count(), 1_000, "{text:?}");
    assert!(text.contains("Ade\u{301}"), "{text:?}");
}
