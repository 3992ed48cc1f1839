//! JSON paths and source positions.
//!
//! Paths are written the way the model writes them in its warnings (`$.work[2].startDate`, and
//! `$["x-key"]` for keys that are not plain identifiers), so that findings of the schema check and
//! of the model can be compared by path.

use std::collections::HashMap;

/// Appends `.key`, or `["key"]` when the key is not a plain identifier, to a JSON path.
pub(crate) fn push_key(path: &mut String, key: &str) {
    let mut chars = key.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if identifier {
        path.push('.');
        path.push_str(key);
    } else {
        path.push('[');
        // A JSON string literal: quotes and escapes as in the source.
        path.push_str(&serde_json::Value::from(key).to_string());
        path.push(']');
    }
}

/// Appends `[index]` to a JSON path.
pub(crate) fn push_index(path: &mut String, index: usize) {
    path.push('[');
    path.push_str(&index.to_string());
    path.push(']');
}

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

/// Where the value at each JSON path starts in the source: 1-based line and column (in characters).
///
/// `text` must be JSON that `serde_json` accepted (a leading byte-order mark already removed). With
/// duplicate keys the last one wins, as in `serde_json`. If the scan meets something unexpected it
/// stops and the map holds what was found up to there.
pub(crate) fn positions(text: &str) -> HashMap<String, (usize, usize)> {
    let mut scan = Scan {
        text,
        at: 0,
        line: 1,
        column: 1,
        found: HashMap::new(),
    };
    let mut path = String::from("$");
    // `None` only means the text was not what was expected; keep what was found.
    let _ = scan.value(&mut path);
    scan.found
}

/// A cursor over the text that keeps track of line and column.
struct Scan<'t> {
    text: &'t str,
    /// Byte offset of the next character.
    at: usize,
    line: usize,
    column: usize,
    found: HashMap<String, (usize, usize)>,
}

impl Scan<'_> {
    fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn blanks(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\r' | '\n')) {
            self.next();
        }
    }

    fn eat(&mut self, want: char) -> Option<()> {
        (self.next()? == want).then_some(())
    }

    /// Scans one value, recording its position under `path`. `None` stops the scan.
    fn value(&mut self, path: &mut String) -> Option<()> {
        self.blanks();
        self.found.insert(path.clone(), (self.line, self.column));
        match self.peek()? {
            '{' => self.object(path),
            '[' => self.array(path),
            '"' => self.string().map(drop),
            _ => {
                // A number, true, false or null: runs up to a delimiter.
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | ']' | '}' | ' ' | '\t' | '\r' | '\n'))
                {
                    self.next();
                }
                Some(())
            }
        }
    }

    fn object(&mut self, path: &mut String) -> Option<()> {
        self.eat('{')?;
        self.blanks();
        if self.peek()? == '}' {
            return self.eat('}');
        }
        loop {
            self.blanks();
            let key = self.string()?;
            self.blanks();
            self.eat(':')?;
            let len = path.len();
            push_key(path, &key);
            self.value(path)?;
            path.truncate(len);
            self.blanks();
            match self.next()? {
                ',' => {}
                '}' => return Some(()),
                _ => return None,
            }
        }
    }

    fn array(&mut self, path: &mut String) -> Option<()> {
        self.eat('[')?;
        self.blanks();
        if self.peek()? == ']' {
            return self.eat(']');
        }
        for index in 0.. {
            let len = path.len();
            push_index(path, index);
            self.value(path)?;
            path.truncate(len);
            self.blanks();
            match self.next()? {
                ',' => {}
                ']' => return Some(()),
                _ => return None,
            }
        }
        None
    }

    /// Scans a string literal and returns its decoded text.
    fn string(&mut self) -> Option<String> {
        let start = self.at;
        self.eat('"')?;
        let mut escapes = false;
        loop {
            match self.next()? {
                '"' => break,
                '\\' => {
                    escapes = true;
                    self.next()?;
                }
                _ => {}
            }
        }
        let literal = &self.text[start..self.at];
        if escapes {
            serde_json::from_str(literal).ok()
        } else {
            Some(literal[1..literal.len() - 1].to_string())
        }
    }
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

    #[test]
    fn finds_values_by_character_column() {
        let text = "{\n  \"basics\": {\"name\": \"Zoë\", \"k\\u0065y\": 1},\n  \"work\": [\n    {}, {\"hl\": [\"é\", null, -1.5e3]}\n  ]\n}";
        let map = positions(text);
        assert_eq!(map["$"], (1, 1));
        assert_eq!(map["$.basics"], (2, 13));
        assert_eq!(map["$.basics.name"], (2, 22));
        assert_eq!(map["$.basics.key"], (2, 41));
        assert_eq!(map["$.work"], (3, 11));
        assert_eq!(map["$.work[0]"], (4, 5));
        assert_eq!(map["$.work[1].hl"], (4, 16));
        assert_eq!(map["$.work[1].hl[1]"], (4, 22));
        assert_eq!(map["$.work[1].hl[2]"], (4, 28));
    }

    #[test]
    fn duplicate_keys_keep_the_last_position() {
        let map = positions("{\"a\": 1,\n \"a\": 2}");
        assert_eq!(map["$.a"], (2, 7));
    }
}
