//! Parsing JSON into a `serde_json::Value` while noticing duplicate keys.
//!
//! `serde_json` keeps the last of two equal keys in an object without a word, so a resume with
//! `"email"` twice silently loses one of them. This builds the same `Value` in the same single
//! pass, through a `DeserializeSeed` that knows the JSON path it is at and records every key that
//! repeats an earlier one of its object.

use std::cell::RefCell;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::locate::{push_index, push_key};

/// The value of `text`, and the JSON paths of keys that repeat an earlier key of their object
/// (each path names the repeated key; the last value wins, as in `serde_json`).
pub(crate) fn parse(text: &str) -> Result<(Value, Vec<String>), serde_json::Error> {
    let duplicates = RefCell::new(Vec::new());
    let path = RefCell::new(String::from("$"));
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = Seed {
        path: &path,
        duplicates: &duplicates,
    }
    .deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok((value, duplicates.into_inner()))
}

/// Deserializes the value at `path` (one buffer for the whole parse: a key or index is pushed
/// before its value and taken off after it, so no path is built unless a key repeats).
#[derive(Clone, Copy)]
struct Seed<'d> {
    path: &'d RefCell<String>,
    duplicates: &'d RefCell<Vec<String>>,
}

impl<'de> DeserializeSeed<'de> for Seed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let len = self.path.borrow().len();
            push_index(&mut self.path.borrow_mut(), items.len());
            let item = seq.next_element_seed(self);
            self.path.borrow_mut().truncate(len);
            match item? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let len = self.path.borrow().len();
            push_key(&mut self.path.borrow_mut(), &key);
            let value = map.next_value_seed(self);
            if value.is_ok() && object.contains_key(&key) {
                self.duplicates
                    .borrow_mut()
                    .push(self.path.borrow().clone());
            }
            self.path.borrow_mut().truncate(len);
            object.insert(key, value?);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_value_as_serde_json_and_the_repeated_keys() {
        let text = r#"{"basics": {"email": "a@x.org", "name": "Ann", "email": "b@x.org"},
            "work": [{"name": "A"}, {"name": "B", "name": "C"}], "n": [1, -2, 2.5, null, true]}"#;
        let (value, duplicates) = parse(text).unwrap();
        assert_eq!(value, serde_json::from_str::<Value>(text).unwrap());
        assert_eq!(duplicates, ["$.basics.email", "$.work[1].name"]);
        assert!(parse("{\"a\": 1} x").is_err());
    }
}
