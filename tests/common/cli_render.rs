//! Rendering a resume the way the CLI does: layout fonts and system fallback fonts for the
//! resume's characters and its language's headings, then the PDF and its typeset pages.

use std::collections::BTreeSet;

use resumepdf::fonts::FontBook;
use resumepdf::layout::{self, Layout};
use resumepdf::model;
use resumepdf::typeset::pages::Pages;

use super::{ReadPdf, read_pdf};

/// A resume rendered with system fallback fonts, as the CLI does.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub read: ReadPdf,
    /// Characters no font could draw.
    pub missing: BTreeSet<char>,
    /// The typeset pages (the same fonts and layout).
    pub pages: Pages,
    pub layout: Layout,
    pub fonts: FontBook,
}

/// Renders the JSON Resume `text` in the built-in layout `layout_name`.
pub fn render(text: &str, layout_name: &str) -> Rendered {
    let mut fonts = FontBook::bundled();
    let layout = layout::load(layout_name, &fonts).expect("built-in layout");
    let mut parsed = model::parse(text).expect("resume parses");
    model::normalize(&mut parsed.resume);
    prepare_fonts(&mut fonts, &layout, text, None);
    let rendered =
        resumepdf::render(&resumepdf::Request::new(text, &layout, &fonts)).expect("PDF is written");
    let pages = resumepdf::typeset_resume(&parsed.resume, &layout, &fonts);
    Rendered {
        read: read_pdf(&rendered.pdf),
        pdf: rendered.pdf,
        missing: rendered.notes.missing,
        pages,
        layout,
        fonts,
    }
}

/// Adds the layout's fonts and the fallback fonts `text` (and the headings of `language`) need,
/// as the CLI does before rendering; returns the characters no font can draw.
pub fn prepare_fonts(
    fonts: &mut FontBook,
    layout: &Layout,
    text: &str,
    language: Option<&str>,
) -> BTreeSet<char> {
    resumepdf::prepare_fonts(
        fonts,
        &[layout],
        &[resumepdf::Source::read(text)],
        language,
        &[],
    )
    .expect("the layout's font files can be read")
}
