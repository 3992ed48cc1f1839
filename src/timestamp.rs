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
    Some(crate::calendar::days_from_civil(year, month, day) * 86_400 + seconds)
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
}
