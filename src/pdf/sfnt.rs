//! Cuts a TrueType font program down to the glyphs a document shows, without hinting.
//!
//! allsorts can subset a font, but it parses the whole `glyf`, `cmap` and `post` tables of the
//! face to keep a few dozen glyphs: 3.7 M of the 38.5 M instructions of one render, and the
//! result still needed a second pass to drop the hinting. This module reads only the glyphs it
//! keeps, through ttf-parser's table lookup, and writes each without its instructions in the same
//! pass: composite glyphs lose their WE_HAVE_INSTRUCTIONS flags, the hinting tables (`cvt `,
//! `fpgm`, `prep` and the device tables) are not copied, and the font is assembled with fresh
//! `loca`, offsets and checksums (OpenType spec, "glyf", "loca", "hmtx", "cmap" and "Font file"
//! chapters). PDF viewers mostly ignore hints or re-hint automatically, and print output never
//! uses them; in Liberation Serif the instructions are two thirds of `glyf`.
//!
//! The subset keeps the tables a CIDFontType2 font program needs (ISO 32000-1, 9.9): `glyf`,
//! `loca`, `head`, `hhea`, `hmtx`, `maxp`, plus `name`, a version 3 `post` (no glyph names) and a
//! `cmap` mapping each character a glyph is shown for to its code. Fonts with CFF outlines have
//! no `glyf` table and are left to allsorts.

use ttf_parser::Tag;

/// Composite glyph component flags.
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

fn u16_at(data: &[u8], at: usize) -> Result<u16, String> {
    data.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or_else(|| format!("font data ends before offset {at}"))
}

fn u32_at(data: &[u8], at: usize) -> Result<u32, String> {
    data.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
        .ok_or_else(|| format!("font data ends before offset {at}"))
}

/// The OpenType table checksum: the sum of the big-endian u32 words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0u8; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

/// One glyph without its instructions, its components renumbered by `component`.
fn glyph_without_hints(
    glyph: &[u8],
    mut component: impl FnMut(u16) -> Result<u16, String>,
) -> Result<Vec<u8>, String> {
    if glyph.len() < 10 {
        return Ok(glyph.to_vec());
    }
    let contours = u16_at(glyph, 0)? as i16;
    if contours >= 0 {
        let lengths_at = 10 + 2 * contours as usize;
        let instructions = usize::from(u16_at(glyph, lengths_at)?);
        let rest = glyph
            .get(lengths_at + 2 + instructions..)
            .ok_or("glyph instructions run past the glyph")?;
        let mut out = Vec::with_capacity(lengths_at + 2 + rest.len());
        out.extend_from_slice(&glyph[..lengths_at]);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(rest);
        return Ok(out);
    }
    let mut out = glyph.to_vec();
    let mut at = 10;
    loop {
        let flags = u16_at(glyph, at)?;
        out[at..at + 2].copy_from_slice(&(flags & !WE_HAVE_INSTRUCTIONS).to_be_bytes());
        let new_id = component(u16_at(glyph, at + 2)?)?;
        out[at + 2..at + 4].copy_from_slice(&new_id.to_be_bytes());
        at += 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 {
            4
        } else {
            2
        };
        at += if flags & WE_HAVE_A_SCALE != 0 {
            2
        } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
            4
        } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if at > glyph.len() {
            return Err("composite glyph runs past its end".into());
        }
        if flags & MORE_COMPONENTS == 0 {
            out.truncate(at);
            return Ok(out);
        }
    }
}

/// The table `tag` of `face`, or an error naming it.
fn table<'f>(face: &ttf_parser::Face<'f>, tag: &[u8; 4]) -> Result<&'f [u8], String> {
    face.raw_face()
        .table(Tag::from_bytes(tag))
        .ok_or_else(|| format!("the font has no `{}` table", String::from_utf8_lossy(tag)))
}

/// `face` cut down to `glyph_ids` (glyph *i* of the subset is `glyph_ids[i]`; the components of
/// composite glyphs follow, each once), without hinting, with a `cmap` of `chars` (character,
/// subset glyph). `Ok(None)` when the face has no `glyf` table.
pub(crate) fn subset(
    face: &ttf_parser::Face<'_>,
    glyph_ids: &[u16],
    chars: &[(char, u16)],
) -> Result<Option<Vec<u8>>, String> {
    let Some(glyf) = face.raw_face().table(Tag::from_bytes(b"glyf")) else {
        return Ok(None);
    };
    let (loca, head, maxp) = (
        table(face, b"loca")?,
        table(face, b"head")?,
        table(face, b"maxp")?,
    );
    let (hhea, hmtx) = (table(face, b"hhea")?, table(face, b"hmtx")?);
    let long_offsets = u16_at(head, 50)? != 0;
    let glyph_count = u16_at(maxp, 4)?;
    let offset = |i: usize| -> Result<usize, String> {
        Ok(if long_offsets {
            u32_at(loca, 4 * i)? as usize
        } else {
            2 * usize::from(u16_at(loca, 2 * i)?)
        })
    };
    let long_metrics = usize::from(u16_at(hhea, 34)?);
    if long_metrics == 0 {
        return Err("the font's hhea declares no metrics".into());
    }

    let mut ids = glyph_ids.to_vec();
    let mut first_index: std::collections::HashMap<u16, u16> = std::collections::HashMap::new();
    for (index, &id) in ids.iter().enumerate() {
        first_index.entry(id).or_insert(index as u16);
    }
    let align = if long_offsets { 4 } else { 2 };
    let (mut new_glyf, mut new_loca, mut new_hmtx) = (Vec::new(), Vec::new(), Vec::new());
    let mut next = 0;
    while next < ids.len() {
        let id = ids[next];
        if id >= glyph_count {
            return Err(format!(
                "glyph {id} is not in the font ({glyph_count} glyphs)"
            ));
        }
        let at = usize::from(id);
        let glyph = glyf
            .get(offset(at)?..offset(at + 1)?)
            .ok_or("glyph outside glyf")?;
        let glyph = glyph_without_hints(glyph, |component| {
            if component >= glyph_count {
                return Err(format!("a composite glyph uses missing glyph {component}"));
            }
            let new_id = *first_index.entry(component).or_insert_with(|| {
                ids.push(component);
                (ids.len() - 1) as u16
            });
            Ok(new_id)
        })?;
        if ids.len() > usize::from(u16::MAX) {
            return Err(format!("{} glyphs are too many", ids.len()));
        }
        push_offset(new_glyf.len(), long_offsets, &mut new_loca)?;
        new_glyf.extend_from_slice(&glyph);
        new_glyf.resize(new_glyf.len().next_multiple_of(align), 0);
        let metric = 4 * at.min(long_metrics - 1);
        let advance = hmtx.get(metric..metric + 2).ok_or("hmtx too short")?;
        let side_bearing = if at < long_metrics {
            4 * at + 2
        } else {
            4 * long_metrics + 2 * (at - long_metrics)
        };
        let side_bearing = hmtx
            .get(side_bearing..side_bearing + 2)
            .ok_or("hmtx too short")?;
        new_hmtx.extend_from_slice(advance);
        new_hmtx.extend_from_slice(side_bearing);
        next += 1;
    }
    push_offset(new_glyf.len(), long_offsets, &mut new_loca)?;

    let count = (ids.len() as u16).to_be_bytes();
    let mut new_maxp = maxp.to_vec();
    new_maxp[4..6].copy_from_slice(&count);
    let mut new_hhea = hhea.to_vec();
    new_hhea[34..36].copy_from_slice(&count);
    let mut post = table(face, b"post")?
        .get(..32)
        .ok_or("post table too short")?
        .to_vec();
    post[..4].copy_from_slice(&0x0003_0000u32.to_be_bytes());
    let name = face
        .raw_face()
        .table(Tag::from_bytes(b"name"))
        .map(names)
        .unwrap_or_default();
    let tables = vec![
        (*b"cmap", cmap(chars)),
        (*b"glyf", new_glyf),
        (*b"head", head.to_vec()),
        (*b"hhea", new_hhea),
        (*b"hmtx", new_hmtx),
        (*b"loca", new_loca),
        (*b"maxp", new_maxp),
        (*b"name", name),
        (*b"post", post),
    ];
    assemble(0x0001_0000, tables).map(Some)
}

/// Name ids a subset keeps: copyright, family, subfamily, full name, PostScript name,
/// trademark, licence and licence URL. The rest (version, vendor, designer, description, URLs)
/// is most of a `name` table (1.4 of Liberation Serif's 3 KB is its description) and nothing
/// a document needs.
const KEPT_NAMES: [u16; 8] = [0, 1, 2, 4, 6, 7, 13, 14];

/// The records of `name` (a format 0 table) with an id in [`KEPT_NAMES`], on the Unicode and
/// Windows platforms; the Macintosh records repeat them in another encoding. `name` comes back
/// whole when it is another format or no record qualifies.
fn names(name: &[u8]) -> Vec<u8> {
    let kept = |record: &[u8]| {
        let (platform, id) = (
            u16::from_be_bytes([record[0], record[1]]),
            u16::from_be_bytes([record[6], record[7]]),
        );
        platform != 1 && KEPT_NAMES.contains(&id)
    };
    let (Ok(0), Ok(count), Ok(strings)) = (u16_at(name, 0), u16_at(name, 2), u16_at(name, 4))
    else {
        return name.to_vec();
    };
    let Some(records) = name.get(6..6 + 12 * usize::from(count)) else {
        return name.to_vec();
    };
    let records: Vec<&[u8]> = records.chunks_exact(12).filter(|r| kept(r)).collect();
    let storage_at = 6 + 12 * records.len();
    let mut out = Vec::with_capacity(storage_at + 1024);
    for field in [0, records.len() as u16, storage_at as u16] {
        out.extend_from_slice(&u16::to_be_bytes(field));
    }
    let mut storage = Vec::new();
    for record in &records {
        let length = usize::from(u16::from_be_bytes([record[8], record[9]]));
        let at = usize::from(strings) + usize::from(u16::from_be_bytes([record[10], record[11]]));
        let (Some(text), Ok(offset)) = (name.get(at..at + length), u16::try_from(storage.len()))
        else {
            return name.to_vec();
        };
        out.extend_from_slice(&record[..10]);
        out.extend_from_slice(&offset.to_be_bytes());
        storage.extend_from_slice(text);
    }
    if records.is_empty() {
        return name.to_vec();
    }
    out.extend_from_slice(&storage);
    out
}

/// Appends a `loca` entry for a glyph starting at byte `at` of `glyf`.
fn push_offset(at: usize, long_offsets: bool, loca: &mut Vec<u8>) -> Result<(), String> {
    if long_offsets {
        let at = u32::try_from(at).map_err(|_| "glyf too long")?;
        loca.extend_from_slice(&at.to_be_bytes());
    } else {
        let at = u16::try_from(at / 2).map_err(|_| "glyf too long for short offsets")?;
        loca.extend_from_slice(&at.to_be_bytes());
    }
    Ok(())
}

/// The most segments a format 4 subtable can hold: its length (16 + 8 per segment bytes) is a
/// 16-bit number.
const MAX_SEGMENTS: usize = (u16::MAX as usize - 16) / 8;

/// A `cmap` table with one Windows Unicode BMP subtable (format 4) mapping each of `chars`
/// (character, glyph; sorted by character, each character once) in the Basic Multilingual Plane
/// to its glyph. Consecutive characters on consecutive glyphs share a segment.
fn cmap(chars: &[(char, u16)]) -> Vec<u8> {
    // (first character, last character, glyph − character, modulo 65536)
    let mut segments: Vec<(u16, u16, u16)> = Vec::new();
    let bmp = chars
        .iter()
        .filter_map(|&(c, glyph)| Some((u16::try_from(u32::from(c)).ok()?, glyph)))
        .filter(|&(c, _)| c != 0xFFFF);
    for (c, glyph) in bmp {
        let delta = glyph.wrapping_sub(c);
        match segments.last_mut() {
            Some((_, last, last_delta)) if c == *last + 1 && delta == *last_delta => *last = c,
            _ => segments.push((c, c, delta)),
        }
    }
    // A subtable's length is 16 bits: at most MAX_SEGMENTS segments. Characters past them go
    // unmapped; PDF readers take the text from the ToUnicode CMap, not from this table.
    segments.truncate(MAX_SEGMENTS - 1);
    // The table must end with a segment for U+FFFF, mapped to glyph 0.
    segments.push((0xFFFF, 0xFFFF, 1));
    let count = segments.len() as u16;
    let power = 15 - count.leading_zeros().min(15) as u16; // floor(log2(count))
    let search_range = 2 << power;
    let length = 16 + 8 * count;
    let mut out = Vec::with_capacity(12 + usize::from(length));
    for field in [0, 1, 3, 1] {
        out.extend_from_slice(&u16::to_be_bytes(field)); // version, tables, platform, encoding
    }
    out.extend_from_slice(&12u32.to_be_bytes()); // subtable offset
    for field in [
        4,
        length,
        0,
        2 * count,
        search_range,
        power,
        2 * count - search_range,
    ] {
        out.extend_from_slice(&u16::to_be_bytes(field));
    }
    let column = |out: &mut Vec<u8>, field: fn(&(u16, u16, u16)) -> u16| {
        for segment in &segments {
            out.extend_from_slice(&field(segment).to_be_bytes());
        }
    };
    column(&mut out, |s| s.1); // endCode
    out.extend_from_slice(&[0, 0]); // reservedPad
    column(&mut out, |s| s.0); // startCode
    column(&mut out, |s| s.2); // idDelta
    column(&mut out, |_| 0); // idRangeOffset
    out
}

/// Writes an sfnt from its tables (sorted by tag), with checksums and `head.checkSumAdjustment`.
fn assemble(version: u32, mut tables: Vec<([u8; 4], Vec<u8>)>) -> Result<Vec<u8>, String> {
    if tables.is_empty() {
        return Err("a font needs tables".into());
    }
    let count = u16::try_from(tables.len()).map_err(|_| "too many tables")?;
    let power = 15 - count.leading_zeros().min(15) as u16; // floor(log2(count))
    let search_range = (1u16 << power) * 16;
    let mut out = Vec::new();
    out.extend_from_slice(&version.to_be_bytes());
    out.extend_from_slice(&count.to_be_bytes());
    out.extend_from_slice(&search_range.to_be_bytes());
    out.extend_from_slice(&power.to_be_bytes());
    out.extend_from_slice(&(count * 16 - search_range).to_be_bytes());
    let mut offset = 12 + 16 * tables.len();
    let mut head_at = None;
    for (tag, data) in &mut tables {
        if tag == b"head" {
            // The adjustment is computed with the field zeroed.
            data.get_mut(8..12)
                .ok_or("head table too short")?
                .copy_from_slice(&[0; 4]);
            head_at = Some(offset);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&(offset as u32).to_be_bytes());
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        offset += data.len().next_multiple_of(4);
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        out.resize(out.len().next_multiple_of(4), 0);
    }
    let head_at = head_at.ok_or("no head table")?;
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    out[head_at + 8..head_at + 12].copy_from_slice(&adjustment.to_be_bytes());
    Ok(out)
}

/// What the PDF font objects of a font program take from its tables, in font units: the
/// values printpdf 0.12.8 read (with allsorts) to write them, read straight from the tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Metrics {
    /// `head.unitsPerEm`.
    pub units_per_em: u16,
    /// `head` xMin, yMin, xMax, yMax.
    pub bbox: [i16; 4],
    /// `hhea` ascender and descender.
    pub ascender: i16,
    pub descender: i16,
    /// `hhea` caretSlopeRise and caretSlopeRun.
    pub caret_slope_rise: i16,
    pub caret_slope_run: i16,
    /// `OS/2.usWeightClass`, 0 without a complete `OS/2` table (the subsets carry none).
    pub weight_class: u16,
    /// The advance of each glyph (`hmtx`, the last long metric repeated); empty when `hmtx` is
    /// shorter than `maxp` and `hhea` say, as printpdf then took every advance for 0.
    pub advances: Vec<u16>,
}

impl Metrics {
    /// The advance of glyph `gid`, 0 when the font has none for it.
    pub fn advance(&self, gid: u16) -> u16 {
        self.advances.get(usize::from(gid)).copied().unwrap_or(0)
    }
}

/// The [`Metrics`] of the font program `program` (a TrueType or OpenType sfnt), or why not.
pub(crate) fn metrics(program: &[u8]) -> Result<Metrics, String> {
    let face = ttf_parser::RawFace::parse(program, 0).map_err(|e| e.to_string())?;
    let table = |tag: &[u8; 4], len: usize| match face.table(Tag::from_bytes(tag)) {
        Some(data) if data.len() >= len => Ok(data),
        _ => Err(format!(
            "the font has no complete `{}` table",
            String::from_utf8_lossy(tag)
        )),
    };
    let (head, hhea, maxp) = (table(b"head", 54)?, table(b"hhea", 36)?, table(b"maxp", 6)?);
    let signed = |data: &[u8], at: usize| u16_at(data, at).map(|v| v as i16);
    let weight_class = match table(b"OS/2", 78) {
        Ok(os2) => u16_at(os2, 4)?,
        Err(_) => 0,
    };
    let advances = face
        .table(Tag::from_bytes(b"hmtx"))
        .map(|hmtx| advances(hmtx, u16_at(maxp, 4)?, u16_at(hhea, 34)?))
        .transpose()?
        .unwrap_or_default();
    Ok(Metrics {
        units_per_em: u16_at(head, 18)?,
        bbox: [
            signed(head, 36)?,
            signed(head, 38)?,
            signed(head, 40)?,
            signed(head, 42)?,
        ],
        ascender: signed(hhea, 4)?,
        descender: signed(hhea, 6)?,
        caret_slope_rise: signed(hhea, 18)?,
        caret_slope_run: signed(hhea, 20)?,
        weight_class,
        advances,
    })
}

/// The advance of each of `glyphs` glyphs in `hmtx` with `long_metrics` long metrics, or none
/// when the table is too short for them.
fn advances(hmtx: &[u8], glyphs: u16, long_metrics: u16) -> Result<Vec<u16>, String> {
    let (glyphs, long_metrics) = (usize::from(glyphs), usize::from(long_metrics));
    let needed = 4 * long_metrics + 2 * glyphs.saturating_sub(long_metrics);
    if long_metrics == 0 || hmtx.len() < needed {
        return Ok(Vec::new());
    }
    (0..glyphs)
        .map(|gid| u16_at(hmtx, 4 * gid.min(long_metrics - 1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ttf_parser::{Face, GlyphId};

    fn bundled(name: &str) -> Vec<u8> {
        let path = format!("{}/fonts/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(path).unwrap()
    }

    fn outline(face: &Face<'_>, gid: u16) -> Vec<(f32, f32)> {
        let mut points = Points::default();
        face.outline_glyph(GlyphId(gid), &mut points);
        points.0
    }

    #[test]
    fn a_subset_of_every_glyph_keeps_every_outline_and_metric_without_hinting() {
        for name in ["LiberationSerif-Regular.ttf", "Carlito-Bold.ttf"] {
            let original = bundled(name);
            let a = Face::parse(&original, 0).unwrap();
            let all: Vec<u16> = (0..a.number_of_glyphs()).collect();
            let subset = subset(&a, &all, &[]).unwrap().unwrap();
            assert!(subset.len() < original.len());
            let b = Face::parse(&subset, 0).unwrap();
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            for table in [
                b"cvt ", b"fpgm", b"prep", b"hdmx", b"LTSH", b"VDMX", b"OS/2",
            ] {
                assert!(b.raw_face().table(Tag::from_bytes(table)).is_none());
            }
            for gid in all.into_iter().step_by(7) {
                let id = GlyphId(gid);
                assert_eq!(a.glyph_hor_advance(id), b.glyph_hor_advance(id));
                assert_eq!(a.glyph_hor_side_bearing(id), b.glyph_hor_side_bearing(id));
                assert_eq!(
                    a.glyph_bounding_box(id),
                    b.glyph_bounding_box(id),
                    "{name} {id:?}"
                );
                assert_eq!(outline(&a, gid), outline(&b, gid), "{name} {id:?}");
            }
        }
    }

    #[test]
    fn composite_glyphs_bring_their_components_renumbered() {
        let original = bundled("LiberationSerif-Regular.ttf");
        let a = Face::parse(&original, 0).unwrap();
        let a_acute = a.glyph_index('\u{C1}').unwrap().0;
        let glyf = a.raw_face().table(Tag::from_bytes(b"glyf")).unwrap();
        let loca = a.raw_face().table(Tag::from_bytes(b"loca")).unwrap();
        let at = u32_at(loca, 4 * usize::from(a_acute)).unwrap() as usize;
        assert!(
            (u16_at(glyf, at).unwrap() as i16) < 0,
            "Á is a composite glyph"
        );
        // The same glyph twice (two texts), then the composite: its components follow.
        let letter_a = a.glyph_index('A').unwrap().0;
        let subset = subset(&a, &[0, letter_a, letter_a, a_acute], &[('A', 1)]).unwrap();
        let b = Face::parse(subset.as_deref().unwrap(), 0).unwrap();
        assert!(b.number_of_glyphs() >= 5, "{}", b.number_of_glyphs());
        assert_eq!(outline(&a, a_acute), outline(&b, 3));
        assert_eq!(outline(&a, letter_a), outline(&b, 2));
        assert_eq!(b.glyph_index('A'), Some(GlyphId(1)));
        assert_eq!(b.glyph_index('B'), None);
        assert_eq!(checksum(subset.as_deref().unwrap()), 0xB1B0_AFBA);
    }

    /// The one subtable of a `cmap` table [`cmap`] wrote.
    fn only_subtable(table: &[u8]) -> ttf_parser::cmap::Subtable<'_> {
        let subtables = ttf_parser::cmap::Table::parse(table).unwrap().subtables;
        assert_eq!(subtables.len(), 1);
        subtables.get(0).unwrap()
    }

    #[test]
    fn the_cmap_maps_runs_and_single_characters() {
        let chars = [
            ('a', 1),
            ('b', 2),
            ('c', 3),
            ('e', 9),
            ('\u{2022}', 4),
            ('\u{1F600}', 5),
        ];
        let table = cmap(&chars);
        let subtable = only_subtable(&table);
        for (c, glyph) in &chars[..5] {
            assert_eq!(
                subtable.glyph_index(u32::from(*c)),
                Some(GlyphId(*glyph)),
                "{c}"
            );
        }
        assert_eq!(subtable.glyph_index(u32::from('d')), None);
        assert_eq!(subtable.glyph_index(0x1F600), None, "outside the BMP");
        // Three segments: a–c, e, U+2022 and the closing U+FFFF.
        assert_eq!(u16_at(&table, 12 + 6).unwrap(), 2 * 4);
    }

    #[test]
    fn the_name_table_keeps_names_notices_and_licence_once() {
        let original = bundled("LiberationSerif-Italic.ttf");
        let a = Face::parse(&original, 0).unwrap();
        let subset = subset(&a, &[0], &[]).unwrap().unwrap();
        let b = Face::parse(&subset, 0).unwrap();
        let records: Vec<(u16, u16, String)> = b
            .names()
            .into_iter()
            .map(|n| {
                (
                    n.platform_id as u16,
                    n.name_id,
                    n.to_string().unwrap_or_default(),
                )
            })
            .collect();
        let ids: Vec<u16> = records.iter().map(|r| r.1).collect();
        assert_eq!(ids, KEPT_NAMES, "{records:?}");
        assert!(
            records.iter().all(|r| r.0 == 3),
            "Windows records only: {records:?}"
        );
        assert_eq!(records[4].2, "LiberationSerif-Italic");
        assert!(records[6].2.contains("Open Font License"), "{records:?}");
    }

    #[test]
    fn a_cmap_of_too_many_segments_keeps_the_first_ones() {
        // Every other character: one segment each, more than a subtable can hold.
        let chars: Vec<(char, u16)> = (0..10_000u16)
            .map(|i| (char::from_u32(0x4E00 + 2 * u32::from(i)).unwrap(), i + 1))
            .collect();
        let table = cmap(&chars);
        let subtable = only_subtable(&table);
        assert_eq!(subtable.glyph_index(0x4E00), Some(GlyphId(1)));
        let last_kept = 0x4E00 + 2 * (MAX_SEGMENTS as u32 - 2);
        assert_eq!(
            subtable.glyph_index(last_kept),
            Some(GlyphId(MAX_SEGMENTS as u16 - 1))
        );
        assert_eq!(subtable.glyph_index(last_kept + 2), None);
        assert_eq!(
            usize::from(u16_at(&table, 12 + 2).unwrap()),
            table.len() - 12
        );
    }

    #[test]
    fn glyphs_outside_the_font_are_errors() {
        let original = bundled("Carlito-Regular.ttf");
        let face = Face::parse(&original, 0).unwrap();
        let err = subset(&face, &[0, face.number_of_glyphs()], &[]).unwrap_err();
        assert!(err.contains("not in the font"), "{err}");
    }

    /// Collects outline points.
    #[derive(Default)]
    struct Points(Vec<(f32, f32)>);

    impl ttf_parser::OutlineBuilder for Points {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push((x, y));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push((x, y));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.extend([(x1, y1), (x, y)]);
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.extend([(x1, y1), (x2, y2), (x, y)]);
        }
        fn close(&mut self) {}
    }
}
