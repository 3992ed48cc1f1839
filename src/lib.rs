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

pub mod compose;
pub mod fonts;
pub mod layout;
pub mod model;
pub mod typeset;

use fonts::FontBook;
use layout::Layout;
use model::Resume;
use typeset::pages::Pages;

/// Typesets a normalized resume into pages (no PDF involved): the testable heart of a render.
pub fn typeset_resume(resume: &Resume, layout: &Layout, fonts: &FontBook) -> Pages {
    let document = compose::compose(resume, layout, fonts);
    typeset::typeset(&document, fonts)
}
