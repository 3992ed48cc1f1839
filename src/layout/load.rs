//! Finding layouts by name or path, merging `extends`, and turning JSON into a [`Layout`].

use std::path::Path;

use serde_json::Value;

use super::{Layout, validate};
use crate::diagnostic::Diagnostic;
use crate::fonts::FontBook;

include!(concat!(env!("OUT_DIR"), "/builtin_layouts.rs"));

/// Why a layout could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LayoutError {
    /// No built-in layout has this name and no file has this path.
    #[error("unknown layout `{name}`; built-in layouts are: {}. A path to a layout file (ending in .json) also works", available.join(", "))]
    Unknown {
        /// The name asked for.
        name: String,
        /// The built-in names.
        available: Vec<String>,
    },
    /// The layout file could not be read.
    #[error("cannot read layout file {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid JSON or does not fit the layout format.
    #[error("{}: {message}", position(source_name, *line, *column))]
    Format {
        /// File or layout name.
        source_name: String,
        /// 1-based line (0 when unknown).
        line: usize,
        /// 1-based column (0 when unknown).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The layout breaks typographic rules.
    #[error("layout `{source_name}` breaks {} rule(s):\n{}", violations.len(), violations.iter().map(|v| format!("  {}", v.to_short_text())).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// File or layout name.
        source_name: String,
        /// Each broken rule, naming its field.
        violations: Vec<Diagnostic>,
    },
}

/// `file:line:col`, or less when the position is not known.
fn position(source_name: &str, line: usize, column: usize) -> String {
    match (line, column) {
        (0, _) => source_name.to_string(),
        (line, 0) => format!("{source_name}:{line}"),
        (line, column) => format!("{source_name}:{line}:{column}"),
    }
}

/// Names of the built-in layouts, sorted.
pub fn builtin_names() -> Vec<&'static str> {
    BUILTIN.iter().map(|(name, _)| *name).collect()
}

/// The file of built-in layout `name` (any case), as it ships: the starting point of a layout of
/// one's own (`resumepdf layouts show NAME`).
pub fn builtin_source(name: &str) -> Option<&'static str> {
    BUILTIN
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, text)| *text)
}

/// Loads a built-in layout by name, or a layout file when `name_or_path` looks like a path
/// (contains a path separator or ends in `.json`), then validates it against `fonts`.
pub fn load(name_or_path: &str, fonts: &FontBook) -> Result<Layout, LayoutError> {
    if let Some(text) = builtin_source(name_or_path) {
        return parse(text, name_or_path, fonts);
    }
    let looks_like_path = name_or_path.ends_with(".json") || name_or_path.contains(['/', '\\']);
    if looks_like_path {
        let text = crate::read::read_text(Path::new(name_or_path), crate::read::LAYOUT).map_err(
            |source| LayoutError::Read {
                path: name_or_path.to_string(),
                source,
            },
        )?;
        return parse(&text, name_or_path, fonts);
    }
    Err(LayoutError::Unknown {
        name: name_or_path.to_string(),
        available: builtin_names().iter().map(|s| s.to_string()).collect(),
    })
}

/// Bytes that identify a layout's definition: the built-in text, or a layout file's text followed by
/// the built-in layout it extends. Changing any of them changes the fingerprint.
pub fn fingerprint(name_or_path: &str) -> Result<Vec<u8>, LayoutError> {
    if let Some(text) = builtin_source(name_or_path) {
        return Ok(text.as_bytes().to_vec());
    }
    let mut bytes =
        crate::read::read_file(Path::new(name_or_path), crate::read::LAYOUT).map_err(|source| {
            LayoutError::Read {
                path: name_or_path.to_string(),
                source,
            }
        })?;
    let base = std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| extends_of(text).ok().flatten())
        .and_then(|base| builtin_source(&base));
    if let Some(base) = base {
        bytes.extend_from_slice(base.as_bytes());
    }
    Ok(bytes)
}

/// Parses layout JSON (merging the built-in layout it `extends`) and validates it.
pub fn parse(text: &str, source_name: &str, fonts: &FontBook) -> Result<Layout, LayoutError> {
    let format_error = |e: serde_json::Error| LayoutError::Format {
        source_name: source_name.to_string(),
        line: e.line(),
        column: e.column(),
        message: e
            .to_string()
            .split(" at line ")
            .next()
            .unwrap_or_default()
            .to_string(),
    };
    let layout: Layout = match extends_of(text).map_err(format_error)? {
        None => serde_json::from_str(text).map_err(format_error)?,
        Some(base_name) => {
            let base_text = builtin_source(&base_name).ok_or_else(|| LayoutError::Format {
                source_name: source_name.to_string(),
                line: 0,
                column: 0,
                message: format!(
                    "`extends`: no built-in layout is called `{base_name}`; choose one of {}",
                    builtin_names().join(", ")
                ),
            })?;
            let base: Value = serde_json::from_str(base_text).map_err(format_error)?;
            let overlay: Value = serde_json::from_str(text).map_err(format_error)?;
            let mut merged = base.clone();
            merge(&mut merged, overlay.clone());
            serde_json::from_value(merged).map_err(|e| {
                let message = format_error(e).to_string();
                let message = message.trim_start_matches(&format!("{source_name}: "));
                let field = culprit(&base, &overlay, String::new());
                LayoutError::Format {
                    source_name: source_name.to_string(),
                    line: 0,
                    column: 0,
                    message: match field {
                        Some(field) => format!("{field}: {message}"),
                        None => message.to_string(),
                    },
                }
            })?
        }
    };
    let mut layout = layout;
    resolve_font_paths(&mut layout, source_name);
    let violations = validate(&layout, fonts);
    if violations.is_empty() {
        Ok(layout)
    } else {
        Err(LayoutError::Invalid {
            source_name: source_name.to_string(),
            violations,
        })
    }
}

/// Makes font file paths in a layout file relative to that file's folder.
fn resolve_font_paths(layout: &mut Layout, source_name: &str) {
    let folder = Path::new(source_name)
        .parent()
        .filter(|_| source_name.ends_with(".json"));
    let families = [&mut layout.fonts.heading, &mut layout.fonts.body];
    for file in families.into_iter().flat_map(super::Family::files_mut) {
        if let Some(folder) = folder
            && crate::fonts::is_font_path(file)
            && Path::new(file.as_str()).is_relative()
        {
            *file = folder.join(file.as_str()).to_string_lossy().into_owned();
        }
    }
}

/// The `extends` field of a layout file, if it has one.
fn extends_of(text: &str) -> Result<Option<String>, serde_json::Error> {
    let value: Value = serde_json::from_str(text)?;
    Ok(value
        .get("extends")
        .and_then(Value::as_str)
        .map(str::to_string))
}

/// The dotted path of the first value in `overlay` that `base` does not accept on its own: the
/// field an error found after `extends` merging is about.
fn culprit(base: &Value, overlay: &Value, path: String) -> Option<String> {
    let Value::Object(map) = overlay else {
        return None;
    };
    for (key, value) in map {
        let here = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        let mut single = serde_json::Map::new();
        single.insert(key.clone(), value.clone());
        let mut tried = base.clone();
        merge(&mut tried, nest(&path, Value::Object(single)));
        if serde_json::from_value::<Layout>(tried).is_err() {
            return culprit(base, value, here.clone()).or(Some(here));
        }
    }
    None
}

/// `value` placed at the dotted `path` inside nested objects.
fn nest(path: &str, value: Value) -> Value {
    path.rsplit('.')
        .filter(|key| !key.is_empty())
        .fold(value, |inner, key| {
            let mut map = serde_json::Map::new();
            map.insert(key.to_string(), inner);
            Value::Object(map)
        })
}

/// Deep-merges `overlay` into `base`: objects merge key by key, anything else replaces.
fn merge(base: &mut Value, overlay: Value) {
    match (base, overlay) {
        (Value::Object(base), Value::Object(overlay)) => {
            for (key, value) in overlay {
                match base.get_mut(&key) {
                    Some(slot) => merge(slot, value),
                    None => {
                        base.insert(key, value);
                    }
                }
            }
        }
        (slot, value) => *slot = value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_layout_loads_and_validates() {
        let fonts = FontBook::bundled();
        assert!(builtin_names().contains(&"classic"));
        for name in builtin_names() {
            let layout = load(name, &fonts).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(layout.name, name, "a layout's name matches its file name");
        }
    }

    #[test]
    fn unknown_name_lists_the_available_layouts() {
        let err = load("fancy", &FontBook::bundled()).unwrap_err().to_string();
        assert!(err.contains("unknown layout `fancy`"), "{err}");
        assert!(err.contains("classic"), "{err}");
    }

    #[test]
    fn extends_overrides_only_the_given_fields() {
        let text = r##"{"extends": "classic", "name": "mine", "colors": {"accent": "#1f4e79"}}"##;
        let layout = parse(text, "mine.json", &FontBook::bundled()).unwrap();
        assert_eq!(layout.name, "mine");
        assert_eq!(
            layout.colors.accent.0,
            super::super::parse_hex("#1f4e79").unwrap()
        );
        assert_eq!(layout.fonts.body.name, "Liberation Serif");
    }

    /// `layouts/layout.schema.json` is the schema the layout types generate. When this fails,
    /// run `cargo run -- layouts schema > layouts/layout.schema.json` and commit the file.
    #[test]
    fn the_committed_schema_is_the_generated_one() {
        let committed = include_str!("../../layouts/layout.schema.json");
        assert!(
            committed == super::super::schema(),
            "layouts/layout.schema.json is out of date: run \
             `cargo run -- layouts schema > layouts/layout.schema.json`"
        );
    }

    /// Every built-in layout conforms to the layout schema, so editors that read the schema
    /// complete and check exactly what the renderer accepts.
    #[test]
    fn the_built_in_layouts_conform_to_the_json_schema() {
        let schema: Value = serde_json::from_str(&super::super::schema()).unwrap();
        let validator = jsonschema::draft7::new(&schema).unwrap();
        for (name, text) in BUILTIN {
            let layout: Value = serde_json::from_str(text).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&layout)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{name}: {errors:#?}");
        }
        // The layout files of the README, which extend a built-in one and give only part of it,
        // conform too (and render).
        let readme = include_str!("../../README.md");
        let examples: Vec<&str> = readme
            .split("```json\n")
            .skip(1)
            .filter_map(|block| block.split("```").next())
            .filter(|block| block.contains("\"extends\""))
            .collect();
        assert!(examples.len() >= 2, "{examples:?}");
        for example in examples {
            let layout: Value = serde_json::from_str(example).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&layout)
                .map(|e| format!("{}: {e}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{example}: {errors:#?}");
            parse(example, "readme.json", &FontBook::bundled()).expect("the example loads");
        }
        // Partial overrides are valid, whichever object they give part of; a file without
        // `extends` must be complete.
        for partial in [
            r#"{"extends": "classic", "name": "a4", "page": {"size": "A4"}}"#,
            r#"{"extends": "classic", "name": "m", "page": {"margins": {"top": "1in"}}}"#,
            r#"{"extends": "classic", "name": "t", "sections": {"titles": {"work": "Jobs"}}}"#,
            r#"{"extends": "sidebar", "name": "w", "columns": {"sidebar": {"width": "2.5in"}}}"#,
            r#"{"extends": "modern", "name": "h", "headings": {"rule_width": 1}}"#,
        ] {
            let layout: Value = serde_json::from_str(partial).unwrap();
            let errors: Vec<String> = validator
                .iter_errors(&layout)
                .map(|e| e.to_string())
                .collect();
            assert!(errors.is_empty(), "{partial}: {errors:#?}");
            parse(partial, "partial.json", &FontBook::bundled()).expect("the override loads");
        }
        // Fonts by style: the regular file is what the family is, so it is always required.
        let by_style = |files: &str| -> Value {
            serde_json::from_str(&format!(
                r#"{{"extends": "classic", "name": "f", "fonts": {{"body": {files}}}}}"#
            ))
            .unwrap()
        };
        assert!(validator.is_valid(&by_style(r#"{"regular": "a.ttf", "bold": "b.ttf"}"#)));
        assert!(!validator.is_valid(&by_style(r#"{"bold": "b.ttf"}"#)));
        let mut incomplete: Value = serde_json::from_str(BUILTIN[0].1).unwrap();
        incomplete["page"]
            .as_object_mut()
            .unwrap()
            .remove("margins");
        assert!(!validator.is_valid(&incomplete), "margins are required");
        // The limits of rules.rs are the schema's.
        let mut small: Value = serde_json::from_str(BUILTIN[0].1).unwrap();
        small["sizes"]["body"] = Value::from(super::super::rules::BODY_SIZE.0 - 0.5);
        assert!(!validator.is_valid(&small));
        small["sizes"]["body"] = Value::from(super::super::rules::BODY_SIZE.0);
        small["page"]["margins"]["top"] = Value::from(super::super::rules::MIN_MARGIN - 1.0);
        assert!(!validator.is_valid(&small));
        // Every field says what it is, with its unit when it is a number, a length or a colour.
        let fields = {
            let mut fields = schema.clone();
            fields.as_object_mut().unwrap().remove("then");
            fields
        };
        let mut undescribed = Vec::new();
        undescribed_fields(&fields, "", &mut undescribed);
        assert!(
            undescribed.is_empty(),
            "fields without a description or unit: {undescribed:?}"
        );
        // The schema does refuse a key the renderer does not know.
        let mut unknown: Value = serde_json::from_str(BUILTIN[0].1).unwrap();
        unknown["colours"] = Value::from("#000000");
        assert!(!validator.is_valid(&unknown));
    }

    /// The paths of the properties under `node` without a description, or whose description
    /// gives no unit although the value is a number, a length or a colour.
    fn undescribed_fields(node: &Value, path: &str, out: &mut Vec<String>) {
        const UNITS: [&str; 5] = ["points", "(pt, in, mm or cm)", "ratio", "#rrggbb", "pages"];
        match node {
            Value::Object(map) => {
                if let Some(Value::Object(properties)) = map.get("properties") {
                    for (key, field) in properties {
                        let text = field.to_string();
                        let measured = [
                            "\"number\"",
                            "\"integer\"",
                            "definitions/Length\"",
                            "definitions/Color\"",
                        ]
                        .iter()
                        .any(|kind| text.contains(kind));
                        let described = match field["description"].as_str() {
                            Some(d) => !measured || UNITS.iter().any(|unit| d.contains(unit)),
                            // A definition it refers to describes it.
                            None => !measured && field.get("$ref").is_some(),
                        };
                        if !described {
                            out.push(format!("{path}.{key}"));
                        }
                    }
                }
                for (key, child) in map {
                    undescribed_fields(child, &format!("{path}/{key}"), out);
                }
            }
            Value::Array(items) => {
                for item in items {
                    undescribed_fields(item, path, out);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn unknown_fields_are_rejected_with_their_position() {
        let text = "{\"extends\": \"classic\",\n \"colours\": {}}";
        let err = parse(text, "mine.json", &FontBook::bundled())
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown field `colours`"), "{err}");
        let err = parse("{\n  \"name\": ", "bad.json", &FontBook::bundled())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bad.json:2:"), "{err}");
    }
}
