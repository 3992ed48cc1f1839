//! Plain geometry and style types every stage of the pipeline shares: colours, rectangles, images
//! and their clip shapes, alignment, sides and writing direction.
//!
//! They sit at the bottom of the dependency graph (the layout reads them from its file, the
//! composer fills them in, the typesetter and the PDF writer draw them), so that no stage has to
//! reach up into a later one for a type.

use serde::Deserialize;

/// The shortest last line of a paragraph, as a fraction of its measure, that line breaking takes
/// without looking for other breaks, when a layout does not say (`last_line_min`).
pub const DEFAULT_LAST_LINE_MIN: f32 = 0.15;

/// An sRGB colour with components in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb {
    /// Red.
    pub r: f32,
    /// Green.
    pub g: f32,
    /// Blue.
    pub b: f32,
}

impl Rgb {
    /// Black, the default text colour.
    pub const BLACK: Rgb = Rgb {
        r: 0.0,
        g: 0.0,
        b: 0.0,
    };
}

/// An axis-aligned rectangle; `(x, y)` is its top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// The shape an image is clipped to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Clip {
    /// The frame rectangle itself.
    Rectangle,
    /// The circle (ellipse) inscribed in the frame.
    Ellipse,
    /// The frame with rounded corners of this radius in points.
    Rounded(f32),
}

/// A decoded-enough raster image, ready to embed.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The pixels or the compressed stream.
    pub data: ImageData,
}

/// How an image's pixels are stored.
#[derive(Debug, Clone, PartialEq)]
pub enum ImageData {
    /// A baseline or progressive JPEG file, embedded unchanged (`/DCTDecode`); 1 (grey) or 3 (RGB)
    /// colour components.
    Jpeg {
        /// The JPEG file's bytes.
        bytes: Vec<u8>,
        /// Colour components: 1 or 3.
        components: u8,
    },
    /// 8-bit RGBA pixels, row by row (alpha becomes a soft mask).
    Rgba8(Vec<u8>),
}

/// Horizontal alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Flush left.
    Left,
    /// Centred.
    Center,
}

/// Which side of the main column something beside it (a sidebar, a header photo) is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// Left of the main column (read first in a left-to-right document).
    Left,
    /// Right of the main column (read first in a right-to-left document).
    Right,
}

/// Writing direction of a language's script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right (Latin, Cyrillic, CJK, …).
    #[default]
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, …).
    Rtl,
}
