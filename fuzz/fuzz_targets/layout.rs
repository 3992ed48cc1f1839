//! Bytes → a user's layout file (`layout::parse`, with `extends` and validation) → a render of a
//! sample resume in it. A layout a user writes is input like a resume: any panic, abort or
//! render error of a layout that validated is a finding.
//!
//! Run from the repository root (see fuzz/README.md):
//! `cargo +nightly fuzz run layout fuzz/corpus/layout layouts`.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use resumepdf::fonts::FontBook;
use resumepdf::layout;

/// A resume with every section, so every part of a layout is exercised.
const RESUME: &str = include_str!("../../samples/everything.json");

fn fonts() -> &'static FontBook {
    static FONTS: OnceLock<FontBook> = OnceLock::new();
    FONTS.get_or_init(FontBook::bundled)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let fonts = fonts();
    // A layout file that does not parse or breaks a typographic rule is refused with a message.
    let Ok(layout) = layout::parse(text, "fuzz.json", fonts) else {
        return;
    };
    let request = resumepdf::Request {
        max_pages: Some(1 + data.len() % 3),
        ..resumepdf::Request::new(RESUME, &layout, fonts)
    };
    if let Err(e) = resumepdf::render(&request) {
        panic!("a layout that validated failed to render: {e}");
    }
});
