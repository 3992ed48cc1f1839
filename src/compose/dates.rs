//! Writing dates and date ranges the way a layout asks, in the resume's language.

use crate::i18n::Locale;
use crate::layout::{DateFormat, Dates};
use crate::model::{DateValue, EndDate, PartialDate};

/// Formats one date; a year-only date prints just the year whatever the format.
pub fn format_date(date: PartialDate, format: DateFormat, locale: &Locale) -> String {
    let Some(month) = date.month.filter(|m| (1..=12).contains(m)) else {
        return locale.localize_digits(&date.year.to_string());
    };
    match format {
        DateFormat::ShortMonth => locale.format_month_year(month, date.year, false),
        DateFormat::LongMonth => locale.format_month_year(month, date.year, true),
        DateFormat::Numeric => locale.localize_digits(&format!("{month:02}/{}", date.year)),
        DateFormat::Year => locale.localize_digits(&date.year.to_string()),
    }
}

/// Formats a start date or a single date (award, certificate, publication).
pub fn format_value(value: &DateValue, format: DateFormat, locale: &Locale) -> String {
    match value {
        DateValue::Date(date) => format_date(*date, format, locale),
        DateValue::Text(text) => text.clone(),
    }
}

/// Formats a date range such as "Jan 2021 – Present"; `None` when the entry has no dates.
pub fn format_range(
    start: Option<&DateValue>,
    end: &EndDate,
    dates: &Dates,
    locale: &Locale,
) -> Option<String> {
    let end_text = match end {
        EndDate::Ongoing => locale.present().to_string(),
        EndDate::Date(date) => format_date(*date, dates.format, locale),
        EndDate::Text(text) => text.clone(),
    };
    match start {
        Some(start) => {
            let start_text = format_value(start, dates.format, locale);
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
        let en = Locale::english();
        let start = DateValue::Date(ym(2021, 1));
        assert_eq!(
            format_range(Some(&start), &EndDate::Ongoing, &dates(), en).unwrap(),
            "Jan 2021 – Present"
        );
        assert_eq!(
            format_range(Some(&start), &EndDate::Date(ym(2023, 11)), &dates(), en).unwrap(),
            "Jan 2021 – Nov 2023"
        );
        assert_eq!(format_range(None, &EndDate::Ongoing, &dates(), en), None);
        let year_only = PartialDate {
            year: 2019,
            month: None,
            day: None,
        };
        assert_eq!(format_date(year_only, DateFormat::LongMonth, en), "2019");
        assert_eq!(format_date(ym(2019, 3), DateFormat::Numeric, en), "03/2019");
    }

    #[test]
    fn formats_in_the_resume_language() {
        let de = Locale::for_tag(Some("de"));
        let start = DateValue::Date(ym(2021, 3));
        let range = format_range(Some(&start), &EndDate::Ongoing, &dates(), de).unwrap();
        assert_eq!(
            range,
            format!(
                "{} – {}",
                de.format_month_year(3, 2021, false),
                de.present()
            )
        );
        assert_ne!(de.present(), "Present");
    }
}
