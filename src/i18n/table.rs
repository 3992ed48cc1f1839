//! Reading and checking one translation table (`i18n/<tag>.json`).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::template::placeholders;
use super::{Direction, Locale, SECTION_KEYS};

/// Why a translation table cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("translation table `{tag}`: {}", problems.join("; "))]
pub struct LocaleError {
    /// The table's language tag (its file name without `.json`).
    pub tag: String,
    /// Everything wrong with it, one message each.
    pub problems: Vec<String>,
}

/// A table as written in its file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    name: String,
    #[serde(default)]
    direction: Direction,
    #[serde(default)]
    aliases: Vec<String>,
    sections: BTreeMap<String, String>,
    courses: String,
    /// The label of a project's keywords ("Technologies").
    technologies: String,
    #[serde(default = "default_courses_line")]
    courses_line: String,
    #[serde(default = "default_list_separator")]
    list_separator: String,
    present: String,
    months: Months,
    month_year: String,
    month_year_long: Option<String>,
    footer: Footer,
    /// The ten digits dates and page numbers are written with, zero to nine (default `0`–`9`).
    digits: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Months {
    short: Vec<String>,
    long: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Footer {
    named: String,
    anonymous: String,
}

fn default_courses_line() -> String {
    "{courses}: {list}".to_string()
}

fn default_list_separator() -> String {
    ", ".to_string()
}

/// Parses and checks the table of `tag`; every problem found is reported, not just the first.
pub(super) fn parse(tag: &str, json: &str) -> Result<Locale, LocaleError> {
    let fail = |problems: Vec<String>| LocaleError {
        tag: tag.to_string(),
        problems,
    };
    let table: Table = serde_json::from_str(json).map_err(|e| fail(vec![e.to_string()]))?;
    let mut problems = Vec::new();

    if let Err(problem) = check_tag(tag) {
        problems.push(format!("file name: {problem}"));
    }
    for alias in &table.aliases {
        if let Err(problem) = check_tag(alias) {
            problems.push(format!("alias `{alias}`: {problem}"));
        } else if alias.eq_ignore_ascii_case(tag) {
            problems.push(format!("alias `{alias}` repeats the table's own tag"));
        }
    }
    require_text(&mut problems, "name", &table.name);
    require_text(&mut problems, "courses", &table.courses);
    require_text(&mut problems, "technologies", &table.technologies);
    require_text(&mut problems, "present", &table.present);
    if table.list_separator.is_empty() {
        problems.push("list_separator is empty".to_string());
    }
    let digits = match table
        .digits
        .as_deref()
        .map(|d| d.chars().collect::<Vec<char>>())
    {
        None => ASCII_DIGITS,
        Some(chars) => match <[char; 10]>::try_from(chars) {
            Ok(digits) if digits.iter().all(|c| c.is_numeric()) => digits,
            _ => {
                problems
                    .push("digits: give the ten digits zero to nine, e.g. \"۰۱۲۳۴۵۶۷۸۹\"".into());
                ASCII_DIGITS
            }
        },
    };

    for key in table.sections.keys() {
        if !SECTION_KEYS.contains(&key.as_str()) {
            problems.push(format!(
                "sections: unknown key `{key}` (known keys: {})",
                SECTION_KEYS.join(", ")
            ));
        }
    }
    let sections = SECTION_KEYS.map(|key| match table.sections.get(key) {
        Some(title) => {
            require_text(&mut problems, &format!("sections.{key}"), title);
            title.clone()
        }
        None => {
            problems.push(format!("sections: missing `{key}`"));
            String::new()
        }
    });

    let months_short = twelve(&mut problems, "months.short", table.months.short);
    let months_long = twelve(&mut problems, "months.long", table.months.long);

    let month_year_long = table
        .month_year_long
        .unwrap_or_else(|| table.month_year.clone());
    let templates: [(&str, &str, &[&str]); 5] = [
        ("month_year", &table.month_year, &["month", "year"]),
        ("month_year_long", &month_year_long, &["month", "year"]),
        (
            "footer.named",
            &table.footer.named,
            &["name", "page", "pages"],
        ),
        (
            "footer.anonymous",
            &table.footer.anonymous,
            &["page", "pages"],
        ),
        ("courses_line", &table.courses_line, &["courses", "list"]),
    ];
    for (field, template, wanted) in templates {
        check_template(&mut problems, field, template, wanted);
    }

    if !problems.is_empty() {
        return Err(fail(problems));
    }
    Ok(Locale {
        tag: tag.to_string(),
        name: table.name,
        direction: table.direction,
        sections,
        courses: table.courses,
        technologies: table.technologies,
        courses_line: table.courses_line,
        list_separator: table.list_separator,
        present: table.present,
        months_short,
        months_long,
        month_year: table.month_year,
        month_year_long,
        footer_named: table.footer.named,
        footer_anonymous: table.footer.anonymous,
        digits,
    })
}

/// `0` to `9`.
const ASCII_DIGITS: [char; 10] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/// Checks the shape of a BCP 47 tag: a language subtag of 2 to 8 letters, then subtags of 1 to 8
/// letters or digits, separated by `-`.
fn check_tag(tag: &str) -> Result<(), String> {
    let mut subtags = tag.split('-');
    let language = subtags.next().unwrap_or_default();
    if !(2..=8).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Err(format!(
            "`{tag}` does not start with a language code such as `de` or `pt`"
        ));
    }
    if subtags.any(|s| !(1..=8).contains(&s.len()) || !s.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        return Err(format!(
            "`{tag}` is not a language tag such as `pt-BR` or `zh-Hant`"
        ));
    }
    Ok(())
}

fn require_text(problems: &mut Vec<String>, field: &str, text: &str) {
    if text.trim().is_empty() {
        problems.push(format!("{field} is empty"));
    }
}

/// The twelve month names of `field`, reporting a wrong count or an empty name.
fn twelve(problems: &mut Vec<String>, field: &str, names: Vec<String>) -> [String; 12] {
    for (i, name) in names.iter().enumerate() {
        require_text(problems, &format!("{field}[{}] (month {})", i, i + 1), name);
    }
    let count = names.len();
    names.try_into().unwrap_or_else(|_| {
        problems.push(format!("{field} has {count} names instead of 12"));
        Default::default()
    })
}

/// Checks that `template` has each placeholder of `wanted` exactly once, and no other.
fn check_template(problems: &mut Vec<String>, field: &str, template: &str, wanted: &[&str]) {
    let found = placeholders(template);
    for name in wanted {
        match found.iter().filter(|f| *f == name).count() {
            1 => {}
            0 => problems.push(format!("{field} `{template}` lacks {{{name}}}")),
            _ => problems.push(format!(
                "{field} `{template}` has {{{name}}} more than once"
            )),
        }
    }
    for name in found.iter().filter(|f| !wanted.contains(f)) {
        problems.push(format!(
            "{field} `{template}` has unknown placeholder {{{name}}} (allowed: {})",
            wanted
                .iter()
                .map(|w| format!("{{{w}}}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
}
