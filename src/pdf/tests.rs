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
    let pdf = write(pages.clone(), &Meta::default(), &book).unwrap();
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

/// The content streams `stream::encode` writes for `layout`'s pages of `sample`, and those
/// printpdf writes for the same operations.
fn both_content_streams(sample: &str, layout: &str, tagged: bool) -> Vec<(Vec<u8>, Vec<u8>)> {
    let fonts = FontBook::bundled();
    let layout = crate::layout::load(layout, &fonts).unwrap();
    let mut parsed = crate::model::parse(sample).unwrap();
    crate::model::normalize(&mut parsed.resume);
    let pages = crate::typeset_resume(&parsed.resume, &layout, &fonts);
    let embedded = embed_fonts(&pages, &fonts).unwrap();
    let (images, xobjects) = super::image::Images::collect(&pages).unwrap();
    let by_name: super::stream::FontsByName<'_, '_> =
        embedded.values().map(|f| (f.id.0.as_str(), f)).collect();
    let mut doc = printpdf::PdfDocument::new("test");
    for font in embedded.values() {
        let font_resource = printpdf::PdfFont::new(font.parsed.clone());
        doc.resources
            .fonts
            .map
            .insert(font.id.clone(), font_resource);
    }
    doc.resources.xobjects.map.extend(xobjects);
    let size = printpdf::Rect::from_wh(printpdf::Pt(pages.width), printpdf::Pt(pages.height));
    let mut ours = Vec::new();
    for (index, page) in pages.pages.iter().enumerate() {
        // Ours without each glyph's text, printpdf's with it: the bytes must not differ.
        let page_ops = |texts| {
            let marker = super::marked::Marker::new(tagged.then_some(&pages.structure));
            let number = index + 1;
            super::content::page_ops(
                page,
                number,
                pages.height,
                &embedded,
                &images,
                marker,
                texts,
            )
            .unwrap()
            .0
        };
        let ops = page_ops(false);
        ours.push(super::stream::encode(&ops, &by_name).expect("a page of text and rules"));
        let ops = page_ops(true);
        doc.pages.push(printpdf::PdfPage {
            media_box: size.clone(),
            trim_box: size.clone(),
            crop_box: size.clone(),
            ops,
        });
    }
    let options = printpdf::PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let lopdf_doc = doc.to_lopdf_document(&options, &mut Vec::new());
    let theirs = lopdf_doc.get_pages().into_values().map(|id| {
        let contents = lopdf_doc
            .get_dictionary(id)
            .unwrap()
            .get(b"Contents")
            .unwrap();
        let stream = lopdf_doc
            .dereference(contents)
            .unwrap()
            .1
            .as_stream()
            .unwrap();
        stream.content.clone()
    });
    ours.into_iter().zip(theirs).collect()
}

#[test]
fn content_streams_are_the_bytes_printpdf_writes() {
    let everything = include_str!("../../samples/everything.json");
    let arabic = r#"{"basics": {"name": "مُحَمَّد عَلِيّ", "label": "مهندس",
        "summary": "שָׁלוֹם עוֹלָם. مَرْحَبًا بِالْعَالَم. Ελληνικά, English."},
        "meta": {"language": "ar"}}"#;
    for (sample, layout) in [
        (everything, "classic"),
        (everything, "sidebar"),
        (arabic, "modern"),
    ] {
        for tagged in [true, false] {
            let pages = both_content_streams(sample, layout, tagged);
            assert!(!pages.is_empty());
            for (ours, theirs) in pages {
                assert!(ours.len() > 100);
                assert_eq!(
                    String::from_utf8_lossy(&ours),
                    String::from_utf8_lossy(&theirs)
                );
            }
        }
    }
}
