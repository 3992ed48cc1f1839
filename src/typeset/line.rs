//! A laid-out line: the product of inline layout, which the directional marks, the flow of blocks
//! and the footer all work on (its own module, so that none of them reaches into another for it).

use super::pages::GlyphRun;
use crate::structure::NodeId;

/// One laid-out line; positions are relative to the line's left edge and its baseline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Glyph runs in reading (logical) order, each at its display position: `x` from the line's
    /// left edge and `y` = 0 on the baseline. Within a right-to-left run the glyphs are in visual
    /// order and the text in logical order.
    pub runs: Vec<GlyphRun>,
    /// Link areas: (x start, x end, URI, the link's structure node).
    pub links: Vec<(f32, f32, String, Option<NodeId>)>,
    /// Width of the inked text (trailing spaces excluded).
    pub width: f32,
    /// Height above the baseline of the tallest style on the line.
    pub ascent: f32,
    /// Depth below the baseline (positive).
    pub descent: f32,
    /// Distance from this line's top to the next line's top at single spacing.
    pub natural_height: f32,
    /// The line belongs to a right-to-left paragraph: it reads from the right.
    pub rtl: bool,
    /// The line is laid out mirrored: flush right, its bullet hanging on the right. True for a
    /// right-to-left paragraph, and for every paragraph of a right-to-left document (a paragraph
    /// with no right-to-left letter there reads left to right, flush right).
    pub mirrored: bool,
}
