//! The JSON Schema of layout files, generated from the layout types: descriptions come from their
//! doc comments and limits from [`super::rules`], so the schema editors read cannot drift from
//! what the renderer accepts. `layouts/layout.schema.json` is this schema, committed for editors;
//! a test fails when it differs, and `resumepdf layouts schema > layouts/layout.schema.json`
//! brings it up to date.

use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use super::{Layout, SectionKind, Title};

/// Where the schema says it lives (`$id`).
const ID: &str = "https://resumepdf.example/layout.schema.json";

/// The layout JSON Schema (draft 7, which editors know best), pretty-printed with a final newline.
pub fn schema() -> String {
    let generator = SchemaSettings::draft07().into_generator();
    let mut root = generator.into_root_schema_for::<Layout>().to_value();
    if let Value::Object(map) = &mut root {
        map.insert("$id".into(), ID.into());
        map.insert("title".into(), "resumepdf layout".into());
    }
    let complete = required_unless_extending(&mut root);
    if let Value::Object(map) = &mut root {
        map.insert(
            "if".into(),
            serde_json::json!({ "not": { "required": ["extends"] } }),
        );
        map.insert("then".into(), Value::Object(complete));
    }
    shortest_floats(&mut root);
    tidy_descriptions(&mut root);
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    text
}

/// Takes the `required` lists out of the objects a layout file reaches through objects alone
/// (the root, `page`, `page.margins`, `columns.sidebar`…) where a built-in layout has that object,
/// and returns them nested as they were: the constraints of a complete layout. A file that
/// `extends` a built-in layout is deep-merged into it, so it may give any part of an object the
/// built-in one has; only a file without `extends` must give it whole. An object no built-in
/// layout has (fonts as files by style, say) is taken whole, so its `required` stays; lists
/// replace rather than merge, so what is inside them stays required too.
fn required_unless_extending(root: &mut Value) -> Map<String, Value> {
    let builtins: Vec<Value> = super::builtin_names()
        .into_iter()
        .filter_map(super::builtin_source)
        .filter_map(|text| serde_json::from_str(text).ok())
        .collect();
    let bases: Vec<&Value> = builtins.iter().collect();
    let mut complete = Map::new();
    let mut found = Vec::new();
    collect_required(root, "", &bases, &mut complete, &mut found, 0);
    for pointer in found {
        if let Some(Value::Object(node)) = root.pointer_mut(&pointer) {
            node.remove("required");
        }
    }
    complete
}

/// Gathers into `out` the `required` lists of the schema at `pointer` and of its properties
/// (through `$ref`, `allOf`, `anyOf` and `oneOf`) that an extending file need not meet, because
/// one of `bases` (the built-in layouts' values at this place) has an object there; notes where
/// each was in `found`.
fn collect_required(
    root: &Value,
    pointer: &str,
    bases: &[&Value],
    out: &mut Map<String, Value>,
    found: &mut Vec<String>,
    depth: usize,
) {
    // Layouts nest a few levels; the bound only guards against a type that refers to itself.
    let Some(Value::Object(node)) = root.pointer(pointer).filter(|_| depth < 16) else {
        return;
    };
    if let Some(Value::String(reference)) = node.get("$ref") {
        let target = reference.trim_start_matches('#');
        collect_required(root, target, bases, out, found, depth + 1);
    }
    if let Some(Value::Array(names)) = node.get("required")
        && bases.iter().any(|base| base.is_object())
    {
        let list = out
            .entry("required")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(list) = list {
            list.extend(names.iter().cloned());
        }
        found.push(pointer.to_string());
    }
    if let Some(Value::Object(properties)) = node.get("properties") {
        for key in properties.keys() {
            let mut inner = Map::new();
            let at = format!(
                "{pointer}/properties/{}",
                key.replace('~', "~0").replace('/', "~1")
            );
            let inner_bases: Vec<&Value> = bases.iter().filter_map(|base| base.get(key)).collect();
            collect_required(root, &at, &inner_bases, &mut inner, found, depth + 1);
            if !inner.is_empty()
                && let Value::Object(nested) = out
                    .entry("properties")
                    .or_insert_with(|| Value::Object(Map::new()))
            {
                nested.insert(key.clone(), Value::Object(inner));
            }
        }
    }
    for keyword in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(choices)) = node.get(keyword) {
            for index in 0..choices.len() {
                let at = format!("{pointer}/{keyword}/{index}");
                collect_required(root, &at, bases, out, found, depth + 1);
            }
        }
    }
}

/// Writes every number that is an `f32` widened to `f64` (`1.2` became `1.2000000476837158`) as
/// the shortest decimal of that `f32`, as the layout's Rust source and its files write it.
fn shortest_floats(value: &mut Value) {
    match value {
        Value::Number(number) => {
            let shortest = number
                .as_f64()
                .filter(|&wide| {
                    !number.is_i64() && !number.is_u64() && wide == f64::from(wide as f32)
                })
                .and_then(|wide| (wide as f32).to_string().parse::<f64>().ok())
                .and_then(serde_json::Number::from_f64);
            if let Some(shortest) = shortest {
                *number = shortest;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(shortest_floats),
        Value::Object(map) => map.values_mut().for_each(shortest_floats),
        _ => {}
    }
}

/// The section titles of `sections.titles`: keyed by section, which a map's schema does not say.
pub(super) fn titles(generator: &mut SchemaGenerator) -> Schema {
    let mut schema = BTreeMap::<String, Title>::json_schema(generator);
    schema.insert(
        "propertyNames".into(),
        generator.subschema_for::<SectionKind>().to_value(),
    );
    schema
}

/// Joins the lines of each description (doc comments wrap at 100 columns; editors show a
/// description as one paragraph) and adds the field's `minimum` and `maximum` to it, so an
/// editor's hover tells the limits and not only the validator.
fn tidy_descriptions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            let limit = |key: &str| map.get(key).map(Value::to_string);
            let sentence = match (limit("minimum"), limit("maximum")) {
                (Some(min), Some(max)) => Some(format!("From {min} to {max}.")),
                (Some(min), None) => Some(format!("At least {min}.")),
                (None, Some(max)) => Some(format!("At most {max}.")),
                (None, None) => None,
            };
            if let Some(Value::String(description)) = map.get_mut("description") {
                *description = description.replace('\n', " ");
                if let Some(sentence) = sentence {
                    description.push(' ');
                    description.push_str(&sentence);
                }
            }
            map.values_mut().for_each(tidy_descriptions);
        }
        Value::Array(items) => items.iter_mut().for_each(tidy_descriptions),
        _ => {}
    }
}
