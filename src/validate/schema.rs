//! A small JSON Schema (draft-07) validator covering exactly the keywords of the JSON Resume schema.
//!
//! Supported: `$ref` (to `#` or a JSON pointer inside the same document, such as
//! `#/definitions/iso8601`; per draft-07 its sibling keywords are then ignored), `definitions`,
//! `type` (a name or a list of names), `properties`, `additionalProperties`, `items` (one schema
//! or a list), `additionalItems`, `pattern` (see [`super::regex`]) and `format` (`uri`, `email`;
//! reported as [`Kind::Format`], which the caller treats as a warning: in draft-07 `format` is an
//! annotation unless a validator opts in, and the JSON Resume fixtures rely on that), plus boolean
//! schemas. The annotations `$schema`, `$id`, `$comment`, `title`, `description`, `default` and
//! `examples` are accepted and ignored.
//!
//! Any other keyword, format or reference makes [`Schema::compile`] fail instead of being skipped,
//! so a schema update that needs more cannot go unnoticed.

use std::collections::HashMap;
use std::fmt;

use serde_json::{Map, Value};

use super::locate::{push_index, push_key};
use super::regex::Regex;

/// The keywords that carry no validation.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "title",
    "description",
    "default",
    "examples",
];

/// The keywords [`Schema`] checks.
pub(crate) const SUPPORTED: &[&str] = &[
    "$ref",
    "definitions",
    "type",
    "properties",
    "additionalProperties",
    "items",
    "additionalItems",
    "pattern",
    "format",
];

/// The JSON types of the `type` keyword.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum JsonType {
    Null,
    Boolean,
    Object,
    Array,
    Number,
    Integer,
    String,
}

impl JsonType {
    fn from_name(name: &str) -> Option<JsonType> {
        Some(match name {
            "null" => JsonType::Null,
            "boolean" => JsonType::Boolean,
            "object" => JsonType::Object,
            "array" => JsonType::Array,
            "number" => JsonType::Number,
            "integer" => JsonType::Integer,
            "string" => JsonType::String,
            _ => return None,
        })
    }

    fn accepts(self, value: &Value) -> bool {
        match (self, value) {
            (JsonType::Null, Value::Null)
            | (JsonType::Boolean, Value::Bool(_))
            | (JsonType::Object, Value::Object(_))
            | (JsonType::Array, Value::Array(_))
            | (JsonType::Number, Value::Number(_))
            | (JsonType::String, Value::String(_)) => true,
            (JsonType::Integer, Value::Number(n)) => {
                n.is_i64() || n.is_u64() || n.as_f64().is_some_and(|f| f.fract() == 0.0)
            }
            _ => false,
        }
    }

    /// "a string", "an object", … for messages.
    pub(crate) fn article_name(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "true or false",
            JsonType::Object => "an object",
            JsonType::Array => "an array",
            JsonType::Number => "a number",
            JsonType::Integer => "a whole number",
            JsonType::String => "a string",
        }
    }
}

/// The formats [`Schema`] knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// An absolute URI (RFC 3986): a scheme, `:`, and no blanks.
    Uri,
    /// An e-mail address: `local@domain`.
    Email,
}

impl Format {
    fn from_name(name: &str) -> Option<Format> {
        match name {
            "uri" => Some(Format::Uri),
            "email" => Some(Format::Email),
            _ => None,
        }
    }

    fn accepts(self, text: &str) -> bool {
        match self {
            Format::Uri => is_uri(text),
            Format::Email => is_email(text),
        }
    }
}

/// RFC 3986 `absolute-URI`, loosely: `scheme ":" rest`, where the scheme is a letter followed by
/// letters, digits, `+`, `-` or `.`, and the rest has no blanks, controls, `"`, `<`, `>`, `\`, `^`,
/// `` ` ``, `{`, `|` or `}` (non-ASCII is allowed, as IRIs do).
fn is_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    let mut scheme_chars = scheme.chars();
    scheme_chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && scheme_chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && rest.chars().all(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '{' | '|' | '}')
        })
}

/// `local@domain`: one `@`, a non-empty local part, a domain of dot-separated labels, no blanks.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.contains(['@', ' '])
        && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        && !domain.is_empty()
        && domain.split('.').all(|label| {
            !label.is_empty() && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Why a schema could not be compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SchemaError {
    /// JSON pointer of the offending schema, e.g. `#/properties/work`.
    pub(crate) pointer: String,
    /// What is wrong.
    pub(crate) message: String,
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.pointer, self.message)
    }
}

/// A compiled schema: nodes in an arena, so that `$ref` cycles are harmless.
#[derive(Debug)]
pub(crate) struct Schema {
    nodes: Vec<Node>,
}

#[derive(Debug, Default)]
enum Node {
    /// `true` (or a schema not compiled yet).
    #[default]
    True,
    False,
    /// `$ref`: validate against the target only.
    Ref {
        pointer: String,
        target: usize,
    },
    Checks(Box<Checks>),
}

#[derive(Debug, Default)]
struct Checks {
    types: Option<Vec<JsonType>>,
    properties: Vec<(String, usize)>,
    additional_properties: Option<usize>,
    items: Items,
    additional_items: Option<usize>,
    pattern: Option<(String, Regex)>,
    format: Option<Format>,
}

#[derive(Debug, Default)]
enum Items {
    #[default]
    None,
    All(usize),
    Each(Vec<usize>),
}

/// What a value failed.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    /// `type`: the value is none of these.
    Type(Vec<JsonType>),
    /// `pattern`: the text does not match this pattern.
    Pattern(String),
    /// `format`: the text is not of this format (an annotation in draft-07: a warning).
    Format(Format),
    /// A `false` schema: nothing is allowed here.
    False,
    /// `additionalProperties: false` (or a `false` schema for the key): this key is not allowed.
    ExtraProperty,
    /// `additionalItems: false`: only this many items are allowed.
    ExtraItem(usize),
}

/// One failed check, at one value.
#[derive(Clone, Debug)]
pub(crate) struct Finding<'v> {
    /// JSON path of the value (see [`super::locate`]).
    pub(crate) path: String,
    /// The value.
    pub(crate) value: &'v Value,
    /// What it failed.
    pub(crate) kind: Kind,
    /// The innermost `$ref` followed to reach the failed check, e.g. `#/definitions/iso8601`.
    pub(crate) via: Option<String>,
}

/// A value that was checked against the target of a `$ref`, e.g. every value the schema says is an
/// `#/definitions/iso8601` date, whether it passed or not.
#[derive(Clone, Debug)]
pub(crate) struct RefUse<'v> {
    /// JSON path of the value.
    pub(crate) path: String,
    /// The value.
    pub(crate) value: &'v Value,
    /// The reference, as written in the schema.
    pub(crate) pointer: String,
}

/// Everything a validation found.
#[derive(Clone, Debug, Default)]
pub(crate) struct Outcome<'v> {
    /// Failed checks, in document order of the schema walk.
    pub(crate) findings: Vec<Finding<'v>>,
    /// Values checked against a `$ref` target.
    pub(crate) ref_uses: Vec<RefUse<'v>>,
}

impl Schema {
    /// Compiles a draft-07 schema document.
    ///
    /// # Errors
    ///
    /// A keyword, `type` name, `format` or `$ref` this validator does not support, a malformed
    /// keyword value, or a `pattern` it cannot compile.
    pub(crate) fn compile(document: &Value) -> Result<Schema, SchemaError> {
        let mut compiler = Compiler {
            document,
            nodes: Vec::new(),
            by_pointer: HashMap::new(),
        };
        compiler.node(document, "#".to_string())?;
        Ok(Schema {
            nodes: compiler.nodes,
        })
    }

    /// Checks `value` against the schema; the root value's path is `$`.
    pub(crate) fn validate<'v>(&self, value: &'v Value) -> Outcome<'v> {
        let mut outcome = Outcome::default();
        let mut path = String::from("$");
        self.check(0, value, &mut path, None, &mut outcome);
        outcome
    }

    fn check<'v>(
        &self,
        node: usize,
        value: &'v Value,
        path: &mut String,
        via: Option<&str>,
        out: &mut Outcome<'v>,
    ) {
        let fail = |out: &mut Outcome<'v>, path: &str, value: &'v Value, kind: Kind| {
            out.findings.push(Finding {
                path: path.to_string(),
                value,
                kind,
                via: via.map(str::to_string),
            });
        };
        let checks = match &self.nodes[node] {
            Node::True => return,
            Node::False => return fail(out, path, value, Kind::False),
            Node::Ref { pointer, target } => {
                out.ref_uses.push(RefUse {
                    path: path.clone(),
                    value,
                    pointer: pointer.clone(),
                });
                return self.check(*target, value, path, Some(pointer), out);
            }
            Node::Checks(checks) => checks,
        };
        if let Some(types) = &checks.types
            && !types.iter().any(|t| t.accepts(value))
        {
            fail(out, path, value, Kind::Type(types.clone()));
        }
        match value {
            Value::String(text) => {
                if let Some((source, regex)) = &checks.pattern
                    && !regex.is_match(text)
                {
                    fail(out, path, value, Kind::Pattern(source.clone()));
                }
                if let Some(format) = checks.format
                    && !format.accepts(text)
                {
                    fail(out, path, value, Kind::Format(format));
                }
            }
            Value::Object(map) => self.check_object(checks, map, path, via, out),
            Value::Array(items) => {
                let len = path.len();
                for (i, item) in items.iter().enumerate() {
                    let schema = match &checks.items {
                        Items::None => None,
                        Items::All(s) => Some(*s),
                        Items::Each(list) => list.get(i).copied().or(checks.additional_items),
                    };
                    let Some(schema) = schema else { continue };
                    push_index(path, i);
                    if matches!(self.nodes[schema], Node::False) {
                        let allowed = match &checks.items {
                            Items::Each(list) => list.len(),
                            _ => 0,
                        };
                        fail(out, path, item, Kind::ExtraItem(allowed));
                    } else {
                        self.check(schema, item, path, via, out);
                    }
                    path.truncate(len);
                }
            }
            _ => {}
        }
    }

    fn check_object<'v>(
        &self,
        checks: &Checks,
        map: &'v Map<String, Value>,
        path: &mut String,
        via: Option<&str>,
        out: &mut Outcome<'v>,
    ) {
        let len = path.len();
        for (key, value) in map {
            let schema = checks
                .properties
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, s)| *s)
                .or(checks.additional_properties);
            let Some(schema) = schema else { continue };
            push_key(path, key);
            if matches!(self.nodes[schema], Node::False)
                && checks.additional_properties == Some(schema)
            {
                out.findings.push(Finding {
                    path: path.clone(),
                    value,
                    kind: Kind::ExtraProperty,
                    via: via.map(str::to_string),
                });
            } else {
                self.check(schema, value, path, via, out);
            }
            path.truncate(len);
        }
    }
}

struct Compiler<'d> {
    document: &'d Value,
    nodes: Vec<Node>,
    /// Nodes already made for a `$ref` target, by pointer.
    by_pointer: HashMap<String, usize>,
}

impl Compiler<'_> {
    fn error(pointer: &str, message: impl Into<String>) -> SchemaError {
        SchemaError {
            pointer: pointer.to_string(),
            message: message.into(),
        }
    }

    /// Compiles the schema `value` found at `pointer`, returning its node.
    fn node(&mut self, value: &Value, pointer: String) -> Result<usize, SchemaError> {
        let id = self.nodes.len();
        self.nodes.push(Node::True);
        self.by_pointer.entry(pointer.clone()).or_insert(id);
        let node = match value {
            Value::Bool(true) => Node::True,
            Value::Bool(false) => Node::False,
            Value::Object(map) => self.object(map, &pointer)?,
            _ => {
                return Err(Self::error(
                    &pointer,
                    "a schema must be an object or a boolean",
                ));
            }
        };
        self.nodes[id] = node;
        Ok(id)
    }

    fn object(&mut self, map: &Map<String, Value>, pointer: &str) -> Result<Node, SchemaError> {
        for key in map.keys() {
            if !SUPPORTED.contains(&key.as_str()) && !ANNOTATIONS.contains(&key.as_str()) {
                return Err(Self::error(
                    pointer,
                    format!("the keyword `{key}` is not supported by this validator"),
                ));
            }
        }
        // Definitions are compiled when a `$ref` reaches them, but must be schemas.
        if let Some(definitions) = map.get("definitions") {
            let Value::Object(defs) = definitions else {
                return Err(Self::error(pointer, "`definitions` must be an object"));
            };
            for (name, def) in defs {
                if !matches!(def, Value::Object(_) | Value::Bool(_)) {
                    return Err(Self::error(
                        &format!("{pointer}/definitions/{}", escape_pointer(name)),
                        "a schema must be an object or a boolean",
                    ));
                }
            }
        }
        if let Some(reference) = map.get("$ref") {
            let Value::String(reference) = reference else {
                return Err(Self::error(pointer, "`$ref` must be a string"));
            };
            let target = self.reference(reference, pointer)?;
            return Ok(Node::Ref {
                pointer: reference.clone(),
                target,
            });
        }
        let mut checks = Checks::default();
        if let Some(types) = map.get("type") {
            let names: Vec<&Value> = match types {
                Value::Array(list) => list.iter().collect(),
                one => vec![one],
            };
            let mut parsed = Vec::new();
            for name in names {
                let t = name.as_str().and_then(JsonType::from_name).ok_or_else(|| {
                    Self::error(pointer, format!("`type` {name} is not a JSON Schema type"))
                })?;
                parsed.push(t);
            }
            checks.types = Some(parsed);
        }
        if let Some(properties) = map.get("properties") {
            let Value::Object(properties) = properties else {
                return Err(Self::error(pointer, "`properties` must be an object"));
            };
            for (name, schema) in properties {
                let at = format!("{pointer}/properties/{}", escape_pointer(name));
                let node = self.node(schema, at)?;
                checks.properties.push((name.clone(), node));
            }
        }
        if let Some(schema) = map.get("additionalProperties") {
            let at = format!("{pointer}/additionalProperties");
            checks.additional_properties = Some(self.node(schema, at)?);
        }
        match map.get("items") {
            None => {}
            Some(Value::Array(list)) => {
                let mut nodes = Vec::new();
                for (i, schema) in list.iter().enumerate() {
                    nodes.push(self.node(schema, format!("{pointer}/items/{i}"))?);
                }
                checks.items = Items::Each(nodes);
            }
            Some(schema) => {
                checks.items = Items::All(self.node(schema, format!("{pointer}/items"))?);
            }
        }
        // Draft-07: `additionalItems` only applies when `items` is a list.
        if let Some(schema) = map.get("additionalItems") {
            let node = self.node(schema, format!("{pointer}/additionalItems"))?;
            if matches!(checks.items, Items::Each(_)) {
                checks.additional_items = Some(node);
            }
        }
        if let Some(pattern) = map.get("pattern") {
            let Value::String(pattern) = pattern else {
                return Err(Self::error(pointer, "`pattern` must be a string"));
            };
            let regex = Regex::new(pattern)
                .map_err(|e| Self::error(pointer, format!("`pattern` {pattern:?}: {e}")))?;
            checks.pattern = Some((pattern.clone(), regex));
        }
        if let Some(format) = map.get("format") {
            let f = format.as_str().and_then(Format::from_name).ok_or_else(|| {
                Self::error(pointer, format!("`format` {format} is not supported"))
            })?;
            checks.format = Some(f);
        }
        Ok(Node::Checks(Box::new(checks)))
    }

    /// The node for a `$ref` inside this document, compiling its target on first use.
    fn reference(&mut self, reference: &str, from: &str) -> Result<usize, SchemaError> {
        let Some(fragment) = reference.strip_prefix('#') else {
            return Err(Self::error(
                from,
                format!(
                    "`$ref` {reference:?}: only references inside the schema (`#…`) are supported"
                ),
            ));
        };
        let pointer = format!("#{fragment}");
        if let Some(&id) = self.by_pointer.get(&pointer) {
            return Ok(id);
        }
        let target = self
            .document
            .pointer(fragment)
            .ok_or_else(|| Self::error(from, format!("`$ref` {reference:?} points to nothing")))?;
        self.node(target, pointer)
    }
}

/// Escapes a key for a JSON pointer (`~` → `~0`, `/` → `~1`).
fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn compile(schema: Value) -> Schema {
        match Schema::compile(&schema) {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    fn kinds(schema: &Schema, value: &Value) -> Vec<(String, Kind)> {
        schema
            .validate(value)
            .findings
            .into_iter()
            .map(|f| (f.path, f.kind))
            .collect()
    }

    #[test]
    fn types_properties_and_items() {
        let s = compile(json!({
            "type": "object",
            "properties": {
                "a": {"type": ["string", "null"]},
                "n": {"type": "integer"},
                "list": {"type": "array", "items": {"type": "string"}}
            }
        }));
        assert_eq!(
            kinds(&s, &json!({"a": null, "n": 2.0, "list": ["x"]})),
            vec![]
        );
        assert_eq!(
            kinds(
                &s,
                &json!({"a": 1, "n": 2.5, "list": ["x", 3, {}], "other": 1})
            ),
            vec![
                (
                    "$.a".to_string(),
                    Kind::Type(vec![JsonType::String, JsonType::Null])
                ),
                ("$.list[1]".to_string(), Kind::Type(vec![JsonType::String])),
                ("$.list[2]".to_string(), Kind::Type(vec![JsonType::String])),
                ("$.n".to_string(), Kind::Type(vec![JsonType::Integer])),
            ]
        );
        assert_eq!(
            kinds(&s, &json!([])),
            vec![("$".to_string(), Kind::Type(vec![JsonType::Object]))]
        );
    }

    #[test]
    fn additional_properties_and_items() {
        let s = compile(json!({
            "properties": {"t": {"items": [{"type": "string"}], "additionalItems": false}},
            "additionalProperties": false
        }));
        assert_eq!(
            kinds(&s, &json!({"t": ["a", "b"], "x-y": 1})),
            vec![
                ("$.t[1]".to_string(), Kind::ExtraItem(1)),
                ("$[\"x-y\"]".to_string(), Kind::ExtraProperty),
            ]
        );
        // With one schema for all items, additionalItems has no effect (draft-07).
        let s = compile(json!({"items": {"type": "string"}, "additionalItems": false}));
        assert_eq!(kinds(&s, &json!(["a", "b"])), vec![]);
        let s = compile(json!({"additionalProperties": {"type": "number"}}));
        assert_eq!(
            kinds(&s, &json!({"k": "v"})),
            vec![("$.k".to_string(), Kind::Type(vec![JsonType::Number]))]
        );
    }

    #[test]
    fn refs_patterns_and_formats() {
        let s = compile(json!({
            "definitions": {"year": {"type": "string", "pattern": "^[0-9]{4}$"}},
            "properties": {
                "y": {"$ref": "#/definitions/year", "type": "number"},
                "u": {"type": "string", "format": "uri"},
                "e": {"type": "string", "format": "email"},
                "self": {"$ref": "#"}
            }
        }));
        let value = json!({"y": "19", "u": "www.x.org", "e": "a@b.c", "self": {"y": 5}});
        let outcome = s.validate(&value);
        let found: Vec<_> = outcome
            .findings
            .iter()
            .map(|f| (f.path.as_str(), f.kind.clone(), f.via.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "$.self.y",
                    Kind::Type(vec![JsonType::String]),
                    Some("#/definitions/year")
                ),
                ("$.u", Kind::Format(Format::Uri), None),
                (
                    "$.y",
                    Kind::Pattern("^[0-9]{4}$".to_string()),
                    Some("#/definitions/year")
                ),
            ]
        );
        let uses: Vec<_> = outcome.ref_uses.iter().map(|u| u.path.as_str()).collect();
        assert_eq!(uses, vec!["$.self", "$.self.y", "$.y"]);
    }

    #[test]
    fn formats() {
        for ok in [
            "https://example.com/a?b=c#d",
            "mailto:me@x.org",
            "urn:isbn:123",
            "foo:bar",
        ] {
            assert!(is_uri(ok), "{ok}");
        }
        for bad in [
            "",
            "example.com",
            "@hbo",
            "foo-bar-baz",
            "http://a b",
            "1http://x",
            ":x",
        ] {
            assert!(!is_uri(bad), "{bad}");
        }
        for ok in [
            "richard.hendriks@mail.com",
            "a+b@sub.example.org",
            "ü@bücher.de",
        ] {
            assert!(is_email(ok), "{ok}");
        }
        for bad in [
            "",
            "me",
            "@x.org",
            "me@",
            "me@x..org",
            "a b@x.org",
            "me@x.org ",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn unknown_keywords_formats_and_refs_are_refused() {
        for schema in [
            json!({"required": ["a"]}),
            json!({"format": "date"}),
            json!({"$ref": "other.json#/x"}),
            json!({"$ref": "#/definitions/missing"}),
            json!({"type": "text"}),
            json!({"pattern": "(?=x)"}),
            json!({"properties": {"a": 3}}),
        ] {
            assert!(
                Schema::compile(&schema).is_err(),
                "{schema} should be refused"
            );
        }
    }
}
