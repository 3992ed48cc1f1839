//! Typesetting: from a composed document to pages of positioned items, without touching PDF.
//!
//! Stages: `shape` words with harfrust → `inline::break_lines` to the measure → `flow` blocks
//! into lines that know where a page may end → `paginate` each column → place lines, sidebar
//! tints and footers on pages.

mod atom;
mod breaks;
mod flow;
mod inline;
mod line;
mod marks;
pub mod pages;
mod paginate;
mod shape;

#[cfg(test)]
mod properties;
#[cfg(test)]
mod tests;

// The stages are the crate's own: callers get pages from `typeset` (or `crate::typeset_resume`);
// `check` measures bullets with the line breaker.
pub(crate) use flow::{Column, FlowLine, flow, photo_item};
pub(crate) use inline::break_lines;
pub(crate) use paginate::paginate;
pub(crate) use shape::{ShapeCache, Shaper};

use std::collections::BTreeSet;
use std::ops::Range;

use crate::compose::{Document, Footer, Span};
use crate::fonts::FontBook;
use crate::i18n::{fill_template, localize_digits};
use crate::style::{Rect, Side};
use flow::PHOTO_GAP;
use pages::{Item, Page, Pages};

/// A column's lines and how they split into pages.
struct Placed {
    lines: Vec<FlowLine>,
    pages: Vec<Range<usize>>,
    x: f32,
}

/// Typesets a composed document into pages.
pub fn typeset(document: &Document, fonts: &FontBook) -> Pages {
    typeset_reporting(document, fonts).0
}

/// Typesets a composed document into pages, and reports the characters no face could draw (they
/// are drawn with the font's "missing glyph").
pub fn typeset_reporting(document: &Document, fonts: &FontBook) -> (Pages, BTreeSet<char>) {
    let Typeset { pages, missing } = typeset_cached(document, fonts, &mut ShapeCache::default());
    (pages, missing)
}

/// Typeset pages, and the characters no face could draw.
pub(crate) struct Typeset {
    pub pages: Pages,
    pub missing: BTreeSet<char>,
}

/// [`typeset_reporting`], shaping with what `cache` already holds and adding to it.
pub(crate) fn typeset_cached(
    document: &Document,
    fonts: &FontBook,
    cache: &mut ShapeCache,
) -> Typeset {
    let mut shaper = Shaper::new(fonts)
        .with_last_line_min(document.last_line_min)
        .with_cache(std::mem::take(cache));
    let (width, height) = document.page_size;
    let [top, right, bottom, left] = document.margins;
    let text_width = width - left - right;
    let spacing = document.line_spacing;
    let header_column = match &document.header_photo {
        Some((photo, Side::Left)) => Column {
            x: left + photo.size + PHOTO_GAP,
            width: text_width - photo.size - PHOTO_GAP,
        },
        Some((photo, Side::Right)) => Column {
            x: left,
            width: text_width - photo.size - PHOTO_GAP,
        },
        None => Column {
            x: left,
            width: text_width,
        },
    };
    let mut header = flow(&mut shaper, &document.header, header_column, spacing);
    let header_photo = document.header_photo.as_ref().map(|(photo, side)| {
        let x = match side {
            Side::Left => left,
            Side::Right => left + text_width - photo.size,
        };
        (photo_item(photo, x, top), photo.size)
    });
    let (main_column, side_column) = columns(document, left, text_width);
    let mut main_lines = flow(&mut shaper, &document.main, main_column, spacing);
    // A header taller than half a page (dozens of profiles on the contact line, a layout with
    // huge sizes) would push the resume off page one: it then flows with the main column and
    // breaks across pages like any text, below the photo if there is one.
    let body = height - top - bottom;
    if stacked_height(&header) > body / 2.0 {
        let mut lines = flow(&mut shaper, &document.header, main_column, spacing);
        lines.append(&mut main_lines);
        main_lines = lines;
        header.clear();
    }
    let name_blocks = &document.main[..document.name_blocks_in_main.min(document.main.len())];
    let name_lines = if name_blocks.is_empty() {
        0
    } else {
        flow(&mut shaper, name_blocks, main_column, spacing).len()
    };
    let side_lines = match (&document.sidebar, side_column) {
        (Some(sidebar), Some(column)) => Some(flow(&mut shaper, &sidebar.blocks, column, spacing)),
        _ => None,
    };
    // Below a header, the first section keeps the space above it.
    let lead = match main_lines.first() {
        Some(first) if !header.is_empty() => first.gap_before,
        _ => 0.0,
    };
    let header_height = stacked_height(&header).max(header_photo.as_ref().map_or(0.0, |p| p.1));
    let first_top = top + header_height + lead;
    let height_of = |page: usize| {
        if page == 0 {
            (height - bottom - first_top).max(body / 4.0)
        } else {
            body
        }
    };
    let place_column = |lines: Vec<FlowLine>, column: Column| Placed {
        pages: paginate(&lines, height_of),
        lines,
        x: column.x,
    };
    let mut columns = Vec::with_capacity(2);
    let main_x = main_column.x;
    let main = place_column(main_lines, main_column);
    let side = side_lines
        .zip(side_column)
        .map(|(lines, column)| place_column(lines, column));
    // Columns in reading order: the one on the side where lines start comes first.
    match side {
        Some(side) if (side.x < main.x) != document.right_to_left => columns.extend([side, main]),
        Some(side) => columns.extend([main, side]),
        None => columns.push(main),
    }
    let count = columns
        .iter()
        .map(|c| c.pages.len())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut pages = Vec::with_capacity(count);
    for index in 0..count {
        let mut page = Page::default();
        if let Some((sidebar, column)) = document.sidebar.as_ref().zip(side_column)
            && let Some(color) = sidebar.background
        {
            page.items.push(Item::Fill {
                rect: sidebar_band(sidebar.side, column, sidebar.gap, width, height),
                color,
            });
        }
        let column_top = if index == 0 { first_top } else { top };
        if index == 0 {
            place_lines(&mut page, &mut header, top);
            if let Some((item, _)) = &header_photo {
                page.items.push(item.clone());
            }
        }
        let columns_start = page.items.len();
        for (n, column) in columns.iter_mut().enumerate() {
            let Some(range) = column.pages.get(index).cloned() else {
                continue;
            };
            let column_start = page.items.len();
            // The name heads the main column; when the sidebar is placed first, its lines move
            // to the front of the text layer (their place on the page does not change).
            let name_items: usize = if index == 0 && n > 0 && column.x == main_x {
                column.lines[..name_lines.min(range.len())]
                    .iter()
                    .map(|line| line.items.len())
                    .sum()
            } else {
                0
            };
            place_lines(&mut page, &mut column.lines[range], column_top);
            page.items[columns_start..column_start + name_items].rotate_right(name_items);
        }
        if let Some(footer) = document.footer.as_ref().filter(|_| count > 1) {
            let items = footer_items(&mut shaper, footer, index + 1, count, document);
            // Text extractors read pages back to back, and some (pdf.js, so OpenResume) join a
            // page's last line to the next page's first. The first page keeps its footer last
            // (the name stays the first text); later pages begin with theirs, so a footer only
            // ever meets another footer or the end of a page, never a job title.
            if index == 0 {
                page.items.extend(items);
            } else {
                // After the background tint, which must not paint over it.
                let after_fills = page
                    .items
                    .iter()
                    .take_while(|item| matches!(item, Item::Fill { .. }))
                    .count();
                page.items.splice(after_fills..after_fills, items);
            }
        }
        pages.push(page);
    }
    let pages = Pages {
        width,
        height,
        pages,
        structure: document.structure.clone(),
    };
    let missing = shaper.missing().clone();
    *cache = shaper.into_cache();
    Typeset { pages, missing }
}

/// The main column and, with a sidebar, the sidebar column.
fn columns(document: &Document, left: f32, text_width: f32) -> (Column, Option<Column>) {
    let Some(sidebar) = &document.sidebar else {
        return (
            Column {
                x: left,
                width: text_width,
            },
            None,
        );
    };
    let main_width = text_width - sidebar.width - sidebar.gap;
    match sidebar.side {
        Side::Left => (
            Column {
                x: left + sidebar.width + sidebar.gap,
                width: main_width,
            },
            Some(Column {
                x: left,
                width: sidebar.width,
            }),
        ),
        Side::Right => (
            Column {
                x: left,
                width: main_width,
            },
            Some(Column {
                x: left + main_width + sidebar.gap,
                width: sidebar.width,
            }),
        ),
    }
}

/// The tinted band behind a sidebar: from the page edge to the middle of the gap, full height.
fn sidebar_band(side: Side, column: Column, gap: f32, width: f32, height: f32) -> Rect {
    match side {
        Side::Left => Rect {
            x: 0.0,
            y: 0.0,
            width: column.x + column.width + gap / 2.0,
            height,
        },
        Side::Right => {
            let x = column.x - gap / 2.0;
            Rect {
                x,
                y: 0.0,
                width: width - x,
                height,
            }
        }
    }
}

/// Height of lines stacked one after another, gaps included (the first line's gap is dropped).
fn stacked_height(lines: &[FlowLine]) -> f32 {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| l.height + if i > 0 { l.gap_before } else { 0.0 })
        .sum()
}

/// Places `lines` one under another starting at `top`, moving their items to the page (a line
/// is placed once; copying them kept a large document's glyphs in memory twice).
fn place_lines(page: &mut Page, lines: &mut [FlowLine], top: f32) {
    let mut y = top;
    for (n, line) in lines.iter_mut().enumerate() {
        if n > 0 {
            y += line.gap_before;
        }
        page.items.extend(
            std::mem::take(&mut line.items)
                .into_iter()
                .map(|item| shift(item, y)),
        );
        y += line.height;
    }
}

/// Moves an item down by `dy`.
fn shift(item: Item, dy: f32) -> Item {
    match item {
        Item::Text(mut run) => {
            run.y += dy;
            Item::Text(run)
        }
        Item::Rule {
            x0,
            y0,
            x1,
            y1,
            thickness,
            color,
        } => Item::Rule {
            x0,
            y0: y0 + dy,
            x1,
            y1: y1 + dy,
            thickness,
            color,
        },
        Item::Fill { mut rect, color } => {
            rect.y += dy;
            Item::Fill { rect, color }
        }
        Item::Link {
            mut rect,
            uri,
            node,
        } => {
            rect.y += dy;
            Item::Link { rect, uri, node }
        }
        Item::Image {
            mut frame,
            mut draw,
            clip,
            image,
            node,
        } => {
            frame.y += dy;
            draw.y += dy;
            Item::Image {
                frame,
                draw,
                clip,
                image,
                node,
            }
        }
    }
}

/// The footer line of page `page` of `pages`, centred in the bottom margin.
fn footer_items(
    shaper: &mut Shaper,
    footer: &Footer,
    page: usize,
    pages: usize,
    document: &Document,
) -> Vec<Item> {
    let span = Span {
        text: fill_template(
            &footer.template,
            &[
                ("name", &footer.name),
                ("page", &localize_digits(&page.to_string(), footer.digits)),
                ("pages", &localize_digits(&pages.to_string(), footer.digits)),
            ],
        ),
        style: footer.style,
        link: None,
        separator: false,
        nowrap: false,
        // Page furniture, not content: an artifact in a tagged PDF.
        node: None,
    };
    let (width, height) = document.page_size;
    let bottom = document.margins[2];
    let lines = break_lines(
        shaper,
        std::slice::from_ref(&span),
        footer.direction,
        |_| f32::INFINITY,
    );
    lines
        .into_iter()
        .flat_map(|line| {
            let x = (width - line.width) / 2.0;
            let baseline = height - bottom / 2.0 + line.ascent / 2.0;
            line.runs.into_iter().map(move |mut run| {
                run.x += x;
                run.y = baseline;
                Item::Text(run)
            })
        })
        .collect()
}
