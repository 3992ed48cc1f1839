//! Removes TrueType hinting from a (subset) font program.
//!
//! Hinting is most of what a subset of the bundled fonts weighs: in Liberation Serif the glyph
//! instructions are two thirds of the `glyf` table, plus `fpgm`, `prep` and `cvt `. PDF viewers
//! mostly ignore hints (Acrobat, Preview, pdf.js on most systems) or re-hint automatically
//! (FreeType-based viewers), and print output never uses them, so they are dropped: the glyph
//! instructions are emptied, composite glyphs lose their WE_HAVE_INSTRUCTIONS flags, the hinting
//! tables go, and the font is reassembled with fresh `loca`, offsets and checksums (OpenType spec,
//! "glyf", "loca" and "Font file" chapters).

/// Tables that only serve hinting.
const HINTING_TABLES: [&[u8; 4]; 6] = [b"cvt ", b"fpgm", b"prep", b"hdmx", b"LTSH", b"VDMX"];

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

/// One glyph without its instructions.
fn strip_glyph(glyph: &[u8]) -> Result<Vec<u8>, String> {
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

/// `font` without hinting. Fonts without a `glyf` table (CFF outlines) come back unchanged.
pub(crate) fn strip_hinting(font: &[u8]) -> Result<Vec<u8>, String> {
    let table_count = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], &[u8])> = Vec::with_capacity(table_count);
    for i in 0..table_count {
        let record = 12 + 16 * i;
        let tag = font
            .get(record..record + 4)
            .ok_or("truncated table directory")?;
        let offset = u32_at(font, record + 8)? as usize;
        let length = u32_at(font, record + 12)? as usize;
        let data = font
            .get(offset..offset.saturating_add(length))
            .ok_or("table outside the font")?;
        tables.push(([tag[0], tag[1], tag[2], tag[3]], data));
    }
    let find = |tag: &[u8; 4]| tables.iter().find(|(t, _)| t == tag).map(|(_, d)| *d);
    let (Some(glyf), Some(loca), Some(head), Some(maxp)) =
        (find(b"glyf"), find(b"loca"), find(b"head"), find(b"maxp"))
    else {
        return Ok(font.to_vec());
    };
    let long_offsets = u16_at(head, 50)? != 0;
    let glyph_count = usize::from(u16_at(maxp, 4)?);
    let offset = |i: usize| -> Result<usize, String> {
        Ok(if long_offsets {
            u32_at(loca, 4 * i)? as usize
        } else {
            2 * usize::from(u16_at(loca, 2 * i)?)
        })
    };

    let align = if long_offsets { 4 } else { 2 };
    let mut new_glyf = Vec::with_capacity(glyf.len() / 2);
    let mut new_loca = Vec::with_capacity(loca.len());
    let push_offset = |at: usize, loca: &mut Vec<u8>| -> Result<(), String> {
        if long_offsets {
            let at = u32::try_from(at).map_err(|_| "glyf too long")?;
            loca.extend_from_slice(&at.to_be_bytes());
        } else {
            let at = u16::try_from(at / 2).map_err(|_| "glyf too long for short offsets")?;
            loca.extend_from_slice(&at.to_be_bytes());
        }
        Ok(())
    };
    for i in 0..glyph_count {
        push_offset(new_glyf.len(), &mut new_loca)?;
        let (start, end) = (offset(i)?, offset(i + 1)?);
        let glyph = glyf.get(start..end).ok_or("glyph outside glyf")?;
        new_glyf.extend(strip_glyph(glyph)?);
        new_glyf.resize(new_glyf.len().next_multiple_of(align), 0);
    }
    push_offset(new_glyf.len(), &mut new_loca)?;

    let mut kept: Vec<([u8; 4], Vec<u8>)> = tables
        .iter()
        .filter(|(tag, _)| !HINTING_TABLES.contains(&tag))
        .map(|&(tag, data)| {
            let data = match &tag {
                b"glyf" => std::mem::take(&mut new_glyf),
                b"loca" => std::mem::take(&mut new_loca),
                _ => data.to_vec(),
            };
            (tag, data)
        })
        .collect();
    kept.sort_by_key(|(tag, _)| *tag);
    assemble(u32_at(font, 0)?, kept)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled(name: &str) -> Vec<u8> {
        let path = format!("{}/fonts/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(path).unwrap()
    }

    #[test]
    fn stripped_fonts_keep_every_outline_and_metric() {
        for name in ["LiberationSerif-Regular.ttf", "Carlito-Bold.ttf"] {
            let original = bundled(name);
            let stripped = strip_hinting(&original).unwrap();
            assert!(stripped.len() < original.len());
            let a = rustybuzz::ttf_parser::Face::parse(&original, 0).unwrap();
            let b = rustybuzz::ttf_parser::Face::parse(&stripped, 0).unwrap();
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            for table in HINTING_TABLES {
                let tag = rustybuzz::ttf_parser::Tag::from_bytes(table);
                assert!(b.raw_face().table(tag).is_none());
            }
            for gid in (0..a.number_of_glyphs()).step_by(7) {
                let gid = rustybuzz::ttf_parser::GlyphId(gid);
                assert_eq!(a.glyph_hor_advance(gid), b.glyph_hor_advance(gid));
                assert_eq!(
                    a.glyph_bounding_box(gid),
                    b.glyph_bounding_box(gid),
                    "{name} {gid:?}"
                );
                let (mut pa, mut pb) = (Points::default(), Points::default());
                a.outline_glyph(gid, &mut pa);
                b.outline_glyph(gid, &mut pb);
                assert_eq!(pa.0, pb.0, "{name} {gid:?}");
            }
        }
    }

    #[test]
    fn the_whole_font_checksum_is_the_magic_number() {
        let stripped = strip_hinting(&bundled("LiberationSans-Italic.ttf")).unwrap();
        assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
    }

    #[test]
    fn broken_fonts_are_errors() {
        let original = bundled("Carlito-Regular.ttf");
        assert!(strip_hinting(&original[..100]).is_err());
        assert!(strip_hinting(&[]).is_err());
    }

    /// Collects outline points.
    #[derive(Default)]
    struct Points(Vec<(f32, f32)>);

    impl rustybuzz::ttf_parser::OutlineBuilder for Points {
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
