//! The PDF writer: typeset [`Pages`] → PDF bytes.
//!
//! Text is written as shaped glyph runs in subset, embedded CID TrueType fonts (Identity-H) with a
//! ToUnicode CMap, so text extraction returns exactly the typeset strings; each glyph sits where the
//! shaper put it. Subsets carry no hinting (see `sfnt`), which roughly halves their size.
//! Images are embedded once each: JPEG files unchanged, RGBA pixels Flate-compressed with an alpha
//! soft mask when needed (see `image`), drawn clipped to their frame's shape.
//! printpdf builds the document; `type0` adds the fonts to it, and `fixup` then repairs what
//! printpdf gets wrong for us (PDF/X leftovers, version, determinism) and compresses it. The
//! same input always gives the same bytes.
//!
//! By default the document is tagged and meets PDF/UA-1 and PDF/A-2a (see [`Standard`]): every
//! item is drawn in marked content (`marked`) that the structure tree (`tree`), built from the
//! pages' [`Structure`](crate::structure::Structure), points at; an XMP packet (`xmp`) and an sRGB output intent (`icc`)
//! complete it.

mod content;
mod fixup;
mod icc;
mod image;
mod marked;
mod memo;
mod renumber;
mod runs;
mod save;
mod sfnt;
mod standard;
mod stream;
mod subset;
mod tree;
mod type0;
mod xmp;
mod zlib;

pub use standard::{Archive, Standard};

use printpdf::{PdfDocument, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Pt, Rect};

use crate::fonts::FontBook;
use crate::style::Image;
use crate::typeset::pages::Pages;

/// Document information written into the PDF.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    /// `/Title`, usually the person's name.
    pub title: String,
    /// `/Author`.
    pub author: String,
    /// `/Subject`, e.g. the job title sought.
    pub subject: String,
    /// `/Keywords`, written comma-separated.
    pub keywords: Vec<String>,
    /// Unix seconds, written as both `/CreationDate` and `/ModDate` (UTC). Passed in rather than
    /// read from a clock so that the output is reproducible.
    pub creation_date: i64,
    /// BCP 47 language tag of the content (e.g. `"en-GB"`), written as the catalog's `/Lang`.
    pub language: Option<String>,
    /// The standards to write the document to (default: PDF/UA-1 and PDF/A-2a).
    pub standard: Standard,
    /// The document cannot meet `standard` (a character has no glyph): it is written as the
    /// standard asks, but its metadata does not claim it.
    pub standard_unmet: bool,
}

/// Why a document could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum PdfError {
    /// A PDF needs at least one page.
    #[error("the document has no pages")]
    NoPages,
    /// The page size is not positive and finite.
    #[error("page size {width} × {height} pt is not a positive, finite size")]
    PageSize {
        /// Page width in points.
        width: f32,
        /// Page height in points.
        height: f32,
    },
    /// An item has a NaN or infinite coordinate.
    #[error("page {page}: {what} has a coordinate or size that is not a finite number")]
    NonFinite {
        /// 1-based page number.
        page: usize,
        /// The kind of item.
        what: &'static str,
    },
    /// A glyph run has a font size that is not positive.
    #[error("page {page}: font size {size} pt is not positive")]
    FontSize {
        /// 1-based page number.
        page: usize,
        /// The offending size.
        size: f32,
    },
    /// A glyph run names a face the font book does not have.
    #[error("page {page}: a glyph run uses face {face}, which is not in the font book")]
    UnknownFace {
        /// 1-based page number.
        page: usize,
        /// The face index.
        face: u16,
    },
    /// A glyph's text range lies outside its run's text or splits a character.
    #[error("page {page}: glyph text range {start}..{end} does not fit the run's text")]
    GlyphText {
        /// 1-based page number.
        page: usize,
        /// Range start (bytes).
        start: usize,
        /// Range end (bytes).
        end: usize,
    },
    /// An image cannot be embedded (bad size, pixel data or JPEG stream).
    #[error("page {page}: cannot embed the image: {reason}")]
    Image {
        /// 1-based page number of its first appearance.
        page: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// A font could not be subset.
    #[error("font {font}: cannot subset: {reason}")]
    Subset {
        /// PostScript name of the face.
        font: String,
        /// What went wrong.
        reason: String,
    },
    /// The creation date does not fit a PDF date (years 0000–9999).
    #[error("date {0} (unix seconds) is outside the years a PDF date can hold")]
    Date(i64),
    /// printpdf reported an error while building the document.
    #[error("printpdf: {0}")]
    Printpdf(String),
    /// lopdf rejected the document structure.
    #[error("PDF structure: {0}")]
    Structure(#[from] lopdf::Error),
    /// Compressing or serialising failed.
    #[error("writing the PDF failed: {0}")]
    Io(#[from] std::io::Error),
    /// A broken invariant of this module (a bug).
    #[error("internal error in the PDF writer: {0}")]
    Internal(String),
}

/// Checks `image` the way [`write()`] does before embedding it: `Err` with the reason when its size
/// is zero, its RGBA data has the wrong length, or its JPEG stream disagrees with its size or
/// components or uses a JPEG process PDF viewers cannot decode (12-bit, lossless, hierarchical or
/// arithmetic-coded). A photo loader can fall back to decoded RGBA pixels for such a JPEG instead
/// of letting the whole write fail with [`PdfError::Image`].
pub fn check_image(image: &Image) -> Result<(), String> {
    image::check(image)
}

/// Writes `pages` as a PDF document, embedding subsets of the `fonts` faces its glyph runs use.
///
/// Deterministic: the same pages and meta give byte-identical output, whatever the time, process or
/// thread. Links are written only for http, https, mailto and tel URIs; others are skipped.
///
/// The pages are taken, not borrowed: each page's items are let go as soon as its content is
/// written, so that a document of thousands of pages never holds its typeset pages, its PDF
/// objects and its bytes at once.
pub fn write(pages: Pages, meta: &Meta, fonts: &FontBook) -> Result<Vec<u8>, PdfError> {
    let (width, height) = (pages.width, pages.height);
    if !(width.is_finite() && height.is_finite() && width > 0.0 && height > 0.0) {
        return Err(PdfError::PageSize { width, height });
    }
    if pages.pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    let embedded = subset::embed_fonts(&pages, fonts)?;
    let (images, xobjects) = image::Images::collect(&pages)?;
    let Pages {
        pages, structure, ..
    } = pages;

    let mut doc = PdfDocument::new(&meta.title);
    doc.resources.xobjects.map.extend(xobjects);
    let size = Rect::from_wh(Pt(width), Pt(height));
    let tagged = meta.standard.tagged().then_some(&structure);
    let mut marks = Vec::with_capacity(pages.len());
    let mut contents = Vec::with_capacity(pages.len());
    for (index, page) in pages.into_iter().enumerate() {
        let marker = marked::Marker::new(tagged);
        let written = content::page_content(&page, index + 1, height, &embedded, &images, marker)?;
        // The page's items are let go now, not when the document is.
        drop(page);
        marks.push(written.marks);
        contents.push(Content::deflated(written.bytes)?);
        // printpdf writes the page's link annotations; its content is replaced below.
        doc.pages.push(PdfPage {
            media_box: size.clone(),
            trim_box: size.clone(),
            crop_box: size.clone(),
            ops: written.links,
        });
    }

    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut lopdf_doc = doc.to_lopdf_document(&options, &mut warnings);
    // The lopdf tree is all that is needed from here on.
    drop(doc);
    if let Some(error) = warnings
        .iter()
        .find(|w| w.severity == PdfParseErrorSeverity::Error)
    {
        return Err(PdfError::Printpdf(error.msg.clone()));
    }
    replace_contents(&mut lopdf_doc, contents)?;
    type0::add(&mut lopdf_doc, &embedded, tagged.is_some())?;
    fixup::finish(lopdf_doc, meta, &structure, &marks)
}

/// A page's content stream written by `content`, deflated as soon as it is written when that makes
/// it smaller (see `fixup::deflate_content`).
struct Content {
    data: Vec<u8>,
    deflated: bool,
}

impl Content {
    fn deflated(data: Vec<u8>) -> Result<Content, PdfError> {
        Ok(match fixup::deflate_content(&data)? {
            Some(compressed) => Content {
                data: compressed,
                deflated: true,
            },
            None => Content {
                data,
                deflated: false,
            },
        })
    }
}

/// Puts the content streams written by `content` in place of printpdf's, page by page.
fn replace_contents(doc: &mut lopdf::Document, contents: Vec<Content>) -> Result<(), PdfError> {
    let page_ids: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    for (page_id, content) in page_ids.into_iter().zip(contents) {
        let stream_id = doc
            .get_dictionary(page_id)?
            .get(b"Contents")?
            .as_reference()?;
        let stream = doc.get_object_mut(stream_id)?.as_stream_mut()?;
        stream.set_content(content.data);
        if content.deflated {
            stream
                .dict
                .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
