//! Font subsetting: every face a document uses is cut down, once per document, to the glyphs it
//! shows, and named with a deterministic `XXXXXX+PostScriptName` id (`type0` writes its PDF
//! objects).
//!
//! Each distinct *(glyph, text)* pair a document shows gets its own code (= glyph id in the subset
//! font). Usually a glyph always stands for the same text, but not always: the second glyph of a
//! cluster stands for nothing, and two characters may share one glyph. A ToUnicode CMap maps a code
//! to one string only, so when one glyph is shown with two texts it is copied into the subset twice,
//! and each copy maps back to its own text. Text extraction then returns exactly the input.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData as AllsortsData;
use allsorts::subset::{CmapTarget, SubsetProfile, subset};
use printpdf::{cff_charset_gid_to_cid_map, extract_cid_keyed_cff};

use super::PdfError;
use super::memo::Memo;
use super::sfnt::Metrics;
use crate::fonts::{Face, FaceId, FontBook, FontData};
use crate::typeset::pages::{GlyphRun, Item, Pages};

/// One face of the document, subset to the glyphs it shows.
pub(crate) struct EmbeddedFont<'p> {
    /// Resource id and PDF font name, `XXXXXX+PostScriptName`.
    pub id: String,
    /// The subset font program, its kind and metrics.
    pub subset: Arc<Subset>,
    /// (original glyph id, text it stands for) of each code in the subset font, in order: the
    /// code of a pair is its index + 1. Sorted, so a glyph's pairs are neighbours, found by a
    /// binary search on the glyph id (every glyph a page shows is looked up).
    codes: Vec<(u16, Cow<'p, str>)>,
    /// For each glyph shown standing for no text (a mark its base glyph's text includes, a
    /// later glyph of a cluster): the character the font maps to it, else U+FFFD. A tagged PDF
    /// maps every code to some text; the run's `/ActualText` then says what it reads as.
    stand_ins: BTreeMap<u16, String>,
    /// `/W` width of each code (see [`EmbeddedFont::pdf_width`]), by code.
    widths: Vec<f32>,
}

impl EmbeddedFont<'_> {
    /// The code that shows original glyph `gid` standing for `text`.
    pub fn code(&self, gid: u16, text: &str) -> Option<u16> {
        let first = self.codes.partition_point(|(g, _)| *g < gid);
        let index = self.codes[first..]
            .iter()
            .take_while(|(g, _)| *g == gid)
            .position(|(_, t)| t == text)?;
        u16::try_from(first + index + 1).ok()
    }

    /// The text code `gid` maps to when it stands for no text (see `stand_ins`).
    pub fn stand_in(&self, gid: u16) -> &str {
        self.stand_ins.get(&gid).map_or("\u{FFFD}", String::as_str)
    }

    /// Each code with the text ToUnicode maps it to: the text of its pair, or in a `tagged`
    /// document the stand-in of a glyph that stands for no text.
    pub fn code_texts(&self, tagged: bool) -> impl Iterator<Item = (u16, &str)> {
        self.codes
            .iter()
            .zip(1u16..)
            .map(move |((gid, text), code)| {
                let text = if text.is_empty() && tagged {
                    self.stand_in(*gid)
                } else {
                    text
                };
                (code, text)
            })
    }

    /// The last code: the codes are 1 to this (glyph 0 of the subset has none).
    pub fn last_code(&self) -> u16 {
        // `embed_face` refuses more than `u16::MAX` glyphs.
        self.codes.len() as u16
    }

    /// The width `/W` gives `code`, in thousandths of an em.
    ///
    /// For a TrueType font it is the glyph's advance to 1/100 of a unit, so a line of unkerned
    /// glyphs needs no `TJ` numbers at all: a line's rounding errors stay far below the half
    /// unit that calls for one. Whole units (what printpdf wrote) left a number after every
    /// third glyph or so; three decimals made the `/W` arrays longer than the content they saved.
    ///
    /// For a CFF font it is the width printpdf 0.12.8 wrote, `(advance as f32 * 1000.0 /
    /// units_per_em as f32) as i64`, truncated (kept so that the bytes stay the same); the
    /// content stream corrects for the truncation. `type0` writes these very widths into `/W`,
    /// and a unit test checks them.
    pub fn pdf_width(&self, code: u16) -> f32 {
        self.widths.get(usize::from(code)).copied().unwrap_or(0.0)
    }
}

/// A face cut down to the glyphs of a document, ready to embed.
pub(crate) struct Subset {
    /// The font program as embedded: the subset sfnt, or the bare `CFF ` table of a CID-keyed
    /// one (see [`Kind::BareCff`]).
    pub program: Vec<u8>,
    pub kind: Kind,
    pub metrics: Metrics,
    /// For a CID-keyed CFF font: the CID of each glyph, which the codes of the content stream,
    /// `/W` and ToUnicode are (a viewer maps an Identity-H code to a glyph through the charset).
    pub cids: Option<BTreeMap<u16, u16>>,
}

/// The outlines of a subset, which decide the descendant font's subtype and font file key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// `glyf` outlines: CIDFontType2, `/FontFile2`.
    TrueType,
    /// Name-keyed CFF outlines in an OpenType sfnt: CIDFontType0, `/FontFile3` `/OpenType`.
    OpenType,
    /// CID-keyed CFF outlines, embedded as the bare `CFF ` table: CIDFontType0, `/FontFile3`
    /// `/CIDFontType0C`. Only under this wrapper do all viewers resolve the codes (charset
    /// CIDs) the same way, as printpdf's `extract_cid_keyed_cff` explains.
    BareCff,
}

/// [`EmbeddedFont::pdf_width`] of every code of `subset` (codes 0..=`last`), computed once:
/// every glyph shown needs its width twice (placing it, writing the content stream).
fn pdf_widths(subset: &Subset, last: u16) -> Vec<f32> {
    let units_per_em = f32::from(subset.metrics.units_per_em);
    (0..=last)
        .map(|code| {
            let width = f32::from(subset.metrics.advance(code)) * 1000.0 / units_per_em;
            if subset.kind == Kind::TrueType {
                (width * 100.0).round() / 100.0
            } else {
                width.trunc()
            }
        })
        .collect()
}

/// The text a glyph of `run` stands for, or an error when its range does not fit the run's text.
pub(crate) fn glyph_text<'r>(
    run: &'r GlyphRun,
    range: &std::ops::Range<usize>,
    page: usize,
) -> Result<&'r str, PdfError> {
    // Not `ok_or`: it would build (and drop) the error for every glyph of the document.
    match run.text.get(range.clone()) {
        Some(text) => Ok(text),
        None => Err(PdfError::GlyphText {
            page,
            start: range.start,
            end: range.end,
        }),
    }
}

/// Collects the glyphs each face shows in `pages` and subsets every used face once. The fonts
/// own their texts, so that the writer can let each page go once its content is written.
pub(crate) fn embed_fonts<'p>(
    pages: &'p Pages,
    book: &FontBook,
) -> Result<BTreeMap<FaceId, EmbeddedFont<'static>>, PdfError> {
    let faces: BTreeMap<FaceId, &Face> = book.faces().collect();
    // Every glyph shown is one lookup: a hash set finds the few hundred pairs among thousands
    // of glyphs for a third of a B-tree's instructions; they are sorted once at the end.
    let mut used: BTreeMap<FaceId, foldhash::HashSet<(u16, Cow<'p, str>)>> = BTreeMap::new();
    for (index, page) in pages.pages.iter().enumerate() {
        for item in &page.items {
            let Item::Text(run) = item else { continue };
            if !faces.contains_key(&run.face) {
                return Err(PdfError::UnknownFace {
                    page: index + 1,
                    face: run.face.0,
                });
            }
            let set = used.entry(run.face).or_default();
            let reversed = run.right_to_left;
            for glyph in &run.glyphs {
                let text = glyph_text(run, &glyph.text, index + 1)?;
                set.insert((glyph.id, super::runs::shown(text, reversed)));
            }
        }
    }
    used.into_iter()
        .filter(|(_, pairs)| !pairs.is_empty())
        .map(|(face_id, pairs)| {
            // Proven above: every face in `used` is in `faces`.
            let face = faces[&face_id];
            Ok((face_id, embed_face(face, pairs.into_iter().collect())?))
        })
        .collect()
}

/// Subsets `face` to `pairs` (in order: the code of a pair is its index + 1; glyph 0 comes first).
fn embed_face(
    face: &Face,
    pairs: BTreeSet<(u16, Cow<'_, str>)>,
) -> Result<EmbeddedFont<'static>, PdfError> {
    let fail = |reason: String| PdfError::Subset {
        font: face.postscript_name().to_string(),
        reason,
    };
    let glyph_ids = glyph_ids_of(&pairs);
    if glyph_ids.len() > usize::from(u16::MAX) {
        return Err(fail(format!("{} glyphs are too many", glyph_ids.len())));
    }
    let key = SubsetKey {
        file: face.file().clone(),
        index: face.index,
        glyph_ids,
        chars: cmap_chars(face, &pairs),
    };
    let subset = SUBSETS
        .get_or_try(key, |key| subset_face(face, &key.glyph_ids, &key.chars))
        .map_err(fail)?;
    let id = format!(
        "{}+{}",
        subset_tag(&pairs),
        pdf_name(face.postscript_name())
    );
    let stand_ins = stand_ins(face, &pairs);
    let widths = pdf_widths(&subset, pairs.len() as u16);
    let codes = pairs
        .into_iter()
        .map(|(gid, text)| (gid, Cow::Owned(text.into_owned())))
        .collect();
    Ok(EmbeddedFont {
        id,
        subset,
        codes,
        stand_ins,
        widths,
    })
}

/// Glyph 0, then the glyph of each pair in order: the glyphs of the subset font.
fn glyph_ids_of(pairs: &BTreeSet<(u16, Cow<'_, str>)>) -> Vec<u16> {
    std::iter::once(0)
        .chain(pairs.iter().map(|&(gid, _)| gid))
        .collect()
}

/// The characters of `pairs` the face's own `cmap` maps to their glyph, each with its code:
/// the subset font's `cmap`, sorted by character.
fn cmap_chars(face: &Face, pairs: &BTreeSet<(u16, Cow<'_, str>)>) -> Vec<(char, u16)> {
    let mut chars: Vec<(char, u16)> = pairs
        .iter()
        .zip(1u16..)
        .filter_map(|((gid, text), code)| {
            let mut text = text.chars();
            let c = text.next().filter(|_| text.next().is_none())?;
            (face.parser().glyph_index(c).map(|g| g.0) == Some(*gid)).then_some((c, code))
        })
        .collect();
    chars.sort_unstable();
    chars
}

/// What a subset font is made of: a face (its shared file and index), the glyphs kept and the
/// characters its `cmap` maps.
struct SubsetKey {
    file: FontData,
    index: u32,
    glyph_ids: Vec<u16>,
    chars: Vec<(char, u16)>,
}

impl PartialEq for SubsetKey {
    fn eq(&self, other: &Self) -> bool {
        // The same file is the same allocation; the key holds it, so its address is not reused.
        std::ptr::addr_eq(Arc::as_ptr(&self.file), Arc::as_ptr(&other.file))
            && self.index == other.index
            && self.glyph_ids == other.glyph_ids
            && self.chars == other.chars
    }
}

/// Subset fonts recently made: a batch renders one resume in several layouts, which often show
/// the same glyphs of the same faces.
static SUBSETS: Memo<SubsetKey, Arc<Subset>> = Memo::new();

/// `face` cut down to `glyph_ids`, without hinting; `Err` with the reason. TrueType outlines
/// are cut by [`super::sfnt`]; allsorts cuts CFF outlines (which carry no hinting this project
/// strips).
fn subset_face(
    face: &Face,
    glyph_ids: &[u16],
    chars: &[(char, u16)],
) -> Result<Arc<Subset>, String> {
    let sfnt = match super::sfnt::subset(face.parser(), glyph_ids, chars)? {
        Some(bytes) => bytes,
        None => subset_cff(face, glyph_ids)?,
    };
    // Read from the sfnt: a bare CFF table has no `head`, `hhea` or `hmtx`.
    let metrics = super::sfnt::metrics(&sfnt)?;
    let (kind, program, cids) = match extract_cid_keyed_cff(&sfnt, 0) {
        Some(table) => {
            let cids = cff_charset_gid_to_cid_map(&sfnt, 0).filter(|cids| !cids.is_empty());
            (Kind::BareCff, table, cids)
        }
        None if sfnt.starts_with(b"OTTO") => (Kind::OpenType, sfnt, None),
        None => (Kind::TrueType, sfnt, None),
    };
    Ok(Arc::new(Subset {
        program,
        kind,
        metrics,
        cids,
    }))
}

/// `face`, a font with CFF outlines, cut down to `glyph_ids` by allsorts.
fn subset_cff(face: &Face, glyph_ids: &[u16]) -> Result<Vec<u8>, String> {
    let font_data = ReadScope::new(face.data())
        .read::<AllsortsData<'_>>()
        .map_err(|e| e.to_string())?;
    let provider = font_data
        .table_provider(face.index as usize)
        .map_err(|e| e.to_string())?;
    subset(
        &provider,
        glyph_ids,
        &SubsetProfile::Pdf,
        CmapTarget::Unrestricted,
    )
    .map_err(|e| e.to_string())
}

/// The characters the font's cmap maps to each glyph of `pairs` that stands for no text (the
/// lowest code point when several do).
fn stand_ins(face: &Face, pairs: &BTreeSet<(u16, Cow<'_, str>)>) -> BTreeMap<u16, String> {
    let wanted: BTreeSet<u16> = pairs
        .iter()
        .filter(|(_, text)| text.is_empty())
        .map(|&(gid, _)| gid)
        .collect();
    let mut found: BTreeMap<u16, char> = BTreeMap::new();
    if wanted.is_empty() {
        return BTreeMap::new();
    }
    let Some(cmap) = face.parser().tables().cmap else {
        return BTreeMap::new();
    };
    for subtable in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
        subtable.codepoints(|code| {
            let glyph = subtable.glyph_index(code).map(|g| g.0);
            if let (Some(gid), Some(c)) =
                (glyph.filter(|g| wanted.contains(g)), char::from_u32(code))
            {
                found
                    .entry(gid)
                    .and_modify(|known| *known = (*known).min(c))
                    .or_insert(c);
            }
        });
    }
    found.into_iter().map(|(g, c)| (g, c.to_string())).collect()
}

/// Six uppercase letters derived from the used (glyph, text) set: the same glyphs give the same tag,
/// so the same input gives the same bytes.
fn subset_tag(pairs: &BTreeSet<(u16, Cow<'_, str>)>) -> String {
    let mut hash = blake3::Hasher::new();
    for (gid, text) in pairs {
        hash.update(&gid.to_be_bytes());
        hash.update(&(text.len() as u64).to_be_bytes());
        hash.update(text.as_bytes());
    }
    let digest = hash.finalize();
    let digest = digest.as_bytes();
    let mut n = u64::from_be_bytes([
        digest[0], digest[1], digest[2], digest[3], digest[4], digest[5], digest[6], digest[7],
    ]);
    (0..6)
        .map(|_| {
            let letter = char::from(b'A' + (n % 26) as u8);
            n /= 26;
            letter
        })
        .collect()
}

/// A PostScript name fit for a PDF name: printable ASCII without delimiters or spaces.
fn pdf_name(postscript_name: &str) -> String {
    let clean: String = postscript_name
        .chars()
        .filter(|c| c.is_ascii_graphic() && !"()<>[]{}/%#".contains(*c))
        .take(63)
        .collect();
    if clean.is_empty() {
        "Font".to_string()
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::Style;
    use crate::pdf::tests::run;
    use crate::typeset::pages::Page;

    fn pages(items: Vec<Item>) -> Pages {
        Pages {
            width: 200.0,
            height: 200.0,
            pages: vec![Page { items }],
            structure: Default::default(),
        }
    }

    #[test]
    fn one_glyph_with_two_texts_gets_two_codes() {
        let book = FontBook::bundled();
        let face = book.find("Carlito", Style::REGULAR).unwrap();
        let doc = pages(vec![run(face, &[10, 11], "ab"), run(face, &[10, 12], "cd")]);
        let fonts = embed_fonts(&doc, &book).unwrap();
        let font = &fonts[&face];
        assert_eq!(font.code(10, "a"), Some(1));
        assert_eq!(font.code(10, "c"), Some(2));
        assert_eq!(font.code(11, "b"), Some(3));
        assert_eq!(font.code(12, "d"), Some(4));
        assert_eq!(font.code(12, "x"), None);
        // Both copies of glyph 10 keep its advance.
        assert_eq!(font.pdf_width(1), font.pdf_width(2));
        let name = book.face(face).postscript_name();
        assert!(font.id.ends_with(&format!("+{name}")), "{}", font.id);
    }

    #[test]
    fn tag_depends_on_the_glyph_set_only() {
        let book = FontBook::bundled();
        let face = book.find("Carlito", Style::REGULAR).unwrap();
        let tag = |gids: &[u16], text: &str| {
            let doc = pages(vec![run(face, gids, text)]);
            let fonts = embed_fonts(&doc, &book).unwrap();
            fonts[&face].id.clone()
        };
        assert_eq!(tag(&[10, 11], "ab"), tag(&[11, 10], "ba"));
        assert_ne!(tag(&[10, 11], "ab"), tag(&[10, 12], "ab"));
        let id = tag(&[10, 11], "ab");
        assert!(id[..6].bytes().all(|b| b.is_ascii_uppercase()) && &id[6..7] == "+");
    }

    #[test]
    fn bad_glyph_ranges_and_faces_are_errors() {
        let book = FontBook::bundled();
        let face = book.find("Carlito", Style::REGULAR).unwrap();
        let error = |item: Item| {
            let doc = pages(vec![item]);
            embed_fonts(&doc, &book).err()
        };
        let err = error(run(face, &[10, 11, 12], "ab"));
        assert!(matches!(err, Some(PdfError::GlyphText { page: 1, .. })));
        let err = error(run(FaceId(999), &[10], "a"));
        assert!(matches!(err, Some(PdfError::UnknownFace { face: 999, .. })));
        let err = error(run(face, &[60000], "a"));
        assert!(matches!(err, Some(PdfError::Subset { .. })), "{err:?}");
    }
}
