//! JSON paths and where their values stand in the source: the model's locator (one definition of
//! the path format for the whole crate), plus walking a path up to its parents.

pub(crate) use crate::model::locate::{push_index, push_key};

/// The path one level up: `$.work[2].startDate` → `$.work[2]` → `$.work` → `$`; `None` for `$`.
pub(crate) fn parent(path: &str) -> Option<&str> {
    if path == "$" || path.is_empty() {
        return None;
    }
    if path.ends_with(']') {
        // `[index]` or `["key"]`: the last `[` that is not inside a quoted key. A quoted key may hold
        // `[`, so scan the bracket suffix from its start instead of searching backwards.
        let mut start = None;
        let mut in_string = false;
        let mut escaped = false;
        for (i, c) in path.char_indices() {
            if in_string {
                match (escaped, c) {
                    (true, _) => escaped = false,
                    (false, '\\') => escaped = true,
                    (false, '"') => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '[' | '.' => start = Some(i),
                _ => {}
            }
        }
        return start.map(|i| &path[..i]);
    }
    path.rfind('.').map(|i| &path[..i])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_use_dots_for_identifiers_and_brackets_otherwise() {
        let mut p = String::from("$");
        push_key(&mut p, "work");
        push_index(&mut p, 2);
        push_key(&mut p, "startDate");
        assert_eq!(p, "$.work[2].startDate");
        let mut q = String::from("$");
        push_key(&mut q, "x-lang");
        push_key(&mut q, "$schema");
        push_key(&mut q, "a\"b");
        assert_eq!(q, r#"$["x-lang"].$schema["a\"b"]"#);
    }

    #[test]
    fn parents_walk_up_to_the_root() {
        assert_eq!(parent("$.work[2].startDate"), Some("$.work[2]"));
        assert_eq!(parent("$.work[2]"), Some("$.work"));
        assert_eq!(parent("$.work"), Some("$"));
        assert_eq!(parent("$"), None);
        assert_eq!(parent(r#"$["a.b[1]"]"#), Some("$"));
        assert_eq!(parent(r#"$.x["a\"]"]"#), Some("$.x"));
    }
}
