//! Lenient conversion of a `serde_json::Value` into a [`Resume`], field by field, collecting a
//! [`Diagnostic`] (with its JSON path) for everything that had to be repaired or skipped.

use std::cell::RefCell;

use serde_json::{Map, Value};

use crate::diagnostic::{Diagnostic, Severity};

use super::date::{DateReading, DateValue, EndDate, PartialDate, read_date};
use super::link::link_target;
use super::locate::{index_path, key_path};
use super::types::*;

/// Collects warnings; positions are filled in afterwards from the source text.
#[derive(Default)]
pub(crate) struct Cx {
    pub(crate) warnings: Vec<Diagnostic>,
}

impl Cx {
    fn push(&mut self, severity: Severity, path: &str, message: impl Into<String>) {
        self.warnings
            .push(Diagnostic::new(severity, super::RULE, path, message));
    }

    fn info(&mut self, path: &str, message: impl Into<String>) {
        self.push(Severity::Info, path, message);
    }

    fn warn(&mut self, path: &str, message: impl Into<String>) {
        self.push(Severity::Warning, path, message);
    }
}

/// "an object", "an array", … for messages.
pub(crate) fn describe(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Whether an alias is an old schema key or just a common variant.
#[derive(Clone, Copy)]
enum Origin {
    /// Renamed in JSON Resume before 1.0.
    Pre1,
    /// Never in the schema, but common and unambiguous.
    Variant,
}

/// An object being converted, with its path.
struct Obj<'a> {
    map: &'a Map<String, Value>,
    path: &'a str,
    /// Every key the conversion asked for (with its aliases): any other key of `map` is unknown.
    asked: RefCell<Vec<String>>,
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

impl<'a> Obj<'a> {
    fn new(map: &'a Map<String, Value>, path: &'a str) -> Obj<'a> {
        Obj {
            map,
            path,
            asked: RefCell::new(Vec::new()),
        }
    }

    /// Converts the object `map` at `path` with `convert`, then reports the keys it never asked
    /// for (see [`unknown_keys`]).
    fn convert<T>(
        cx: &mut Cx,
        map: &'a Map<String, Value>,
        path: &'a str,
        convert: fn(&mut Cx, &Obj) -> T,
    ) -> T {
        let o = Obj::new(map, path);
        let value = convert(cx, &o);
        unknown_keys(cx, &o);
        value
    }

    /// The value of `key`, or of the first alias present when `key` is missing, null or blank.
    /// Using an alias adds an info warning; an alias next to a filled-in `key` is ignored (noted).
    fn get(
        &self,
        cx: &mut Cx,
        key: &str,
        aliases: &[(&str, Origin)],
    ) -> Option<(&'a Value, String)> {
        {
            let mut asked = self.asked.borrow_mut();
            asked.push(key.to_string());
            asked.extend(aliases.iter().map(|(alias, _)| alias.to_string()));
        }
        let own = self.map.get(key);
        let mut chosen = own
            .filter(|v| !is_blank(v))
            .map(|v| (v, key_path(self.path, key)));
        for &(alias, origin) in aliases {
            let Some(v) = self.map.get(alias).filter(|v| !is_blank(v)) else {
                continue;
            };
            let path = key_path(self.path, alias);
            if chosen.is_some() {
                cx.info(
                    &path,
                    format!("`{alias}` ignored because `{key}` is also given"),
                );
                continue;
            }
            let what = match origin {
                Origin::Pre1 => "pre-1.0 key",
                Origin::Variant => "non-standard key",
            };
            cx.info(&path, format!("{what} `{alias}`; use `{key}`"));
            chosen = Some((v, path));
        }
        chosen.or_else(|| own.map(|v| (v, key_path(self.path, key))))
    }

    fn text(&self, cx: &mut Cx, key: &str) -> Option<String> {
        self.text_or(cx, key, &[])
    }

    fn text_or(&self, cx: &mut Cx, key: &str, aliases: &[(&str, Origin)]) -> Option<String> {
        let (v, path) = self.get(cx, key, aliases)?;
        text(cx, v, &path)
    }

    /// A URL field: text, plus a note when it cannot become a link.
    fn url_or(&self, cx: &mut Cx, key: &str, aliases: &[(&str, Origin)]) -> Option<String> {
        let (v, path) = self.get(cx, key, aliases)?;
        let url = text(cx, v, &path)?;
        if link_target(&url).is_none() {
            cx.info(
                &path,
                format!("`{url}` is not a web address; it will be shown as text, not as a link"),
            );
        }
        Some(url)
    }

    fn list(&self, cx: &mut Cx, key: &str) -> Vec<String> {
        match self.get(cx, key, &[]) {
            Some((v, path)) => text_list(cx, v, &path),
            None => Vec::new(),
        }
    }

    fn start(&self, cx: &mut Cx, key: &str, aliases: &[(&str, Origin)]) -> Option<DateValue> {
        let (v, path) = self.get(cx, key, aliases)?;
        date_value(cx, v, &path)
    }

    fn end(&self, cx: &mut Cx) -> EndDate {
        match self.get(cx, "endDate", &[]) {
            Some((v, path)) => end_date(cx, v, &path),
            None => EndDate::Ongoing,
        }
    }
}

/// A text field: trimmed, empty → `None`; a number becomes its text (info); anything else is
/// skipped with a warning. Invisible control characters are removed (see [`visible_text`]).
fn text(cx: &mut Cx, v: &Value, path: &str) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => {
            let t = visible_text(cx, s, path);
            let t = t.trim();
            (!t.is_empty()).then(|| t.to_string())
        }
        Value::Number(n) => {
            cx.info(path, format!("number {n} read as text"));
            Some(n.to_string())
        }
        other => {
            cx.warn(
                path,
                format!("expected text, found {}; skipped", describe(other)),
            );
            None
        }
    }
}

/// Whether `c` is removed from text: control characters other than line breaks and tabs (they
/// print as nothing, or as boxes, and can move a terminal's cursor when echoed), and the
/// directional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make the
/// text layer read differently from the page — an override turns "evil" into "live".
fn is_removed(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without the characters [`is_removed`] names, with a warning naming what was removed.
fn visible_text<'t>(cx: &mut Cx, text: &'t str, path: &str) -> std::borrow::Cow<'t, str> {
    if !text.chars().any(is_removed) {
        return std::borrow::Cow::Borrowed(text);
    }
    let removed: Vec<String> = text
        .chars()
        .filter(|&c| is_removed(c))
        .map(|c| format!("U+{:04X}", u32::from(c)))
        .collect();
    let mut shown = removed.clone();
    shown.dedup();
    shown.truncate(5);
    cx.warn(
        path,
        format!(
            "removed {} invisible control or text-direction character(s) ({}): they would print \
             as nothing or reorder the text that applicant tracking systems read",
            removed.len(),
            shown.join(", ")
        ),
    );
    std::borrow::Cow::Owned(text.chars().filter(|&c| !is_removed(c)).collect())
}

/// A list of texts: empty items are dropped; a single text becomes a one-item list (info).
fn text_list(cx: &mut Cx, v: &Value, path: &str) -> Vec<String> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| text(cx, item, &index_path(path, i)))
            .collect(),
        Value::String(_) | Value::Number(_) => {
            let item = text(cx, v, path);
            if item.is_some() {
                cx.info(
                    path,
                    "expected a list, found a single text; read as a one-item list",
                );
            }
            item.into_iter().collect()
        }
        other => {
            cx.warn(
                path,
                format!(
                    "expected a list of texts, found {}; skipped",
                    describe(other)
                ),
            );
            Vec::new()
        }
    }
}

/// A number used as a date: a plausible year is accepted (info).
fn year_number(cx: &mut Cx, v: &Value, path: &str) -> Option<PartialDate> {
    let date = v
        .as_i64()
        .and_then(|y| i32::try_from(y).ok())
        .and_then(|y| PartialDate::year(y).ok());
    match date {
        Some(d) => cx.info(
            path,
            format!("number {v} read as the year `{d}`; write dates as text"),
        ),
        None => cx.warn(path, format!("the number {v} is not a date; skipped")),
    }
    date
}

/// A start date (or single date): unreadable text is kept as [`DateValue::Text`] with a warning.
fn date_value(cx: &mut Cx, v: &Value, path: &str) -> Option<DateValue> {
    match v {
        Value::Null => None,
        Value::Number(_) => year_number(cx, v, path).map(DateValue::Date),
        Value::String(s) => match read_date(s) {
            DateReading::Empty => None,
            DateReading::Exact(d) => Some(DateValue::Date(d)),
            DateReading::Repaired(d, note) => {
                cx.info(
                    path,
                    format!("{note}; write dates as YYYY-MM-DD, YYYY-MM or YYYY"),
                );
                Some(DateValue::Date(d))
            }
            DateReading::Ongoing { .. } => {
                cx.warn(
                    path,
                    format!(
                        "`{}` means \"present\", which is not a start date; kept as text",
                        s.trim()
                    ),
                );
                Some(DateValue::Text(s.trim().to_string()))
            }
            DateReading::Invalid(reason) => {
                cx.warn(path, format!("{reason}; kept as text"));
                Some(DateValue::Text(s.trim().to_string()))
            }
        },
        other => {
            cx.warn(
                path,
                format!(
                    "expected a date as text, found {}; skipped",
                    describe(other)
                ),
            );
            None
        }
    }
}

/// An end date: missing, null, empty or "present" → ongoing.
fn end_date(cx: &mut Cx, v: &Value, path: &str) -> EndDate {
    match v {
        Value::Null => EndDate::Ongoing,
        Value::Number(_) => year_number(cx, v, path).map_or(EndDate::Ongoing, EndDate::Date),
        Value::String(s) => match read_date(s) {
            DateReading::Empty => EndDate::Ongoing,
            DateReading::Ongoing { note } => {
                if let Some(note) = note {
                    cx.info(path, note);
                }
                EndDate::Ongoing
            }
            DateReading::Exact(d) => EndDate::Date(d),
            DateReading::Repaired(d, note) => {
                cx.info(
                    path,
                    format!("{note}; write dates as YYYY-MM-DD, YYYY-MM or YYYY"),
                );
                EndDate::Date(d)
            }
            DateReading::Invalid(reason) => {
                cx.warn(path, format!("{reason}; kept as text"));
                EndDate::Text(s.trim().to_string())
            }
        },
        other => {
            cx.warn(
                path,
                format!(
                    "expected a date as text, found {}; read as ongoing",
                    describe(other)
                ),
            );
            EndDate::Ongoing
        }
    }
}

/// How a section reads a plain text item (e.g. `"skills": ["Rust"]`), if it can.
type FromText<T> = Option<(&'static str, fn(String) -> T)>;

/// A section: a list of objects. A single object is read as a one-item list; text items are read
/// through `from_text` when given; entries with no content are removed.
fn section<T: Default + PartialEq>(
    cx: &mut Cx,
    v: &Value,
    path: &str,
    from_text: FromText<T>,
    convert: fn(&mut Cx, &Obj) -> T,
) -> Vec<T> {
    let items: Vec<(&Value, String)> = match v {
        Value::Null => return Vec::new(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, item)| (item, index_path(path, i)))
            .collect(),
        Value::Object(_) => {
            cx.info(
                path,
                "expected a list, found a single object; read as a one-item list",
            );
            vec![(v, path.to_string())]
        }
        other => {
            cx.warn(
                path,
                format!(
                    "expected a list of entries, found {}; skipped",
                    describe(other)
                ),
            );
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (item, item_path) in items {
        let entry = match (item, from_text) {
            (Value::Object(map), _) => Obj::convert(cx, map, &item_path, convert),
            (Value::Null, _) => continue,
            (Value::String(_) | Value::Number(_), Some((field, make))) => {
                let Some(t) = text(cx, item, &item_path) else {
                    continue;
                };
                cx.info(
                    &item_path,
                    format!("text entry read as an entry with this `{field}`"),
                );
                make(t)
            }
            (other, _) => {
                cx.warn(
                    &item_path,
                    format!("expected an object, found {}; skipped", describe(other)),
                );
                continue;
            }
        };
        if entry == T::default() {
            cx.info(&item_path, "entry has no content; removed");
        } else {
            out.push(entry);
        }
    }
    out
}

const WEBSITE: &[(&str, Origin)] = &[("website", Origin::Pre1)];

fn basics(cx: &mut Cx, o: &Obj) -> Basics {
    let mut name = o.text(cx, "name");
    if name.is_none() {
        let first = o.text(cx, "firstName");
        let last = o.text(cx, "lastName");
        if first.is_some() || last.is_some() {
            let joined = [first, last]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            let key = if o.map.contains_key("firstName") {
                "firstName"
            } else {
                "lastName"
            };
            cx.info(
                &key_path(o.path, key),
                "pre-1.0 keys `firstName`/`lastName`; use `name`",
            );
            name = Some(joined);
        }
    }
    let location = match o.get(cx, "location", &[]) {
        Some((Value::Object(map), path)) => Obj::convert(cx, map, &path, location),
        Some((v @ (Value::String(_) | Value::Number(_)), path)) => {
            let city = text(cx, v, &path);
            if city.is_some() {
                cx.info(&path, "location given as text; read as `city`");
            }
            Location {
                city,
                ..Location::default()
            }
        }
        Some((Value::Null, _)) | None => Location::default(),
        Some((other, path)) => {
            cx.warn(
                &path,
                format!("expected an object, found {}; skipped", describe(other)),
            );
            Location::default()
        }
    };
    let profiles = match o.get(cx, "profiles", &[]) {
        Some((v, path)) => section(cx, v, &path, Some(("url", profile_from_url)), profile),
        None => Vec::new(),
    };
    let name = name.map(|name| headline(cx, &key_path(o.path, "name"), name, MAX_NAME_CHARS));
    let label = o
        .text(cx, "label")
        .map(|label| headline(cx, &key_path(o.path, "label"), label, MAX_LABEL_CHARS));
    Basics {
        name,
        label,
        image: o.text_or(cx, "image", &[("picture", Origin::Pre1)]),
        email: o.text(cx, "email"),
        phone: o.text(cx, "phone"),
        url: o.url_or(cx, "url", WEBSITE),
        summary: o.text(cx, "summary"),
        location,
        profiles,
    }
}

/// The most characters a name prints: the longest real names are a few dozen characters, and
/// the name is set large at the top of page one, which a longer one would fill.
pub const MAX_NAME_CHARS: usize = 120;
/// The most characters the headline under the name prints (a few lines of the header).
pub const MAX_LABEL_CHARS: usize = 300;

/// `text` (at `path`) cut to `max` characters with an ellipsis, and a warning naming what was
/// cut, when it is longer: the header line it prints on must leave room for the resume.
fn headline(cx: &mut Cx, path: &str, text: String, max: usize) -> String {
    let count = text.chars().count();
    if count <= max {
        return text;
    }
    let kept: String = text.chars().take(max - 1).collect();
    let cut: String = text.chars().skip(max - 1).take(40).collect();
    cx.warn(
        path,
        format!(
            "{count} characters: it prints cut to its first {} and an ellipsis; the rest \
             (from \"{cut}…\") is left out. Shorten it, or move the text to basics.summary",
            max - 1
        ),
    );
    format!("{}…", kept.trim_end())
}

fn location(cx: &mut Cx, o: &Obj) -> Location {
    Location {
        address: o.text(cx, "address"),
        postal_code: o.text(cx, "postalCode"),
        city: o.text(cx, "city"),
        country_code: o.text(cx, "countryCode"),
        region: o.text_or(cx, "region", &[("state", Origin::Pre1)]),
    }
}

fn profile_from_url(url: String) -> Profile {
    Profile {
        url: Some(url),
        ..Profile::default()
    }
}

fn profile(cx: &mut Cx, o: &Obj) -> Profile {
    Profile {
        network: o.text(cx, "network"),
        username: o.text(cx, "username"),
        url: o.url_or(cx, "url", WEBSITE),
    }
}

fn work(cx: &mut Cx, o: &Obj) -> Work {
    Work {
        name: o.text_or(cx, "name", &[("company", Origin::Pre1)]),
        position: o.text(cx, "position"),
        url: o.url_or(cx, "url", WEBSITE),
        location: o.text(cx, "location"),
        description: o.text(cx, "description"),
        summary: o.text(cx, "summary"),
        start: o.start(cx, "startDate", &[]),
        end: o.end(cx),
        highlights: o.list(cx, "highlights"),
    }
}

fn volunteer(cx: &mut Cx, o: &Obj) -> Volunteer {
    Volunteer {
        organization: o.text_or(cx, "organization", &[("name", Origin::Variant)]),
        position: o.text(cx, "position"),
        url: o.url_or(cx, "url", WEBSITE),
        summary: o.text(cx, "summary"),
        start: o.start(cx, "startDate", &[]),
        end: o.end(cx),
        highlights: o.list(cx, "highlights"),
    }
}

fn education(cx: &mut Cx, o: &Obj) -> Education {
    Education {
        institution: o.text(cx, "institution"),
        url: o.url_or(cx, "url", WEBSITE),
        area: o.text(cx, "area"),
        study_type: o.text(cx, "studyType"),
        start: o.start(cx, "startDate", &[]),
        end: o.end(cx),
        score: o.text_or(cx, "score", &[("gpa", Origin::Pre1)]),
        courses: o.list(cx, "courses"),
    }
}

fn award(cx: &mut Cx, o: &Obj) -> Award {
    Award {
        title: o.text(cx, "title"),
        date: o.start(cx, "date", &[("awardDate", Origin::Pre1)]),
        awarder: o.text(cx, "awarder"),
        summary: o.text(cx, "summary"),
    }
}

fn certificate(cx: &mut Cx, o: &Obj) -> Certificate {
    Certificate {
        name: o.text(cx, "name"),
        date: o.start(cx, "date", &[]),
        url: o.url_or(cx, "url", WEBSITE),
        issuer: o.text(cx, "issuer"),
    }
}

fn publication(cx: &mut Cx, o: &Obj) -> Publication {
    Publication {
        name: o.text(cx, "name"),
        publisher: o.text(cx, "publisher"),
        release_date: o.start(cx, "releaseDate", &[("date", Origin::Variant)]),
        url: o.url_or(cx, "url", WEBSITE),
        summary: o.text(cx, "summary"),
    }
}

fn skill(cx: &mut Cx, o: &Obj) -> Skill {
    Skill {
        name: o.text(cx, "name"),
        level: o.text(cx, "level"),
        keywords: o.list(cx, "keywords"),
    }
}

fn language(cx: &mut Cx, o: &Obj) -> Language {
    Language {
        language: o.text_or(cx, "language", &[("name", Origin::Pre1)]),
        fluency: o.text_or(cx, "fluency", &[("level", Origin::Pre1)]),
    }
}

fn interest(cx: &mut Cx, o: &Obj) -> Interest {
    Interest {
        name: o.text(cx, "name"),
        keywords: o.list(cx, "keywords"),
    }
}

fn reference(cx: &mut Cx, o: &Obj) -> Reference {
    Reference {
        name: o.text(cx, "name"),
        reference: o.text(cx, "reference"),
    }
}

fn project(cx: &mut Cx, o: &Obj) -> Project {
    Project {
        name: o.text(cx, "name"),
        description: o.text_or(cx, "description", &[("summary", Origin::Variant)]),
        highlights: o.list(cx, "highlights"),
        keywords: o.list(cx, "keywords"),
        start: o.start(cx, "startDate", &[]),
        end: o.end(cx),
        url: o.url_or(cx, "url", WEBSITE),
        roles: o.list(cx, "roles"),
        entity: o.text(cx, "entity"),
        kind: o.text(cx, "type"),
    }
}

fn meta(cx: &mut Cx, o: &Obj) -> Meta {
    Meta {
        canonical: o.text_or(cx, "canonical", &[("url", Origin::Pre1)]),
        version: o.text(cx, "version"),
        last_modified: o.text(cx, "lastModified"),
        language: o.text(cx, "language"),
    }
}

impl Obj<'_> {
    /// Reads an object-valued section (`basics`, `meta`); anything else is skipped with a warning.
    fn single<T: Default>(
        &self,
        cx: &mut Cx,
        key: &str,
        aliases: &[(&str, Origin)],
        convert: fn(&mut Cx, &Obj) -> T,
    ) -> T {
        match self.get(cx, key, aliases) {
            Some((Value::Object(map), path)) => Obj::convert(cx, map, &path, convert),
            Some((Value::Null, _)) | None => T::default(),
            Some((other, path)) => {
                cx.warn(
                    &path,
                    format!("expected an object, found {}; skipped", describe(other)),
                );
                T::default()
            }
        }
    }

    /// Reads a list-valued section.
    fn section<T: Default + PartialEq>(
        &self,
        cx: &mut Cx,
        key: &str,
        aliases: &[(&str, Origin)],
        from_text: FromText<T>,
        convert: fn(&mut Cx, &Obj) -> T,
    ) -> Vec<T> {
        match self.get(cx, key, aliases) {
            Some((v, path)) => section(cx, v, &path, from_text, convert),
            None => Vec::new(),
        }
    }
}

/// Section names people write for the JSON Resume section they mean, lower case.
const SECTION_SYNONYMS: &[(&str, &str)] = &[
    ("experience", "work"),
    ("workexperience", "work"),
    ("work_experience", "work"),
    ("employment", "work"),
    ("jobs", "work"),
    ("positions", "work"),
    ("career", "work"),
    ("schools", "education"),
    ("studies", "education"),
    ("certifications", "certificates"),
    ("licenses", "certificates"),
    ("honors", "awards"),
    ("achievements", "awards"),
    ("volunteering", "volunteer"),
    ("skill", "skills"),
    ("language", "languages"),
    ("project", "projects"),
    ("summary", "basics"),
    ("contact", "basics"),
];

/// Warns about every key of `o` the conversion did not ask for: a typo (`emial`) or a section
/// JSON Resume does not have (`experience`) loses content silently otherwise. JSON Resume's
/// extension points stay quiet: `$schema`, keys starting with `x-` or `_`, and all of `meta`.
fn unknown_keys(cx: &mut Cx, o: &Obj) {
    let asked = o.asked.borrow();
    for key in o.map.keys() {
        let quiet = key == "$schema"
            || key.starts_with("x-")
            || key.starts_with('_')
            || o.path.starts_with("$.meta");
        if quiet || asked.iter().any(|a| a == key) {
            continue;
        }
        let what = if o.path == "$" { "section" } else { "key" };
        let lower = key.to_lowercase();
        let synonym = SECTION_SYNONYMS
            .iter()
            .filter(|_| o.path == "$")
            .find(|(name, _)| *name == lower)
            .map(|(_, section)| *section);
        let close = synonym.or_else(|| closest(&lower, &asked));
        let message = match close {
            Some(known) => format!("unknown {what}; did you mean \"{known}\"? It is ignored"),
            None => format!("unknown {what}; it is not part of JSON Resume and is ignored"),
        };
        cx.warn(&key_path(o.path, key), message);
    }
}

/// The known key closest to `key` (lower case) by edit distance, when it is close enough to be a
/// typo: at most one edit for short keys, a third of the length for longer ones.
fn closest<'k>(key: &str, known: &'k [String]) -> Option<&'k str> {
    let limit = (key.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (edit_distance(key, &k.to_lowercase()), k))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, k)| k.as_str())
}

/// Edit distance in characters, an adjacent swap (`emial`) counting as one edit (optimal string
/// alignment).
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

fn skill_from_text(name: String) -> Skill {
    Skill {
        name: Some(name),
        ..Skill::default()
    }
}

fn language_from_text(language: String) -> Language {
    Language {
        language: Some(language),
        ..Language::default()
    }
}

fn interest_from_text(name: String) -> Interest {
    Interest {
        name: Some(name),
        ..Interest::default()
    }
}

/// Converts a top-level JSON object into a resume, in input order.
pub(crate) fn resume(cx: &mut Cx, root: &Map<String, Value>) -> Resume {
    Obj::convert(cx, root, "$", sections)
}

/// Converts every section of the top-level object.
fn sections(cx: &mut Cx, o: &Obj) -> Resume {
    Resume {
        basics: o.single(cx, "basics", &[("bio", Origin::Pre1)], basics),
        work: o.section(cx, "work", &[], None, work),
        volunteer: o.section(cx, "volunteer", &[], None, volunteer),
        education: o.section(cx, "education", &[], None, education),
        awards: o.section(cx, "awards", &[], None, award),
        certificates: o.section(cx, "certificates", &[], None, certificate),
        publications: o.section(cx, "publications", &[], None, publication),
        skills: o.section(cx, "skills", &[], Some(("name", skill_from_text)), skill),
        languages: o.section(
            cx,
            "languages",
            &[],
            Some(("language", language_from_text)),
            language,
        ),
        interests: o.section(
            cx,
            "interests",
            &[("hobbies", Origin::Pre1)],
            Some(("name", interest_from_text)),
            interest,
        ),
        references: o.section(cx, "references", &[], None, reference),
        projects: o.section(cx, "projects", &[], None, project),
        meta: o.single(cx, "meta", &[], meta),
    }
}
