//! The typesetter's output: pages of positioned items, independent of any PDF library.
//!
//! Coordinates are in PDF points (1/72 inch) with the origin at the **top-left** corner of the page
//! and `y` growing downwards, the way a reader scans a page. The PDF writer flips them.

use std::ops::Range;
use std::sync::Arc;

use crate::fonts::FaceId;
use crate::structure::{NodeId, Structure};
use crate::style::{Clip, Image, Rect, Rgb};

/// All pages of one document, every page of the same size.
#[derive(Debug, Clone, PartialEq)]
pub struct Pages {
    /// Page width in points.
    pub width: f32,
    /// Page height in points.
    pub height: f32,
    /// The pages, first to last.
    pub pages: Vec<Page>,
    /// The logical structure the items' nodes belong to (their reading order).
    pub structure: Structure,
}

impl Pages {
    /// Every text run of every page, first page first, in reading order.
    pub fn runs(&self) -> impl Iterator<Item = &GlyphRun> {
        self.pages
            .iter()
            .flat_map(|page| &page.items)
            .filter_map(|item| match item {
                Item::Text(run) => Some(run),
                _ => None,
            })
    }
}

/// One page: items in reading order (text extraction follows this order).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The items, in the order a reader (and a text extractor) should meet them.
    pub items: Vec<Item>,
}

/// Something drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A run of shaped glyphs in one face, size and colour.
    Text(GlyphRun),
    /// A straight line (e.g. the rule under a heading).
    Rule {
        /// Start x.
        x0: f32,
        /// Start y.
        y0: f32,
        /// End x.
        x1: f32,
        /// End y.
        y1: f32,
        /// Stroke width.
        thickness: f32,
        /// Stroke colour.
        color: Rgb,
    },
    /// A filled rectangle (e.g. a sidebar background).
    Fill {
        /// The area.
        rect: Rect,
        /// Fill colour.
        color: Rgb,
    },
    /// A raster image (the photo), drawn at `draw` and clipped to `frame` with `clip`'s shape.
    Image {
        /// The visible area.
        frame: Rect,
        /// Where the whole image is drawn (it covers `frame`, centred; parts outside are clipped).
        draw: Rect,
        /// The shape of the visible area inside `frame`.
        clip: Clip,
        /// The image itself (shared: a batch may draw one photo in many layouts).
        image: Arc<Image>,
        /// Its figure node in [`Pages::structure`].
        node: Option<NodeId>,
    },
    /// A clickable area that opens a URI (http, https, mailto or tel only).
    Link {
        /// The clickable area.
        rect: Rect,
        /// The target URI.
        uri: String,
        /// Its link node in [`Pages::structure`].
        node: Option<NodeId>,
    },
}

/// A shaped run of text in one face: one line may hold several runs (bold title, plain dates...).
#[derive(Debug, Clone, PartialEq)]
pub struct GlyphRun {
    /// Which face of the font book the glyph ids belong to.
    pub face: FaceId,
    /// Font size in points.
    pub size: f32,
    /// Fill colour.
    pub color: Rgb,
    /// Baseline origin: x of the first glyph's origin.
    pub x: f32,
    /// Baseline origin: y of the baseline (from the page top).
    pub y: f32,
    /// The run's source text, exactly as it should come back out of text extraction, plus any
    /// invisible directional marks (U+200E, U+200F) that keep position-based extractors reading a
    /// mixed-direction line in logical order (see `typeset::marks`).
    pub text: String,
    /// The glyphs in visual order.
    pub glyphs: Vec<Glyph>,
    /// The text runs right to left (an odd bidi level): the glyphs, in visual order, stand for
    /// the text backwards.
    pub right_to_left: bool,
    /// Draw the glyphs bolder than the face does (outlines stroked as well as filled): the text
    /// asked for bold, but the face that has its characters (a fallback) has no bold style.
    pub synthetic_bold: bool,
    /// Draw the glyphs slanted: the text asked for italic, but the face that has its characters
    /// has no italic style.
    pub synthetic_italic: bool,
    /// The node of [`Pages::structure`] the text belongs to; `None` for no content of the
    /// document (a page footer).
    pub node: Option<NodeId>,
}

/// One positioned glyph of a [`GlyphRun`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glyph {
    /// Glyph id in the face's original (unsubset) font.
    pub id: u16,
    /// Horizontal advance in points after this glyph, kerning included.
    pub advance: f32,
    /// How far right of its pen position the glyph is drawn, in points: a mark (a vowel sign, a
    /// dot) is moved onto its base letter.
    pub x_offset: f32,
    /// How far below the baseline the glyph is drawn, in points (negative: above).
    pub y_offset: f32,
    /// The slice of [`GlyphRun::text`] this glyph stands for (empty for the second and later glyphs of
    /// one cluster, several characters for a ligature).
    pub text: Range<usize>,
}

impl GlyphRun {
    /// Total advance width of the run in points.
    pub fn width(&self) -> f32 {
        self.glyphs.iter().map(|g| g.advance).sum()
    }
}
