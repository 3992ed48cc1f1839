//! Length: the page count of the resume rendered with the chosen layout, against a target set by
//! the length of the career (one page, two for a long one), and what fitting to that target would
//! take.

use super::{Category, Finding, Severity};
use crate::fit::Fit;
use crate::layout::Layout;
use crate::model::{DateValue, EndDate, PartialDate, Resume};
use crate::{RenderError, Request};

/// Years of work history from which a resume may take two pages; below it, one page.
pub const LONG_CAREER_YEARS: i32 = 10;

/// What the page count of a resume is and what fitting it to its target would do.
#[derive(Clone, Debug, Default)]
pub struct Length {
    /// Pages of the PDF `render` writes with the chosen layout (0: nothing would print).
    pub pages: usize,
    /// When `pages` is over [`page_target`]: the fit to the target (what `--pages` would
    /// tighten, or how far it overflows at the tightest settings).
    pub fit_to_target: Option<Fit>,
}

/// Measures the length of the resume `request` renders (`resume` is its normalized model): the
/// page count of the PDF `render` writes and, when that is over the target, the fit to the
/// target. A resume with nothing to print has length 0.
///
/// # Errors
///
/// When the request cannot be rendered (see [`crate::render`]).
pub fn measure_length(
    request: &Request<'_>,
    resume: &Resume,
    today: PartialDate,
) -> Result<Length, RenderError> {
    let pages = match crate::render(request) {
        Ok(rendered) => rendered.pages,
        Err(RenderError::NothingToPrint(_)) => return Ok(Length::default()),
        Err(e) => return Err(e),
    };
    let target = page_target(resume, today);
    let fit_to_target = if pages > target {
        let squeezed = Request {
            max_pages: Some(target),
            strict: false,
            ..*request
        };
        crate::render(&squeezed)?.notes.fit
    } else {
        None
    };
    Ok(Length {
        pages,
        fit_to_target,
    })
}

/// Months of work history: from the earliest dated start to the latest end (today for a job
/// still going on); 0 without dated work.
pub fn career_months(resume: &Resume, today: PartialDate) -> i32 {
    let month = super::dates::earliest;
    let mut first = None::<i32>;
    let mut last = None::<i32>;
    for work in &resume.work {
        let Some(start) = work.start.as_ref().and_then(DateValue::as_date) else {
            continue;
        };
        let end = match &work.end {
            EndDate::Ongoing => month(today),
            EndDate::Date(d) => month(*d),
            EndDate::Text(_) => month(start),
        };
        first = Some(first.map_or(month(start), |f| f.min(month(start))));
        last = Some(last.map_or(end, |l| l.max(end)));
    }
    match (first, last) {
        (Some(first), Some(last)) => (last - first).max(0),
        _ => 0,
    }
}

/// The pages a resume should take: one, or two for a career of [`LONG_CAREER_YEARS`] or more.
pub fn page_target(resume: &Resume, today: PartialDate) -> usize {
    if career_months(resume, today) >= LONG_CAREER_YEARS * 12 {
        2
    } else {
        1
    }
}

/// Reports the page count of the resume rendered with `layout` against its target.
pub(super) fn check(
    length: &Length,
    resume: &Resume,
    today: PartialDate,
    layout: &Layout,
    out: &mut Vec<Finding>,
) {
    let pages = length.pages;
    if pages == 0 {
        return;
    }
    let target = page_target(resume, today);
    let years = career_months(resume, today) / 12;
    let career = match years {
        0 => "with less than a year of work history".to_string(),
        1 => "with 1 year of work history".to_string(),
        _ => format!("with {years} years of work history"),
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let rendered = format!(
        "renders as {pages} page{} with layout {}",
        plural(pages),
        layout.name
    );
    if pages <= target {
        out.push(Finding::new(
            Severity::Info,
            Category::Length,
            "length.pages",
            "$",
            format!(
                "{rendered}; {career} the target is at most {target} page{}",
                plural(target)
            ),
            "Good length: one page for early careers, two for long ones.",
        ));
        return;
    }
    // Two pages over the target is more than tidying can fix.
    let severity = if pages > target + 1 {
        Severity::Error
    } else {
        Severity::Warning
    };
    let cut = if target == 1 {
        "cut bullets without a result, keep coursework and projects to the ones the job needs, \
         and drop sections the target job does not need"
    } else {
        "keep the last 10–15 years in detail, shorten older roles to a line each, cut bullets \
         without a result, and drop sections the target job does not need"
    };
    let hint = match &length.fit_to_target {
        Some(fit) => match &fit.overflow {
            None => {
                let moved: Vec<String> = fit
                    .changes
                    .iter()
                    .map(|c| format!("{} {:.2} → {:.2}", c.field, c.from, c.to))
                    .collect();
                format!(
                    "`resumepdf render --pages {target}` fits it on {target} page{} within the \
                     layout's rules ({}); or {cut}.",
                    plural(target),
                    moved.join(", ")
                )
            }
            Some(overflow) => format!(
                "Even at the tightest settings the layout allows it needs {:.1} pages, so \
                 `--pages {target}` cannot fit it: remove about {} lines — {cut}.",
                overflow.pages_needed, overflow.lines_over
            ),
        },
        None => format!("Aim for {target} page{}: {cut}.", plural(target)),
    };
    out.push(Finding::new(
        severity,
        Category::Length,
        "length.pages",
        "$",
        format!(
            "{rendered}; {career} the target is {target} page{}",
            plural(target)
        ),
        hint,
    ));
}
