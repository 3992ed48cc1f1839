//! resumepdf: turn a JSON Resume into a polished, ATS-readable PDF.
//!
//! The pipeline runs in one direction:
//! [`model`] (parse and normalize) → [`layout`] (validated layout definition) → [`compose`] (document
//! tree) → [`typeset`] (pages of positioned items) → [`pdf`] (bytes).
//!
//! One call renders a resume, as the command line does (see [`Request`] for the options):
//!
//! ```no_run
//! use resumepdf::{fonts::FontBook, layout, Request, Source};
//!
//! let text = std::fs::read_to_string("resume.json")?;
//! // Parsed once, for the fonts and the render.
//! let source = Source::read(&text);
//! let mut fonts = FontBook::bundled();
//! let layout = layout::load("classic", &fonts)?;
//! resumepdf::prepare_fonts(&mut fonts, &[&layout], std::slice::from_ref(&source), None, &[])?;
//! let request = Request {
//!     photo_dir: Some(std::path::Path::new(".")),
//!     ..Request::from_source(&source, &layout, &fonts)
//! };
//! let rendered = resumepdf::render(&request)?;
//! std::fs::write("resume.pdf", &rendered.pdf)?;
//! eprintln!("{} pages", rendered.pages);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod calendar;
pub mod check;
pub mod compose;
pub mod diagnostic;
pub mod fit;
pub mod fonts;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod photo;
pub mod read;
mod render;
pub mod structure;
pub mod style;
pub mod typeset;
pub mod validate;

mod timestamp;

pub use diagnostic::{Diagnostic, Severity};
pub use render::{
    Notes, RenderError, Rendered, Request, Source, prepare_fonts, render, with_font_family,
};

use fonts::FontBook;
use layout::Layout;
use model::Resume;
use typeset::pages::Pages;

/// Typesets a normalized resume into pages (no PDF involved): the testable heart of a render.
///
/// The paper is the layout's, else the one of the resume's country or language, as in [`render`].
pub fn typeset_resume(resume: &Resume, layout: &Layout, fonts: &FontBook) -> Pages {
    let with_paper = render::with_paper(layout, None, resume);
    let layout = with_paper.as_ref().unwrap_or(layout);
    let document = compose::compose(resume, layout, fonts, None);
    typeset::typeset(&document, fonts)
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
        language: resume.meta.language.clone(),
        standard: pdf::Standard::default(),
        standard_unmet: false,
    }
}
