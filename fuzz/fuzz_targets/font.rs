//! Bytes → a font file a user gives (`--font`, or a layout's font file) → renders that draw with
//! it: as the fallback for characters the bundled fonts lack, and as a layout's body font. A font
//! file is input like a resume: any panic or abort is a finding. A file that is not a font is
//! refused, and one the shaper reads but the subsetter cannot (a damaged table) fails the render
//! with an error naming the font: both are answers, not findings.
//!
//! Run from the repository root (see fuzz/README.md), seeded with the bundled fonts:
//! `cargo +nightly fuzz run font fuzz/corpus/font fonts`.

#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use resumepdf::fonts::FontBook;
use resumepdf::layout;

/// Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari and Han text: whichever of it the bundled
/// fonts lack is drawn with the fuzzed font.
const RESUME: &str = r#"{
  "basics": {"name": "Ada Quill", "label": "Ζωή Жизнь حياة חיים जीवन 生命",
             "summary": "Tests ﬁne ligatures, marks e\u0301\u0302 and symbols ✓ ★ → ∑."},
  "work": [{"name": "Loom Works", "position": "Engineer", "startDate": "2020-01",
            "highlights": ["Built 3 looms; 生命 and عربي on one line."]}]
}"#;

fuzz_target!(|data: &[u8]| {
    let mut fonts = FontBook::bundled();
    let Some(_) = fonts.add_fallback("fuzzed", Arc::new(data.to_vec()), 0) else {
        return;
    };
    let classic = layout::load("classic", &fonts).expect("classic loads");
    let request = resumepdf::Request::new(RESUME, &classic, &fonts);
    let _ = resumepdf::render(&request);
    // The same font as a layout's body font: refused by validation, or rendered.
    let text = r#"{"extends": "classic", "name": "f", "fonts": {"body": "fuzzed"}}"#;
    if let Ok(layout) = layout::parse(text, "fuzz.json", &fonts) {
        let request = resumepdf::Request::new(RESUME, &layout, &fonts);
        let _ = resumepdf::render(&request);
    }
});
