//! Contact details (name, title, e-mail, phone, city and region) and the summary.

use super::lexicon::{INFORMAL_INSIDE, INFORMAL_NUMBERS, INFORMAL_PARTS};
use super::text::sentences;
use super::{Category, Cx, Finding, Severity};
use crate::model::is_email_address;

/// What is informal about an e-mail address, if anything.
fn informal_word(email: &str) -> Option<String> {
    let local = email.split('@').next().unwrap_or(email).to_lowercase();
    let numbers: Vec<&str> = local
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    if let Some(n) = numbers.iter().find(|n| INFORMAL_NUMBERS.contains(n)) {
        return Some((*n).to_string());
    }
    for part in local
        .split(|c: char| matches!(c, '.' | '_' | '-' | '+') || c.is_ascii_digit())
        .filter(|p| !p.is_empty())
    {
        if INFORMAL_PARTS.contains(&part) {
            return Some(part.to_string());
        }
        if let Some(word) = INFORMAL_INSIDE.iter().find(|w| part.contains(*w)) {
            return Some((*word).to_string());
        }
    }
    None
}

/// Summaries of fewer words than this are very short.
pub(crate) const SUMMARY_MIN_WORDS: usize = 20;
/// Summaries of more words than this are long.
pub(crate) const SUMMARY_MAX_WORDS: usize = 80;

pub(super) fn check(cx: &Cx, out: &mut Vec<Finding>) {
    contact(cx, out);
    summary(cx, out);
}

fn contact(cx: &Cx, out: &mut Vec<Finding>) {
    use Severity::*;
    let b = &cx.resume.basics;
    let mut add = |severity, rule, path: &str, message: String, suggestion: &str| {
        out.push(Finding::new(
            severity,
            Category::Contact,
            rule,
            path,
            message,
            suggestion,
        ));
    };
    if b.name.is_none() {
        add(
            Error,
            "contact.name-missing",
            "$.basics.name",
            "no name: the resume does not say whose it is".into(),
            "Put your full name in basics.name.",
        );
    }
    if b.label.is_none() {
        add(
            Warning,
            "contact.title-missing",
            "$.basics.label",
            "no professional title under the name".into(),
            "Add the role you do or want in basics.label, e.g. \"Customer Service Supervisor\".",
        );
    }
    match b.email.as_deref() {
        None => add(
            Error,
            "contact.email-missing",
            "$.basics.email",
            "no e-mail address".into(),
            "Add a professional address in basics.email, e.g. first.last@example.com.",
        ),
        Some(email) if !is_email_address(email) => add(
            Error,
            "contact.email-invalid",
            "$.basics.email",
            format!("`{email}` is not an e-mail address"),
            "Write the address as name@domain.tld, without spaces.",
        ),
        Some(email) => {
            if let Some(word) = informal_word(email) {
                add(
                    Warning,
                    "contact.email-informal",
                    "$.basics.email",
                    format!("the e-mail address `{email}` looks informal (`{word}`)"),
                    "Use an address built from your name, e.g. first.last@example.com.",
                );
            }
        }
    }
    if b.phone.is_none() {
        add(
            Warning,
            "contact.phone-missing",
            "$.basics.phone",
            "no phone number".into(),
            "Add a phone number in basics.phone; recruiters often call first.",
        );
    }
    let loc = &b.location;
    match (&loc.city, &loc.region) {
        (None, None) => add(
            Warning,
            "contact.location-missing",
            "$.basics.location",
            "no city or region".into(),
            "Add basics.location.city and region (a street address is not needed); many \
             searches filter by location.",
        ),
        (None, Some(_)) => add(
            Warning,
            "contact.city-missing",
            "$.basics.location.city",
            "a region but no city".into(),
            "Add basics.location.city.",
        ),
        (Some(_), None) if loc.country_code.is_some() => add(
            Info,
            "contact.region-missing",
            "$.basics.location.region",
            "a city and country but no region".into(),
            "Add the state, province or region in basics.location.region if readers abroad may \
             not know the city.",
        ),
        (Some(_), None) => add(
            Warning,
            "contact.region-missing",
            "$.basics.location.region",
            "a city but no region or country".into(),
            "Add the state, province or region in basics.location.region.",
        ),
        (Some(_), Some(_)) => {}
    }
    if loc.address.is_some() {
        add(
            Info,
            "contact.address-given",
            "$.basics.location.address",
            "a full street address is given; city and region are enough".into(),
            "Consider removing basics.location.address: it takes space and shares more than an \
             employer needs at this stage.",
        );
    }
}

fn summary(cx: &Cx, out: &mut Vec<Finding>) {
    use Severity::*;
    let path = "$.basics.summary";
    let Some(text) = cx.resume.basics.summary.as_deref() else {
        out.push(Finding::new(
            Warning,
            Category::Summary,
            "summary.missing",
            path,
            "no summary or objective",
            "Add basics.summary: 2–4 sentences on your experience, strengths and the role you \
             want.",
        ));
        return;
    };
    let word_count = super::text::word_count(text);
    let sentence_count = sentences(text);
    if word_count < SUMMARY_MIN_WORDS || sentence_count < 2 {
        out.push(Finding::new(
            Warning,
            Category::Summary,
            "summary.short",
            path,
            format!(
                "the summary is very short ({word_count} words, {sentence_count} sentence{})",
                if sentence_count == 1 { "" } else { "s" }
            ),
            "Write 2–4 sentences: years of experience and field, two or three strengths with \
             evidence, and the role you are aiming for.",
        ));
    } else if word_count > SUMMARY_MAX_WORDS {
        out.push(Finding::new(
            Warning,
            Category::Summary,
            "summary.long",
            path,
            format!(
                "the summary is long ({word_count} words; about {SUMMARY_MAX_WORDS} at most reads \
                 at a glance)"
            ),
            "Cut it to 2–4 sentences; move details into the bullets of your experience.",
        ));
    } else if sentence_count > 4 {
        out.push(Finding::new(
            Info,
            Category::Summary,
            "summary.sentences",
            path,
            format!("the summary has {sentence_count} sentences (2–4 is the usual length)"),
            "Merge or drop a sentence or two.",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn informal_addresses() {
        assert_eq!(
            informal_word("sexy.kitty99@example.com").as_deref(),
            Some("sexy")
        );
        assert_eq!(
            informal_word("partygirl_1990@example.com").as_deref(),
            Some("partygirl")
        );
        assert_eq!(informal_word("jo420@example.com").as_deref(), Some("420"));
        assert_eq!(informal_word("ada.lovelace@example.com"), None);
        assert_eq!(informal_word("calvin.coolidge@example.com"), None);
    }

    #[test]
    fn email_shape() {
        assert!(is_email_address("a.b@example.co.uk"));
        assert!(is_email_address("名前@例え.jp"));
        assert!(!is_email_address("a.b at example.com"));
        assert!(!is_email_address("a@b"));
        assert!(!is_email_address("a b@example.com"));
        assert!(!is_email_address("a@b@example.com"));
        assert!(!is_email_address("a@example..com"));
        assert!(!is_email_address("@example.com"));
    }
}
