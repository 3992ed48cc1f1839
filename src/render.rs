//! One render request: a resume's source text in; the PDF, its page count and everything noticed
//! on the way out.
//!
//! `render`, `batch`, `check` (for the real page count) and `--pages` fitting all go through
//! [`render`], so the steps — parse, normalize, language, photo, fit, typeset, PDF — and the rules
//! about what is worth a warning are written once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::fit::{self, Fit};
use crate::fonts::{self, FontBook, fallback};
use crate::i18n::Locale;
use crate::layout::{Layout, PageSetup, PaperSize};
use crate::model::{self, ParseError, Parsed, Resume};
use crate::pdf::{self, PdfError};
use crate::photo::{self, PhotoWarning};
use crate::style::Image;
use crate::typeset::{ShapeCache, Typeset};

/// The largest resume source a render accepts, in bytes. A two-page resume is about 10 KB; issue
/// #18 asks that a 10 MB one (thousands of entries, an export or a test) still renders, and 16 MiB
/// leaves room above that while bounding the work: a larger source is refused before any, rather
/// than exhausting the machine (see BENCHMARKS.md, "Large resumes", for time and memory there).
pub const MAX_SOURCE_BYTES: usize = 16 * 1024 * 1024;

/// A resume source read once: [`prepare_fonts`] needs the characters of its texts and its
/// language, [`render`] its model (see [`Request::from_source`]), and parsing it for each would
/// double the work before typesetting.
#[derive(Debug, Clone)]
pub struct Source<'a> {
    /// The text: JSON or YAML (see [`model::parse`]).
    pub text: &'a str,
    /// What [`model::parse`] makes of the text.
    pub parsed: Result<Parsed, ParseError>,
    /// The characters of the document's string values (keys excluded), which the fonts must draw;
    /// none when the text is not a resume the model reads.
    chars: BTreeSet<char>,
}

impl<'a> Source<'a> {
    /// Parses `text` once for everything a render needs of it.
    pub fn read(text: &'a str) -> Source<'a> {
        let (parsed, chars) = match model::parse_inspecting(text, fallback::string_chars) {
            Ok((parsed, chars)) => (Ok(parsed), chars),
            Err(e) => (Err(e), BTreeSet::new()),
        };
        Source {
            text,
            parsed,
            chars,
        }
    }
}

/// What one render needs.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The resume as text: JSON or YAML (see [`model::parse`]).
    pub source: &'a str,
    /// The model of [`Request::source`] when the caller has parsed it already (a [`Source`]):
    /// the render starts from a copy of it instead of parsing the text again. It must be what
    /// [`model::parse`] makes of the source.
    pub parsed: Option<&'a Parsed>,
    /// The validated layout.
    pub layout: &'a Layout,
    /// The fonts: [`FontBook::bundled`] with the fallbacks [`prepare_fonts`] added.
    pub fonts: &'a FontBook,
    /// A language tag (BCP 47) overriding the resume's `meta.language`.
    pub language: Option<&'a str>,
    /// The paper, overriding the layout's; when neither gives one, the resume's country or
    /// language decides (see [`PaperSize::for_region`]).
    pub paper: Option<PaperSize>,
    /// A font family for the whole resume (body and headings) instead of the layout's: a bundled
    /// family or an installed one, which must be in [`Request::fonts`] already (see
    /// [`fallback::add_installed_family`]).
    pub font_family: Option<&'a str>,
    /// Fit on at most this many pages (else within the layout's own `max_pages`, if any).
    pub max_pages: Option<usize>,
    /// The folder a relative photo path is read from; `None` reads no photo.
    pub photo_dir: Option<&'a Path>,
    /// Any warning fails the render ([`RenderError::Strict`]).
    pub strict: bool,
    /// The standards the PDF is written to and claims (default: tagged, PDF/UA-1 and PDF/A-2a).
    pub standard: pdf::Standard,
}

impl<'a> Request<'a> {
    /// A request with no language override, no page budget, no photo and no strictness.
    pub fn new(source: &'a str, layout: &'a Layout, fonts: &'a FontBook) -> Request<'a> {
        Request {
            source,
            parsed: None,
            layout,
            fonts,
            language: None,
            paper: None,
            font_family: None,
            max_pages: None,
            photo_dir: None,
            strict: false,
            standard: pdf::Standard::default(),
        }
    }

    /// A request like [`Request::new`] for a source read with [`Source::read`], whose model it
    /// uses when the text parsed.
    pub fn from_source(
        source: &'a Source<'_>,
        layout: &'a Layout,
        fonts: &'a FontBook,
    ) -> Request<'a> {
        Request {
            parsed: source.parsed.as_ref().ok(),
            ..Request::new(source.text, layout, fonts)
        }
    }
}

/// A rendered PDF.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// The photo file the layout showed (or tried to), when the resume names one.
    pub photo_path: Option<PathBuf>,
    /// What the render noticed.
    pub notes: Notes,
}

/// Everything a render noticed that its caller should tell the user.
#[derive(Debug, Clone, Default)]
pub struct Notes {
    /// Values of the resume that were repaired (notes) or skipped (warnings), located.
    pub input: Vec<Diagnostic>,
    /// A requested language with no translation table.
    pub unknown_language: Option<String>,
    /// Why the photo the layout shows could not be used.
    pub photo: Option<PhotoWarning>,
    /// What fitting to the page budget did, when a budget applied.
    pub fit: Option<Fit>,
    /// Whether that budget was the request's own (`--pages`) rather than the layout's
    /// `max_pages`: only a budget the user asked for is a warning when the resume overflows it;
    /// a layout's is an aim, and the resume then prints whole on the pages it needs.
    pub fit_requested: bool,
    /// Characters no font could draw.
    pub missing: BTreeSet<char>,
    /// The standards the PDF was asked to meet but does not claim, because a character has no
    /// glyph (see [`Request::standard`]).
    pub unclaimed: Option<pdf::Standard>,
    /// Styles of the layout's own font families that have no face of their own and were
    /// simulated (emboldened or slanted), as "FAMILY bold", "FAMILY italic"…: worth knowing, not
    /// a warning.
    pub simulated: BTreeSet<String>,
}

impl Notes {
    /// Whether anything was lost or could not be done as asked (notes that lose nothing do not
    /// count).
    pub fn has_warnings(&self) -> bool {
        self.input.iter().any(Diagnostic::is_warning_or_worse)
            || self.unknown_language.is_some()
            || self.photo.is_some()
            || self.fit_requested && self.fit.as_ref().is_some_and(|f| f.overflow.is_some())
            || !self.missing.is_empty()
    }
}

/// Why a render produced no PDF.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The source is not a JSON Resume document.
    #[error("{0}")]
    Parse(#[from] ParseError),
    /// The request was strict and the render had warnings: they are in the notes.
    #[error("warnings with --strict")]
    Strict(Box<Notes>),
    /// The source is over the size limit (16 MiB).
    #[error(
        "the resume is {0} bytes; resumes up to {max} MiB are rendered (a two-page resume is \
         about 10 KB): split it or remove old entries",
        max = MAX_SOURCE_BYTES / (1024 * 1024)
    )]
    TooLarge(usize),
    /// The source has nothing to print (no name and no section): it is something else, or empty.
    #[error("nothing to print: {0}")]
    NothingToPrint(String),
    /// The PDF could not be built.
    #[error("cannot write the PDF: {0}")]
    Pdf(#[from] PdfError),
    /// [`Request::font_family`] names a family the font book does not have.
    #[error(
        "font family `{0}` is not in the font book: add it with \
         fonts::fallback::add_installed_family first"
    )]
    FontFamily(String),
}

/// Renders one resume: parses the source, normalizes it, guesses its language, loads the photo,
/// fits it to the page budget, typesets it and writes the PDF, gathering what was noticed on
/// the way. The `render`, `batch` and `check` commands and `--pages` fitting all go through it.
///
/// # Errors
///
/// [`RenderError::Parse`] when the source is not JSON (or not an object),
/// [`RenderError::Strict`] for a strict request with warnings, [`RenderError::TooLarge`] and
/// [`RenderError::NothingToPrint`] for sources that are not a resume to print, and
/// [`RenderError::Pdf`] when the PDF cannot be built.
pub fn render(request: &Request<'_>) -> Result<Rendered, RenderError> {
    if request.source.len() > MAX_SOURCE_BYTES {
        return Err(RenderError::TooLarge(request.source.len()));
    }
    let parsed = match request.parsed {
        Some(parsed) => parsed.clone(),
        None => model::parse(request.source)?,
    };
    if is_empty(&parsed.resume) {
        return Err(RenderError::NothingToPrint(what_it_is(request.source)));
    }
    let mut notes = Notes {
        input: parsed.warnings,
        ..Notes::default()
    };
    let mut resume = parsed.resume;
    model::normalize(&mut resume);
    if let Some(tag) = request.language {
        if Locale::lookup(tag).is_none() {
            notes.unknown_language = Some(tag.to_string());
        }
        resume.meta.language = Some(tag.to_string());
    }
    let with_family = match request.font_family {
        Some(family) if request.fonts.find(family, fonts::Style::REGULAR).is_none() => {
            return Err(RenderError::FontFamily(family.to_string()));
        }
        Some(family) => Some(with_font_family(request.layout, family)),
        None => None,
    };
    let layout = with_family.as_ref().unwrap_or(request.layout);
    let with_paper = with_paper(layout, request.paper, &resume);
    let layout = with_paper.as_ref().unwrap_or(layout);
    let shows_photo = layout.photo.as_ref().is_some_and(|setup| setup.show);
    let (photo, photo_path) = match (request.photo_dir, resume.basics.image.as_deref()) {
        (Some(dir), Some(reference)) if shows_photo && !reference.trim().is_empty() => {
            load_photo(reference, dir, &mut notes)
        }
        _ => (None, None),
    };
    // Shaped words carry over from the fitting attempts to the final typesetting, and from this
    // render to the thread's next one.
    let mut shapes = ShapeCache::take_kept();
    let fitted = request.max_pages.or(layout.max_pages).map(|budget| {
        fit::fit_cached(
            &resume,
            layout,
            request.fonts,
            photo.as_ref(),
            budget,
            &mut shapes,
        )
    });
    let (fitted, typeset) = fitted.unzip();
    let layout = fitted.as_ref().map_or(layout, |f| &f.layout);
    // The fit has typeset the layout it chose; otherwise the layout is typeset here.
    let typeset = typeset.unwrap_or_else(|| {
        let document = crate::compose::compose(&resume, layout, request.fonts, photo.as_ref());
        crate::typeset::typeset_cached(&document, request.fonts, &mut shapes)
    });
    shapes.keep();
    let Written {
        pdf,
        pages,
        missing,
        simulated,
    } = write(&resume, layout, typeset, request.fonts, request.standard)?;
    notes.simulated = simulated;
    notes.fit = fitted;
    notes.fit_requested = request.max_pages.is_some();
    notes.unclaimed =
        (!missing.is_empty() && !request.standard.is_none()).then_some(request.standard);
    notes.missing = missing;
    if request.strict && notes.has_warnings() {
        return Err(RenderError::Strict(Box::new(notes)));
    }
    Ok(Rendered {
        pdf,
        pages,
        photo_path,
        notes,
    })
}

/// Whether a resume has neither a name nor a summary nor any section: nothing a page could show.
fn is_empty(resume: &Resume) -> bool {
    let basics = &resume.basics;
    basics.name.is_none()
        && basics.summary.is_none()
        && resume.work.is_empty()
        && resume.volunteer.is_empty()
        && resume.education.is_empty()
        && resume.awards.is_empty()
        && resume.certificates.is_empty()
        && resume.publications.is_empty()
        && resume.skills.is_empty()
        && resume.languages.is_empty()
        && resume.interests.is_empty()
        && resume.references.is_empty()
        && resume.projects.is_empty()
}

/// What a source with nothing to print looks like, and what was expected instead.
fn what_it_is(source: &str) -> String {
    let keys: Vec<String> = serde_json::from_str::<serde_json::Value>(source)
        .ok()
        .and_then(|value| value.as_object().map(|o| o.keys().cloned().collect()))
        .unwrap_or_default();
    let has = |names: &[&str]| {
        names
            .iter()
            .filter(|n| keys.iter().any(|k| k == *n))
            .count()
    };
    let expected = "a JSON Resume needs at least {\"basics\": {\"name\": \"…\"}} and a section \
                    such as \"work\" (`resumepdf init` writes a starter)";
    if has(&[
        "fonts", "sizes", "spacing", "page", "extends", "headings", "colors",
    ]) >= 2
    {
        format!(
            "this looks like a layout file, not a resume; give it with --layout, and {expected}"
        )
    } else if has(&[
        "title",
        "company",
        "responsibilities",
        "qualifications",
        "type",
        "remote",
    ]) >= 2
    {
        format!(
            "this looks like a job description (JSON Resume's job schema), not a resume; \
             {expected}"
        )
    } else if keys.is_empty() {
        format!("the file has no name and no section; {expected}")
    } else {
        format!(
            "none of its keys ({}) is part of a JSON Resume; {expected}",
            keys.join(", ")
        )
    }
}

/// Loads the photo `reference` names, relative to `dir`: the image, and the file it was read
/// from (also when it could not be used, so that a watcher sees it fixed). Problems go to `notes`.
fn load_photo(
    reference: &str,
    dir: &Path,
    notes: &mut Notes,
) -> (Option<Arc<Image>>, Option<PathBuf>) {
    let path = match photo::resolve(reference, dir) {
        Ok(path) => path,
        Err(warning) => {
            notes.photo = Some(warning);
            return (None, None);
        }
    };
    let image =
        photo::read(&path).and_then(|bytes| photo::decode(bytes, &path.display().to_string()));
    match image {
        Ok(image) => (Some(image), Some(path)),
        Err(warning) => {
            notes.photo = Some(warning);
            (None, Some(path))
        }
    }
}

/// `layout` with `family` for body and headings ([`Request::font_family`]): what
/// [`prepare_fonts`] needs to be given for the fallbacks to cover that family's gaps.
pub fn with_font_family(layout: &Layout, family: &str) -> Layout {
    let mut layout = layout.clone();
    layout.fonts.body = crate::layout::Family::named(family);
    layout.fonts.heading = crate::layout::Family::named(family);
    layout
}

/// `layout` with the paper a render uses, when that is not the layout's own: `paper` when given,
/// else the layout's, else the one of the resume's country or language. `None`: the layout as it
/// is.
pub(crate) fn with_paper(
    layout: &Layout,
    paper: Option<PaperSize>,
    resume: &Resume,
) -> Option<Layout> {
    let chosen = paper.or(layout.page.size).unwrap_or_else(|| {
        PaperSize::for_region(
            resume.basics.location.country_code.as_deref(),
            resume.meta.language.as_deref(),
        )
    });
    (layout.page.size != Some(chosen)).then(|| Layout {
        page: PageSetup {
            size: Some(chosen),
            margins: layout.page.margins,
        },
        ..layout.clone()
    })
}

/// Writes the typeset pages of a normalized resume to `standard`. A character without a glyph
/// cannot be shown in a PDF/A or PDF/UA document, so then the file keeps its tags but does not
/// claim the standards.
fn write(
    resume: &Resume,
    layout: &Layout,
    typeset: Typeset,
    fonts: &FontBook,
    standard: pdf::Standard,
) -> Result<Written, PdfError> {
    let Typeset { pages, missing } = typeset;
    let simulated = simulated_styles(&pages, layout, fonts);
    let mut meta = crate::document_meta(resume);
    meta.standard = standard;
    meta.standard_unmet = !missing.is_empty();
    if !standard.is_none() && meta.language.is_none() {
        // Both standards want the language known; headings are in English without one.
        meta.language = Some(Locale::for_tag(None).tag().to_string());
    }
    let count = pages.pages.len();
    let pdf = pdf::write(pages, &meta, fonts)?;
    Ok(Written {
        pdf,
        pages: count,
        missing,
        simulated,
    })
}

/// What [`write`] made: the PDF, its page count, the characters no font could draw and the
/// simulated styles of the layout's families.
struct Written {
    pdf: Vec<u8>,
    pages: usize,
    missing: BTreeSet<char>,
    simulated: BTreeSet<String>,
}

/// The styles of the layout's own families drawn by emboldening or slanting another face of
/// the family, because the family has no face of that style.
fn simulated_styles(
    pages: &crate::typeset::pages::Pages,
    layout: &Layout,
    fonts: &FontBook,
) -> BTreeSet<String> {
    let own = |family: &str| {
        layout
            .fonts
            .families()
            .iter()
            .any(|f| f.name.eq_ignore_ascii_case(family))
    };
    let mut out = BTreeSet::new();
    for run in pages.runs() {
        if !(run.synthetic_bold || run.synthetic_italic) {
            continue;
        }
        let face = fonts.face(run.face);
        if !own(&face.family) {
            continue;
        }
        let bold = run.synthetic_bold || face.style.bold;
        let italic = run.synthetic_italic || face.style.italic;
        let style = match (bold, italic) {
            (true, true) => "bold italic",
            (true, false) => "bold",
            _ => "italic",
        };
        out.insert(format!("{} {style}", face.family));
    }
    out
}

/// Adds to `fonts` what rendering `sources` (see [`Source::read`]) in `layouts` needs: the font
/// files the layouts name, then fallback faces for the characters their fonts lack — those of
/// the resumes' texts and of the headings, dates and footers of their languages (`language`
/// when given, else each resume's own) — from `extra_fonts` first, then the system's fonts.
///
/// A batch calls this once for all its inputs, so that every render shares one font book.
/// Returns the characters no font could draw.
///
/// # Errors
///
/// When a font file cannot be read or parsed.
pub fn prepare_fonts(
    fonts: &mut FontBook,
    layouts: &[&Layout],
    sources: &[Source<'_>],
    language: Option<&str>,
    extra_fonts: &[PathBuf],
) -> Result<BTreeSet<char>, fallback::FontError> {
    let mut chars = BTreeSet::new();
    for source in sources {
        chars.extend(&source.chars);
        let own = || {
            let parsed = source.parsed.as_ref().ok()?;
            parsed.resume.meta.language.as_deref()
        };
        let tag = language.or_else(own);
        chars.extend(Locale::for_tag(tag).characters());
    }
    let mut families = Vec::new();
    for layout in layouts {
        for family in layout.fonts.families() {
            let name = family.name.as_str();
            if fonts::is_font_path(name) {
                fonts.add_family_file(name)?;
                for (_, style, file) in family.style_files() {
                    fonts.add_style_file(name, style, file)?;
                }
            } else {
                // An installed family the layout names, with its real bold and italic faces.
                fallback::add_system_family(fonts, name);
            }
            families.push(name);
        }
    }
    fallback::prepare(fonts, &families, &chars, extra_fonts)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fonts are chosen for the characters of every resume the model reads: YAML, a byte-order
    /// mark or a tab inside a string once left them out, and a name in Chinese printed as blank
    /// boxes although a font for it was installed.
    #[test]
    fn a_source_finds_the_characters_of_every_string_the_model_reads() {
        let chars = |s: &str| s.chars().collect::<BTreeSet<char>>();
        for (text, expected) in [
            (r#"{"basics": {"name": "Zoë 中"}, "x": 1}"#, chars("Zoë 中")),
            ("\u{feff}{\"basics\": {\"name\": \"Zoë\"}}", chars("Zoë")),
            // The reader takes a tab inside a string for a space.
            ("{\"basics\": {\"name\": \"Zoë\tß\"}}", chars("Zoë ß")),
            (
                "basics:\n  name: 王小明\n  label: Ünal\n",
                chars("王小明Ünal"),
            ),
            (r#"["Zoë"]"#, BTreeSet::new()),
            ("", BTreeSet::new()),
        ] {
            let source = Source::read(text);
            assert_eq!(source.chars, expected, "{text:?}");
            assert_eq!(source.parsed, model::parse(text), "{text:?}");
        }
    }
}
