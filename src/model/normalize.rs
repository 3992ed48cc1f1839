//! [`normalize`]: tidy text and put every dated section newest first.

use std::cmp::Ordering;

use super::date::{DateValue, EndDate, PartialDate, newest_first};
use super::types::*;

/// Tidies a resume and sorts it reverse-chronologically. Idempotent.
///
/// Tidying (already done by [`parse`](super::parse), repeated here for resumes built in code):
/// text is trimmed and empty text becomes `None`; empty list items (highlights, keywords, …) are
/// removed; entries with no content at all are removed; blank text dates become missing.
///
/// Sorting (stable, so entries that compare equal keep their input order):
/// - work, volunteer, education, projects: ongoing entries first (newest start first), then by
///   end date descending, then start date descending; undated entries last. An end date kept as
///   text sorts by the last year written in it, or by the start date if it has none.
/// - awards, certificates (`date`) and publications (`releaseDate`): newest first, undated last.
///
/// Profiles, skills, languages, interests and references keep their input order.
pub fn normalize(resume: &mut Resume) {
    clean_resume(resume);
    sort_ranged(&mut resume.work);
    sort_ranged(&mut resume.volunteer);
    sort_ranged(&mut resume.education);
    sort_ranged(&mut resume.projects);
    resume.awards.sort_by(|a, b| by_date(&a.date, &b.date));
    resume
        .certificates
        .sort_by(|a, b| by_date(&a.date, &b.date));
    resume
        .publications
        .sort_by(|a, b| by_date(&a.release_date, &b.release_date));
}

fn by_date(a: &Option<DateValue>, b: &Option<DateValue>) -> Ordering {
    newest_first(
        a.as_ref().and_then(DateValue::sort_key),
        b.as_ref().and_then(DateValue::sort_key),
    )
}

/// Sort key of a period: (group, effective end, start); group 0 = ongoing, 1 = ended, 2 = undated.
fn range_key(e: &impl Dated) -> (u8, Option<PartialDate>, Option<PartialDate>) {
    let start = e.start().and_then(DateValue::sort_key);
    match e.end() {
        EndDate::Ongoing if e.start().is_some() => (0, None, start),
        EndDate::Ongoing => (2, None, None),
        end => match end.sort_key().or(start) {
            Some(end_key) => (1, Some(end_key), start),
            None => (2, None, None),
        },
    }
}

fn sort_ranged<T: Dated>(entries: &mut [T]) {
    entries.sort_by(|a, b| {
        let (ga, ea, sa) = range_key(a);
        let (gb, eb, sb) = range_key(b);
        ga.cmp(&gb)
            .then_with(|| newest_first(ea, eb))
            .then_with(|| newest_first(sa, sb))
    });
}

fn text(s: &mut Option<String>) {
    if let Some(t) = s {
        let trimmed = t.trim();
        if trimmed.is_empty() {
            *s = None;
        } else if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
    }
}

/// A field shown on one line (the name, the professional title): line breaks, the HTML `<br>` some
/// themes want included, become single spaces.
fn line(s: &mut Option<String>) {
    text(s);
    if let Some(t) = s.as_mut().filter(|t| t.contains(['\n', '\r', '\t', '<'])) {
        let mut spaced = String::with_capacity(t.len());
        let mut rest = t.as_str();
        while let Some(at) = rest.find('<') {
            spaced.push_str(&rest[..at]);
            let tag = &rest[at..];
            let close = tag.bytes().take(16).position(|b| b == b'>').filter(|&end| {
                let name: String = tag[1..end].chars().filter(|c| !c.is_whitespace()).collect();
                ["br", "br/", "/br"].contains(&name.to_ascii_lowercase().as_str())
            });
            match close {
                Some(end) => {
                    spaced.push(' ');
                    rest = &tag[end + 1..];
                }
                None => {
                    spaced.push('<');
                    rest = &tag[1..];
                }
            }
        }
        spaced.push_str(rest);
        *t = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    }
}

fn list(items: &mut Vec<String>) {
    items.retain_mut(|t| {
        let trimmed = t.trim();
        if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
        !t.is_empty()
    });
}

fn date(d: &mut Option<DateValue>) {
    if let Some(DateValue::Text(t)) = d {
        let trimmed = t.trim();
        if trimmed.is_empty() {
            *d = None;
        } else if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
    }
}

fn end(e: &mut EndDate) {
    if let EndDate::Text(t) = e {
        let trimmed = t.trim();
        if trimmed.is_empty() {
            *e = EndDate::Ongoing;
        } else if trimmed.len() != t.len() {
            *t = trimmed.to_string();
        }
    }
}

/// Cleans each entry, then drops those left without content.
fn entries<T: Default + PartialEq>(items: &mut Vec<T>, clean: impl Fn(&mut T)) {
    for item in items.iter_mut() {
        clean(item);
    }
    let empty = T::default();
    items.retain(|item| *item != empty);
}

fn clean_resume(r: &mut Resume) {
    let b = &mut r.basics;
    line(&mut b.name);
    line(&mut b.label);
    for t in [
        &mut b.image,
        &mut b.email,
        &mut b.phone,
        &mut b.url,
        &mut b.summary,
    ] {
        text(t);
    }
    let l = &mut b.location;
    for t in [
        &mut l.address,
        &mut l.postal_code,
        &mut l.city,
        &mut l.country_code,
        &mut l.region,
    ] {
        text(t);
    }
    entries(&mut b.profiles, |p| {
        for t in [&mut p.network, &mut p.username, &mut p.url] {
            text(t);
        }
    });
    entries(&mut r.work, |w| {
        for t in [
            &mut w.name,
            &mut w.position,
            &mut w.url,
            &mut w.location,
            &mut w.description,
            &mut w.summary,
        ] {
            text(t);
        }
        date(&mut w.start);
        end(&mut w.end);
        list(&mut w.highlights);
    });
    entries(&mut r.volunteer, |v| {
        for t in [
            &mut v.organization,
            &mut v.position,
            &mut v.url,
            &mut v.summary,
        ] {
            text(t);
        }
        date(&mut v.start);
        end(&mut v.end);
        list(&mut v.highlights);
    });
    entries(&mut r.education, |e| {
        for t in [
            &mut e.institution,
            &mut e.url,
            &mut e.area,
            &mut e.study_type,
            &mut e.score,
        ] {
            text(t);
        }
        date(&mut e.start);
        end(&mut e.end);
        list(&mut e.courses);
    });
    entries(&mut r.awards, |a| {
        for t in [&mut a.title, &mut a.awarder, &mut a.summary] {
            text(t);
        }
        date(&mut a.date);
    });
    entries(&mut r.certificates, |c| {
        for t in [&mut c.name, &mut c.url, &mut c.issuer] {
            text(t);
        }
        date(&mut c.date);
    });
    entries(&mut r.publications, |p| {
        for t in [&mut p.name, &mut p.publisher, &mut p.url, &mut p.summary] {
            text(t);
        }
        date(&mut p.release_date);
    });
    entries(&mut r.skills, |s| {
        text(&mut s.name);
        text(&mut s.level);
        list(&mut s.keywords);
    });
    entries(&mut r.languages, |l| {
        text(&mut l.language);
        text(&mut l.fluency);
    });
    entries(&mut r.interests, |i| {
        text(&mut i.name);
        list(&mut i.keywords);
    });
    entries(&mut r.references, |x| {
        text(&mut x.name);
        text(&mut x.reference);
    });
    entries(&mut r.projects, |p| {
        for t in [
            &mut p.name,
            &mut p.description,
            &mut p.url,
            &mut p.entity,
            &mut p.kind,
        ] {
            text(t);
        }
        date(&mut p.start);
        end(&mut p.end);
        list(&mut p.highlights);
        list(&mut p.keywords);
        list(&mut p.roles);
    });
    let m = &mut r.meta;
    for t in [
        &mut m.canonical,
        &mut m.version,
        &mut m.last_modified,
        &mut m.language,
    ] {
        text(t);
    }
}
