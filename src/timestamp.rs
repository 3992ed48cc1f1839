//! The document date: taken from the resume or the build environment, never from the clock.

/// 2000-01-01T00:00:00Z, the date used when nothing else gives one.
pub const FALLBACK: i64 = 946_684_800;

/// Unix seconds for the document date: `meta.lastModified` (ISO date or date-time), else the
/// `SOURCE_DATE_EPOCH` environment variable, else [`FALLBACK`].
pub fn document_date(last_modified: Option<&str>) -> i64 {
    last_modified
        .and_then(parse_iso)
        .or_else(|| std::env::var("SOURCE_DATE_EPOCH").ok()?.trim().parse().ok())
        .unwrap_or(FALLBACK)
}

/// Parses `YYYY-MM-DD` optionally followed by `THH:MM[:SS]` (any zone suffix is ignored: UTC).
fn parse_iso(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, time) = text.split_once(['T', ' ']).unwrap_or((text, ""));
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let clock: Vec<i64> = time
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .filter_map(|p| p.parse().ok())
        .collect();
    let seconds = clock.first().unwrap_or(&0) * 3600
        + clock.get(1).unwrap_or(&0) * 60
        + clock.get(2).unwrap_or(&0);
    Some(days_from_civil(year, month, day) * 86_400 + seconds)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (the inverse of [`civil_from_days`]).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of a count of days since 1970-01-01 (proleptic Gregorian calendar).
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
    fn parses_last_modified() {
        assert_eq!(parse_iso("1970-01-01"), Some(0));
        assert_eq!(parse_iso("2000-01-01T00:00:00"), Some(FALLBACK));
        assert_eq!(parse_iso("2017-12-24T15:53:00"), Some(1_514_130_780));
        assert_eq!(parse_iso("yesterday"), None);
        assert_eq!(document_date(Some("2000-01-01")), FALLBACK);
    }

    #[test]
    fn days_and_dates_round_trip() {
        for days in [-1, 0, 59, 60, 10_957, 20_514, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, i64::from(m), i64::from(d)), days);
        }
        assert_eq!(civil_from_days(20_514), (2026, 3, 2));
    }
}
