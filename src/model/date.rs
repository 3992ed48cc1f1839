//! Dates as JSON Resume writes them (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) and the lenient reading of
//! everything else people put in date fields.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer};

/// A calendar date of which only the year is required: `2019`, `2019-05` or `2019-05-14`.
///
/// Ordering compares year, then month, then day; a missing part sorts before any present one, so
/// `2019` < `2019-01` < `2019-01-01`. Values built with [`PartialDate::new`] or parsed with
/// [`str::parse`] are always valid (month 1–12, day within the month, no day without a month).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Four-digit year (1000–2999, the range the schema allows).
    pub year: i32,
    /// Month, 1–12.
    pub month: Option<u8>,
    /// Day of the month, 1–31 (valid for the month and year).
    pub day: Option<u8>,
}

/// Why a string is not a valid ISO partial date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text does not have the shape `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("`{0}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")]
    Shape(String),
    /// The year is outside 1000–2999.
    #[error("year {0} is out of range (1000–2999)")]
    Year(i32),
    /// A day was given without a month.
    #[error("a day was given without a month")]
    DayWithoutMonth,
    /// The month is not 1–12.
    #[error("month {0} is not between 1 and 12")]
    Month(u32),
    /// The day does not exist in that month.
    #[error("day {day} does not exist in {month_name} {year}")]
    Day {
        /// Year of the date.
        year: i32,
        /// English name of the month.
        month_name: &'static str,
        /// The offending day.
        day: u32,
    },
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    /// Builds a validated date.
    ///
    /// # Errors
    ///
    /// A year outside 1000–2999, a month outside 1–12, a day that does not exist in the month, or
    /// a day without a month.
    pub fn new(year: i32, month: Option<u32>, day: Option<u32>) -> Result<Self, DateError> {
        if !(1000..=2999).contains(&year) {
            return Err(DateError::Year(year));
        }
        let month = match month {
            None => None,
            Some(m @ 1..=12) => Some(m as u8),
            Some(m) => return Err(DateError::Month(m)),
        };
        let day = match (month, day) {
            (_, None) => None,
            (None, Some(_)) => return Err(DateError::DayWithoutMonth),
            (Some(m), Some(d))
                if d >= 1 && d <= u32::from(crate::calendar::days_in_month(year, m)) =>
            {
                Some(d as u8)
            }
            (Some(m), Some(d)) => {
                return Err(DateError::Day {
                    year,
                    month_name: MONTH_NAMES[usize::from(m) - 1],
                    day: d,
                });
            }
        };
        Ok(PartialDate { year, month, day })
    }

    /// A date with only a year.
    ///
    /// # Errors
    ///
    /// A year outside 1000–2999.
    pub fn year(year: i32) -> Result<Self, DateError> {
        Self::new(year, None, None)
    }
}

impl fmt::Display for PartialDate {
    /// Writes the ISO form: `2019`, `2019-05` or `2019-05-14`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    /// Strict ISO reading: exactly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (surrounding blanks allowed).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(DateError::Shape(t.to_string()));
        }
        let num = |p: &str| p.parse::<u32>().ok();
        let year = parts[0]
            .parse::<i32>()
            .map_err(|_| DateError::Shape(t.to_string()))?;
        PartialDate::new(
            year,
            parts.get(1).and_then(|p| num(p)),
            parts.get(2).and_then(|p| num(p)),
        )
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    /// Deserializes from a strict ISO string (see [`PartialDate::from_str`]).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A start date (or the date of an award, certificate or publication): a parsed date, or the
/// original text when it could not be read as one (kept verbatim so it can still be displayed).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum DateValue {
    /// A date that was read successfully.
    Date(PartialDate),
    /// Non-empty text that is not a date, e.g. `Summer 2019`; shown as written.
    Text(String),
}

impl DateValue {
    /// The parsed date, if there is one.
    pub fn as_date(&self) -> Option<PartialDate> {
        match self {
            DateValue::Date(d) => Some(*d),
            DateValue::Text(_) => None,
        }
    }

    /// The date used for sorting: the parsed date, or for text the last year written in it
    /// (`Summer 2019` sorts as `2019`); `None` when the text has no year.
    pub fn sort_key(&self) -> Option<PartialDate> {
        match self {
            DateValue::Date(d) => Some(*d),
            DateValue::Text(t) => year_hint(t),
        }
    }
}

impl fmt::Display for DateValue {
    /// ISO form for dates, the text itself otherwise.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateValue::Date(d) => d.fmt(f),
            DateValue::Text(t) => f.write_str(t),
        }
    }
}

/// The end of a dated entry.
///
/// JSON Resume leaves `endDate` out for a current position, so a missing, empty or `null` end date
/// is [`EndDate::Ongoing`], as are words such as "Present", "heute" or "至今". An entry with no dates
/// at all also has `Ongoing` here; use the entry's `is_dated()` before printing a date range.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum EndDate {
    /// Still going on (no end date, or a word meaning "present").
    #[default]
    Ongoing,
    /// Ended on this date.
    Date(PartialDate),
    /// Non-empty text that is not a date, kept verbatim for display.
    Text(String),
}

impl EndDate {
    /// True for [`EndDate::Ongoing`].
    pub fn is_ongoing(&self) -> bool {
        matches!(self, EndDate::Ongoing)
    }

    /// The parsed date, if there is one.
    pub fn as_date(&self) -> Option<PartialDate> {
        match self {
            EndDate::Date(d) => Some(*d),
            _ => None,
        }
    }

    /// The date used for sorting: the parsed date, or for text the last year written in it.
    /// `None` for ongoing entries and for text without a year.
    pub fn sort_key(&self) -> Option<PartialDate> {
        match self {
            EndDate::Ongoing => None,
            EndDate::Date(d) => Some(*d),
            EndDate::Text(t) => year_hint(t),
        }
    }
}

/// The last stand-alone four-digit number in 1000–2999 in `text`, as a year-only date.
pub(crate) fn year_hint(text: &str) -> Option<PartialDate> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = None;
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4 {
                let n: String = chars[start..i].iter().collect();
                if let Some(d) = n.parse().ok().and_then(|y| PartialDate::year(y).ok()) {
                    found = Some(d);
                }
            }
        } else {
            i += 1;
        }
    }
    found
}

/// Words (compared case-insensitively, after trimming) that mean "until now" in an end date.
const ONGOING_WORDS: &[&str] = &[
    // English
    "present",
    "current",
    "currently",
    "now",
    "ongoing",
    "today",
    "to date",
    "till date",
    "until now",
    // German
    "heute",
    "bis heute",
    "aktuell",
    "jetzt",
    "derzeit",
    // French
    "actuel",
    "présent",
    "aujourd'hui",
    "en cours",
    // Spanish / Portuguese / Italian
    "presente",
    "actualidad",
    "actualmente",
    "hoy",
    "atual",
    "atualmente",
    "hoje",
    "oggi",
    "in corso",
    // Dutch, Polish, Czech
    "heden",
    "nu",
    "obecnie",
    "teraz",
    "dosud",
    "současnost",
    // Russian / Ukrainian
    "настоящее время",
    "по настоящее время",
    "наст. время",
    "н.в.",
    "сейчас",
    "теперішній час",
    // Chinese / Japanese / Korean
    "至今",
    "现在",
    "現在",
    "目前",
    "今",
    "현재",
];

/// What a date field's text turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DateReading {
    /// Empty or blank.
    Empty,
    /// A word meaning "present"; `note` is set when a remark had to be ignored to see it.
    Ongoing { note: Option<String> },
    /// A valid ISO partial date.
    Exact(PartialDate),
    /// A date written in another common form, with a note saying how it was read.
    Repaired(PartialDate, String),
    /// Not a date; the reason says why.
    Invalid(String),
}

fn is_ongoing_word(s: &str) -> bool {
    let lower = s.trim().trim_end_matches('.').trim().to_lowercase();
    let lower = if lower.is_empty() {
        s.trim().to_lowercase()
    } else {
        lower
    };
    ONGOING_WORDS
        .iter()
        .any(|w| *w == lower || w.trim_end_matches('.') == lower)
}

/// Removes one trailing parenthetical remark, ASCII `( … )` or full-width `（ … ）`.
fn strip_remark(s: &str) -> Option<&str> {
    let t = s.trim_end();
    for (open, close) in [('(', ')'), ('（', '）')] {
        if t.ends_with(close)
            && let Some(pos) = t.rfind(open)
        {
            let head = t[..pos].trim_end();
            if !head.is_empty() {
                return Some(head);
            }
        }
    }
    None
}

fn month_from_name(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .position(|m| {
            let m = m.to_lowercase();
            m == w || (w.len() == 3 && m.starts_with(&w)) || (w == "sept" && m == "september")
        })
        .map(|i| i as u32 + 1)
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Reads other common ways of writing a date. `Ok(None)` means "not a recognised shape".
fn repair(t: &str) -> Result<Option<(PartialDate, String)>, DateError> {
    // ISO date-time: take the date part.
    if let Some((date, time)) = t.split_once('T')
        && time.chars().next().is_some_and(|c| c.is_ascii_digit())
        && let Ok(d) = date.parse::<PartialDate>()
    {
        return Ok(Some((
            d,
            format!("read `{t}` as `{d}` (time of day ignored)"),
        )));
    }

    // Numeric forms with `/`, `.` or `-` separators.
    for sep in ['/', '.', '-'] {
        let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
        if parts.len() < 2 || !parts.iter().all(|p| all_digits(p)) {
            continue;
        }
        let n: Vec<u32> = parts
            .iter()
            .map(|p| p.parse().unwrap_or(u32::MAX))
            .collect();
        let ylen = |i: usize| parts[i].len() == 4;
        let short = |i: usize| parts[i].len() <= 2;
        let date = match parts.len() {
            // 2019/05, 2019.5, 2019-5
            2 if ylen(0) && short(1) => PartialDate::new(n[0] as i32, Some(n[1]), None)?,
            // 05/2019, 5.2019, 05-2019
            2 if short(0) && ylen(1) => PartialDate::new(n[1] as i32, Some(n[0]), None)?,
            // 2019/05/14, 2019.5.14, 2019-5-14
            3 if ylen(0) && short(1) && short(2) => {
                PartialDate::new(n[0] as i32, Some(n[1]), Some(n[2]))?
            }
            // 14.05.2019 (day first is the rule with dots)
            3 if sep == '.' && short(0) && short(1) && ylen(2) => {
                PartialDate::new(n[2] as i32, Some(n[1]), Some(n[0]))?
            }
            // 14/05/2019 or 05/14/2019: only when the order is certain.
            3 if short(0) && short(1) && ylen(2) => {
                if n[0] > 12 && n[1] <= 12 {
                    PartialDate::new(n[2] as i32, Some(n[1]), Some(n[0]))?
                } else if n[1] > 12 && n[0] <= 12 {
                    PartialDate::new(n[2] as i32, Some(n[0]), Some(n[1]))?
                } else {
                    return Ok(None);
                }
            }
            _ => continue,
        };
        return Ok(Some((date, format!("read `{t}` as `{date}`"))));
    }

    // "May 2019", "Sep. 2019", "2019 May"
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let [a, b] = words.as_slice() {
        let (month, year) = if all_digits(b) { (a, b) } else { (b, a) };
        if year.len() == 4
            && all_digits(year)
            && let Some(m) = month_from_name(month)
        {
            let date = PartialDate::new(year.parse().unwrap_or(0), Some(m), None)?;
            return Ok(Some((date, format!("read `{t}` as `{date}`"))));
        }
    }
    Ok(None)
}

/// How many trailing remarks (`2019 (a) (b)`) [`read_date`] peels off before giving up. Each one
/// costs a recursive call and a pass over the text, so without a bound a date field of many
/// thousands of `()` overflows the stack.
const MAX_REMARKS: usize = 4;

/// Interprets the text of a date field.
pub(crate) fn read_date(text: &str) -> DateReading {
    read_date_peeling(text, MAX_REMARKS)
}

/// [`read_date`], peeling off at most `remarks` trailing remarks.
fn read_date_peeling(text: &str, remarks: usize) -> DateReading {
    let t = text.trim();
    if t.is_empty() {
        return DateReading::Empty;
    }
    match t.parse::<PartialDate>() {
        Ok(d) => return DateReading::Exact(d),
        Err(DateError::Shape(_)) => {}
        // Right shape, impossible value: do not guess.
        Err(e) => return DateReading::Invalid(format!("`{t}`: {e}")),
    }
    if is_ongoing_word(t) {
        return DateReading::Ongoing { note: None };
    }
    match repair(t) {
        Ok(Some((d, note))) => return DateReading::Repaired(d, note),
        Ok(None) => {}
        Err(e) => return DateReading::Invalid(format!("`{t}`: {e}")),
    }
    if let Some(head) = strip_remark(t).filter(|_| remarks > 0) {
        let dropped = t[head.len()..].trim();
        match read_date_peeling(head, remarks - 1) {
            DateReading::Exact(d) | DateReading::Repaired(d, _) => {
                return DateReading::Repaired(
                    d,
                    format!("read `{t}` as `{d}` (remark `{dropped}` ignored)"),
                );
            }
            DateReading::Ongoing { .. } => {
                return DateReading::Ongoing {
                    note: Some(format!(
                        "read `{t}` as ongoing (remark `{dropped}` ignored)"
                    )),
                };
            }
            DateReading::Invalid(reason) => return DateReading::Invalid(reason),
            DateReading::Empty => {}
        }
    }
    DateReading::Invalid(format!(
        "`{t}` is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    ))
}

/// Compares two optional sort keys so that later dates come first and missing ones last.
pub(crate) fn newest_first(a: Option<PartialDate>, b: Option<PartialDate>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => b.cmp(&a),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
