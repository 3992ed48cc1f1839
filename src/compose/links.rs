//! Link targets for contact details (web addresses go through [`crate::model::link_target`]).

/// A `mailto:` URI for a plausible e-mail address.
pub fn mailto(email: &str) -> Option<String> {
    let email = email.trim().trim_start_matches("mailto:");
    if email.len() > crate::model::MAX_LINK_LEN {
        return None;
    }
    let (user, domain) = email.split_once('@')?;
    let plausible = !user.is_empty()
        && domain.contains('.')
        && !email.chars().any(|c| c.is_whitespace() || c.is_control());
    plausible.then(|| format!("mailto:{email}"))
}

/// A `tel:` URI (digits and a leading `+` only) for a phone number with at least five digits.
pub fn tel(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if digits.len() > 32 {
        return None;
    }
    let plus = if phone.trim_start().starts_with('+') {
        "+"
    } else {
        ""
    };
    (digits.len() >= 5).then(|| format!("tel:{plus}{digits}"))
}

/// The address as people read it: no scheme, no trailing slash.
pub fn display_url(url: &str) -> String {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://"]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map_or(url, |p| &url[p.len()..]);
    rest.trim_end_matches('/').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_details_become_links() {
        assert_eq!(
            mailto("ada@example.com").as_deref(),
            Some("mailto:ada@example.com")
        );
        assert_eq!(mailto("nobody"), None);
        assert_eq!(
            tel("+1 (555) 010-2345").as_deref(),
            Some("tel:+15550102345")
        );
        assert_eq!(tel("n/a"), None);
        assert_eq!(display_url("https://github.com/ada/"), "github.com/ada");
    }
}
