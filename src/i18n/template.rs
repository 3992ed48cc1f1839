//! `{name}`-style placeholders in translation templates.

/// The placeholder names in `template`, in order of appearance (repeats included).
///
/// A placeholder is `{` + one or more of `a-z` and `_` + `}`; other braces are plain text.
pub(crate) fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match placeholder_at(after) {
            Some(name) => {
                found.push(name);
                rest = &after[name.len() + 1..];
            }
            None => rest = after,
        }
    }
    found
}

/// Replaces each placeholder named in `values` by its value, in one pass: text coming from a value
/// is never read again, and placeholders not in `values` are left as they are.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = placeholder_at(after)
            .and_then(|name| values.iter().find(|(key, _)| *key == name))
            .map(|(key, value)| (key.len(), *value));
        match value {
            Some((len, value)) => {
                out.push_str(value);
                rest = &after[len + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The name of the placeholder whose `{` comes just before `text`, if `text` starts with `name}`.
fn placeholder_at(text: &str) -> Option<&str> {
    let len = text
        .bytes()
        .take_while(|b| b.is_ascii_lowercase() || *b == b'_')
        .count();
    (len > 0 && text.as_bytes().get(len) == Some(&b'}')).then(|| &text[..len])
}
