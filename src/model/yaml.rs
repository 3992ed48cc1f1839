//! Reading a resume written in YAML: the same JSON Resume model, as a `serde_json::Value`, plus
//! the line and column of every value so that warnings are located as they are for JSON.
//!
//! The parser is `saphyr-parser`, the maintained successor of `yaml-rust`/`yaml-rust2` (serde_yaml
//! is no longer maintained, and its successors `serde_yaml_ng`/`serde_norway` give positions only
//! for errors). It is a pure-Rust YAML 1.2 event parser whose events carry their source span, which
//! is exactly what is needed to record where each value starts.
//!
//! Every JSON Resume value is text, a list or an object, so a plain scalar is read as text
//! (`2019`, `3.8` and `no` stay `"2019"`, `"3.8"` and `"no"`: no YAML 1.1 "Norway problem" and no
//! number-where-text-is-expected note), except `null`, `~` and an empty value, which are "not
//! given". Quoted and block scalars are always text. Anchors and aliases work; a document whose
//! aliases would expand beyond [`MAX_NODES`] values, or nests deeper than [`MAX_DEPTH`], is refused
//! rather than exhausting memory or the stack.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use serde_json::{Map, Value};

use super::diag::ParseError;
use super::locate::{index_path, key_path};

/// Deepest nesting of lists and mappings read (as `serde_json`'s recursion limit).
pub(crate) const MAX_DEPTH: usize = 128;

/// Most values a document may expand to through aliases.
pub(crate) const MAX_NODES: usize = 1_000_000;

/// A YAML document read as JSON: the value and the 1-based (line, column) of every value by path.
pub(crate) struct YamlDocument {
    pub(crate) value: Value,
    pub(crate) positions: HashMap<String, (usize, usize)>,
}

/// Reads the first document of `text` (a second document is an error).
pub(crate) fn read(text: &str) -> Result<YamlDocument, ParseError> {
    let mut reader = Reader {
        parser: Parser::new_from_str(text),
        positions: HashMap::new(),
        anchors: HashMap::new(),
        nodes: 0,
    };
    let value = reader.document()?;
    Ok(YamlDocument {
        value,
        positions: reader.positions,
    })
}

struct Reader<'t> {
    parser: Parser<'t, saphyr_parser::StrInput<'t>>,
    positions: HashMap<String, (usize, usize)>,
    /// Anchored values and how many values each holds.
    anchors: HashMap<usize, (Value, usize)>,
    /// Values read so far, aliases counted in full.
    nodes: usize,
}

impl<'t> Reader<'t> {
    fn next(&mut self) -> Result<(Event<'t>, Span), ParseError> {
        match self.parser.next_event() {
            Some(Ok(event)) => Ok(event),
            Some(Err(e)) => Err(scan_error(&e)),
            None => Err(ParseError::Empty),
        }
    }

    /// Stream start, document start, the root value, and then the end of the stream.
    fn document(&mut self) -> Result<Value, ParseError> {
        loop {
            match self.next()? {
                (Event::StreamStart, _) => {}
                (Event::DocumentStart(_), _) => break,
                (Event::StreamEnd, _) => return Err(ParseError::Empty),
                (_, span) => return Err(syntax(span, "expected a YAML document")),
            }
        }
        let (event, span) = self.next()?;
        let path = String::from("$");
        let value = self.value(event, span, &path, 0)?;
        loop {
            match self.next()? {
                (Event::DocumentEnd, _) => {}
                (Event::StreamEnd, _) => return Ok(value),
                (_, span) => {
                    return Err(syntax(
                        span,
                        "a second YAML document (after `---`); a resume is one document",
                    ));
                }
            }
        }
    }

    fn value(
        &mut self,
        event: Event<'t>,
        span: Span,
        path: &str,
        depth: usize,
    ) -> Result<Value, ParseError> {
        self.positions.insert(path.to_string(), position(span));
        self.count(1, span)?;
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let value = scalar(&text, style, tag.is_some());
                self.remember(anchor, &value, 1);
                Ok(value)
            }
            Event::Alias(id) => match self.anchors.get(&id) {
                Some((value, size)) => {
                    let (value, size) = (value.clone(), *size);
                    self.count(size, span)?;
                    Ok(value)
                }
                None => Err(syntax(
                    span,
                    "an alias (`*name`) to an anchor not defined before it",
                )),
            },
            Event::SequenceStart(anchor, _) => {
                let start = self.nodes;
                let value = self.sequence(span, path, depth + 1)?;
                self.remember(anchor, &value, self.nodes - start);
                Ok(value)
            }
            Event::MappingStart(anchor, _) => {
                let start = self.nodes;
                let value = self.mapping(span, path, depth + 1)?;
                self.remember(anchor, &value, self.nodes - start);
                Ok(value)
            }
            _ => Err(syntax(span, "expected a value")),
        }
    }

    fn sequence(&mut self, span: Span, path: &str, depth: usize) -> Result<Value, ParseError> {
        check_depth(depth, span)?;
        let mut items = Vec::new();
        loop {
            let (event, span) = self.next()?;
            if event == Event::SequenceEnd {
                return Ok(Value::Array(items));
            }
            let item_path = index_path(path, items.len());
            items.push(self.value(event, span, &item_path, depth)?);
        }
    }

    fn mapping(&mut self, span: Span, path: &str, depth: usize) -> Result<Value, ParseError> {
        check_depth(depth, span)?;
        let mut object = Map::new();
        loop {
            let (event, key_span) = self.next()?;
            let key = match event {
                Event::MappingEnd => return Ok(Value::Object(object)),
                Event::Scalar(text, ..) => text.into_owned(),
                _ => {
                    return Err(syntax(
                        key_span,
                        "a key must be plain text such as `name:`, not a list or mapping",
                    ));
                }
            };
            let (event, span) = self.next()?;
            let value_path = key_path(path, &key);
            let value = self.value(event, span, &value_path, depth)?;
            object.insert(key, value);
        }
    }

    fn remember(&mut self, anchor: usize, value: &Value, size: usize) {
        if anchor != 0 {
            self.anchors.insert(anchor, (value.clone(), size));
        }
    }

    fn count(&mut self, nodes: usize, span: Span) -> Result<(), ParseError> {
        self.nodes = self.nodes.saturating_add(nodes);
        if self.nodes > MAX_NODES {
            return Err(syntax(
                span,
                &format!("aliases expand this document to more than {MAX_NODES} values"),
            ));
        }
        Ok(())
    }
}

/// A scalar's JSON value: `null`/`~`/empty plain scalars are null, everything else is text.
fn scalar(text: &str, style: ScalarStyle, tagged: bool) -> Value {
    let null = style == ScalarStyle::Plain
        && !tagged
        && matches!(text, "" | "~" | "null" | "Null" | "NULL");
    if null {
        Value::Null
    } else {
        Value::String(text.to_string())
    }
}

fn check_depth(depth: usize, span: Span) -> Result<(), ParseError> {
    if depth > MAX_DEPTH {
        return Err(syntax(
            span,
            &format!("lists and mappings nest more than {MAX_DEPTH} deep"),
        ));
    }
    Ok(())
}

/// 1-based line and column of the start of `span`.
fn position(span: Span) -> (usize, usize) {
    (span.start.line().max(1), span.start.col() + 1)
}

fn syntax(span: Span, message: &str) -> ParseError {
    let (line, column) = position(span);
    ParseError::Syntax {
        line,
        column,
        message: format!("YAML: {message}"),
    }
}

fn scan_error(error: &ScanError) -> ParseError {
    let marker = error.marker();
    let hint = if error.info().contains("tab") {
        " (indent YAML with spaces, not tabs)"
    } else {
        ""
    };
    ParseError::Syntax {
        line: marker.line().max(1),
        column: marker.col() + 1,
        message: format!("YAML: {}{hint}", error.info()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_positions() {
        let text = "basics:\n  name: Zoë\n  phone: 0123\nwork:\n  - name: Acme\n    startDate: 2019-05\n    summary: ~\n    highlights: [a, 'b']\n";
        let doc = read(text).unwrap();
        assert_eq!(doc.value["basics"]["name"], "Zoë");
        assert_eq!(doc.value["basics"]["phone"], "0123");
        assert_eq!(doc.value["work"][0]["startDate"], "2019-05");
        assert_eq!(doc.value["work"][0]["summary"], Value::Null);
        assert_eq!(doc.value["work"][0]["highlights"][1], "b");
        assert_eq!(doc.positions["$.basics.name"], (2, 9));
        assert_eq!(doc.positions["$.work[0].startDate"], (6, 16));
        assert_eq!(doc.positions["$.work[0].highlights[1]"], (8, 21));
    }

    #[test]
    fn aliases_are_copied_and_bounded() {
        let doc = read("a: &x {k: v}\nb: *x\n").unwrap();
        assert_eq!(doc.value["b"]["k"], "v");
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (name, prev) in ["b", "c", "d", "e", "f", "g", "h"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g"])
        {
            bomb.push_str(&format!("{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        let error = read(&bomb).err().unwrap().to_string();
        assert!(error.contains("more than"), "{error}");
    }

    #[test]
    fn errors_are_located() {
        let error = read("basics:\n  name: [a\n").err().unwrap();
        assert!(error.position().is_some(), "{error}");
        assert!(error.to_string().contains("YAML"), "{error}");
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        assert!(read(&deep).err().unwrap().to_string().contains("nest"));
        let two = read("a: 1\n---\nb: 2\n").err().unwrap().to_string();
        assert!(two.contains("second YAML document"), "{two}");
    }
}
