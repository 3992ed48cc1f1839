//! Dates of work and education: present, in order, not in the future; gaps and overlaps between
//! jobs.

use super::text::words;
use super::{Category, Cx, Finding, Section, Severity};
use crate::model::{DateValue, Dated, EndDate, PartialDate, Work};

/// Gaps between jobs longer than this many months are reported.
pub(crate) const GAP_MONTHS: i32 = 6;

/// Months since year 0 of the first month `d` can mean (`2019` → January 2019).
pub(super) fn earliest(d: PartialDate) -> i32 {
    d.year * 12 + i32::from(d.month.unwrap_or(1)) - 1
}

/// Months since year 0 of the last month `d` can mean (`2019` → December 2019).
fn latest(d: PartialDate) -> i32 {
    d.year * 12 + i32::from(d.month.unwrap_or(12)) - 1
}

/// True when `a` is certainly later than `b`, comparing only the parts both give.
fn after(a: PartialDate, b: PartialDate) -> bool {
    if a.year != b.year {
        return a.year > b.year;
    }
    match (a.month, b.month) {
        (Some(am), Some(bm)) if am != bm => am > bm,
        (Some(_), Some(_)) => matches!((a.day, b.day), (Some(ad), Some(bd)) if ad > bd),
        _ => false,
    }
}

fn month_name(index: i32) -> String {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}",
        NAMES[index.rem_euclid(12) as usize],
        index.div_euclid(12)
    )
}

/// "Support Lead at Acme", or whichever of the two is given.
fn describe(w: &Work) -> String {
    match (w.position.as_deref(), w.name.as_deref()) {
        (Some(p), Some(n)) => format!("{p} at {n}"),
        (Some(x), None) | (None, Some(x)) => x.to_string(),
        (None, None) => "an untitled role".to_string(),
    }
}

/// Roles that may run beside a full-time job.
fn part_time(w: &Work) -> bool {
    let text = [&w.position, &w.summary, &w.description, &w.name]
        .into_iter()
        .flatten()
        .map(|t| t.to_lowercase())
        .collect::<Vec<_>>()
        .join(" ");
    const PHRASES: &[&str] = &[
        "part-time",
        "part time",
        "teaching assistant",
        "research assistant",
    ];
    const WORDS: &[&str] = &[
        "intern",
        "internship",
        "freelance",
        "freelancer",
        "contract",
        "contractor",
        "volunteer",
        "advisor",
        "adviser",
        "advisory",
        "board",
        "adjunct",
        "founder",
        "co-founder",
        "cofounder",
        "owner",
        "student",
        "tutor",
        "fellow",
        "fellowship",
        "ambassador",
        "seasonal",
        "casual",
        "temporary",
        "self-employed",
        "hobby",
        "side",
    ];
    PHRASES.iter().any(|p| text.contains(p)) || words(&text).iter().any(|w| WORDS.contains(w))
}

pub(super) fn check(cx: &Cx, out: &mut Vec<Finding>) {
    let r = cx.resume;
    for (i, w) in r.work.iter().enumerate() {
        entry(cx, out, Section::Work, i, w, true);
    }
    for (i, e) in r.education.iter().enumerate() {
        entry(cx, out, Section::Education, i, e, true);
    }
    for (i, v) in r.volunteer.iter().enumerate() {
        entry(cx, out, Section::Volunteer, i, v, false);
    }
    for (i, p) in r.projects.iter().enumerate() {
        entry(cx, out, Section::Projects, i, p, false);
    }
    gaps_and_overlaps(cx, out);
}

fn entry(
    cx: &Cx,
    out: &mut Vec<Finding>,
    section: Section,
    i: usize,
    e: &impl Dated,
    required: bool,
) {
    let path = cx.entry(section, i);
    let mut add = |severity, rule, at: String, message: String, suggestion: &str| {
        out.push(Finding::new(
            severity,
            Category::Dates,
            rule,
            at,
            message,
            suggestion,
        ));
    };
    if let Some(DateValue::Text(t)) = e.start() {
        add(
            Severity::Warning,
            "dates.unreadable",
            format!("{path}.startDate"),
            format!("the start date `{t}` is not a date"),
            "Write dates as YYYY-MM (or YYYY, YYYY-MM-DD) so they sort and print alike.",
        );
    }
    if let EndDate::Text(t) = e.end() {
        add(
            Severity::Warning,
            "dates.unreadable",
            format!("{path}.endDate"),
            format!("the end date `{t}` is not a date"),
            "Write dates as YYYY-MM; leave endDate out (or write \"Present\") for an ongoing \
             entry.",
        );
    }
    let education = matches!(section, Section::Education);
    if required && e.start().is_none() {
        if !e.is_dated() {
            add(
                Severity::Warning,
                "dates.missing",
                path.clone(),
                "no dates".to_string(),
                "Add startDate and endDate (YYYY-MM); readers and applicant tracking systems \
                 expect a date on every entry.",
            );
        } else if !education {
            add(
                Severity::Warning,
                "dates.missing",
                format!("{path}.startDate"),
                "an end date but no start date".to_string(),
                "Add startDate (YYYY-MM).",
            );
        }
    }
    let start = e.start().and_then(DateValue::as_date);
    let end = e.end().as_date();
    if let (Some(s), Some(en)) = (start, end)
        && after(s, en)
    {
        add(
            Severity::Error,
            "dates.order",
            path.clone(),
            format!("starts ({s}) after it ends ({en})"),
            "Swap or correct startDate and endDate.",
        );
    }
    if let Some(en) = end
        && after(en, cx.today)
    {
        if education {
            add(
                Severity::Info,
                "dates.expected",
                format!("{path}.endDate"),
                format!("ends in the future ({en}); readers take it as an expected date"),
                "Fine for an expected graduation; check it is meant.",
            );
        } else {
            add(
                Severity::Error,
                "dates.future-end",
                format!("{path}.endDate"),
                format!("ends in the future ({en}) but is not marked as ongoing"),
                "If it is still going on, leave endDate out (or write \"Present\"); otherwise \
                 correct the date.",
            );
        }
    }
    if !education
        && let Some(s) = start
        && after(s, cx.today)
    {
        add(
            Severity::Warning,
            "dates.future-start",
            format!("{path}.startDate"),
            format!("starts in the future ({s})"),
            "List only roles you have started, or correct the date.",
        );
    }
}

/// A job as a span of months, for gaps (widest reading) and overlaps (narrowest reading).
struct Span {
    index: usize,
    wide: (i32, i32),
    narrow: (i32, i32),
    full_time: bool,
}

fn gaps_and_overlaps(cx: &Cx, out: &mut Vec<Finding>) {
    let today = earliest(cx.today);
    let mut spans: Vec<Span> = Vec::new();
    for (index, w) in cx.resume.work.iter().enumerate() {
        let Some(start) = w.start.as_ref().and_then(DateValue::as_date) else {
            continue;
        };
        let (wide_end, narrow_end) = match &w.end {
            EndDate::Ongoing => (today, today),
            EndDate::Date(d) => (latest(*d), earliest(*d)),
            EndDate::Text(_) => continue,
        };
        let wide = (earliest(start), wide_end.max(earliest(start)));
        let narrow = (latest(start), narrow_end);
        spans.push(Span {
            index,
            wide,
            narrow,
            full_time: !part_time(w),
        });
    }
    spans.sort_by_key(|s| s.wide);
    let work = &cx.resume.work;
    // Gaps: months covered by no job at all.
    let mut covered: Option<(i32, usize)> = None;
    for s in &spans {
        if let Some((end, last)) = covered {
            let gap = s.wide.0 - end - 1;
            if gap > GAP_MONTHS {
                out.push(Finding::new(
                    Severity::Info,
                    Category::Dates,
                    "dates.gap",
                    format!("{}.startDate", cx.entry(Section::Work, s.index)),
                    format!(
                        "{gap} months without a job between {} (until {}) and {} (from {})",
                        describe(&work[last]),
                        month_name(end),
                        describe(&work[s.index]),
                        month_name(s.wide.0)
                    ),
                    "Nothing wrong with a gap; if it was study, caring, travel or a sabbatical, \
                     a line about it (or a volunteer or project entry) answers the question \
                     before it is asked.",
                ));
            }
        }
        covered = match covered {
            Some((end, last)) if end >= s.wide.1 => Some((end, last)),
            _ => Some((s.wide.1, s.index)),
        };
    }
    // Overlaps between full-time roles.
    for (a_pos, a) in spans.iter().enumerate() {
        for b in spans[a_pos + 1..].iter() {
            if !(a.full_time && b.full_time) {
                continue;
            }
            let overlap = a.narrow.1.min(b.narrow.1) - a.narrow.0.max(b.narrow.0) + 1;
            if overlap > 1 {
                out.push(Finding::new(
                    Severity::Info,
                    Category::Dates,
                    "dates.overlap",
                    cx.entry(Section::Work, b.index),
                    format!(
                        "{} and {} overlap by {overlap} months",
                        describe(&work[a.index]),
                        describe(&work[b.index])
                    ),
                    "If one was part-time, freelance or a side project, say so in the position \
                     (e.g. \"(part-time)\"); otherwise check the dates.",
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn after_compares_known_parts() {
        assert!(after(d("2020-05"), d("2019-12")));
        assert!(after(d("2019-06"), d("2019-05-31")));
        assert!(!after(d("2019"), d("2019-05")));
        assert!(!after(d("2019-05"), d("2019-05-31")));
        assert!(after(d("2019-05-31"), d("2019-05-30")));
    }

    #[test]
    fn month_arithmetic() {
        assert_eq!(latest(d("2019")) - earliest(d("2019")), 11);
        assert_eq!(month_name(earliest(d("2019-05"))), "May 2019");
    }
}
