//! Typesetting: from a composed document to pages of positioned items, without touching PDF.
//!
//! Stages: [`shape`](Shaper) words with rustybuzz → [`break_lines`] to the measure → `flow` blocks
//! into lines that know where a page may end → `paginate` → place lines and footers on pages.

mod flow;
mod inline;
pub mod pages;
mod paginate;
mod shape;

pub use flow::{Column, FlowLine, flow};
pub use inline::{Line, break_lines};
pub use paginate::paginate;
pub use shape::Shaper;

use crate::compose::{Document, Footer};
use crate::fonts::FontBook;
use pages::{Item, Page, Pages};

/// Typesets a composed document into pages.
pub fn typeset(document: &Document, fonts: &FontBook) -> Pages {
    let mut shaper = Shaper::new(fonts);
    let (width, height) = document.page_size;
    let [top, right, bottom, left] = document.margins;
    let column = Column {
        x: left,
        width: width - left - right,
    };
    let lines = flow(&mut shaper, &document.blocks, column, document.line_spacing);
    let ranges = paginate(&lines, height - top - bottom);
    let count = ranges.len();
    let pages = ranges
        .into_iter()
        .enumerate()
        .map(|(index, range)| {
            let mut page = Page::default();
            let mut y = top;
            for (n, line) in lines[range.clone()].iter().enumerate() {
                if n > 0 {
                    y += line.gap_before;
                }
                page.items
                    .extend(line.items.iter().cloned().map(|item| shift(item, y)));
                y += line.height;
            }
            if let Some(footer) = document.footer.as_ref().filter(|_| count > 1) {
                page.items.extend(footer_items(
                    &mut shaper,
                    footer,
                    index + 1,
                    count,
                    document,
                ));
            }
            page
        })
        .collect();
    Pages {
        width,
        height,
        pages,
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
        Item::Link { mut rect, uri } => {
            rect.y += dy;
            Item::Link { rect, uri }
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
    let text = footer
        .template
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string());
    let span = crate::compose::Span {
        text,
        style: footer.style,
        link: None,
    };
    let (width, height) = document.page_size;
    let bottom = document.margins[2];
    let lines = break_lines(shaper, std::slice::from_ref(&span), |_| f32::INFINITY);
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
