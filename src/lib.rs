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
    let pages = typeset_resume(resume, layout, fonts);
    pdf::write(&pages, &document_meta(resume), fonts)
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
