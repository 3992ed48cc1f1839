//! Blocks → a flow of unbreakable lines, each knowing whether a page may end after it.

use super::inline::break_lines;
use super::line::Line;
use std::sync::Arc;

use super::pages::Item;
use super::shape::Shaper;
use crate::compose::{Block, Gap, Paragraph, Photo, Span};
use crate::style::{Align, Direction, Rect};

/// A line of the flow: its items are positioned with `x` absolute and `y` from the line's top.
#[derive(Debug, Clone, PartialEq)]
pub struct FlowLine {
    /// Space above the line, dropped when the line starts a page.
    pub gap_before: f32,
    /// Height of the line box.
    pub height: f32,
    /// What is drawn, relative to the line's top.
    pub items: Vec<Item>,
    /// A page must not end after this line.
    pub keep_with_next: bool,
    /// How bad a page break after this line is, when one is allowed (see [`break_cost`]).
    pub break_cost: f32,
}

/// The cost of ending a page at a space of this kind; a break inside a paragraph (between two of
/// its lines) costs [`INSIDE_PARAGRAPH`]. Costs are in lines: the paginator will leave up to that
/// many lines of a page empty to break somewhere cheaper.
pub fn break_cost(gap: Gap) -> f32 {
    match gap {
        Gap::Entry => 0.0,
        Gap::Paragraph => 1.5,
        Gap::Tight => INSIDE_PARAGRAPH,
    }
}

/// The cost of a page break between two lines of one paragraph.
pub const INSIDE_PARAGRAPH: f32 = 4.0;

/// Horizontal frame of the flow: left edge and width of the text column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Left edge in points.
    pub x: f32,
    /// Width in points.
    pub width: f32,
}

/// Lays out every block into flow lines.
pub fn flow(
    shaper: &mut Shaper,
    blocks: &[Block],
    column: Column,
    line_spacing: f32,
) -> Vec<FlowLine> {
    let mut out: Vec<FlowLine> = Vec::new();
    let mut gap = 0.0;
    for block in blocks {
        let start = out.len();
        match block {
            Block::Space(space, kind) => {
                gap += space;
                if let Some(last) = out.last_mut() {
                    last.break_cost = last.break_cost.min(break_cost(*kind));
                }
                continue;
            }
            Block::Photo(photo) => out.push(FlowLine {
                gap_before: 0.0,
                height: photo.size + PHOTO_GAP,
                items: vec![photo_item(
                    photo,
                    column.x + (column.width - photo.size) / 2.0,
                    0.0,
                )],
                keep_with_next: true,
                break_cost: INSIDE_PARAGRAPH,
            }),
            Block::Paragraph(paragraph) => {
                paragraph_lines(shaper, paragraph, column, line_spacing, &mut out)
            }
            Block::Split {
                left,
                right,
                keep_with_next,
                direction,
            } => {
                let sides = (left.as_slice(), right.as_slice());
                split_lines(shaper, sides, *direction, column, line_spacing, &mut out);
                if let Some(last) = out.last_mut() {
                    last.keep_with_next = *keep_with_next;
                }
            }
            Block::Heading {
                spans,
                rule,
                rule_gap,
                direction,
            } => {
                let lines = break_lines(shaper, spans, *direction, |_| column.width);
                for line in lines {
                    let x = start_x(&line, column.x, column.width);
                    push_line(&mut out, line, x, line_spacing, true);
                }
                if let (Some((thickness, color)), Some(last)) = (rule, out.last_mut()) {
                    let y = last.height + rule_gap + thickness / 2.0;
                    last.items.push(Item::Rule {
                        x0: column.x,
                        y0: y,
                        x1: column.x + column.width,
                        y1: y,
                        thickness: *thickness,
                        color: *color,
                    });
                    last.height += rule_gap + thickness;
                }
            }
        }
        if let Some(first) = out.get_mut(start) {
            first.gap_before = gap;
            gap = 0.0;
        }
    }
    out
}

/// Space below a photo placed in a column.
pub(crate) const PHOTO_GAP: f32 = 12.0;

/// The image item of `photo` with its frame's top-left corner at (`x`, `y`): the image covers the
/// square frame, centred across and showing more of its top than its bottom (where faces are).
pub fn photo_item(photo: &Photo, x: f32, y: f32) -> Item {
    let size = photo.size;
    let (w, h) = (
        photo.image.width.max(1) as f32,
        photo.image.height.max(1) as f32,
    );
    let scale = (size / w).max(size / h);
    let (draw_w, draw_h) = (w * scale, h * scale);
    Item::Image {
        frame: Rect {
            x,
            y,
            width: size,
            height: size,
        },
        draw: Rect {
            x: x + (size - draw_w) / 2.0,
            y: y + (size - draw_h) * 0.3,
            width: draw_w,
            height: draw_h,
        },
        clip: photo.clip,
        image: Arc::clone(&photo.image),
        node: photo.node,
    }
}

/// Lines of a paragraph, with a hanging bullet and widow/orphan protection. A mirrored paragraph
/// (right to left, or in a right-to-left document) has its indent and bullet on the right, and
/// `Left` alignment (the start of its lines) is flush right.
fn paragraph_lines(
    shaper: &mut Shaper,
    paragraph: &Paragraph,
    column: Column,
    line_spacing: f32,
    out: &mut Vec<FlowLine>,
) {
    let width = column.width - paragraph.indent;
    let lines = break_lines(shaper, &paragraph.spans, paragraph.direction, |_| width);
    let rtl = lines.first().is_some_and(|l| l.mirrored);
    let x = if rtl {
        column.x
    } else {
        column.x + paragraph.indent
    };
    let count = lines.len();
    let start = out.len();
    for line in lines {
        let offset = match paragraph.align {
            Align::Left => start_x(&line, 0.0, width),
            Align::Center => ((width - line.width) / 2.0).max(0.0),
        };
        push_line(out, line, x + offset, line_spacing, false);
    }
    if let (Some(bullet), Some(first)) = (&paragraph.bullet, out.get_mut(start)) {
        // The bullet is laid out on its own, left to right; the paragraph's direction places it.
        let marker = break_lines(
            shaper,
            std::slice::from_ref(&bullet.span),
            Direction::Ltr,
            |_| f32::INFINITY,
        );
        if let Some(marker) = marker.into_iter().next() {
            let baseline = first_baseline(first);
            let marker_x = if rtl {
                x + width + bullet.hang - marker.width
            } else {
                x - bullet.hang
            };
            first.items.splice(0..0, place(marker, marker_x, baseline));
        }
    }
    if count >= 2 {
        out[start].keep_with_next = true;
        out[start + count - 2].keep_with_next = true;
    }
    if let Some(last) = out.last_mut().filter(|_| count > 0) {
        last.keep_with_next = paragraph.keep_with_next;
    }
}

/// Where a line starting a measure of `width` at `x` goes: at `x`, or flush right when it is
/// mirrored.
fn start_x(line: &Line, x: f32, width: f32) -> f32 {
    if line.mirrored {
        x + (width - line.width).max(0.0)
    } else {
        x
    }
}

/// An entry header: left text wraps beside right text that stays flush right on the first line.
/// In a right-to-left entry (its left text, else its right text, is a right-to-left paragraph)
/// the sides are mirrored: the wrapping text is flush right and the other text flush left.
fn split_lines(
    shaper: &mut Shaper,
    (left, right): (&[Span], &[Span]),
    direction: Direction,
    column: Column,
    line_spacing: f32,
    out: &mut Vec<FlowLine>,
) {
    const GAP: f32 = 12.0;
    const NARROW: f32 = 4.0 * 72.0;
    let right_line = break_lines(shaper, right, direction, |_| f32::INFINITY)
        .into_iter()
        .next();
    let right_width = right_line.as_ref().map_or(0.0, |l| l.width);
    let mut beside = right_width + GAP < column.width * 0.6;
    let first_width = column.width - right_width - GAP;
    let mut lines = break_lines(shaper, left, direction, |i| {
        if i == 0 && beside {
            first_width
        } else {
            column.width
        }
    });
    // In a narrow column, a wrapped title reads better with its dates on a line of their own.
    if beside && lines.len() > 1 && column.width < NARROW {
        beside = false;
        lines = break_lines(shaper, left, direction, |_| column.width);
    }
    let rtl = match (lines.first(), &right_line) {
        (Some(first), _) => first.mirrored,
        (None, Some(right)) => right.mirrored,
        (None, None) => false,
    };
    // The main text starts at its side; the other text sits at the opposite side.
    let main_x = |line: &Line| {
        if rtl {
            column.x + column.width - line.width
        } else {
            column.x
        }
    };
    let other_x = |line: &Line| {
        if rtl {
            column.x
        } else {
            column.x + column.width - line.width
        }
    };
    let Some(right) = right_line else {
        for line in lines {
            let x = main_x(&line);
            push_line(out, line, x, line_spacing, true);
        }
        return;
    };
    if !beside || lines.is_empty() {
        for line in lines {
            let x = main_x(&line);
            push_line(out, line, x, line_spacing, true);
        }
        // In a narrow column, text on a line of its own under a wrapped title (a certificate's
        // date) starts where the title does: flush to the other side it would stand alone.
        let x = if column.width < NARROW {
            main_x(&right)
        } else {
            other_x(&right)
        };
        push_line(out, right, x, line_spacing, true);
        return;
    }
    let first = &mut lines[0];
    first.ascent = first.ascent.max(right.ascent);
    first.descent = first.descent.max(right.descent);
    first.natural_height = first.natural_height.max(right.natural_height);
    let start = out.len();
    for line in lines {
        let x = main_x(&line);
        push_line(out, line, x, line_spacing, true);
    }
    // The right text sits on the first line's baseline but comes after the whole left text in
    // reading order, so extracted text keeps the left part in one piece.
    let baseline = first_baseline(&out[start]);
    let above: f32 = out[start..out.len() - 1].iter().map(|l| l.height).sum();
    let x = other_x(&right);
    if let Some(last) = out.last_mut() {
        last.items.extend(place(right, x, baseline - above));
    }
}

/// Places a line at `x` and appends it to the flow.
fn push_line(out: &mut Vec<FlowLine>, line: Line, x: f32, line_spacing: f32, keep_with_next: bool) {
    let height = line.natural_height * line_spacing;
    let baseline = (height - line.ascent - line.descent) / 2.0 + line.ascent;
    out.push(FlowLine {
        gap_before: 0.0,
        height,
        items: place(line, x, baseline),
        keep_with_next,
        break_cost: INSIDE_PARAGRAPH,
    });
}

/// Turns a line's runs and links into items at `x` with the given baseline.
fn place(line: Line, x: f32, baseline: f32) -> Vec<Item> {
    let mut items = Vec::with_capacity(line.runs.len() + line.links.len());
    for mut run in line.runs {
        run.x += x;
        run.y = baseline;
        items.push(Item::Text(run));
    }
    for (x0, x1, uri, node) in line.links {
        items.push(Item::Link {
            node,
            rect: Rect {
                x: x + x0,
                y: baseline - line.ascent,
                width: x1 - x0,
                height: line.ascent + line.descent,
            },
            uri,
        });
    }
    items
}

/// Baseline of the first text run of a flow line.
fn first_baseline(line: &FlowLine) -> f32 {
    line.items
        .iter()
        .find_map(|item| match item {
            Item::Text(run) => Some(run.y),
            _ => None,
        })
        .unwrap_or(line.height)
}
