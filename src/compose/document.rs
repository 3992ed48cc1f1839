//! The composed document: what to print, in which style, in which order — not yet where.

use std::sync::Arc;

use crate::fonts::{FaceId, Style};
use crate::structure::{NodeId, Structure};
use crate::style::{Align, Clip, Direction, Image, Rgb, Side};

/// Resolved text style of a span.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextStyle {
    /// Face in the font book.
    pub face: FaceId,
    /// Size in points.
    pub size: f32,
    /// Fill colour.
    pub color: Rgb,
    /// Extra space after each glyph, in points.
    pub letter_spacing: f32,
    /// The weight and slant the text asks for. When the face drawing it lacks them (a font file
    /// with one face, a fallback for another script), the typesetter simulates them.
    pub variant: Style,
}

/// A piece of text in one style, optionally a link.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// The text, exactly as it should be extracted from the PDF.
    pub text: String,
    /// Its style.
    pub style: TextStyle,
    /// A URI (http, https, mailto, tel) the text links to.
    pub link: Option<String>,
    /// A separator between items (e.g. " · "): left out where a line begins or ends.
    pub separator: bool,
    /// Never break a line inside this span (e-mail addresses, web addresses, places).
    pub nowrap: bool,
    /// The node of [`Document::structure`] the text belongs to; `None` for text that is no
    /// content of the document (a page footer), which a tagged PDF marks as an artifact.
    pub node: Option<NodeId>,
}

/// A block of the document, stacked vertically.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Wrapped text.
    Paragraph(Paragraph),
    /// One line with text flush left (wrapping if needed) and text flush right (dates, places).
    Split {
        /// Left part.
        left: Vec<Span>,
        /// Right part, kept on the first line when there is room.
        right: Vec<Span>,
        /// Never end a page after this block.
        keep_with_next: bool,
        /// The direction both parts are laid out in.
        direction: Direction,
    },
    /// A section heading, kept with what follows it.
    Heading {
        /// The heading text.
        spans: Vec<Span>,
        /// A rule under the heading: (thickness, colour).
        rule: Option<(f32, Rgb)>,
        /// Space between the heading line and the rule.
        rule_gap: f32,
        /// The direction the heading is laid out in.
        direction: Direction,
    },
    /// Vertical space, dropped at the top of a page; its kind says how good a page break there is.
    Space(f32, Gap),
    /// The photo, centred in its column.
    Photo(Photo),
}

/// What a vertical space separates, from the best place for a page break to the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// Between sections or entries: the best place to end a page.
    Entry,
    /// Between paragraphs or bullets of one entry.
    Paragraph,
    /// Inside a unit that should not be split (e.g. under a heading).
    Tight,
}

/// A photo to place.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    /// The image.
    pub image: Arc<Image>,
    /// Width and height of its square frame, in points.
    pub size: f32,
    /// The frame's shape.
    pub clip: Clip,
    /// Its figure node in [`Document::structure`].
    pub node: Option<NodeId>,
}

/// Wrapped text, optionally a bullet with a hanging indent.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// The text.
    pub spans: Vec<Span>,
    /// Alignment of each line.
    pub align: Align,
    /// Left inset of every line, in points.
    pub indent: f32,
    /// A bullet drawn in the hanging indent before the first line, with the indent it hangs from.
    pub bullet: Option<Bullet>,
    /// Never end a page after this paragraph's last line.
    pub keep_with_next: bool,
    /// The document's direction: right to left, the paragraph is laid out mirrored (flush right,
    /// bullet on the right) and reads right to left where it has a right-to-left letter.
    pub direction: Direction,
}

/// The marker of a bulleted paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Bullet {
    /// The bullet text, e.g. "•".
    pub span: Span,
    /// Distance from the bullet's left edge to the text.
    pub hang: f32,
}

/// Everything the typesetter needs: page geometry and blocks in reading order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// Page width and height in points.
    pub page_size: (f32, f32),
    /// Margins: top, right, bottom, left, in points.
    pub margins: [f32; 4],
    /// Line spacing multiple.
    pub line_spacing: f32,
    /// The shortest last line of a paragraph that is not a runt, as a fraction of its measure.
    pub last_line_min: f32,
    /// The name block, across the full text width at the top of the first page.
    pub header: Vec<Block>,
    /// A photo beside the name block: the photo and the side it is on.
    pub header_photo: Option<(Photo, Side)>,
    /// The main column's blocks, top to bottom.
    pub main: Vec<Block>,
    /// How many of the first `main` blocks are the name block (with a sidebar, the name heads the
    /// main column): the text layer gives them first, before the sidebar, so that every reader
    /// meets the name before anything else.
    pub name_blocks_in_main: usize,
    /// A second, narrower column beside the main one.
    pub sidebar: Option<Sidebar>,
    /// The page footer, shown when there is more than one page.
    pub footer: Option<Footer>,
    /// The document reads right to left: of two columns, the right one comes first.
    pub right_to_left: bool,
    /// The logical structure: the node of every span and of the photo, in reading order.
    pub structure: Structure,
}

/// A sidebar column.
#[derive(Debug, Clone, PartialEq)]
pub struct Sidebar {
    /// Its side.
    pub side: Side,
    /// Its width in points.
    pub width: f32,
    /// Space between the sidebar and the main column.
    pub gap: f32,
    /// A tint behind the sidebar, running the full page height.
    pub background: Option<Rgb>,
    /// Its blocks, top to bottom.
    pub blocks: Vec<Block>,
}

/// The footer of multi-page documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Footer {
    /// The language's template with `{name}`, `{page}` and `{pages}` placeholders, e.g.
    /// "{name} · Page {page} of {pages}", filled once per page so that no value is read again.
    pub template: String,
    /// The value of `{name}`: the resume's name.
    pub name: String,
    /// Its style.
    pub style: TextStyle,
    /// The digits the page numbers are written with, zero to nine.
    pub digits: [char; 10],
    /// The direction the footer line is laid out in.
    pub direction: Direction,
}
