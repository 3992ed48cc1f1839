//! Page operations → content stream bytes, written directly.
//!
//! printpdf turns each operation into lopdf objects and formats those, which cost more than
//! everything else of writing a page (about 8.8 M of the 68 M instructions of a john-doe render).
//! This writes the operations the content module draws with into exactly the bytes printpdf would
//! write for them — the same operators, numbers and separators, and the same merging of a text
//! object's matrix and glyphs into one `Tm` and one `TJ` — so the output does not change. A page
//! using anything else (an image, a CFF font) is left to printpdf: [`encode`] answers `None`.

use std::collections::BTreeMap;
use std::io::Write;

use printpdf::{Color, DictItem, Op, PaintMode, PdfFontHandle, TextItem, WindingOrder};

use super::subset::EmbeddedFont;

/// Embedded fonts by resource name, for the widths the viewer moves the pen by.
pub(crate) type FontsByName<'f, 'p> = BTreeMap<&'f str, &'f EmbeddedFont<'p>>;

/// One element of a `TJ` array.
enum Shown {
    Code(u16),
    Offset(f32),
}

/// A text matrix and the glyphs shown from it, not yet written: the next `Tm` on the same
/// baseline with the same font extends it instead of starting a new text position.
struct Run {
    matrix: [f32; 6],
    font: String,
    size: f32,
    /// Where the viewer's pen is, in thousandths of an em from the matrix origin.
    pen: f64,
    shown: Vec<Shown>,
}

/// The content stream of `ops`, byte for byte as printpdf 0.12.8 writes it, or `None` when
/// `ops` use an operation this writer does not handle.
pub(crate) fn encode(ops: &[Op], fonts: &FontsByName<'_, '_>) -> Option<Vec<u8>> {
    let mut out = Writer::default();
    let mut font: Option<(String, f32)> = None;
    let mut in_text = false;
    let mut pending_tm: Option<[f32; 6]> = None;
    let mut run: Option<Run> = None;
    for op in ops {
        match op {
            Op::SetTextMatrix { matrix } if in_text => {
                let m = matrix.as_array();
                if m[..4] == [1.0, 0.0, 0.0, 1.0] {
                    if let Some(m) = pending_tm.take() {
                        out.matrix(&m);
                    }
                    pending_tm = Some(m);
                    continue;
                }
            }
            Op::ShowText { items } if in_text && (pending_tm.is_some() || run.is_some()) => {
                let (name, size) = font.clone()?;
                // A font whose codes printpdf maps (CFF) leaves the page to printpdf.
                let embedded = fonts.get(name.as_str())?;
                if size <= 0.0 || items.is_empty() {
                    return None;
                }
                match pending_tm.take() {
                    Some(m) => {
                        let extends = run.as_ref().is_some_and(|r| {
                            r.matrix[5] == m[5] && r.font == name && r.size == size
                        });
                        if extends {
                            let r = run.as_mut()?;
                            let dx_em = (f64::from(m[4]) - f64::from(r.matrix[4])) * 1000.0
                                / f64::from(size);
                            let kern = (r.pen - dx_em) as f32;
                            if kern != 0.0 {
                                r.shown.push(Shown::Offset(kern));
                                r.pen -= f64::from(kern);
                            }
                        } else {
                            out.run(run.take());
                            run = Some(Run {
                                matrix: m,
                                font: name,
                                size,
                                pen: 0.0,
                                shown: Vec::new(),
                            });
                        }
                    }
                    None if run
                        .as_ref()
                        .is_some_and(|r| r.font == name && r.size == size) => {}
                    None => return None,
                }
                let r = run.as_mut()?;
                for item in items {
                    let TextItem::GlyphIds(glyphs) = item else {
                        return None;
                    };
                    for glyph in glyphs {
                        r.shown.push(Shown::Code(glyph.gid));
                        r.pen += embedded.pdf_width(glyph.gid) as f64;
                        if glyph.offset != 0.0 {
                            r.shown.push(Shown::Offset(glyph.offset));
                            r.pen -= f64::from(glyph.offset);
                        }
                    }
                }
                continue;
            }
            _ => {}
        }
        out.run(run.take());
        if let Some(m) = pending_tm.take() {
            out.matrix(&m);
        }
        match op {
            Op::StartTextSection => {
                in_text = true;
                out.op(&[], "BT");
            }
            Op::EndTextSection => {
                in_text = false;
                out.op(&[], "ET");
            }
            Op::SetFont {
                font: PdfFontHandle::External(id),
                size,
            } => {
                out.begin();
                out.name(id.0.as_bytes());
                out.real(size.0);
                out.end("Tf");
                font = Some((id.0.clone(), size.0));
            }
            Op::SetTextMatrix { matrix } => out.matrix(&matrix.as_array()),
            Op::SetFillColor { col } => out.rgb(col, "rg")?,
            Op::SetOutlineColor { col } => out.rgb(col, "RG")?,
            Op::SetOutlineThickness { pt } => out.op(&[pt.0], "w"),
            Op::SetTextRenderingMode { mode } => {
                out.begin();
                out.raw(mode.id().to_string().as_bytes());
                out.end("Tr");
            }
            Op::DrawLine { line } => {
                let (first, rest) = line.points.split_first()?;
                if line.is_closed || line.points.iter().any(|p| p.bezier) {
                    return None;
                }
                out.op(&[first.p.x.0, first.p.y.0], "m");
                for point in rest {
                    out.op(&[point.p.x.0, point.p.y.0], "l");
                }
                out.op(&[], "S");
            }
            Op::DrawRectangle { rectangle } => {
                let r = rectangle;
                if r.mode != Some(PaintMode::Fill)
                    || r.winding_order.unwrap_or(WindingOrder::NonZero) != WindingOrder::NonZero
                {
                    return None;
                }
                out.op(&[r.x.0, r.y.0, r.width.0, r.height.0], "re");
                out.op(&[], "f");
            }
            Op::BeginMarkedContent { tag } => {
                out.begin();
                out.name(tag.as_bytes());
                out.end("BMC");
            }
            Op::BeginMarkedContentWithProperties { tag, properties } => {
                out.begin();
                out.name(tag.as_bytes());
                out.dict(properties)?;
                out.end("BDC");
            }
            Op::EndMarkedContent => out.op(&[], "EMC"),
            Op::LinkAnnotation { .. } => {}
            _ => return None,
        }
    }
    out.run(run.take());
    if let Some(m) = pending_tm.take() {
        out.matrix(&m);
    }
    Some(out.bytes)
}

/// Writes `value` exactly as Rust's `Display` for `f32` (lopdf's format for reals), taking a
/// short cut for the numbers pages are mostly made of: coordinates rounded to 1/1000, below
/// 8192 in size. Such a number is the `f32` nearest to k/1000 for an integer k, and its
/// shortest round-trip form is k/1000 without trailing zeros: any decimal with fewer digits
/// differs from it by at least 0.001, more than an `f32` step there. Formatting floats was a
/// third of the cost of writing a page.
pub(super) fn write_real(out: &mut Vec<u8>, value: f32) {
    if value.is_finite() && value.abs() < 8192.0 {
        let thousandths = (f64::from(value) * 1000.0).round();
        if (thousandths / 1000.0) as f32 == value {
            if value.is_sign_negative() {
                out.push(b'-');
            }
            let thousandths = thousandths.abs() as u32;
            let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
            // Writing to a Vec cannot fail.
            let _ = write!(out, "{whole}");
            if fraction != 0 {
                let digits = [fraction / 100, fraction / 10 % 10, fraction % 10];
                let len = if digits[2] != 0 {
                    3
                } else if digits[1] != 0 {
                    2
                } else {
                    1
                };
                out.push(b'.');
                out.extend(digits[..len].iter().map(|&d| b'0' + d as u8));
            }
            return;
        }
    }
    let _ = write!(out, "{value}");
}

/// A name as lopdf writes it: `/`, then white space, delimiters, `#` and bytes outside `!`–`~`
/// as `#` and two hexadecimal digits.
pub(super) fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    out.push(b'/');
    for &byte in name {
        if b" \t\n\r\x0C()<>[]{}/%#".contains(&byte) || !(33..=126).contains(&byte) {
            let _ = write!(out, "#{byte:02X}");
        } else {
            out.push(byte);
        }
    }
}

/// A hexadecimal string as lopdf writes it: upper-case digits in angle brackets.
pub(super) fn write_hex(out: &mut Vec<u8>, data: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789ABCDEF";
    out.push(b'<');
    for &byte in data {
        out.push(DIGITS[usize::from(byte >> 4)]);
        out.push(DIGITS[usize::from(byte & 15)]);
    }
    out.push(b'>');
}

/// Operations as lopdf's `Content::encode` writes them: each operand followed by a space, then
/// the operator; a newline between operations.
#[derive(Default)]
struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// Starts an operation.
    fn begin(&mut self) {
        if !self.bytes.is_empty() {
            self.bytes.push(b'\n');
        }
    }

    /// Ends an operation with its operator.
    fn end(&mut self, operator: &str) {
        self.bytes.extend_from_slice(operator.as_bytes());
    }

    fn op(&mut self, numbers: &[f32], operator: &str) {
        self.begin();
        for &n in numbers {
            self.real(n);
        }
        self.end(operator);
    }

    fn raw(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
        self.bytes.push(b' ');
    }

    /// A real operand, in Rust's shortest round-trip form as lopdf writes it.
    fn real(&mut self, value: f32) {
        self.real_bare(value);
        self.bytes.push(b' ');
    }

    fn real_bare(&mut self, value: f32) {
        write_real(&mut self.bytes, value);
    }

    fn name(&mut self, name: &[u8]) {
        self.name_bare(name);
        self.bytes.push(b' ');
    }

    fn name_bare(&mut self, name: &[u8]) {
        write_name(&mut self.bytes, name);
    }

    fn hex(&mut self, data: &[u8]) {
        write_hex(&mut self.bytes, data);
    }

    fn matrix(&mut self, m: &[f32; 6]) {
        self.op(m, "Tm");
    }

    /// An RGB colour operation; `None` for other colour spaces.
    fn rgb(&mut self, color: &Color, operator: &str) -> Option<()> {
        let Color::Rgb(rgb) = color else {
            return None;
        };
        if rgb.icc_profile.is_some() {
            return None;
        }
        self.op(&[rgb.r, rgb.g, rgb.b], operator);
        Some(())
    }

    /// A marked-content property dictionary of integers, names and strings.
    fn dict(&mut self, properties: &DictItem) -> Option<()> {
        let DictItem::Dict { map } = properties else {
            return None;
        };
        self.bytes.extend_from_slice(b"<<");
        for (key, value) in map {
            self.name_bare(key.as_bytes());
            match value {
                DictItem::Int(i) => {
                    let _ = write!(self.bytes, " {i}");
                }
                DictItem::Name(name) => self.name_bare(name),
                DictItem::String {
                    data,
                    literal: false,
                } => self.hex(data),
                _ => return None,
            }
        }
        self.bytes.extend_from_slice(b">> ");
        Some(())
    }

    /// Writes a pending glyph run: its `Tm`, then one `TJ`.
    fn run(&mut self, run: Option<Run>) {
        let Some(run) = run else { return };
        self.matrix(&run.matrix);
        self.begin();
        self.bytes.push(b'[');
        for (i, shown) in run.shown.iter().enumerate() {
            match *shown {
                Shown::Code(code) => self.hex(&code.to_be_bytes()),
                Shown::Offset(offset) => {
                    if i > 0 {
                        self.bytes.push(b' ');
                    }
                    self.real_bare(offset);
                }
            }
        }
        self.bytes.extend_from_slice(b"] TJ");
    }
}

#[cfg(test)]
mod tests {
    use super::write_real;

    fn written(value: f32) -> String {
        let mut out = Vec::new();
        write_real(&mut out, value);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn reals_are_written_as_rust_displays_them() {
        for k in (-100_000..100_000).chain((-9_000_000..9_000_000).step_by(7)) {
            let value = (f64::from(k) / 1000.0) as f32;
            assert_eq!(written(value), value.to_string(), "{k}");
        }
        for value in [
            0.0,
            -0.0,
            0.1,
            1e-7,
            -3.333_333_3,
            8191.999,
            8192.5,
            1e20,
            0.000_5,
        ] {
            assert_eq!(written(value), value.to_string(), "{value}");
        }
    }
}
