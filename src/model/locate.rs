//! JSON paths (`$.work[2].startDate`) and a small scanner that finds where each value starts in the
//! source text, so warnings can carry a line and column.

use std::collections::{HashMap, HashSet};

/// Appends `.key` (or `["key"]` when the key is not a plain identifier) to a JSON path.
pub(crate) fn push_key(path: &mut String, key: &str) {
    let plain = key
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&serde_json::Value::String(key.to_string()).to_string());
        path.push(']');
    }
}

/// Appends `[index]` to a JSON path.
pub(crate) fn push_index(path: &mut String, index: usize) {
    path.push('[');
    path.push_str(&index.to_string());
    path.push(']');
}

/// `path` + `.key`.
pub(crate) fn key_path(path: &str, key: &str) -> String {
    let mut p = path.to_string();
    push_key(&mut p, key);
    p
}

/// `path` + `[index]`.
pub(crate) fn index_path(path: &str, index: usize) -> String {
    let mut p = path.to_string();
    push_index(&mut p, index);
    p
}

/// The 1-based line and column (in characters) at which the value at each of the JSON `paths`
/// starts (paths not found are left out).
///
/// Built by one pass over text that `serde_json` has already accepted; on anything unexpected the
/// scan stops and the map holds what was found so far. With duplicate keys the last one wins, as in
/// `serde_json`. Only the paths asked for are kept: recording every value's path took memory in
/// proportion to the number of values times their depth (2 GB for an 8 MB file of nested arrays).
pub(crate) fn locate_paths(text: &str, paths: &HashSet<&str>) -> HashMap<String, (usize, usize)> {
    scan(text, Some(paths))
}

/// [`locate_paths`] for every value in the text.
#[cfg(test)]
pub(crate) fn locate_all(text: &str) -> HashMap<String, (usize, usize)> {
    scan(text, None)
}

fn scan(text: &str, wanted: Option<&HashSet<&str>>) -> HashMap<String, (usize, usize)> {
    let mut scanner = Scanner {
        chars: text.chars().collect(),
        pos: 0,
        line: 1,
        col: 1,
        map: HashMap::new(),
        wanted,
    };
    let mut path = String::from("$");
    let _ = scanner.value(&mut path);
    scanner.map
}

/// 1-based line and column (in characters) of the first non-blank character, or (1, 1).
pub(crate) fn first_value_position(text: &str) -> (usize, usize) {
    let mut line = 1;
    let mut col = 1;
    for c in text.chars() {
        match c {
            '\n' => {
                line += 1;
                col = 1;
            }
            c if c.is_whitespace() => col += 1,
            _ => break,
        }
    }
    (line, col)
}

/// Converts `serde_json`'s column (the 1-based byte position of the offending character on a
/// 1-based line) to a 1-based character column.
pub(crate) fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column;
    };
    let mut end = byte_column.saturating_sub(1).min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    line_text[..end].chars().count() + 1
}

struct Scanner<'w> {
    chars: Vec<char>,
    pos: usize,
    line: usize,
    col: usize,
    map: HashMap<String, (usize, usize)>,
    /// The paths to record; `None` records all.
    wanted: Option<&'w HashSet<&'w str>>,
}

/// Marker for "stop scanning"; the input was not what was expected.
struct Stop;

impl Scanner<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while self
            .peek()
            .is_some_and(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{feff}'))
        {
            self.bump();
        }
    }

    fn expect(&mut self, want: char) -> Result<(), Stop> {
        if self.bump() == Some(want) {
            Ok(())
        } else {
            Err(Stop)
        }
    }

    fn value(&mut self, path: &mut String) -> Result<(), Stop> {
        self.skip_ws();
        if self
            .wanted
            .is_none_or(|wanted| wanted.contains(path.as_str()))
        {
            self.map.insert(path.clone(), (self.line, self.col));
        }
        match self.peek().ok_or(Stop)? {
            '{' => self.object(path),
            '[' => self.array(path),
            '"' => self.string().map(|_| ()),
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, ',' | ']' | '}' | ' ' | '\t' | '\n' | '\r'))
                {
                    self.bump();
                }
                Ok(())
            }
        }
    }

    fn object(&mut self, path: &mut String) -> Result<(), Stop> {
        self.expect('{')?;
        self.skip_ws();
        if self.peek() == Some('}') {
            self.bump();
            return Ok(());
        }
        loop {
            self.skip_ws();
            let key = self.string()?;
            self.skip_ws();
            self.expect(':')?;
            let len = path.len();
            push_key(path, &key);
            self.value(path)?;
            path.truncate(len);
            self.skip_ws();
            match self.bump() {
                Some(',') => continue,
                Some('}') => return Ok(()),
                _ => return Err(Stop),
            }
        }
    }

    fn array(&mut self, path: &mut String) -> Result<(), Stop> {
        self.expect('[')?;
        self.skip_ws();
        if self.peek() == Some(']') {
            self.bump();
            return Ok(());
        }
        let mut index = 0;
        loop {
            let len = path.len();
            push_index(path, index);
            self.value(path)?;
            path.truncate(len);
            index += 1;
            self.skip_ws();
            match self.bump() {
                Some(',') => continue,
                Some(']') => return Ok(()),
                _ => return Err(Stop),
            }
        }
    }

    /// Reads a string literal and returns its decoded content.
    fn string(&mut self) -> Result<String, Stop> {
        let start = self.pos;
        self.expect('"')?;
        let mut escaped = false;
        loop {
            match self.bump().ok_or(Stop)? {
                '\\' => {
                    escaped = true;
                    self.bump().ok_or(Stop)?;
                }
                '"' => break,
                _ => {}
            }
        }
        let raw: String = self.chars[start..self.pos].iter().collect();
        if escaped {
            serde_json::from_str(&raw).map_err(|_| Stop)
        } else {
            Ok(raw[1..raw.len() - 1].to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_formatted_like_jsonpath() {
        let mut p = String::from("$");
        push_key(&mut p, "work");
        push_index(&mut p, 2);
        push_key(&mut p, "startDate");
        assert_eq!(p, "$.work[2].startDate");
        assert_eq!(key_path("$", "x-lang"), "$[\"x-lang\"]");
        assert_eq!(key_path("$", "$schema"), "$.$schema");
    }

    #[test]
    fn locates_values_with_unicode_and_escapes() {
        let text = "{\n  \"basics\": {\"name\": \"Zoë\", \"a\\u0062\": 1},\n  \"work\": [\n    {}, {\"x\": [1, \"é\", null]}\n  ]\n}";
        let map = locate_all(text);
        assert_eq!(map["$"], (1, 1));
        assert_eq!(map["$.basics"], (2, 13));
        assert_eq!(map["$.basics.name"], (2, 22));
        assert_eq!(map["$.basics.ab"], (2, 40));
        assert_eq!(map["$.work"], (3, 11));
        assert_eq!(map["$.work[0]"], (4, 5));
        assert_eq!(map["$.work[1].x"], (4, 15));
        assert_eq!(map["$.work[1].x[1]"], (4, 19));
        assert_eq!(map["$.work[1].x[2]"], (4, 24));
    }

    /// Issue #5: only the paths asked for are kept, so a file of millions of deeply nested values
    /// costs no more memory than the warnings about it.
    #[test]
    fn only_the_wanted_paths_are_recorded() {
        let deep = format!(
            "{{\"x\": {}1, 2, \"three\"{}}}",
            "[".repeat(100),
            "]".repeat(100)
        );
        let wanted = format!("$.x{}[2]", "[0]".repeat(99));
        let map = locate_paths(&deep, &HashSet::from([wanted.as_str(), "$.nowhere"]));
        assert_eq!(map.len(), 1, "{:?}", map.keys());
        assert_eq!(map[&wanted], (1, 113));
        assert_eq!(locate_all(&deep).len(), 1 + 1 + 100 + 2);
    }

    #[test]
    fn byte_columns_become_character_columns() {
        let text = "{\n\"ä\": 1 x}";
        // serde_json reports `x` at byte 9 of line 2; it is character 8.
        assert_eq!(char_column(text, 2, 9), 8);
        assert_eq!(char_column(text, 1, 1), 1);
    }
}
