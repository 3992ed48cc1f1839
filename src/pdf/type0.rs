//! The PDF objects of the embedded fonts, written straight into the document printpdf built:
//! for each subset a Type0 font (Identity-H) whose descendant CIDFont carries the `/W` widths,
//! its font descriptor with the font program, and a ToUnicode CMap.
//!
//! printpdf 0.12.8 used to write them from fonts registered with it: that meant parsing every
//! subset again into its `ParsedFont`, showing every code once on the first page for it to
//! collect, and replacing the widths it wrote. The objects here are those it wrote, byte for
//! byte: the same keys in the same order, numbers of the same kinds, the same CMap text, and the
//! same place in the object numbering (see [`add`]).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::PdfError;
use super::subset::{EmbeddedFont, Kind};
use crate::fonts::FaceId;

/// Objects per font: font program, ToUnicode CMap, font descriptor, Type0 font.
const OBJECTS_PER_FONT: u32 = 4;

/// The `/DW` printpdf wrote; every code has a `/W` entry, so it is never used.
const DEFAULT_WIDTH: i64 = 1000;

/// FontDescriptor `/Flags` (ISO 32000-1, table 123): non-symbolic, and italic when slanted.
const FLAG_NONSYMBOLIC: i64 = 1 << 5;
const FLAG_ITALIC: i64 = 1 << 6;

/// Bfchar entries per block, as a CMap allows at most.
const BFCHAR_BLOCK: usize = 100;

/// Adds the objects of `fonts` to `doc` and names each in the font resource dictionary every
/// page shares; in a `tagged` document a glyph that stands for no text maps to its stand-in.
///
/// printpdf numbered each font's objects (program, CMap, descriptor, Type0 font), in the order
/// of their names, between the page tree root and that resource dictionary, and the final
/// numbering (`renumber`) keeps the order of the numbers: the objects from the resource
/// dictionary on are moved up to make room for them there.
pub(crate) fn add(
    doc: &mut Document,
    fonts: &BTreeMap<FaceId, EmbeddedFont<'_>>,
    tagged: bool,
) -> Result<(), PdfError> {
    if fonts.is_empty() {
        return Ok(());
    }
    let mut by_name: Vec<&EmbeddedFont> = fonts.values().collect();
    by_name.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    let resources = font_resources(doc)?;
    // Fewer than 2^16 faces, each with a subset.
    let count = OBJECTS_PER_FONT * by_name.len() as u32;
    super::renumber::make_room(doc, resources.0, count);
    let mut names = Dictionary::new();
    let mut next = resources.0;
    for font in by_name {
        let mut id = || {
            next += 1;
            (next - 1, 0)
        };
        let (program, cmap, descriptor, type0) = (id(), id(), id(), id());
        doc.objects
            .insert(program, Object::Stream(program_stream(font)));
        let cmap_stream = Stream::new(Dictionary::new(), to_unicode(font, tagged));
        doc.objects.insert(cmap, Object::Stream(cmap_stream));
        let descriptor_dict = font_descriptor(font, program);
        doc.objects
            .insert(descriptor, Object::Dictionary(descriptor_dict));
        let font_dict = type0_font(font, cmap, descriptor);
        doc.objects.insert(type0, Object::Dictionary(font_dict));
        names.set(font.id.as_str(), Object::Reference(type0));
    }
    let moved = (resources.0 + count, resources.1);
    match doc.objects.get_mut(&moved) {
        Some(Object::Dictionary(dict)) => {
            *dict = names;
            Ok(())
        }
        _ => Err(internal("the font resources moved out of place")),
    }
}

fn internal(what: &str) -> PdfError {
    PdfError::Internal(what.to_string())
}

/// The font resource dictionary printpdf shares between the pages (empty: it has no fonts).
fn font_resources(doc: &Document) -> Result<ObjectId, PdfError> {
    let page = doc
        .page_iter()
        .next()
        .ok_or_else(|| internal("the document has no page"))?;
    let resources = doc
        .get_dictionary(page)?
        .get(b"Resources")?
        .as_reference()?;
    Ok(doc
        .get_dictionary(resources)?
        .get(b"Font")?
        .as_reference()?)
}

/// The font program stream: `/Length1` for TrueType, `/Subtype` for the kinds of CFF.
fn program_stream(font: &EmbeddedFont<'_>) -> Stream {
    let subset = &font.subset;
    let dict = match subset.kind {
        Kind::TrueType => {
            Dictionary::from_iter([("Length1", Object::Integer(subset.program.len() as i64))])
        }
        Kind::OpenType => Dictionary::from_iter([("Subtype", Object::from("OpenType"))]),
        Kind::BareCff => Dictionary::from_iter([("Subtype", Object::from("CIDFontType0C"))]),
    };
    Stream::new(dict, subset.program.clone())
}

/// The Type0 font, its descendant font inline.
fn type0_font(font: &EmbeddedFont<'_>, cmap: ObjectId, descriptor: ObjectId) -> Dictionary {
    let name = Object::Name(font.id.as_bytes().to_vec());
    let truetype = font.subset.kind == Kind::TrueType;
    let system_info = Dictionary::from_iter([
        ("Registry", literal("Adobe")),
        ("Ordering", literal("Identity")),
        ("Supplement", Object::Integer(0)),
    ]);
    let mut descendant = Dictionary::from_iter([
        ("Type", Object::from("Font")),
        ("BaseFont", name.clone()),
        (
            "Subtype",
            Object::from(if truetype {
                "CIDFontType2"
            } else {
                "CIDFontType0"
            }),
        ),
        ("CIDSystemInfo", Object::Dictionary(system_info)),
        ("W", Object::Array(widths(font))),
        ("DW", Object::Integer(DEFAULT_WIDTH)),
        ("FontDescriptor", Object::Reference(descriptor)),
    ]);
    if truetype {
        descendant.set("CIDToGIDMap", Object::from("Identity"));
    }
    Dictionary::from_iter([
        ("Type", Object::from("Font")),
        ("Subtype", Object::from("Type0")),
        ("BaseFont", name),
        ("Encoding", Object::from("Identity-H")),
        ("ToUnicode", Object::Reference(cmap)),
        (
            "DescendantFonts",
            Object::Array(vec![Object::Dictionary(descendant)]),
        ),
    ])
}

fn literal(text: &str) -> Object {
    Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
}

/// The `/W` array: for TrueType one run of the exact widths of codes 1 on; for CFF the
/// truncated widths in runs of consecutive codes (charset CIDs need not be consecutive), as
/// printpdf wrote them.
fn widths(font: &EmbeddedFont<'_>) -> Vec<Object> {
    let last = font.last_code();
    if font.subset.kind == Kind::TrueType {
        let run = (1..=last)
            .map(|code| Object::Real(font.pdf_width(code)))
            .collect();
        return vec![Object::Integer(1), Object::Array(run)];
    }
    let mut coded: Vec<(u16, u16)> = (1..=last).map(|gid| (shown(font, gid), gid)).collect();
    coded.sort_by_key(|&(code, _)| code);
    let mut out = Vec::new();
    let mut run: Vec<Object> = Vec::new();
    let mut previous = None;
    for (code, gid) in coded {
        if previous.is_none_or(|p: u16| u32::from(code) != u32::from(p) + 1) && !run.is_empty() {
            out.push(Object::Array(std::mem::take(&mut run)));
        }
        if run.is_empty() {
            out.push(Object::Integer(i64::from(code)));
        }
        // Truncated to whole units (see `EmbeddedFont::pdf_width`).
        run.push(Object::Integer(font.pdf_width(gid) as i64));
        previous = Some(code);
    }
    if !run.is_empty() {
        out.push(Object::Array(run));
    }
    out
}

/// The code `/W` and ToUnicode give subset glyph `gid`: its CID in a CID-keyed CFF font
/// (itself when the charset has none), else the glyph id.
fn shown(font: &EmbeddedFont<'_>, gid: u16) -> u16 {
    font.subset
        .cids
        .as_ref()
        .and_then(|cids| cids.get(&gid).copied())
        .unwrap_or(gid)
}

/// The font descriptor, metrics scaled to thousandths of an em as printpdf wrote them (the
/// cap height is the ascent; the stem width estimated from the weight class, 80 without one).
fn font_descriptor(font: &EmbeddedFont<'_>, program: ObjectId) -> Dictionary {
    let m = &font.subset.metrics;
    let scale = if m.units_per_em == 0 {
        1.0
    } else {
        1000.0 / f32::from(m.units_per_em)
    };
    let scaled = |v: i16| Object::Integer((f32::from(v) * scale).round() as i64);
    let italic_angle = if m.caret_slope_rise == 0 {
        0
    } else {
        let run = f32::from(m.caret_slope_run);
        (-run.atan2(f32::from(m.caret_slope_rise)).to_degrees()).round() as i64
    };
    let flags = FLAG_NONSYMBOLIC | if italic_angle != 0 { FLAG_ITALIC } else { 0 };
    let stem_v = if m.weight_class == 0 {
        80
    } else {
        50 + (f32::from(m.weight_class) / 65.0).powi(2).round() as i64
    };
    let file_key = match font.subset.kind {
        Kind::TrueType => "FontFile2",
        Kind::OpenType | Kind::BareCff => "FontFile3",
    };
    Dictionary::from_iter([
        ("Type", Object::from("FontDescriptor")),
        ("FontName", Object::Name(font.id.as_bytes().to_vec())),
        ("Ascent", scaled(m.ascender)),
        ("Descent", scaled(m.descender)),
        ("CapHeight", scaled(m.ascender)),
        ("ItalicAngle", Object::Integer(italic_angle)),
        ("Flags", Object::Integer(flags)),
        ("StemV", Object::Integer(stem_v)),
        ("FontBBox", Object::Array(m.bbox.map(scaled).to_vec())),
        (file_key, Object::Reference(program)),
    ])
}

/// The ToUnicode CMap: every code that stands for some text, in blocks of at most
/// [`BFCHAR_BLOCK`] codes sharing their high byte, each text in UTF-16BE. When two glyphs of
/// a CFF font show as the same code, the later glyph's text is the one kept.
fn to_unicode(font: &EmbeddedFont<'_>, tagged: bool) -> Vec<u8> {
    let mut texts: Vec<(u16, &str)> = font
        .code_texts(tagged)
        .map(|(gid, text)| (shown(font, gid), text))
        .collect();
    texts.sort_by_key(|&(code, _)| code);
    // Of equal codes the last is kept: reverse, keep the first of each, reverse back.
    texts.reverse();
    texts.dedup_by_key(|&mut (code, _)| code);
    texts.reverse();
    texts.retain(|(_, text)| !text.is_empty());
    let name = &font.id;
    let mut out = format!(
        "/CIDInit /ProcSet findresource begin\n\n12 dict begin\n\nbegincmap\n\n\
         %!PS-Adobe-3.0 Resource-CMap\n%%DocumentNeededResources: procset CIDInit\n\
         %%IncludeResource: procset CIDInit\n\n/CIDSystemInfo 3 dict dup begin\n\
         /Registry (FontSpecific) def\n/Ordering ({name}) def\n/Supplement 0 def\nend def\n\n\
         /CMapName /FontSpecific-{name} def\n/CMapVersion 1 def\n/CMapType 2 def\n\
         /WMode 0 def\n\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    );
    for block in texts.chunk_by(|a, b| a.0 >> 8 == b.0 >> 8) {
        for chunk in block.chunks(BFCHAR_BLOCK) {
            bfchar(&mut out, chunk);
        }
    }
    out.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
    out.into_bytes()
}

/// One `beginbfchar` … `endbfchar` block of `entries`.
fn bfchar(out: &mut String, entries: &[(u16, &str)]) {
    // Writing to a `String` cannot fail.
    let _ = writeln!(out, "{} beginbfchar", entries.len());
    for &(code, text) in entries {
        let _ = write!(out, "<{code:04X}> <");
        for unit in text.encode_utf16() {
            let _ = write!(out, "{unit:04X}");
        }
        out.push_str(">\n");
    }
    out.push_str("endbfchar\n");
}
