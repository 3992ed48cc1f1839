//! Composition: a normalized resume and a layout become a [`Document`] of styled blocks.

mod build;
mod dates;
mod document;
mod links;
mod prose;
mod tags;
mod template;

pub use build::compose;
pub use dates::{format_date, format_range, format_value};
pub use document::{
    Block, Bullet, Document, Footer, Gap, Paragraph, Photo, Sidebar, Span, TextStyle,
};
pub use links::{display_url, mailto, tel};
