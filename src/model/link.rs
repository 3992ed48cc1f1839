//! The link allow-list: which URL fields may become clickable links in the PDF; and what an
//! e-mail address is (one rule for `validate` and `check`).

/// Whether `text` is an e-mail address, `local@domain.tld`: one `@`, a non-empty local part, a
/// domain of two or more dot-separated labels of letters, digits and `-`, and no blanks or
/// control characters anywhere. The one rule for the schema's `email` format in `validate` and
/// for the contact check.
pub fn is_email_address(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && domain.contains('.')
        && domain.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// The longest address that becomes a link (browsers and PDF readers stop near 2,000 characters);
/// a longer one stays plain text.
pub const MAX_LINK_LEN: usize = 2048;

/// The link target for a URL field, or `None` when it must not become a link.
///
/// Allowed: `http://…`, `https://…` and `mailto:…` (scheme compared case-insensitively), and bare
/// web addresses such as `www.example.com` or `example.com/me`, which get `https://` in front.
/// Everything else — other schemes (`javascript:`, `file:`, `data:`), handles like `@name`, text with
/// spaces — is refused; the text can still be printed, just not linked.
pub fn link_target(url: &str) -> Option<String> {
    let u = url.trim();
    if u.is_empty()
        || u.len() > MAX_LINK_LEN
        || u.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let lower = u.to_ascii_lowercase();
    for scheme in ["http://", "https://"] {
        if lower.starts_with(scheme) {
            return looks_like_host(&u[scheme.len()..]).then(|| u.to_string());
        }
    }
    if let Some(rest) = lower.strip_prefix("mailto:") {
        return rest.contains('@').then(|| u.to_string());
    }
    if lower.starts_with("//") {
        return looks_like_host(&u[2..]).then(|| format!("https:{u}"));
    }
    // A bare address: no scheme, a host with a dot.
    // `x:` before the first `/` is a scheme unless it is `host:port`.
    let head = u.split(['/', '?', '#']).next().unwrap_or("");
    let has_scheme = head
        .split_once(':')
        .is_some_and(|(_, after)| after.is_empty() || !after.bytes().all(|b| b.is_ascii_digit()));
    if !has_scheme && looks_like_host(u) {
        return Some(format!("https://{u}"));
    }
    None
}

/// `host[:port][/…]` where host has a dot and only letters, digits, `-`, `.` (or is `localhost`).
fn looks_like_host(rest: &str) -> bool {
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let authority = authority.rsplit('@').next().unwrap_or(authority);
    let host = match authority.rsplit_once(':') {
        Some((h, port)) if port.bytes().all(|b| b.is_ascii_digit()) => h,
        _ => authority,
    };
    if host.eq_ignore_ascii_case("localhost") {
        return true;
    }
    let labels: Vec<&str> = host.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|tld| tld.chars().all(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::link_target;

    #[test]
    fn allows_web_and_mail_links_only() {
        assert_eq!(
            link_target("https://example.com/me").as_deref(),
            Some("https://example.com/me")
        );
        assert_eq!(
            link_target("HTTP://Example.com").as_deref(),
            Some("HTTP://Example.com")
        );
        assert_eq!(
            link_target("mailto:me@example.com").as_deref(),
            Some("mailto:me@example.com")
        );
        assert_eq!(
            link_target("www.example.com").as_deref(),
            Some("https://www.example.com")
        );
        assert_eq!(
            link_target("github.com/someone").as_deref(),
            Some("https://github.com/someone")
        );
        assert_eq!(
            link_target("https://bücher.de").as_deref(),
            Some("https://bücher.de")
        );
        assert_eq!(link_target("javascript:alert(1)"), None);
        assert_eq!(link_target("file:///etc/passwd"), None);
        assert_eq!(link_target("data:text/html,x"), None);
        assert_eq!(link_target("javascript:alert(document.cookie)"), None);
        assert_eq!(
            link_target("example.com:8080/x").as_deref(),
            Some("https://example.com:8080/x")
        );
        assert_eq!(link_target("@hbo"), None);
        assert_eq!(link_target("not a url"), None);
        assert_eq!(link_target("https://"), None);
        assert_eq!(link_target(""), None);
    }
}
