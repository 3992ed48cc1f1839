//! `check`: reports on the content rules of docs/typography.md and, given a job ad, on how many of
//! the ad's key terms the resume covers.
//!
//! ```
//! use resumepdf::check::{self, Severity};
//! use resumepdf::fonts::FontBook;
//! use resumepdf::model::{self, PartialDate};
//!
//! let source = r#"{"basics": {"name": "Ada Example", "email": "ada@example.com"},
//!                  "work": [{"name": "Acme", "startDate": "2019-05",
//!                            "highlights": ["Responsible for the the reports"]}]}"#;
//! let mut parsed = model::parse(source).unwrap();
//! model::normalize(&mut parsed.resume);
//! let fonts = FontBook::bundled();
//! let layout = resumepdf::layout::load("classic", &fonts).unwrap();
//! let today = PartialDate::new(2026, Some(11), Some(1)).unwrap();
//! let request = resumepdf::Request::new(source, &layout, &fonts);
//! let length = check::measure_length(&request, &parsed.resume, today).unwrap();
//! let report = check::check(&parsed.resume, source, None, &layout, &fonts, &length, today);
//! assert!(report.findings.iter().any(|f| f.rule == "language.weak-opening"));
//! assert!(report.findings.iter().any(|f| f.rule == "proofread.doubled-word"));
//! assert!(report.score.total < 100);
//! assert_eq!(report.has_errors(), false);
//! ```
//!
//! Every [`Finding`] names its rule, a [`Severity`], the JSON path it concerns (indices are those
//! of the source file, as in the model's warnings) and a concrete suggestion. Each rule lives in
//! its own file: contact details and summary (`contact.rs`), figures, action verbs and bullet
//! length (`bullets.rs`), skills, leadership and professional development (`sections.rs`), dates
//! (`dates.rs`), page count (`pages.rs`), proofreading (`proofread.rs`) and job fit
//! (`keywords.rs`, see [`key_terms`]); `score.rs` computes the [`Score`] and `report.rs` writes
//! [`Report::to_text`] and [`Report::to_json`]. The "Check" section of README.md lists every
//! rule with its severity and documents the score formula.

mod bullets;
mod contact;
mod dates;
mod keywords;
mod lexicon;
mod pages;
mod proofread;
mod report;
mod score;
mod sections;
mod text;

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;

pub use keywords::{JobFit, KeyTerm, Term, key_terms};
pub use pages::{LONG_CAREER_YEARS, Length, career_months, measure_length, page_target};
pub use score::{CategoryScore, Score};

use crate::diagnostic::{Diagnostic, JsonFields};
use crate::fonts::FontBook;
use crate::layout::Layout;
use crate::model::{PartialDate, Resume};

pub use crate::diagnostic::Severity;

/// The content rule a finding belongs to; each category is scored out of 10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Name, title, e-mail, phone, city and region.
    Contact,
    /// The summary or objective.
    Summary,
    /// Bullets carrying figures.
    Achievements,
    /// Action verbs and concise bullets.
    Language,
    /// The skills section.
    Skills,
    /// Leadership and professional development.
    Leadership,
    /// Dates of work and education.
    Dates,
    /// Rendered page count.
    Length,
    /// Repeated words, doubled spaces, inconsistent styles.
    Proofreading,
    /// Coverage of the job ad's key terms (only with a job ad).
    JobFit,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 10] = [
        Category::Contact,
        Category::Summary,
        Category::Achievements,
        Category::Language,
        Category::Skills,
        Category::Leadership,
        Category::Dates,
        Category::Length,
        Category::Proofreading,
        Category::JobFit,
    ];

    /// The identifier of the category in JSON reports, e.g. `job_fit`.
    pub fn id(self) -> &'static str {
        match self {
            Category::Contact => "contact",
            Category::Summary => "summary",
            Category::Achievements => "achievements",
            Category::Language => "language",
            Category::Skills => "skills",
            Category::Leadership => "leadership",
            Category::Dates => "dates",
            Category::Length => "length",
            Category::Proofreading => "proofreading",
            Category::JobFit => "job_fit",
        }
    }

    /// A short title for reports.
    pub fn title(self) -> &'static str {
        match self {
            Category::Contact => "contact",
            Category::Summary => "summary",
            Category::Achievements => "achievements",
            Category::Language => "action verbs & concision",
            Category::Skills => "skills",
            Category::Leadership => "leadership & development",
            Category::Dates => "dates",
            Category::Length => "length",
            Category::Proofreading => "proofreading",
            Category::JobFit => "job fit",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.title())
    }
}

/// One thing the check found: a [`Diagnostic`] (its rule, severity, path, message and, as its
/// hint, what to do about it) in the content category it is scored in. It reads as the
/// diagnostic it holds (`finding.severity`, `finding.path`…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The content rule it belongs to.
    pub category: Category,
    /// What was found, where, and what to do about it.
    pub diagnostic: Diagnostic,
}

impl Finding {
    fn new(
        severity: Severity,
        category: Category,
        rule: &'static str,
        path: impl Into<String>,
        message: impl Into<String>,
        suggestion: impl Into<String>,
    ) -> Finding {
        Finding {
            category,
            diagnostic: Diagnostic::new(severity, rule, path, message).with_hint(suggestion),
        }
    }

    /// What to do about it.
    pub fn suggestion(&self) -> &str {
        self.diagnostic.hint.as_deref().unwrap_or_default()
    }
}

impl std::ops::Deref for Finding {
    type Target = Diagnostic;

    fn deref(&self) -> &Diagnostic {
        &self.diagnostic
    }
}

impl Serialize for Finding {
    /// The diagnostic's JSON record with the category, and the hint as `suggestion` (the name
    /// the report has always used).
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let fields = JsonFields {
            position: false,
            category: Some(self.category.id()),
            hint: "suggestion",
            ..JsonFields::default()
        };
        self.diagnostic.to_json(fields).serialize(serializer)
    }
}

/// Figures the rules measured, for reports and scores.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Achievement bullets (highlights of work, volunteer and projects).
    pub bullets: usize,
    /// Bullets that carry a figure.
    pub quantified: usize,
    /// Pages the resume renders to with the chosen layout.
    pub pages: usize,
    /// Name of the layout used to measure.
    pub layout: String,
    /// False when the resume is not in English, by its `meta.language` (given or guessed from its
    /// script) or by its words: the action-verb and leadership rules are then skipped.
    pub english: bool,
}

impl Stats {
    /// Quantified bullets as a percentage of all bullets (0 when there are none).
    pub fn quantified_percent(&self) -> f64 {
        if self.bullets == 0 {
            0.0
        } else {
            100.0 * self.quantified as f64 / self.bullets as f64
        }
    }
}

/// The result of [`check`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Overall score and per-category points.
    pub score: Score,
    /// Measured figures.
    pub stats: Stats,
    /// Keyword coverage of the job ad, when one was given.
    pub job: Option<JobFit>,
    /// The findings, grouped by category in [`Category::ALL`] order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// True when any finding is at [`Severity::Error`].
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The findings of one rule.
    pub fn rule<'a>(&'a self, rule: &'a str) -> impl Iterator<Item = &'a Finding> + 'a {
        self.findings.iter().filter(move |f| f.rule == rule)
    }
}

/// Today's date (UTC) from the system clock.
pub fn today() -> PartialDate {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    let (year, month, day) = crate::calendar::civil_from_days(days);
    PartialDate::new(year as i32, Some(month), Some(day)).unwrap_or(PartialDate {
        year: 2000,
        month: Some(1),
        day: Some(1),
    })
}

/// Checks a normalized resume against the content rules and, when `job` is given, the job ad's
/// key terms.
///
/// `source_text` is the JSON the resume was read from: date styles are judged on it (the model
/// normalizes them) and it maps entries back to their indices in the file, so that paths point
/// into the file the user edits; pass `""` for a resume built in code. `layout` and `fonts`
/// measure bullet lines; `length` is how long the resume renders in that layout (see
/// [`measure_length`]). `today` decides which dates are in the future; the CLI passes the current
/// date.
pub fn check(
    resume: &Resume,
    source_text: &str,
    job: Option<&str>,
    layout: &Layout,
    fonts: &FontBook,
    length: &Length,
    today: PartialDate,
) -> Report {
    let pages = length.pages;
    let cx = Cx::new(resume, source_text, today);
    let mut findings = Vec::new();
    contact::check(&cx, &mut findings);
    let (bullets, quantified) = bullets::check(&cx, layout, fonts, &mut findings);
    sections::check(&cx, &mut findings);
    dates::check(&cx, &mut findings);
    pages::check(length, resume, today, layout, &mut findings);
    proofread::check(&cx, &mut findings);
    let job = job.map(|ad| keywords::check(&cx, ad, &mut findings));
    findings.sort_by_key(|f| f.category);
    let stats = Stats {
        bullets,
        quantified,
        pages,
        layout: layout.name.clone(),
        english: cx.english,
    };
    let score = score::score(&findings, &stats, job.as_ref());
    Report {
        score,
        stats,
        job,
        findings,
    }
}

/// A bullet (highlight) with where it lives.
struct Bullet<'a> {
    /// JSON path, e.g. `$.work[0].highlights[3]`.
    path: String,
    /// The text.
    text: &'a str,
}

/// What every rule needs: the resume, the source and file indices of sorted entries.
struct Cx<'a> {
    resume: &'a Resume,
    source: &'a str,
    today: PartialDate,
    /// For each sorted entry, its index in the file: work, volunteer, education, projects,
    /// awards, certificates, publications.
    index: [Vec<usize>; 7],
    english: bool,
}

/// The sections whose entries normalization sorts, in the order of `Cx::index`.
#[derive(Clone, Copy)]
enum Section {
    Work,
    Volunteer,
    Education,
    Projects,
    Awards,
    Certificates,
    Publications,
}

impl Section {
    fn key(self) -> &'static str {
        match self {
            Section::Work => "work",
            Section::Volunteer => "volunteer",
            Section::Education => "education",
            Section::Projects => "projects",
            Section::Awards => "awards",
            Section::Certificates => "certificates",
            Section::Publications => "publications",
        }
    }
}

/// Maps each entry of `sorted` to the index of an equal, not yet used entry of `file`; entries
/// without one keep their own index.
fn index_map<T: PartialEq>(sorted: &[T], file: &[T]) -> Vec<usize> {
    let mut used = vec![false; file.len()];
    sorted
        .iter()
        .enumerate()
        .map(
            |(i, entry)| match (0..file.len()).find(|&j| !used[j] && file[j] == *entry) {
                Some(j) => {
                    used[j] = true;
                    j
                }
                None => i,
            },
        )
        .collect()
}

impl<'a> Cx<'a> {
    fn new(resume: &'a Resume, source: &'a str, today: PartialDate) -> Cx<'a> {
        let file = crate::model::parse(source)
            .map(|parsed| parsed.resume)
            .unwrap_or_default();
        let index = [
            index_map(&resume.work, &file.work),
            index_map(&resume.volunteer, &file.volunteer),
            index_map(&resume.education, &file.education),
            index_map(&resume.projects, &file.projects),
            index_map(&resume.awards, &file.awards),
            index_map(&resume.certificates, &file.certificates),
            index_map(&resume.publications, &file.publications),
        ];
        let mut cx = Cx {
            resume,
            source,
            today,
            index,
            english: true,
        };
        let prose: Vec<&str> = cx
            .bullets()
            .into_iter()
            .map(|b| b.text)
            .chain(resume.basics.summary.as_deref())
            .chain(resume.work.iter().filter_map(|w| w.summary.as_deref()))
            .collect();
        // The resume's language (given, or guessed from its script) must allow English, and the
        // text must read as English: word lists cannot judge Chinese or German.
        let declared_english = resume.meta.language.as_deref().is_none_or(|tag| {
            tag.split(['-', '_'])
                .next()
                .is_some_and(|primary| primary.eq_ignore_ascii_case("en"))
        });
        cx.english = declared_english && text::looks_english(&prose);
        cx
    }

    /// `$.work[3]` for the sorted entry `i` of a section, with the file's index.
    fn entry(&self, section: Section, i: usize) -> String {
        let file_index = self.index[section as usize].get(i).copied().unwrap_or(i);
        format!("$.{}[{file_index}]", section.key())
    }

    /// Every achievement bullet: highlights of work, volunteer and projects, in that order.
    fn bullets(&self) -> Vec<Bullet<'a>> {
        let r = self.resume;
        let mut out = Vec::new();
        let mut add = |base: String, items: &'a [String]| {
            for (j, text) in items.iter().enumerate() {
                out.push(Bullet {
                    path: format!("{base}.highlights[{j}]"),
                    text,
                });
            }
        };
        for (i, w) in r.work.iter().enumerate() {
            add(self.entry(Section::Work, i), &w.highlights);
        }
        for (i, v) in r.volunteer.iter().enumerate() {
            add(self.entry(Section::Volunteer, i), &v.highlights);
        }
        for (i, p) in r.projects.iter().enumerate() {
            add(self.entry(Section::Projects, i), &p.highlights);
        }
        out
    }

    /// Every text a reader sees, with its path (URLs, e-mail, phone and dates excluded).
    fn texts(&self) -> Vec<(String, &'a str)> {
        let r = self.resume;
        let mut out: Vec<(String, &'a str)> = Vec::new();
        let mut one = |path: String, value: &'a Option<String>| {
            if let Some(text) = value.as_deref() {
                out.push((path, text));
            }
        };
        let b = &r.basics;
        one("$.basics.name".into(), &b.name);
        one("$.basics.label".into(), &b.label);
        one("$.basics.summary".into(), &b.summary);
        one("$.basics.location.city".into(), &b.location.city);
        one("$.basics.location.region".into(), &b.location.region);
        for (i, w) in r.work.iter().enumerate() {
            let p = self.entry(Section::Work, i);
            one(format!("{p}.name"), &w.name);
            one(format!("{p}.position"), &w.position);
            one(format!("{p}.location"), &w.location);
            one(format!("{p}.description"), &w.description);
            one(format!("{p}.summary"), &w.summary);
        }
        for (i, v) in r.volunteer.iter().enumerate() {
            let p = self.entry(Section::Volunteer, i);
            one(format!("{p}.organization"), &v.organization);
            one(format!("{p}.position"), &v.position);
            one(format!("{p}.summary"), &v.summary);
        }
        for (i, e) in r.education.iter().enumerate() {
            let p = self.entry(Section::Education, i);
            one(format!("{p}.institution"), &e.institution);
            one(format!("{p}.area"), &e.area);
            one(format!("{p}.studyType"), &e.study_type);
        }
        for (i, a) in r.awards.iter().enumerate() {
            let p = self.entry(Section::Awards, i);
            one(format!("{p}.title"), &a.title);
            one(format!("{p}.awarder"), &a.awarder);
            one(format!("{p}.summary"), &a.summary);
        }
        for (i, c) in r.certificates.iter().enumerate() {
            let p = self.entry(Section::Certificates, i);
            one(format!("{p}.name"), &c.name);
            one(format!("{p}.issuer"), &c.issuer);
        }
        for (i, x) in r.publications.iter().enumerate() {
            let p = self.entry(Section::Publications, i);
            one(format!("{p}.name"), &x.name);
            one(format!("{p}.publisher"), &x.publisher);
            one(format!("{p}.summary"), &x.summary);
        }
        for (i, s) in r.skills.iter().enumerate() {
            one(format!("$.skills[{i}].name"), &s.name);
            one(format!("$.skills[{i}].level"), &s.level);
        }
        for (i, l) in r.languages.iter().enumerate() {
            one(format!("$.languages[{i}].language"), &l.language);
            one(format!("$.languages[{i}].fluency"), &l.fluency);
        }
        for (i, x) in r.interests.iter().enumerate() {
            one(format!("$.interests[{i}].name"), &x.name);
        }
        for (i, x) in r.references.iter().enumerate() {
            one(format!("$.references[{i}].reference"), &x.reference);
        }
        for (i, x) in r.projects.iter().enumerate() {
            let p = self.entry(Section::Projects, i);
            one(format!("{p}.name"), &x.name);
            one(format!("{p}.description"), &x.description);
            one(format!("{p}.entity"), &x.entity);
        }
        let mut lists = |base: String, key: &str, items: &'a [String]| {
            for (j, text) in items.iter().enumerate() {
                out.push((format!("{base}.{key}[{j}]"), text.as_str()));
            }
        };
        for (i, e) in r.education.iter().enumerate() {
            lists(self.entry(Section::Education, i), "courses", &e.courses);
        }
        for (i, s) in r.skills.iter().enumerate() {
            lists(format!("$.skills[{i}]"), "keywords", &s.keywords);
        }
        for (i, x) in r.interests.iter().enumerate() {
            lists(format!("$.interests[{i}]"), "keywords", &x.keywords);
        }
        for (i, x) in r.projects.iter().enumerate() {
            let p = self.entry(Section::Projects, i);
            lists(p.clone(), "keywords", &x.keywords);
            lists(p, "roles", &x.roles);
        }
        out.extend(self.bullets().into_iter().map(|b| (b.path, b.text)));
        out
    }
}

#[cfg(test)]
mod clock_tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(crate::calendar::civil_from_days(0), (1970, 1, 1));
        assert_eq!(crate::calendar::civil_from_days(10_957), (2000, 1, 1));
        assert_eq!(crate::calendar::civil_from_days(20_513), (2026, 3, 1));
        assert_eq!(crate::calendar::civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(crate::calendar::civil_from_days(-1), (1969, 12, 31));
    }

    #[test]
    fn today_is_plausible() {
        let t = today();
        assert!(t.year >= 2024 && t.month.is_some() && t.day.is_some());
    }
}
