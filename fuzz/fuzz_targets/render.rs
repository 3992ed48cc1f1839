//! Bytes → `model::parse` → `model::normalize` → compose → typeset → PDF, in a built-in layout
//! chosen from the input (so every layout gets its share, and a JSON seed stays valid JSON).
//!
//! Run from the repository root (see fuzz/README.md):
//! `cargo +nightly fuzz run render fuzz/corpus/render samples tests/data/corpus`.
//! A panic, an abort (stack overflow, out of memory) or an `Err` from the renderer is a finding:
//! every resume that parses must render.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use resumepdf::fonts::FontBook;
use resumepdf::layout::{self, Layout};
use resumepdf::model;

struct Setup {
    fonts: FontBook,
    layouts: Vec<Layout>,
}

fn setup() -> &'static Setup {
    static SETUP: OnceLock<Setup> = OnceLock::new();
    SETUP.get_or_init(|| {
        let fonts = FontBook::bundled();
        let layouts = layout::builtin_names()
            .into_iter()
            .map(|name| layout::load(name, &fonts).expect("a built-in layout loads"))
            .collect();
        Setup { fonts, layouts }
    })
}

fuzz_target!(|data: &[u8]| {
    // The command line reads the file as UTF-8 and refuses anything else before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(mut parsed) = model::parse(text) else {
        return;
    };
    for warning in &parsed.warnings {
        let _ = warning.to_string();
    }
    model::normalize(&mut parsed.resume);
    let once = parsed.resume.clone();
    model::normalize(&mut parsed.resume);
    assert_eq!(once, parsed.resume, "normalize is idempotent");

    let setup = setup();
    let pick = data.iter().map(|&b| usize::from(b)).sum::<usize>() % setup.layouts.len();
    let layout = &setup.layouts[pick];
    match resumepdf::render(&resumepdf::Request::new(text, layout, &setup.fonts)) {
        Ok(rendered) => {
            assert!(rendered.pdf.starts_with(b"%PDF-"));
            assert!(rendered.pages >= 1);
        }
        // A resume with no name and no section is refused, by design.
        Err(resumepdf::RenderError::NothingToPrint(_)) => {}
        Err(e) => panic!(
            "layout {}: a parsed resume failed to render: {e}",
            layout.name
        ),
    }
});
