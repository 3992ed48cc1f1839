//! Colours written as `#rrggbb` (or `#rgb`) in layout files.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, de};

use crate::style::Rgb;

/// Parses `#rrggbb` or `#rgb`.
pub fn parse_hex(text: &str) -> Result<Rgb, String> {
    let hex = text.trim().strip_prefix('#').unwrap_or(text.trim());
    let not_a_colour = || format!("`{text}` is not a colour; write it as \"#rrggbb\"");
    // Hex digits only, so that the two-byte slices below are whole characters.
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(not_a_colour());
    }
    let expanded: String = match hex.len() {
        3 => hex.chars().flat_map(|c| [c, c]).collect(),
        6 => hex.to_string(),
        _ => return Err(not_a_colour()),
    };
    let channel = |i: usize| {
        u8::from_str_radix(&expanded[i..i + 2], 16)
            .map(|v| f32::from(v) / 255.0)
            .map_err(|_| not_a_colour())
    };
    Ok(Rgb {
        r: channel(0)?,
        g: channel(2)?,
        b: channel(4)?,
    })
}

/// A colour field of a layout.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub Rgb);

impl<'de> Deserialize<'de> for Color {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_hex(&text).map(Color).map_err(de::Error::custom)
    }
}

/// The strings [`parse_hex`] reads.
impl JsonSchema for Color {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Color".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A colour as hex \"#rrggbb\" or \"#rgb\".",
            "type": "string",
            "pattern": "^\\s*#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\\s*$"
        })
    }
}

/// Relative luminance (WCAG 2.x) of an sRGB colour.
pub fn luminance(c: Rgb) -> f32 {
    let lin = |v: f32| {
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
}

/// WCAG contrast ratio between two colours (1.0 to 21.0).
pub fn contrast(a: Rgb, b: Rgb) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hex() {
        assert_eq!(
            parse_hex("#ffffff").unwrap(),
            Rgb {
                r: 1.0,
                g: 1.0,
                b: 1.0
            }
        );
        assert_eq!(parse_hex("#000").unwrap(), Rgb::BLACK);
        assert!(parse_hex("red").is_err());
        assert!(parse_hex("#12345g").is_err());
        // Found by fuzzing the layout target: non-ASCII characters must not be sliced.
        assert!(parse_hex("#––").is_err());
        assert!(parse_hex("é12345").is_err());
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        let white = parse_hex("#fff").unwrap();
        assert!((contrast(Rgb::BLACK, white) - 21.0).abs() < 0.01);
        assert!(contrast(parse_hex("#aaaaaa").unwrap(), white) < 4.5);
    }
}
