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
pub mod check;
pub mod cli;
pub mod compose;
pub mod fit;
pub mod fonts;
pub mod i18n;
pub mod layout;
pub mod model;
pub mod pdf;
pub mod photo;
pub mod structure;
pub mod typeset;
pub mod validate;

pub mod output;
mod timestamp;

use std::collections::BTreeSet;
use std::sync::Arc;

use fonts::FontBook;
use layout::Layout;
use model::Resume;
use typeset::pages::Pages;

/// Typesets a normalized resume into pages (no PDF involved): the testable heart of a render.
pub fn typeset_resume(resume: &Resume, layout: &Layout, fonts: &FontBook) -> Pages {
    let document = compose::compose(resume, layout, fonts, None);
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
    render_reporting(resume, layout, fonts, None).map(|rendered| rendered.pdf)
}

/// How to render: the options `render` and `batch` share.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Fit on at most this many pages (else the layout's own `max_pages`, if any).
    pub max_pages: Option<usize>,
    /// The standards the PDF is written to (default: tagged, PDF/UA-1 and PDF/A-2a).
    pub standard: pdf::Standard,
}

/// A rendered PDF with what the renderer noticed on the way.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// Characters no font in the book could draw. A PDF/A or PDF/UA document cannot show such a
    /// character (it has no glyph), so then the file does not claim the standard.
    pub missing: BTreeSet<char>,
}

/// Like [`render`], with the photo (see [`photo::load`]) where the layout shows one, and also says
/// how many pages and which characters had no glyph.
pub fn render_reporting(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
    photo: Option<&Arc<typeset::pages::Image>>,
) -> Result<Rendered, pdf::PdfError> {
    render_to_standard(resume, layout, fonts, photo, pdf::Standard::default())
}

fn render_to_standard(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
    photo: Option<&Arc<typeset::pages::Image>>,
    standard: pdf::Standard,
) -> Result<Rendered, pdf::PdfError> {
    let document = compose::compose(resume, layout, fonts, photo);
    let (pages, missing) = typeset::typeset_reporting(&document, fonts);
    let mut meta = document_meta(resume);
    meta.standard = standard;
    meta.standard_unmet = !missing.is_empty();
    if !standard.is_none() && meta.language.is_none() {
        // Both standards want the language known; headings are in English without one.
        meta.language = Some(i18n::Locale::for_tag(None).tag().to_string());
    }
    let pdf = pdf::write(&pages, &meta, fonts)?;
    Ok(Rendered {
        pdf,
        pages: pages.pages.len(),
        missing,
    })
}

/// Renders like [`render_reporting`] within a page budget: `max_pages`, else the layout's own
/// `max_pages`. Returns the fit when a budget applied (what moved, or by how much it overflows).
pub fn render_fitted(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
    photo: Option<&Arc<typeset::pages::Image>>,
    max_pages: Option<usize>,
) -> Result<(Rendered, Option<fit::Fit>), pdf::PdfError> {
    let options = RenderOptions {
        max_pages,
        ..RenderOptions::default()
    };
    render_with(resume, layout, fonts, photo, &options)
}

/// Renders like [`render_fitted`] with all of `options`.
pub fn render_with(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
    photo: Option<&Arc<typeset::pages::Image>>,
    options: &RenderOptions,
) -> Result<(Rendered, Option<fit::Fit>), pdf::PdfError> {
    let standard = options.standard;
    match options.max_pages.or(layout.max_pages) {
        Some(budget) => {
            let fitted = fit::fit(resume, layout, fonts, photo, budget);
            let rendered = render_to_standard(resume, &fitted.layout, fonts, photo, standard)?;
            Ok((rendered, Some(fitted)))
        }
        None => Ok((
            render_to_standard(resume, layout, fonts, photo, standard)?,
            None,
        )),
    }
}

/// Adds fallback faces to `fonts` for the characters `layout`'s fonts lack: those of a JSON Resume
/// text and those of the headings, dates and footer of `language` (the resume's language, with any
/// `--lang` applied), `user_fonts` first, then system fonts. Returns the characters no font could
/// draw.
pub fn add_fallback_fonts(
    fonts: &mut FontBook,
    layout: &Layout,
    resume_text: &str,
    language: Option<&str>,
    user_fonts: &[std::path::PathBuf],
) -> Result<BTreeSet<char>, fonts::fallback::FontError> {
    add_layout_fonts(fonts, layout)?;
    let families = [layout.fonts.body.as_str(), layout.fonts.heading.as_str()];
    let mut chars = fonts::fallback::json_string_chars(resume_text);
    chars.extend(i18n::Locale::for_tag(language).characters());
    fonts::fallback::prepare(fonts, &families, &chars, user_fonts)
}

/// Adds the font files a layout names as its families (see [`fonts::is_font_path`]) to `fonts`.
pub fn add_layout_fonts(
    fonts: &mut FontBook,
    layout: &Layout,
) -> Result<(), fonts::fallback::FontError> {
    for family in [&layout.fonts.heading, &layout.fonts.body] {
        if fonts::is_font_path(family) {
            fonts.add_family_file(family)?;
        }
    }
    Ok(())
}

/// Loads the photo of `resume` when `layout` shows one (`Ok(None)` when it does not, or the resume
/// names none). Relative paths are resolved against `resume_dir`.
pub fn layout_photo(
    resume: &Resume,
    layout: &Layout,
    resume_dir: &std::path::Path,
) -> Result<Option<Arc<typeset::pages::Image>>, photo::PhotoWarning> {
    if layout.photo.as_ref().is_some_and(|setup| setup.show) {
        photo::load(resume.basics.image.as_deref(), resume_dir)
    } else {
        Ok(None)
    }
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
