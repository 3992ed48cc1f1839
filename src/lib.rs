//! resumepdf: turn a JSON Resume into a polished, ATS-readable PDF.
//!
//! The pipeline runs in one direction:
//! [`model`] (parse and normalize) → [`layout`] (validated layout definition) → [`compose`] (document
//! tree) → [`typeset`] (pages of positioned items) → [`pdf`] (bytes).
//!
//! ```no_run
//! let fonts = resumepdf::fonts::FontBook::bundled();
//! let layout = resumepdf::layout::load("classic", &fonts)?;
//! let text = std::fs::read_to_string("resume.json")?;
//! let mut parsed = resumepdf::model::parse(&text)?;
//! resumepdf::model::normalize(&mut parsed.resume);
//! let pdf = resumepdf::render(&parsed.resume, &layout, &fonts)?;
//! std::fs::write("resume.pdf", pdf)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod batch;
pub mod cli;
pub mod compose;
pub mod fonts;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod typeset;

mod timestamp;

use std::collections::BTreeSet;

use fonts::FontBook;
use layout::Layout;
use model::Resume;
use typeset::pages::Pages;

/// Typesets a normalized resume into pages (no PDF involved): the testable heart of a render.
pub fn typeset_resume(resume: &Resume, layout: &Layout, fonts: &FontBook) -> Pages {
    let document = compose::compose(resume, layout, fonts);
    typeset::typeset(&document, fonts)
}

/// Renders a normalized resume to PDF bytes.
///
/// The output is deterministic: the document date comes from `meta.lastModified`, else the
/// `SOURCE_DATE_EPOCH` environment variable, else a fixed date (2000-01-01).
pub fn render(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
) -> Result<Vec<u8>, pdf::PdfError> {
    render_reporting(resume, layout, fonts).map(|rendered| rendered.pdf)
}

/// A rendered PDF with what the renderer noticed on the way.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters no font in the book could draw.
    pub missing: BTreeSet<char>,
}

/// Like [`render`], and also says how many pages and which characters had no glyph.
pub fn render_reporting(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
) -> Result<Rendered, pdf::PdfError> {
    let document = compose::compose(resume, layout, fonts);
    let (pages, missing) = typeset::typeset_reporting(&document, fonts);
    let pdf = pdf::write(&pages, &document_meta(resume), fonts)?;
    Ok(Rendered {
        pdf,
        pages: pages.pages.len(),
        missing,
    })
}

/// The PDF document information of a resume.
pub fn document_meta(resume: &Resume) -> pdf::Meta {
    let name = resume.basics.name.clone().unwrap_or_default();
    pdf::Meta {
        title: if name.is_empty() {
            "Resume".to_string()
        } else {
            format!("{name} — Resume")
        },
        author: name,
        subject: resume.basics.label.clone().unwrap_or_default(),
        keywords: resume
            .skills
            .iter()
            .filter_map(|s| s.name.clone())
            .collect(),
        creation_date: timestamp::document_date(resume.meta.last_modified.as_deref()),
        language: None,
    }
}
