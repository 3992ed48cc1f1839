//! Localized labels and dates: section titles, the word for an ongoing end date, month names,
//! the order of month and year, the course-list line, list punctuation, the page footer and the
//! digits dates and page numbers are written with.
//!
//! Every language is a JSON table in the repository's `i18n/` folder (`i18n/de.json`,
//! `i18n/pt-BR.json`, …), embedded in the binary at build time: adding a language is adding a
//! file. Each table is parsed once, the first time its language is asked for, and checked (all
//! section titles, twelve month names of each kind, the right placeholders in every template);
//! `cargo test` checks every table.
//!
//! ```
//! use resumepdf::i18n::Locale;
//!
//! let de = Locale::for_tag(Some("de-AT"));
//! assert_eq!(de.tag(), "de");
//! assert_eq!(de.section_title("work"), Some("Berufserfahrung"));
//! assert_eq!(de.format_month_year(1, 2021, false), "Jan. 2021");
//! assert_eq!(Locale::for_tag(Some("ja")).format_month_year(4, 2021, true), "2021年4月");
//! assert_eq!(Locale::for_tag(None).footer(Some("Ada"), 1, 2), "Ada · Page 1 of 2");
//! ```

mod registry;
mod table;
mod template;
#[cfg(test)]
mod tests;

use crate::layout::SectionKind;
use crate::style::Direction;

pub use table::LocaleError;
pub use template::fill as fill_template;

/// The section keys every table translates: the layout's section names.
pub const SECTION_KEYS: [&str; 13] = [
    "contact",
    "summary",
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
];

/// The labels and date forms of one language, read from its translation table.
#[derive(Debug, Clone)]
pub struct Locale {
    tag: String,
    name: String,
    direction: Direction,
    /// Titles in the order of [`SECTION_KEYS`].
    sections: [String; 13],
    courses: String,
    technologies: String,
    courses_line: String,
    list_separator: String,
    present: String,
    months_short: [String; 12],
    months_long: [String; 12],
    month_year: String,
    month_year_long: String,
    footer_named: String,
    footer_anonymous: String,
    digits: [char; 10],
}

impl Locale {
    /// The table for a BCP 47 tag such as `"pt-BR"`, `"de"` or `"zh-Hant-TW"`: the whole tag,
    /// then the tag with trailing subtags cut off one by one (`"pt-BR"` → `"pt"`), else English.
    ///
    /// Matching ignores case and accepts `_` for `-` (and the POSIX form `de_DE.UTF-8`); a table
    /// may also list aliases (`zh-Hant` answers `zh-TW`). `None` or an empty tag gives English.
    pub fn for_tag(tag: Option<&str>) -> &'static Locale {
        tag.and_then(Locale::lookup)
            .unwrap_or_else(registry::english)
    }

    /// Like [`Locale::for_tag`], but `None` when no table matches the tag (not even its primary
    /// language), so a caller can warn before falling back to English.
    pub fn lookup(tag: &str) -> Option<&'static Locale> {
        registry::lookup(&registry::normalize(tag))
    }

    /// English, the fallback.
    pub fn english() -> &'static Locale {
        registry::english()
    }

    /// The tags of all built-in tables, sorted (`"ar"`, `"de"`, `"en"`, …).
    pub fn available() -> Vec<&'static str> {
        registry::all().map(|l| l.tag.as_str()).collect()
    }

    /// Reads and checks a translation table written like the files in `i18n/`; `tag` is the
    /// language tag it is for (the file name without `.json`).
    pub fn from_json(tag: &str, json: &str) -> Result<Locale, LocaleError> {
        table::parse(tag, json)
    }

    /// The table's language tag as its file is named, e.g. `"pt-BR"`.
    pub fn tag(&self) -> &str {
        &self.tag
    }

    /// The language's name in itself, e.g. `"Deutsch"`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Writing direction of the language.
    pub fn direction(&self) -> Direction {
        self.direction
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.direction == Direction::Rtl
    }

    /// The heading of a section by its key (one of [`SECTION_KEYS`]); `None` for another key.
    pub fn section_title(&self, key: &str) -> Option<&str> {
        let index = SECTION_KEYS.iter().position(|k| *k == key)?;
        Some(&self.sections[index])
    }

    /// The heading of a layout section.
    pub fn section(&self, kind: SectionKind) -> &str {
        self.section_title(kind.key()).unwrap_or_default()
    }

    /// The word for an ongoing end date, e.g. `"Present"`, `"heute"`, `"至今"`.
    pub fn present(&self) -> &str {
        &self.present
    }

    /// The abbreviated name of `month` (1 to 12), e.g. `"Jan"`, `"janv."`, `"1月"`.
    pub fn month_short(&self, month: u8) -> Option<&str> {
        Some(&self.months_short[month_index(month)?])
    }

    /// The full name of `month` (1 to 12), e.g. `"January"`, `"janvier"`, `"1月"`.
    pub fn month_long(&self, month: u8) -> Option<&str> {
        Some(&self.months_long[month_index(month)?])
    }

    /// A month and year in the language's order, with the short or long month name:
    /// `"Jan 2021"`, `"enero de 2021"`, `"2021年1月"`. A month outside 1 to 12 gives the year alone.
    pub fn format_month_year(&self, month: u8, year: i32, long: bool) -> String {
        let (pattern, month) = if long {
            (&self.month_year_long, self.month_long(month))
        } else {
            (&self.month_year, self.month_short(month))
        };
        let year = self.localize_digits(&year.to_string());
        match month {
            Some(month) => template::fill(pattern, &[("month", month), ("year", &year)]),
            None => year,
        }
    }

    /// Every character the table can put on a page (titles, month names, "Present", templates,
    /// digits): fonts must cover them even when the resume's own text does not use them.
    pub fn characters(&self) -> std::collections::BTreeSet<char> {
        let texts = self
            .sections
            .iter()
            .chain(&self.months_short)
            .chain(&self.months_long)
            .chain([
                &self.courses,
                &self.technologies,
                &self.courses_line,
                &self.list_separator,
                &self.present,
                &self.month_year,
                &self.month_year_long,
                &self.footer_named,
                &self.footer_anonymous,
            ]);
        texts
            .flat_map(|text| text.chars())
            .chain(self.digits)
            .collect()
    }

    /// The digits 0–9 as the language writes them in dates and page numbers (Persian: `۰`–`۹`).
    pub fn digits(&self) -> [char; 10] {
        self.digits
    }

    /// `text` with its ASCII digits written in the language's digits.
    pub fn localize_digits(&self, text: &str) -> String {
        localize_digits(text, self.digits)
    }

    /// The label before an education entry's course list, e.g. `"Courses"`.
    pub fn courses(&self) -> &str {
        &self.courses
    }

    /// The whole course-list line, label and punctuation included: `"Courses: A, B"`,
    /// `"Cours : A, B"`, `"主修课程：A、B"`.
    pub fn format_courses<S: AsRef<str>>(&self, courses: &[S]) -> String {
        self.labelled_list(&self.courses, courses)
    }

    /// A project's keywords as a labelled line, punctuated as the course line is:
    /// `"Technologies: Rust, SQLite"`, `"技术：Rust、SQLite"`.
    pub fn format_technologies<S: AsRef<str>>(&self, keywords: &[S]) -> String {
        self.labelled_list(&self.technologies, keywords)
    }

    fn labelled_list<S: AsRef<str>>(&self, label: &str, items: &[S]) -> String {
        let list = items
            .iter()
            .map(AsRef::as_ref)
            .collect::<Vec<&str>>()
            .join(&self.list_separator);
        template::fill(&self.courses_line, &[("courses", label), ("list", &list)])
    }

    /// What goes between a list and the next item: `", "`, `"、"`, `"، "`.
    pub fn list_separator(&self) -> &str {
        &self.list_separator
    }

    /// What goes between a label and what it labels, as in the course-list line: `": "`,
    /// `" : "` (French), `"："` (Chinese, Japanese).
    pub fn label_separator(&self) -> &str {
        let line = self.courses_line.as_str();
        // The table check proved both placeholders are in the line.
        let after_label = line
            .find("{courses}")
            .map_or(0, |at| at + "{courses}".len());
        let before_list = line.find("{list}").unwrap_or(line.len());
        line.get(after_label..before_list).unwrap_or(": ")
    }

    /// The page footer, e.g. `"Ada Lovelace · Page 1 of 2"`, or `"Page 1 of 2"` when the name is
    /// missing or blank.
    pub fn footer(&self, name: Option<&str>, page: usize, pages: usize) -> String {
        let page = self.localize_digits(&page.to_string());
        let pages = self.localize_digits(&pages.to_string());
        let values = [("page", page.as_str()), ("pages", pages.as_str())];
        match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => {
                template::fill(&self.footer_named, &[("name", name), values[0], values[1]])
            }
            None => template::fill(&self.footer_anonymous, &values),
        }
    }

    /// The footer template for a resume with this name (or none), placeholders unfilled, e.g.
    /// `"{name} · Page {page} of {pages}"`: the typesetter fills `{name}`, `{page}` and `{pages}`
    /// in one pass with [`fill_template`], so braces in a name print as written.
    pub fn footer_template(&self, name: Option<&str>) -> &str {
        match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(_) => &self.footer_named,
            None => &self.footer_anonymous,
        }
    }
}

/// `text` with its ASCII digits replaced by `digits` (zero to nine).
pub fn localize_digits(text: &str, digits: [char; 10]) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => digits[d as usize],
            None => c,
        })
        .collect()
}

/// Index into the month arrays of a month number 1 to 12.
fn month_index(month: u8) -> Option<usize> {
    (1..=12).contains(&month).then(|| usize::from(month - 1))
}
