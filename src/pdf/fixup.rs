//! Post-processing of the document printpdf builds: our own document info, no PDF/X leftovers,
//! a consistent header version, no empty resources, fast compression and a content-derived `/ID`;
//! for a document written to a standard, its structure tree, metadata and output intent.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::marked::PageMarks;
use super::memo::Memo;
use super::standard::{self, Standard};
use super::tree::{self, TaggedPage};
use super::xmp::Packet;
use super::{Meta, PdfError};
use crate::structure::Structure;

/// The header version of a document written to no standard: PDF 1.5, the first with object
/// streams.
pub(crate) const PDF_VERSION: &str = "1.5";

/// Objects per object stream: one stream holds a typical resume's structure tree.
const OBJECTS_PER_STREAM: usize = 500;

/// Applies every fix-up and serialises the document; `marks` are what each page's marked
/// content refers to in `structure` (empty when the document is not tagged).
pub(crate) fn finish(
    mut doc: Document,
    meta: &Meta,
    structure: &Structure,
    marks: &[PageMarks],
) -> Result<Vec<u8>, PdfError> {
    let info = set_info(&mut doc, meta)?;
    fix_catalog(&mut doc, meta)?;
    tidy_pages(&mut doc);
    if !meta.standard.is_none() {
        conform(&mut doc, meta, &info, structure, marks)?;
    }
    super::renumber::prune_and_renumber(&mut doc);
    compress(&mut doc)?;
    set_id_placeholder(&mut doc);
    doc.version = if meta.standard.is_none() {
        PDF_VERSION
    } else {
        standard::PDF_VERSION
    }
    .to_string();
    // Object streams pack the small dictionaries (a tagged resume has a structure element for
    // every line) into deflated streams found through a cross-reference stream, the way lopdf
    // does but in a single pass (see `save`). The tree is dropped before the ID is stamped.
    let mut bytes = super::save::save(&doc, OBJECTS_PER_STREAM)?;
    drop(doc);
    stamp_id(&mut bytes)?;
    Ok(bytes)
}

/// A PDF text string: PDFDocEncoding when plain ASCII, else UTF-16BE with a byte order mark.
pub(crate) fn text_string(text: &str) -> Object {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(text.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// `D:YYYYMMDDHHmmSS+00'00'` for `unix` seconds (UTC).
pub(crate) fn pdf_date(unix: i64) -> Result<String, PdfError> {
    let [year, month, day, hour, minute, second] = civil_time(unix)?;
    Ok(format!(
        "D:{year:04}{month:02}{day:02}{hour:02}{minute:02}{second:02}+00'00'"
    ))
}

/// `YYYY-MM-DDThh:mm:ss+00:00`, the XMP form of [`pdf_date`].
fn xmp_date(unix: i64) -> Result<String, PdfError> {
    let [year, month, day, hour, minute, second] = civil_time(unix)?;
    Ok(format!(
        "{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}+00:00"
    ))
}

/// Year, month, day, hour, minute and second (UTC) of `unix` seconds.
fn civil_time(unix: i64) -> Result<[i64; 6], PdfError> {
    let days = unix.div_euclid(86_400);
    let secs = unix.rem_euclid(86_400);
    let (year, month, day) = crate::calendar::civil_from_days(days);
    if !(0..=9999).contains(&year) {
        return Err(PdfError::Date(unix));
    }
    Ok([
        year,
        i64::from(month),
        i64::from(day),
        secs / 3600,
        secs / 60 % 60,
        secs % 60,
    ])
}

/// The document information as written in `/Info`, for the XMP packet to repeat.
struct Info {
    keywords: String,
    creator: String,
}

/// What a standard asks beyond the document itself: the structure tree of a tagged document,
/// annotation flags and descriptions, tab order, metadata and output intent.
fn conform(
    doc: &mut Document,
    meta: &Meta,
    info: &Info,
    structure: &Structure,
    marks: &[PageMarks],
) -> Result<(), PdfError> {
    let pages: Vec<(ObjectId, Vec<ObjectId>)> = doc
        .get_pages()
        .into_values()
        .map(|id| (id, annotations(doc, id)))
        .collect();
    let contents = if meta.standard.tagged() {
        let tagged: Vec<TaggedPage<'_>> = pages
            .iter()
            .zip(marks)
            .map(|((id, annots), marks)| TaggedPage {
                id: *id,
                annotations: annots.clone(),
                marks,
            })
            .collect();
        tree::write(doc, structure, &tagged)?
    } else {
        Vec::new()
    };
    for (index, (page_id, annots)) in pages.iter().enumerate() {
        let page_contents = contents.get(index).map_or(&[][..], Vec::as_slice);
        standard::finish_annotations(doc, *page_id, annots, page_contents);
    }
    let date = xmp_date(meta.creation_date)?;
    let claims = if meta.standard_unmet {
        Standard::NONE
    } else {
        meta.standard
    };
    let packet = Packet {
        title: &meta.title,
        author: &meta.author,
        subject: &meta.subject,
        keywords: &info.keywords,
        creator: &info.creator,
        producer: PRODUCER,
        date: &date,
        language: meta
            .language
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty()),
        claims,
    };
    standard::finish_catalog(doc, meta.standard, &packet)
}

/// The annotations of a page, in order.
fn annotations(doc: &Document, page_id: ObjectId) -> Vec<ObjectId> {
    match doc.get_dictionary(page_id).and_then(|p| p.get(b"Annots")) {
        Ok(Object::Array(annots)) => annots
            .iter()
            .filter_map(|a| a.as_reference().ok())
            .collect(),
        _ => Vec::new(),
    }
}

/// `/Producer`.
const PRODUCER: &str = "resumepdf";

/// Replaces printpdf's info dictionary (which carries an empty `/GTS_PDFXVersion`, `/Trapped` and
/// an empty `/Identifier`) with ours.
fn set_info(doc: &mut Document, meta: &Meta) -> Result<Info, PdfError> {
    let date = pdf_date(meta.creation_date)?;
    let mut info = Dictionary::new();
    let keywords = meta.keywords.join(", ");
    let creator = format!("resumepdf {}", env!("CARGO_PKG_VERSION"));
    let fields = [
        ("Title", meta.title.as_str()),
        ("Author", meta.author.as_str()),
        ("Subject", meta.subject.as_str()),
        ("Keywords", keywords.as_str()),
        ("Creator", creator.as_str()),
        ("Producer", PRODUCER),
    ];
    for (key, value) in fields {
        if !value.is_empty() {
            info.set(key, text_string(value));
        }
    }
    info.set("CreationDate", Object::string_literal(date.clone()));
    info.set("ModDate", Object::string_literal(date));
    match doc.trailer.get(b"Info").and_then(Object::as_reference) {
        Ok(id) => {
            doc.objects.insert(id, Object::Dictionary(info));
        }
        Err(_) => {
            let id = doc.add_object(info);
            doc.trailer.set("Info", id);
        }
    }
    Ok(Info { keywords, creator })
}

/// `/Lang`, a `/PageMode` name (printpdf writes a string when it adds outlines) and no PDF/X
/// output intents.
fn fix_catalog(doc: &mut Document, meta: &Meta) -> Result<(), PdfError> {
    let catalog = doc.catalog_mut()?;
    if let Some(Object::String(mode, _)) = catalog.get(b"PageMode").ok().cloned() {
        catalog.set("PageMode", Object::Name(mode));
    }
    catalog.remove(b"OutputIntents");
    match meta.language.as_deref().map(str::trim) {
        Some(lang) if !lang.is_empty() => catalog.set("Lang", text_string(lang)),
        _ => {
            catalog.remove(b"Lang");
        }
    }
    Ok(())
}

fn is_empty_dict(doc: &Document, object: &Object) -> bool {
    match doc.dereference(object) {
        Ok((_, Object::Dictionary(dict))) => dict.is_empty(),
        _ => false,
    }
}

/// Drops what printpdf adds to every page even when empty or redundant: empty `/XObject`,
/// `/ExtGState`, `/Shading` and `/Font` resources, an empty `/Annots` array, and `/TrimBox` and
/// `/CropBox` equal to the `/MediaBox`. Makes annotations indirect objects, as ISO 32000-1
/// (table 30) asks; printpdf writes them inline.
fn tidy_pages(doc: &mut Document) {
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page_id in page_ids {
        indirect_annotations(doc, page_id);
        let Ok(page) = doc.get_dictionary(page_id) else {
            continue;
        };
        let media_box = page.get(b"MediaBox").ok().cloned();
        let mut drop_page_keys: Vec<&[u8]> = Vec::new();
        for key in [b"TrimBox".as_slice(), b"CropBox"] {
            if page.get(key).ok() == media_box.as_ref() {
                drop_page_keys.push(key);
            }
        }
        if matches!(page.get(b"Annots"), Ok(Object::Array(a)) if a.is_empty()) {
            drop_page_keys.push(b"Annots");
        }
        let resources_id = page.get(b"Resources").and_then(Object::as_reference).ok();
        let drop_resource_keys: Vec<Vec<u8>> = resources_id
            .and_then(|id| doc.get_dictionary(id).ok())
            .map(|resources| {
                resources
                    .iter()
                    .filter(|(_, v)| is_empty_dict(doc, v))
                    .map(|(k, _)| k.clone())
                    .collect()
            })
            .unwrap_or_default();
        if let Ok(page) = doc.get_dictionary_mut(page_id) {
            for key in drop_page_keys {
                page.remove(key);
            }
        }
        if let Some(Ok(resources)) = resources_id.map(|id| doc.get_dictionary_mut(id)) {
            for key in drop_resource_keys {
                resources.remove(&key);
            }
        }
    }
}

/// Moves inline annotation dictionaries of a page into objects of their own, each with `/P`.
fn indirect_annotations(doc: &mut Document, page_id: ObjectId) {
    let inline: Vec<Dictionary> = match doc.get_dictionary_mut(page_id) {
        Ok(page) => match page.get_mut(b"Annots") {
            Ok(Object::Array(annots)) => annots
                .iter_mut()
                .filter_map(|a| match std::mem::replace(a, Object::Null) {
                    Object::Dictionary(dict) => Some(dict),
                    other => {
                        *a = other;
                        None
                    }
                })
                .collect(),
            _ => return,
        },
        Err(_) => return,
    };
    if inline.is_empty() {
        return;
    }
    let mut ids = inline
        .into_iter()
        .map(|mut dict| {
            dict.set("P", Object::Reference(page_id));
            doc.add_object(dict)
        })
        .collect::<Vec<_>>()
        .into_iter();
    if let Ok(page) = doc.get_dictionary_mut(page_id)
        && let Ok(Object::Array(annots)) = page.get_mut(b"Annots")
    {
        for slot in annots.iter_mut().filter(|a| matches!(a, Object::Null)) {
            if let Some(id) = ids.next() {
                *slot = Object::Reference(id);
            }
        }
    }
}

/// Deflates every stream that may be compressed and is not yet, when that makes it smaller.
fn compress(doc: &mut Document) -> Result<(), PdfError> {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let font_program = stream.dict.has(b"Length1");
        let (compressed, padded) = deflate_stream(&stream.content, font_program)?;
        if compressed.len() + 20 < stream.content.len() {
            if let Some(data) = padded
                && font_program
            {
                stream
                    .dict
                    .set("Length1", Object::Integer(data.len() as i64));
            }
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(compressed);
        }
    }
    Ok(())
}

/// A page's content stream as [`compress`] leaves it: deflated, or `None` when that saves too
/// little and it stays as it is. Done as each page is written, so that no page's uncompressed
/// content waits for the rest of the document (for thousands of pages, hundreds of MB).
pub(crate) fn deflate_content(data: &[u8]) -> Result<Option<Vec<u8>>, PdfError> {
    let (compressed, _) = deflate_stream(data, false)?;
    Ok((compressed.len() + 20 < data.len()).then_some(compressed))
}

/// A stream's `data` deflated, and the data that was deflated when it needed padding.
///
/// A stream whose data ends in a carriage return reads as one byte shorter than its `/Length` to
/// a PDF/A validator, which takes the CR and the LF before `endstream` for one end-of-line
/// marker. The last byte of a zlib stream is part of the checksum of the data, so the data gets
/// a newline of padding, which means nothing to its reader: white space in a content stream or
/// CMap, a byte after a font program's tables. Each newline adds 10 to the checksum's last byte,
/// so one is enough.
fn deflate_stream(data: &[u8], font_program: bool) -> Result<(Vec<u8>, Option<Vec<u8>>), PdfError> {
    let deflate = if font_program { deflate_font } else { deflate };
    let compressed = deflate(data)?;
    if compressed.last() != Some(&b'\r') {
        return Ok((compressed, None));
    }
    let mut padded = data.to_vec();
    padded.push(b'\n');
    Ok((deflate(&padded)?, Some(padded)))
}

/// `data` zlib-compressed.
fn deflate(data: &[u8]) -> Result<Vec<u8>, PdfError> {
    Ok(super::zlib::compress(data)?)
}

/// Font programs recently compressed: a batch often embeds the same subset again.
static FONT_PROGRAMS: Memo<Vec<u8>, Vec<u8>> = Memo::new();

/// A font program zlib-compressed, through [`FONT_PROGRAMS`].
fn deflate_font(data: &[u8]) -> Result<Vec<u8>, PdfError> {
    FONT_PROGRAMS.get_or_try(data.to_vec(), |data| Ok(super::zlib::compress(data)?))
}

/// The trailer `/ID` written first, replaced by [`stamp_id`] once the file's bytes are known.
const ID_PLACEHOLDER: [u8; 16] = [0; 16];

/// How lopdf writes the placeholder `/ID` array: two hexadecimal strings.
const ID_PLACEHOLDER_HEX: &[u8] =
    b"/ID[<00000000000000000000000000000000><00000000000000000000000000000000>]";

/// Sets the trailer `/ID` to [`ID_PLACEHOLDER`] for [`stamp_id`] to fill in.
fn set_id_placeholder(doc: &mut Document) {
    let id = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", Object::Array(vec![id.clone(), id]));
}

/// Replaces the placeholder `/ID` in the serialised file with a digest of the file as written
/// with the placeholder: the same document gives the same bytes. ISO 32000-1 (14.4) suggests
/// MD5 and asks only for an identifier that is unique in practice; the first 16 bytes of the
/// file's BLAKE3 digest serve, for fewer instructions (0.25 M against MD5's 0.36 M for
/// john-doe), with the digest the batch manifest uses. Hashing the finished bytes once is
/// cheaper than walking the object tree (the tree holds every stream and many small
/// dictionaries; the file is their compressed form).
fn stamp_id(bytes: &mut [u8]) -> Result<(), PdfError> {
    let at = bytes
        .windows(ID_PLACEHOLDER_HEX.len())
        .rposition(|w| w == ID_PLACEHOLDER_HEX)
        .ok_or_else(|| PdfError::Internal("the trailer has no /ID to fill in".to_string()))?;
    let digest = blake3::hash(bytes);
    let mut hex = Vec::with_capacity(32);
    for byte in &digest.as_bytes()[..16] {
        hex.extend_from_slice(format!("{byte:02X}").as_bytes());
    }
    // `/ID[<` is 5 bytes; each string is 32 hex digits and `><` sits between them.
    bytes[at + 5..at + 37].copy_from_slice(&hex);
    bytes[at + 39..at + 71].copy_from_slice(&hex);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(pdf_date(0).unwrap(), "D:19700101000000+00'00'");
        assert_eq!(pdf_date(951_782_400).unwrap(), "D:20000229000000+00'00'");
        assert_eq!(pdf_date(1_700_000_000).unwrap(), "D:20231114221320+00'00'");
        assert_eq!(pdf_date(-1).unwrap(), "D:19691231235959+00'00'");
        assert!(matches!(pdf_date(i64::MAX / 2), Err(PdfError::Date(_))));
    }

    #[test]
    fn the_id_is_stamped_over_its_placeholder() {
        let mut bytes =
            b"x/ID[<00000000000000000000000000000000><00000000000000000000000000000000>]y".to_vec();
        stamp_id(&mut bytes).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let (first, second) = (&text[6..38], &text[40..72]);
        assert_eq!(first, second);
        assert!(first.bytes().all(|b| b.is_ascii_hexdigit()) && first != "0".repeat(32));
        assert!(matches!(
            stamp_id(&mut b"/ID[<00>]".to_vec()),
            Err(PdfError::Internal(_))
        ));
    }

    #[test]
    fn text_strings_are_ascii_or_utf16() {
        assert_eq!(
            text_string("Ann"),
            Object::String(b"Ann".to_vec(), StringFormat::Literal)
        );
        assert_eq!(
            text_string("Zoë"),
            Object::String(
                vec![0xFE, 0xFF, 0, b'Z', 0, b'o', 0, 0xEB],
                StringFormat::Hexadecimal
            )
        );
    }
}
