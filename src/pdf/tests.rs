//! Checks of assumptions about printpdf that the writer's correctness depends on.

use std::collections::BTreeMap;

use lopdf::{Document, Object};

use super::subset::embed_fonts;
use super::{Meta, write};
use crate::fonts::{FaceId, FontBook, Style};
use crate::style::Rgb;
use crate::typeset::pages::{Glyph, GlyphRun, Item, Page, Pages};

/// A run of every glyph id in `gids`, each standing for one letter of `text` (the subsetter's
/// tests use it too).
pub(super) fn run(face: FaceId, gids: &[u16], text: &str) -> Item {
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

/// The Type0 fonts of `doc`, each with its descendant font.
fn type0_fonts(doc: &Document) -> Vec<(&lopdf::Dictionary, &lopdf::Dictionary)> {
    let mut out = Vec::new();
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
        out.push((font, dict));
    }
    out
}

fn base_font(dict: &lopdf::Dictionary) -> String {
    let name = dict.get(b"BaseFont").unwrap().as_name().unwrap();
    String::from_utf8(name.to_vec()).unwrap()
}

/// The `/W` arrays written, by `/BaseFont`.
fn written_widths(pdf: &[u8]) -> BTreeMap<String, BTreeMap<u16, f32>> {
    let doc = Document::load_mem(pdf).unwrap();
    let mut out = BTreeMap::new();
    for (_, dict) in type0_fonts(&doc) {
        let items = dict.get(b"W").unwrap().as_array().unwrap();
        let mut widths = BTreeMap::new();
        for pair in items.chunks(2) {
            let first = pair[0].as_i64().unwrap() as u16;
            for (k, w) in pair[1].as_array().unwrap().iter().enumerate() {
                widths.insert(first + k as u16, w.as_float().unwrap());
            }
        }
        out.insert(base_font(dict), widths);
    }
    out
}

/// The ToUnicode CMaps written, by `/BaseFont`: each code's text, read from the `bfchar`
/// entries (the only kind written) by a reader of its own.
fn written_texts(pdf: &[u8]) -> BTreeMap<String, BTreeMap<u16, String>> {
    let doc = Document::load_mem(pdf).unwrap();
    let mut out = BTreeMap::new();
    for (font, _) in type0_fonts(&doc) {
        let id = font.get(b"ToUnicode").unwrap().as_reference().unwrap();
        let stream = doc.get_object(id).unwrap().as_stream().unwrap();
        let cmap = String::from_utf8(stream.decompressed_content().unwrap()).unwrap();
        assert!(!cmap.contains("bfrange"), "{cmap}");
        let mut texts = BTreeMap::new();
        for block in cmap.split("beginbfchar").skip(1) {
            let block = block.split("endbfchar").next().unwrap();
            let hex: Vec<&str> = block.split(['<', '>']).skip(1).step_by(2).collect();
            for pair in hex.chunks(2) {
                let code = u16::from_str_radix(pair[0], 16).unwrap();
                let units: Vec<u16> = (0..pair[1].len())
                    .step_by(4)
                    .map(|at| u16::from_str_radix(&pair[1][at..at + 4], 16).unwrap())
                    .collect();
                let text = String::from_utf16(&units).unwrap();
                assert!(texts.insert(code, text).is_none(), "code {code} twice");
            }
        }
        out.insert(base_font(font), texts);
    }
    out
}

#[test]
fn the_written_widths_are_the_advances_the_content_stream_counts_on() {
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
    for (face, font) in &embedded {
        let widths = &written[&font.id];
        assert_eq!(widths.len(), gids.len());
        let face = book.face(*face);
        for (&code, &width) in widths {
            assert_eq!(width, font.pdf_width(code), "{} code {code}", font.id);
            // Code n shows the n-th glyph of the run, at its advance to 1/100 of a unit.
            let gid = ttf_parser::GlyphId(gids[usize::from(code) - 1]);
            let advance = f32::from(face.parser().glyph_hor_advance(gid).unwrap());
            let exact = advance * 1000.0 / face.units_per_em();
            assert!((width - exact).abs() < 0.0051, "{width} for {exact}");
        }
    }
}

#[test]
fn glyphs_set_at_their_advances_need_no_numbers_between_them() {
    let book = FontBook::bundled();
    let id = book.find("Carlito", Style::REGULAR).unwrap();
    let face = book.face(id);
    let gids: Vec<u16> = (3..60).collect();
    let Item::Text(mut line) = run(id, &gids, &"x".repeat(gids.len())) else {
        unreachable!()
    };
    for glyph in &mut line.glyphs {
        let advance = face
            .parser()
            .glyph_hor_advance(ttf_parser::GlyphId(glyph.id))
            .unwrap();
        glyph.advance = f32::from(advance) * line.size / face.units_per_em();
    }
    let pages = Pages {
        width: 600.0,
        height: 300.0,
        pages: vec![Page {
            items: vec![Item::Text(line)],
        }],
        structure: Default::default(),
    };
    let meta = Meta {
        standard: crate::pdf::Standard::NONE,
        ..Meta::default()
    };
    let pdf = write(pages, &meta, &book).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    let page = doc.get_pages().into_values().next().unwrap();
    let content = doc.get_and_decode_page_content(page).unwrap();
    let shown: Vec<&Vec<Object>> = content
        .operations
        .iter()
        .filter(|op| op.operator == "TJ")
        .map(|op| op.operands[0].as_array().unwrap())
        .collect();
    // One string of 57 two-byte codes and nothing else.
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0].len(), 1, "{:?}", shown[0]);
    assert_eq!(shown[0][0].as_str().unwrap().len(), 57 * 2);
}

/// The content streams of `layout`'s pages of `sample`, as written into the PDF.
fn content_streams(sample: &str, layout: &str, tagged: bool) -> Vec<Vec<u8>> {
    let fonts = FontBook::bundled();
    let layout = crate::layout::load(layout, &fonts).unwrap();
    let mut parsed = crate::model::parse(sample).unwrap();
    crate::model::normalize(&mut parsed.resume);
    let pages = crate::typeset_resume(&parsed.resume, &layout, &fonts);
    let mut meta = Meta::default();
    if !tagged {
        meta.standard = crate::pdf::Standard::NONE;
    }
    let pdf = write(pages, &meta, &fonts).unwrap();
    let doc = Document::load_mem(&pdf).unwrap();
    doc.get_pages()
        .into_values()
        .map(|id| doc.get_page_content(id))
        .collect()
}

#[test]
fn content_streams_are_written_as_lopdf_encodes_their_operations() {
    // printpdf wrote content streams through lopdf's `Content::encode`, and the bytes of every
    // PDF stayed the same when `content` took over: operand and operator separators, number
    // and name forms must stay lopdf's. Glyph strings are ours (literal, every delimiter
    // escaped, where lopdf leaves balanced parentheses bare); lopdf must read them as written.
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
            let pages = content_streams(sample, layout, tagged);
            assert!(!pages.is_empty());
            for mut ours in pages {
                assert!(ours.len() > 100);
                // A stream whose deflated data would end in CR gets a newline (see `fixup`).
                if ours.last() == Some(&b'\n') {
                    ours.pop();
                }
                let operations = lopdf::content::Content::decode(&ours).unwrap();
                let theirs = operations.encode().unwrap();
                assert_eq!(
                    String::from_utf8_lossy(&without_strings(&ours)),
                    String::from_utf8_lossy(&without_strings(&theirs))
                );
                let again = lopdf::content::Content::decode(&theirs).unwrap();
                assert_eq!(format!("{operations:?}"), format!("{again:?}"));
            }
        }
    }
}

/// A content stream with the bytes of every literal string left out (`(…)` becomes `()`).
fn without_strings(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len());
    let mut bytes = content.iter();
    while let Some(&byte) = bytes.next() {
        out.push(byte);
        if byte != b'(' {
            continue;
        }
        let mut depth = 1;
        while let Some(&inside) = bytes.next() {
            match inside {
                b'\\' => {
                    bytes.next();
                }
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                out.push(b')');
                break;
            }
        }
    }
    out
}

/// A run of `glyphs` (glyph id, text range) over `text`.
fn run_of(face: FaceId, glyphs: &[(u16, std::ops::Range<usize>)], text: &str) -> Item {
    let Item::Text(mut run) = run(face, &[], text) else {
        unreachable!()
    };
    run.glyphs = glyphs
        .iter()
        .map(|(id, range)| Glyph {
            id: *id,
            advance: 5.0,
            text: range.clone(),
            ..Glyph::default()
        })
        .collect();
    Item::Text(run)
}

#[test]
fn the_to_unicode_cmap_maps_every_code_to_its_text() {
    let book = FontBook::bundled();
    let id = book.find("Carlito", Style::REGULAR).unwrap();
    let face = book.face(id);
    let glyph = |c: char| face.parser().glyph_index(c).unwrap().0;
    // A ligature's glyph standing for two letters, the same glyph standing for two texts, a
    // glyph standing for none (the second of a cluster), and one beyond the BMP in UTF-16.
    let (f, i, a, e) = (glyph('f'), glyph('i'), glyph('a'), glyph('e'));
    let text = "fiae\u{1D400}";
    let items = vec![
        run_of(id, &[(f, 0..2), (i, 2..2), (a, 2..3), (a, 3..4)], text),
        run_of(id, &[(e, 4..8)], text),
    ];
    let pages = Pages {
        width: 300.0,
        height: 300.0,
        pages: vec![Page { items }],
        structure: Default::default(),
    };
    let embedded = embed_fonts(&pages, &book).unwrap();
    let font = &embedded[&id];
    let expected = |stand_in: Option<&str>| -> BTreeMap<u16, String> {
        [
            (font.code(f, "fi"), "fi"),
            (font.code(i, ""), stand_in.unwrap_or("")),
            (font.code(a, "a"), "a"),
            (font.code(a, "e"), "e"),
            (font.code(e, "\u{1D400}"), "\u{1D400}"),
        ]
        .into_iter()
        .filter(|(_, text)| !text.is_empty())
        .map(|(code, text)| (code.unwrap(), text.to_string()))
        .collect()
    };
    // Tagged, the blank glyph maps to the character the font gives it.
    let pdf = write(pages.clone(), &Meta::default(), &book).unwrap();
    let written = written_texts(&pdf);
    assert_eq!(written[&font.id], expected(Some("i")));
    assert_eq!(written[&font.id].len(), usize::from(font.last_code()));
    // Untagged, it maps to nothing.
    let meta = Meta {
        standard: crate::pdf::Standard::NONE,
        ..Meta::default()
    };
    let pdf = write(pages, &meta, &book).unwrap();
    assert_eq!(written_texts(&pdf)[&font.id], expected(None));
}

#[test]
fn a_cid_keyed_cff_font_maps_its_charset_cids() {
    let mut book = FontBook::bundled();
    let wanted: std::collections::BTreeSet<char> = "日本語".chars().collect();
    crate::fonts::fallback::add_system_fonts(&mut book, &wanted);
    let cff = book.faces().find(|(_, face)| {
        let shaper = face.parser();
        shaper
            .raw_face()
            .table(ttf_parser::Tag::from_bytes(b"CFF "))
            .is_some()
            && wanted.iter().all(|&c| shaper.glyph_index(c).is_some())
    });
    let Some((id, face)) = cff else {
        // CI installs fonts-noto-cjk, whose faces are CID-keyed CFF: there the test must run.
        assert!(
            std::env::var_os("CI").is_none(),
            "no CFF face covers 日本語, though CI installs fonts-noto-cjk"
        );
        eprintln!("note: no CFF face covers 日本語 here; the CFF font objects are not checked");
        return;
    };
    let glyphs: Vec<(u16, std::ops::Range<usize>)> = "日本語"
        .char_indices()
        .map(|(at, c)| {
            (
                face.parser().glyph_index(c).unwrap().0,
                at..at + c.len_utf8(),
            )
        })
        .collect();
    let pages = Pages {
        width: 300.0,
        height: 300.0,
        pages: vec![Page {
            items: vec![run_of(id, &glyphs, "日本語")],
        }],
        structure: Default::default(),
    };
    let pdf = write(pages.clone(), &Meta::default(), &book).unwrap();
    let embedded = embed_fonts(&pages, &book).unwrap();
    let font = &embedded[&id];
    let cids = font.subset.cids.as_ref().expect("a CID-keyed CFF font");
    let widths = &written_widths(&pdf)[&font.id];
    let texts = &written_texts(&pdf)[&font.id];
    assert_eq!((widths.len(), texts.len()), (3, 3));
    for (c, (gid, _)) in "日本語".chars().zip(&glyphs) {
        let code = font.code(*gid, &c.to_string()).unwrap();
        assert_eq!(widths[&cids[&code]], font.pdf_width(code));
        assert_eq!(texts[&cids[&code]], c.to_string());
    }
}
