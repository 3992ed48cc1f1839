//! Proofreading: doubled words, doubled spaces, inconsistent capitalisation of entries and mixed
//! date styles in the source.

use std::collections::BTreeMap;

use serde_json::Value;

use super::text::{excerpt, tokens};
use super::{Category, Cx, Finding, Section, Severity};

/// Words that are correctly doubled in English ("had had", "that that").
const DOUBLES_OK: &[&str] = &[
    "had", "that", "is", "very", "bye", "no", "die", "der", "das", "sie", "la", "le", "que",
];

pub(super) fn check(cx: &Cx, out: &mut Vec<Finding>) {
    for (path, text) in cx.texts() {
        doubled_words(&path, text, out);
        if text.contains("  ") || text.contains(" \u{a0}") || text.contains("\u{a0} ") {
            out.push(Finding::new(
                Severity::Warning,
                Category::Proofreading,
                "proofread.double-space",
                path,
                format!("doubled space in \"{}\"", excerpt(text, 60)),
                "Replace the double space with a single one.",
            ));
        }
    }
    capitalisation(cx, out);
    date_styles(cx.source, out);
}

fn doubled_words(path: &str, text: &str, out: &mut Vec<Finding>) {
    let toks = tokens(text);
    for pair in toks.windows(2) {
        let ((a_at, a), (b_at, b)) = (pair[0], pair[1]);
        let gap = &text[a_at + a.len()..b_at];
        let lower = a.to_lowercase();
        if gap.chars().all(char::is_whitespace)
            && !gap.contains('\n')
            && lower == b.to_lowercase()
            && a.chars().any(char::is_alphabetic)
            && !DOUBLES_OK.contains(&lower.as_str())
        {
            out.push(Finding::new(
                Severity::Warning,
                Category::Proofreading,
                "proofread.doubled-word",
                path,
                format!(
                    "\"{a} {b}\": a word is repeated in \"{}\"",
                    excerpt(text, 60)
                ),
                format!("Delete the second \"{b}\"."),
            ));
        }
    }
}

/// Whether an entry's text starts with a capital: `None` when it cannot tell (no letter first,
/// or a name such as `iPhone`, `eBay`, `node.js` that keeps its own case).
fn starts_upper(text: &str) -> Option<bool> {
    let first_word = text.split_whitespace().next()?;
    let first = first_word.chars().next()?;
    if !first.is_alphabetic() || !(first.is_uppercase() || first.is_lowercase()) {
        return None;
    }
    let rest_has_upper = first_word.chars().skip(1).any(char::is_uppercase);
    let name_like =
        first_word.contains(['.', '_']) || first_word.chars().any(|c| c.is_ascii_digit());
    if (first.is_lowercase() && rest_has_upper) || name_like {
        return None;
    }
    Some(first.is_uppercase())
}

/// True for a name that starts with a short lower-case brand and goes on in capitals
/// ("dbt Analytics Engineering", "npm Certified Developer").
fn lower_brand(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let first = words.next().unwrap_or("");
    first.chars().count() <= 4
        && first.chars().all(|c| c.is_lowercase())
        && words.any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Reports the entries of a group whose initial case differs from the majority; in `names`
/// groups (titles, certificates, skills) a short lower-case brand may stand first.
fn mixed_case(
    group: &str,
    items: &[(String, &str)],
    names: bool,
    severity: Severity,
    out: &mut Vec<Finding>,
) {
    let classified: Vec<(&String, &str, bool)> = items
        .iter()
        .filter(|(_, t)| !(names && lower_brand(t)))
        .filter_map(|(p, t)| starts_upper(t).map(|u| (p, *t, u)))
        .collect();
    if classified.len() < 3 {
        return;
    }
    let upper = classified.iter().filter(|c| c.2).count();
    let lower = classified.len() - upper;
    if upper == 0 || lower == 0 {
        return;
    }
    let odd_is_upper = upper < lower;
    let odd: Vec<&(&String, &str, bool)> =
        classified.iter().filter(|c| c.2 == odd_is_upper).collect();
    let examples: Vec<String> = odd
        .iter()
        .take(4)
        .map(|c| format!("\"{}\"", excerpt(c.1, 30)))
        .collect();
    let (majority, minority) = if odd_is_upper {
        ("a small letter", "a capital")
    } else {
        ("a capital", "a small letter")
    };
    out.push(Finding::new(
        severity,
        Category::Proofreading,
        "proofread.capitalisation",
        odd[0].0.clone(),
        format!(
            "{group}: {} of {} start with {minority} while the rest start with {majority}: {}{}",
            odd.len(),
            classified.len(),
            examples.join(", "),
            if odd.len() > examples.len() {
                ", …"
            } else {
                ""
            }
        ),
        format!("Start every one of the {group} with {majority}."),
    ));
}

fn capitalisation(cx: &Cx, out: &mut Vec<Finding>) {
    let r = cx.resume;
    let bullets: Vec<(String, &str)> = cx.bullets().into_iter().map(|b| (b.path, b.text)).collect();
    mixed_case("bullets", &bullets, false, Severity::Warning, out);

    let mut positions: Vec<(String, &str)> = Vec::new();
    for (i, w) in r.work.iter().enumerate() {
        if let Some(p) = w.position.as_deref() {
            positions.push((format!("{}.position", cx.entry(Section::Work, i)), p));
        }
    }
    for (i, v) in r.volunteer.iter().enumerate() {
        if let Some(p) = v.position.as_deref() {
            positions.push((format!("{}.position", cx.entry(Section::Volunteer, i)), p));
        }
    }
    mixed_case("job titles", &positions, true, Severity::Warning, out);

    let skill_names: Vec<(String, &str)> = r
        .skills
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((format!("$.skills[{i}].name"), s.name.as_deref()?)))
        .collect();
    mixed_case("skill names", &skill_names, true, Severity::Warning, out);

    let keywords: Vec<(String, &str)> = r
        .skills
        .iter()
        .enumerate()
        .flat_map(|(i, s)| {
            s.keywords
                .iter()
                .enumerate()
                .map(move |(j, k)| (format!("$.skills[{i}].keywords[{j}]"), k.as_str()))
        })
        .collect();
    mixed_case("skill keywords", &keywords, true, Severity::Info, out);

    let certificates: Vec<(String, &str)> = r
        .certificates
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            Some((
                format!("{}.name", cx.entry(Section::Certificates, i)),
                c.name.as_deref()?,
            ))
        })
        .collect();
    mixed_case(
        "certificate names",
        &certificates,
        true,
        Severity::Warning,
        out,
    );
}

/// Keys whose values are dates in JSON Resume.
const DATE_KEYS: &[&str] = &["startDate", "endDate", "date", "releaseDate", "awardDate"];

/// How a date is written: (style family, year-only precision).
fn date_style(text: &str) -> Option<(String, bool)> {
    let t = text.trim();
    if !t.chars().any(|c| c.is_ascii_digit()) {
        return None; // "Present", "current", …: not a date style
    }
    // The shape: digits → 9, letters → a (runs collapsed), other characters kept.
    let mut shape = String::new();
    for c in t.chars() {
        let k = if c.is_ascii_digit() {
            '9'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k == 'a' && shape.ends_with('a') {
            continue;
        }
        shape.push(k);
    }
    let style = match shape.as_str() {
        "9999" => ("YYYY-MM (ISO)", true),
        "9999-99" | "9999-99-99" => ("YYYY-MM (ISO)", false),
        s if s.starts_with("9999-99-99a") => ("YYYY-MM-DDThh:mm (date-time)", false),
        "9999/99" | "9999/9" => ("YYYY/MM", false),
        "99/9999" | "9/9999" => ("MM/YYYY", false),
        "99/99/9999" | "9/9/9999" | "99/9/9999" | "9/99/9999" => ("DD/MM/YYYY", false),
        "99.99.9999" | "9.9.9999" | "99.9.9999" | "9.99.9999" => ("DD.MM.YYYY", false),
        "99.9999" | "9.9999" => ("MM.YYYY", false),
        "9999.99" | "9999.9" => ("YYYY.MM", false),
        "a 9999" | "a. 9999" | "a, 9999" => ("Month YYYY", false),
        "9999 a" => ("YYYY Month", false),
        _ => ("other", false),
    };
    Some((style.0.to_string(), style.1))
}

/// (path, value) of every date field in the source, in file order.
fn source_dates(value: &Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                let child = format!("{path}.{key}");
                match v {
                    Value::String(s) if DATE_KEYS.contains(&key.as_str()) && path != "$.meta" => {
                        out.push((child, s.clone()));
                    }
                    _ => source_dates(v, &child, out),
                }
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                source_dates(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn date_styles(source: &str, out: &mut Vec<Finding>) {
    // JSON or YAML, read as the model reads it.
    let Ok(document) = crate::model::source::Document::read(source) else {
        return;
    };
    let mut dates = Vec::new();
    source_dates(&document.value, "$", &mut dates);
    // Style families, with the paths written in each.
    let mut families: BTreeMap<String, Vec<String>> = BTreeMap::new();
    // Per section: paths of year-only and of finer ISO dates.
    let mut precision: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for (path, text) in &dates {
        let Some((family, year_only)) = date_style(text) else {
            continue;
        };
        if family.contains("ISO") {
            let section = path
                .trim_start_matches("$.")
                .split(['[', '.'])
                .next()
                .unwrap_or("")
                .to_string();
            let entry = precision.entry(section).or_default();
            if year_only {
                entry.0.push(path.clone());
            } else {
                entry.1.push(path.clone());
            }
        }
        families.entry(family).or_default().push(path.clone());
    }
    if families.len() > 1 {
        let mut by_use: Vec<(&String, &Vec<String>)> = families.iter().collect();
        // Most used first; on a tie the JSON Resume form is the one to keep.
        by_use
            .sort_by_key(|(style, paths)| (std::cmp::Reverse(paths.len()), !style.contains("ISO")));
        let described: Vec<String> = by_use
            .iter()
            .enumerate()
            .map(|(i, (style, paths))| match i {
                0 => format!("{style} ×{}", paths.len()),
                _ => format!("{style} ×{} (at {})", paths.len(), paths[0]),
            })
            .collect();
        out.push(Finding::new(
            Severity::Warning,
            Category::Proofreading,
            "proofread.date-style",
            by_use[1].1[0].clone(),
            format!(
                "dates are written in {} styles: {}",
                families.len(),
                described.join(", ")
            ),
            "Write every date as YYYY-MM (the JSON Resume form); the layout prints them all \
             alike.",
        ));
    }
    for (section, (years, months)) in precision {
        if !years.is_empty() && !months.is_empty() {
            out.push(Finding::new(
                Severity::Info,
                Category::Proofreading,
                "proofread.date-precision",
                years[0].clone(),
                format!(
                    "{section}: {} date{} give only a year while {} give the month",
                    years.len(),
                    if years.len() == 1 { "" } else { "s" },
                    months.len()
                ),
                "Give the month everywhere in a section (YYYY-MM) so ranges print alike.",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_styles_are_classified() {
        let style = |t: &str| date_style(t).map(|s| s.0);
        assert_eq!(style("2019-05").as_deref(), Some("YYYY-MM (ISO)"));
        assert_eq!(style("2019").as_deref(), Some("YYYY-MM (ISO)"));
        assert_eq!(style("05/2019").as_deref(), Some("MM/YYYY"));
        assert_eq!(style("May 2019").as_deref(), Some("Month YYYY"));
        assert_eq!(style("Sept. 2019").as_deref(), Some("Month YYYY"));
        assert_eq!(style("14.05.2019").as_deref(), Some("DD.MM.YYYY"));
        assert_eq!(style("Present"), None);
    }

    #[test]
    fn initial_case() {
        assert_eq!(starts_upper("Led a team"), Some(true));
        assert_eq!(starts_upper("led a team"), Some(false));
        assert_eq!(starts_upper("iPhone apps"), None);
        assert_eq!(starts_upper("node.js"), None);
        assert_eq!(starts_upper("3 stores"), None);
    }
}
