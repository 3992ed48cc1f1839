//! Checks of assumptions about printpdf that the writer's correctness depends on.

use std::collections::BTreeMap;

use lopdf::{Document, Object};

use super::subset::embed_fonts;
use super::{Meta, write};
use crate::fonts::{FaceId, FontBook, Style};
use crate::style::Rgb;
use crate::typeset::pages::{Glyph, GlyphRun, Item, Page, Pages};

/// A run of every glyph id in `gids`, each standing for one letter of `text`.
fn run(face: FaceId, gids: &[u16], text: &str) -> Item {
    Item::Text(GlyphRun {
        face,
        size: 10.0,
        color: Rgb::BLACK,
        x: 10.0,
        y: 20.0,
        text: text.to_string(),
        glyphs: gids
            .iter()
            .enumerate()
            .map(|(i, &id)| Glyph {
                id,
                advance: 5.0,
                text: i..i + 1,
                ..Glyph::default()
            })
            .collect(),
        synthetic_bold: false,
        synthetic_italic: false,
        right_to_left: false,
        node: None,
    })
}

/// The `/W` arrays printpdf wrote, by `/BaseFont`.
fn written_widths(pdf: &[u8]) -> BTreeMap<String, BTreeMap<u16, i64>> {
    let doc = Document::load_mem(pdf).unwrap();
    let mut out = BTreeMap::new();
    for object in doc.objects.values() {
        let Ok(font) = object.as_dict() else { continue };
        if !matches!(font.get(b"Subtype"), Ok(Object::Name(n)) if n.as_slice() == b"Type0") {
            continue;
        }
        let descendants = font.get(b"DescendantFonts").unwrap().as_array().unwrap();
        let dict = doc
            .dereference(&descendants[0])
            .unwrap()
            .1
            .as_dict()
            .unwrap();
        let name = String::from_utf8(dict.get(b"BaseFont").unwrap().as_name().unwrap().to_vec());
        let items = dict.get(b"W").unwrap().as_array().unwrap();
        let mut widths = BTreeMap::new();
        for pair in items.chunks(2) {
            let first = pair[0].as_i64().unwrap() as u16;
            for (k, w) in pair[1].as_array().unwrap().iter().enumerate() {
                widths.insert(first + k as u16, w.as_i64().unwrap());
            }
        }
        out.insert(name.unwrap(), widths);
    }
    out
}

#[test]
fn printpdf_writes_the_widths_the_offsets_correct_for() {
    let book = FontBook::bundled();
    let faces = [
        book.find("Carlito", Style::REGULAR).unwrap(),
        book.find("Liberation Serif", Style::ITALIC).unwrap(),
    ];
    let gids: Vec<u16> = (3..60).collect();
    let text = "x".repeat(gids.len());
    let pages = Pages {
        width: 300.0,
        height: 300.0,
        pages: vec![Page {
            items: faces.iter().map(|&f| run(f, &gids, &text)).collect(),
        }],
        structure: Default::default(),
    };
    let pdf = write(&pages, &Meta::default(), &book).unwrap();
    let written = written_widths(&pdf);
    let embedded = embed_fonts(&pages, &book).unwrap();
    assert_eq!(written.len(), 2);
    for font in embedded.values() {
        let widths = &written[&font.id.0];
        assert_eq!(widths.len(), gids.len());
        for (&code, &width) in widths {
            assert_eq!(width, font.pdf_width(code), "{} code {code}", font.id.0);
        }
        // The widths really are truncated, so the correction matters.
        let units_per_em = f32::from(font.parsed.pdf_font_metrics.units_per_em);
        let exact = |code: u16| {
            f32::from(font.parsed.get_glyph_width(code).unwrap()) * 1000.0 / units_per_em
        };
        assert!(widths.keys().any(|&c| exact(c).fract() > 0.1));
    }
}
