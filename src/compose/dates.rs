//! Writing dates and date ranges the way a layout asks.

use crate::layout::{DateFormat, Dates};
use crate::model::{DateValue, EndDate, PartialDate};

const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const LONG_MONTHS: [&str; 12] = [
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

/// The word for an ongoing end date.
pub const PRESENT: &str = "Present";

/// Formats one date; a year-only date prints just the year whatever the format.
pub fn format_date(date: PartialDate, format: DateFormat) -> String {
    let Some(month) = date.month.filter(|m| (1..=12).contains(m)) else {
        return date.year.to_string();
    };
    let index = usize::from(month - 1);
    match format {
        DateFormat::ShortMonth => format!("{} {}", SHORT_MONTHS[index], date.year),
        DateFormat::LongMonth => format!("{} {}", LONG_MONTHS[index], date.year),
        DateFormat::Numeric => format!("{month:02}/{}", date.year),
        DateFormat::Year => date.year.to_string(),
    }
}

/// Formats a start date or a single date (award, certificate, publication).
pub fn format_value(value: &DateValue, format: DateFormat) -> String {
    match value {
        DateValue::Date(date) => format_date(*date, format),
        DateValue::Text(text) => text.clone(),
    }
}

/// Formats a date range such as "Jan 2021 – Present"; `None` when the entry has no dates.
pub fn format_range(start: Option<&DateValue>, end: &EndDate, dates: &Dates) -> Option<String> {
    let end_text = match end {
        EndDate::Ongoing => PRESENT.to_string(),
        EndDate::Date(date) => format_date(*date, dates.format),
        EndDate::Text(text) => text.clone(),
    };
    match start {
        Some(start) => {
            let start_text = format_value(start, dates.format);
            if start_text == end_text {
                Some(start_text)
            } else {
                Some(format!("{start_text}{}{end_text}", dates.range_separator))
            }
        }
        None if end.is_ongoing() => None,
        None => Some(end_text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates() -> Dates {
        Dates {
            format: DateFormat::ShortMonth,
            range_separator: " – ".to_string(),
        }
    }

    fn ym(year: i32, month: u8) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }

    #[test]
    fn formats_ranges() {
        let start = DateValue::Date(ym(2021, 1));
        assert_eq!(
            format_range(Some(&start), &EndDate::Ongoing, &dates()).unwrap(),
            "Jan 2021 – Present"
        );
        assert_eq!(
            format_range(Some(&start), &EndDate::Date(ym(2023, 11)), &dates()).unwrap(),
            "Jan 2021 – Nov 2023"
        );
        assert_eq!(format_range(None, &EndDate::Ongoing, &dates()), None);
        let year_only = PartialDate {
            year: 2019,
            month: None,
            day: None,
        };
        assert_eq!(format_date(year_only, DateFormat::LongMonth), "2019");
        assert_eq!(format_date(ym(2019, 3), DateFormat::Numeric), "03/2019");
    }
}
