//! Length: the page count of the resume rendered with the chosen layout.

use super::{Category, Finding, Severity};
use crate::layout::Layout;

/// Resumes of more pages than this are long.
pub(crate) const MAX_PAGES: usize = 2;

/// Reports the page count of the resume rendered with `layout`.
pub(super) fn check(pages: usize, layout: &Layout, out: &mut Vec<Finding>) {
    let plural = if pages == 1 { "" } else { "s" };
    if pages > MAX_PAGES {
        out.push(Finding::new(
            Severity::Warning,
            Category::Length,
            "length.pages",
            "$",
            format!(
                "renders as {pages} page{plural} with layout {}; 1–2 is the target",
                layout.name
            ),
            "Keep the last 10–15 years in detail, shorten older roles to a line each, cut \
             bullets without a result, and drop sections the target job does not need.",
        ));
    } else {
        out.push(Finding::new(
            Severity::Info,
            Category::Length,
            "length.pages",
            "$",
            format!(
                "renders as {pages} page{plural} with layout {}",
                layout.name
            ),
            "Good length: one page for early careers, two for long ones.",
        ));
    }
}
