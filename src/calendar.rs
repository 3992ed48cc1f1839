//! Calendar arithmetic on the proleptic Gregorian calendar, in one place: leap years, month
//! lengths and the conversion between civil dates and days since 1970-01-01 (used by resume dates,
//! the document date, the PDF date string and `check`'s "today").

/// Whether `year` has a 29 February.
pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a civil date (the inverse of [`civil_from_days`]).
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of a count of days since 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years_and_month_lengths() {
        assert!(is_leap(2000) && is_leap(2024) && !is_leap(1900) && !is_leap(2023));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2023, 4), 30);
        assert_eq!(days_in_month(2023, 12), 31);
    }

    #[test]
    fn days_and_dates_round_trip() {
        for days in [-719_468, -1, 0, 59, 60, 10_957, 11_016, 20_514, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, i64::from(m), i64::from(d)), days);
        }
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_514), (2026, 3, 2));
        assert_eq!(civil_from_days(-719_468), (0, 3, 1));
    }

    #[test]
    fn every_day_of_four_centuries_follows_the_one_before() {
        let (mut y, mut m, mut d) = civil_from_days(days_from_civil(1900, 1, 1));
        for days in days_from_civil(1900, 1, 1) + 1..days_from_civil(2300, 1, 1) {
            if d < u32::from(days_in_month(y as i32, m as u8)) {
                d += 1;
            } else if m < 12 {
                (m, d) = (m + 1, 1);
            } else {
                (y, m, d) = (y + 1, 1, 1);
            }
            assert_eq!(civil_from_days(days), (y, m, d));
        }
    }
}
