//! `resumepdf init`: a starter resume to edit, and `resumepdf schema`: the schema it follows.
//!
//! The starter fills every common JSON Resume section with an invented but realistic person, so a
//! first render shows what each section looks like, and names the JSON Resume schema in `$schema`
//! (and, for YAML, in the `yaml-language-server` comment) so editors complete and check keys.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

/// Where editors fetch the JSON Resume schema from.
const SCHEMA_URL: &str =
    "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json";

/// Arguments of `init`.
#[derive(Debug, clap::Args)]
pub(super) struct InitArgs {
    /// The file to create. Default: resume.json (resume.yaml with --yaml). A name ending in .yaml
    /// or .yml writes YAML. An existing file is never replaced.
    #[arg(value_name = "FILE")]
    file: Option<PathBuf>,
    /// Write YAML instead of JSON.
    #[arg(long)]
    yaml: bool,
    /// The resume's language (a BCP 47 tag such as de or pt-BR), stored as meta.language: the
    /// layout prints headings, month names and "Present" in it.
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
}

/// Writes the starter resume.
pub(super) fn command(args: &InitArgs) -> Result<(), String> {
    let is_yaml_name = |path: &Path| {
        path.extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
    };
    let path = match &args.file {
        Some(path) => path.clone(),
        None if args.yaml => PathBuf::from("resume.yaml"),
        None => PathBuf::from("resume.json"),
    };
    let yaml = args.yaml || is_yaml_name(&path);
    let mut resume = starter();
    if let Some(tag) = &args.lang {
        resume["meta"]["language"] = Value::String(tag.clone());
        if resumepdf::i18n::Locale::lookup(tag).is_none() {
            eprintln!(
                "warning: no translation table for `{tag}`; headings and dates stay in English. \
                 Available: {}",
                resumepdf::i18n::Locale::available().join(", ")
            );
        }
    }
    let text = if yaml {
        format!(
            "# yaml-language-server: $schema={SCHEMA_URL}\n\
             # A JSON Resume in YAML. Replace the example person; leave out what you do not need.\n\
             # Dates are YYYY, YYYY-MM or YYYY-MM-DD; leave endDate out for a job you still have.\n\
             {}",
            to_yaml(&resume)
        )
    } else {
        to_json(&resume)
    };
    let shown = path.display();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                format!("{shown} exists; init never replaces a file: name another, e.g. resumepdf init cv.yaml")
            }
            _ => format!("cannot create {shown}: {e}"),
        })?;
    file.write_all(text.as_bytes())
        .map_err(|e| format!("cannot write {shown}: {e}"))?;
    eprintln!(
        "wrote {shown}: an example resume to edit. Then: resumepdf render {shown}, or \
         resumepdf watch {shown} to render on every save"
    );
    Ok(())
}

/// Prints the JSON Resume schema the validator uses.
pub(super) fn schema() -> Result<(), String> {
    std::io::stdout()
        .lock()
        .write_all(resumepdf::validate::SCHEMA_JSON.as_bytes())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// The example resume: an invented person, every common section.
fn starter() -> Value {
    json!({
        "$schema": SCHEMA_URL,
        "basics": {
            "name": "Robin Castellanos",
            "label": "Operations Analyst",
            "email": "robin.castellanos@example.org",
            "phone": "+1 555 0142",
            "url": "https://robin.example.org",
            "summary": "Operations analyst with seven years of turning messy logistics data into \
                        schedules people trust. Comfortable with SQL, Python and a whiteboard; \
                        happiest when a warehouse runs quieter than last month.",
            "location": {"city": "Columbus", "region": "Ohio", "countryCode": "US"},
            "profiles": [
                {"network": "LinkedIn", "username": "robin-castellanos",
                 "url": "https://www.linkedin.com/in/robin-castellanos"},
                {"network": "GitHub", "username": "rcastellanos",
                 "url": "https://github.com/rcastellanos"}
            ]
        },
        "work": [
            {
                "name": "Northfield Freight",
                "position": "Senior Operations Analyst",
                "url": "https://northfield.example.com",
                "location": "Columbus, OH",
                "startDate": "2021-04",
                "summary": "Planning and reporting for a regional carrier with 14 depots.",
                "highlights": [
                    "Rebuilt the weekly route plan in Python; empty truck miles fell 11% in a year",
                    "Replaced 30 spreadsheet reports with one dashboard used by every depot manager",
                    "Trained six analysts in SQL and code review"
                ]
            },
            {
                "name": "Lakeside Grocers",
                "position": "Inventory Analyst",
                "location": "Toledo, OH",
                "startDate": "2018-06",
                "endDate": "2021-03",
                "highlights": [
                    "Forecast demand for 9,000 products; spoilage down 8% in the first season",
                    "Automated the nightly stock reconciliation, saving 10 hours a week"
                ]
            }
        ],
        "volunteer": [
            {
                "organization": "Columbus Community Pantry",
                "position": "Volunteer Logistics Coordinator",
                "startDate": "2022-01",
                "summary": "Schedule Saturday deliveries to 40 households.",
                "highlights": ["Cut the delivery round from five hours to three"]
            }
        ],
        "education": [
            {
                "institution": "University of Toledo",
                "area": "Industrial Engineering",
                "studyType": "Bachelor of Science",
                "startDate": "2014-09",
                "endDate": "2018-05",
                "score": "3.6/4.0",
                "courses": ["Operations Research", "Statistics for Engineers"]
            }
        ],
        "awards": [
            {
                "title": "Depot Partner of the Year",
                "date": "2023-12",
                "awarder": "Northfield Freight",
                "summary": "Chosen by the depot managers for the route plan rebuild."
            }
        ],
        "certificates": [
            {
                "name": "Certified Supply Chain Professional",
                "date": "2022-10",
                "issuer": "Association for Supply Chain Management"
            }
        ],
        "publications": [
            {
                "name": "Fewer Empty Miles: A Practical Route Audit",
                "publisher": "Regional Logistics Review",
                "releaseDate": "2024-03",
                "summary": "A step-by-step method for finding wasted trips in a carrier's schedule."
            }
        ],
        "skills": [
            {"name": "Analysis", "level": "Advanced",
             "keywords": ["SQL", "Python", "Pandas", "Forecasting"]},
            {"name": "Reporting", "level": "Advanced",
             "keywords": ["Power BI", "Excel", "Dashboard design"]},
            {"name": "Operations", "level": "Intermediate",
             "keywords": ["Route planning", "Inventory control", "Lean"]}
        ],
        "languages": [
            {"language": "English", "fluency": "Native speaker"},
            {"language": "Spanish", "fluency": "Professional working proficiency"}
        ],
        "interests": [
            {"name": "Cycling", "keywords": ["Long-distance touring", "Bike repair"]}
        ],
        "references": [
            {"name": "Dana Whitfield, Director of Operations, Northfield Freight",
             "reference": "Robin finds the problem behind the problem, then fixes it quietly."}
        ],
        "projects": [
            {
                "name": "Depot Load Planner",
                "description": "An open-source tool that suggests how to load trailers by stop order.",
                "startDate": "2023-02",
                "url": "https://github.com/rcastellanos/load-planner",
                "highlights": ["Used by two depots every night"],
                "keywords": ["Python", "Optimization"]
            }
        ],
        "meta": {"version": "v1.0.0"}
    })
}

/// Keys in the order a person reads them (the schema's order); `serde_json` keeps keys sorted.
const KEY_ORDER: &[&str] = &[
    "$schema",
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
    "name",
    "organization",
    "institution",
    "title",
    "language",
    "label",
    "position",
    "area",
    "studyType",
    "email",
    "phone",
    "url",
    "location",
    "startDate",
    "endDate",
    "date",
    "releaseDate",
    "awarder",
    "issuer",
    "publisher",
    "description",
    "summary",
    "score",
    "courses",
    "highlights",
    "level",
    "fluency",
    "keywords",
    "reference",
    "profiles",
    "city",
    "region",
    "countryCode",
    "network",
    "username",
    "version",
];

/// An object's entries in [`KEY_ORDER`].
fn ordered(map: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
    let rank = |key: &str| {
        KEY_ORDER
            .iter()
            .position(|k| *k == key)
            .unwrap_or(usize::MAX)
    };
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort_by_key(|(key, _)| rank(key));
    entries
}

/// `value` as indented JSON with keys in [`KEY_ORDER`].
fn to_json(value: &Value) -> String {
    let mut out = String::new();
    write_json(value, 0, &mut out);
    out.push('\n');
    out
}

fn write_json(value: &Value, indent: usize, out: &mut String) {
    let inner = " ".repeat(indent + 2);
    let (open, close, items): (char, char, Vec<String>) = match value {
        Value::Object(map) => (
            '{',
            '}',
            ordered(map)
                .into_iter()
                .map(|(key, item)| {
                    let mut text = format!("{inner}{}: ", Value::String(key.clone()));
                    write_json(item, indent + 2, &mut text);
                    text
                })
                .collect(),
        ),
        Value::Array(list) => (
            '[',
            ']',
            list.iter()
                .map(|item| {
                    let mut text = inner.clone();
                    write_json(item, indent + 2, &mut text);
                    text
                })
                .collect(),
        ),
        scalar => return out.push_str(&scalar.to_string()),
    };
    out.push(open);
    out.push('\n');
    out.push_str(&items.join(",\n"));
    out.push('\n');
    out.push_str(&" ".repeat(indent));
    out.push(close);
}

/// `value` as block-style YAML with keys in [`KEY_ORDER`]. Every text is written as a
/// double-quoted scalar (a JSON string is one), so nothing is read back as another type.
fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    write_yaml(value, 0, &mut out);
    out
}

fn write_yaml(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) => {
            for (key, item) in ordered(map) {
                out.push_str(&format!("{pad}{key}:"));
                write_nested(item, indent + 2, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                out.push_str(&format!("{pad}-"));
                match item {
                    Value::Object(_) => {
                        // The first key goes on the dash's line, the others line up with it.
                        let mut block = String::new();
                        write_yaml(item, indent + 2, &mut block);
                        out.push(' ');
                        out.push_str(block.trim_start());
                    }
                    _ => write_nested(item, indent + 2, out),
                }
            }
        }
        scalar => out.push_str(&format!("{pad}{scalar}\n")),
    }
}

/// A value after `key:` or `-`: scalars on the same line, collections below.
fn write_nested(value: &Value, indent: usize, out: &mut String) {
    match value {
        Value::Object(_) | Value::Array(_) => {
            out.push('\n');
            write_yaml(value, indent, out);
        }
        scalar => out.push_str(&format!(" {scalar}\n")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_reads_back_as_the_same_value() {
        let resume = starter();
        let parsed = resumepdf::model::parse(&to_yaml(&resume)).unwrap();
        let from_json = resumepdf::model::parse(&to_json(&resume)).unwrap();
        let plain: Value = serde_json::from_str(&to_json(&resume)).unwrap();
        assert_eq!(plain, resume);
        assert_eq!(parsed, from_json);
        assert_eq!(parsed.resume.work.len(), 2);
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    }
}
