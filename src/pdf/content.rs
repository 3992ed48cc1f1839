//! Page items → content stream bytes, flipping y from the typesetter's top-left origin to PDF's
//! bottom-left one, and the page's link annotations for printpdf to write.
//!
//! The bytes are those printpdf 0.12.8 wrote for the operations this module used to hand it
//! (see `stream`), including its merging of a text object's matrices and glyphs on one baseline
//! into one `Tm` and one `TJ`, and its codes for a CID-keyed CFF font (charset CIDs).

use std::collections::BTreeMap;

use printpdf::{Actions, BorderArray, ColorArray, HighlightingMode, LinkAnnotation, Op, Pt, Rect};

use super::PdfError;
use super::image::{Images, draw, is_drawn};
use super::marked::{Artifact, Marker, PageMarks};
use super::runs;
use super::stream::{Property, Writer};
use super::subset::EmbeddedFont;
use crate::fonts::FaceId;
use crate::style::Rgb;
use crate::typeset::pages::{GlyphRun, Item, Page};

/// The TJ offsets are rounded to this many thousandths of an em. The rounding error does not add
/// up along a line (each offset corrects the error left by the previous ones), so every glyph
/// stays within half of it of its shaped position: 0.005 pt at 10 pt.
const OFFSET_QUANTUM: f64 = 1.0;

/// Rounds a coordinate to 1/1000 pt, which keeps the content stream short.
fn coord(v: f32) -> Pt {
    Pt((v * 1000.0).round() / 1000.0)
}

/// An sRGB colour, clamped and rounded to 3 decimals.
fn color(c: Rgb) -> [f32; 3] {
    let channel = |v: f32| (v.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    [channel(c.r), channel(c.g), channel(c.b)]
}

/// Whether `uri` may become a link annotation: http, https, mailto and tel only.
pub(crate) fn allowed_uri(uri: &str) -> bool {
    let Some((scheme, rest)) = uri.split_once(':') else {
        return false;
    };
    !rest.is_empty()
        && ["http", "https", "mailto", "tel"]
            .iter()
            .any(|s| scheme.eq_ignore_ascii_case(s))
}

/// A URI as 7-bit ASCII, as PDF wants it: non-ASCII bytes, controls and spaces are %-escaped.
fn ascii_uri(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for &b in uri.as_bytes() {
        if b.is_ascii_graphic() {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn all_finite(values: &[f32]) -> bool {
    values.iter().all(|v| v.is_finite())
}

/// Graphics state already set on the page, so unchanged state is not repeated.
#[derive(Default)]
struct State {
    font: Option<(FaceId, u32)>,
    fill: Option<Rgb>,
    stroke: Option<Rgb>,
    line_width: Option<u32>,
}

impl State {
    fn fill(&mut self, out: &mut Writer, c: Rgb) {
        if self.fill != Some(c) {
            out.op(&color(c), "rg");
            self.fill = Some(c);
        }
    }

    fn stroke(&mut self, out: &mut Writer, c: Rgb) {
        if self.stroke != Some(c) {
            out.op(&color(c), "RG");
            self.stroke = Some(c);
        }
    }

    fn line_width(&mut self, out: &mut Writer, width: Pt) {
        if self.line_width != Some(width.0.to_bits()) {
            out.op(&[width.0], "w");
            self.line_width = Some(width.0.to_bits());
        }
    }
}

/// A page's content stream, the link annotations on it (printpdf operations, for printpdf to
/// write) and what its marked content refers to.
pub(crate) struct PageContent {
    pub bytes: Vec<u8>,
    pub links: Vec<Op>,
    pub marks: PageMarks,
}

/// The content of `page` (1-based number `number`) on a page `height` pt tall, each item in
/// marked content when `marker` tags the document.
pub(crate) fn page_content(
    page: &Page,
    number: usize,
    height: f32,
    fonts: &BTreeMap<FaceId, EmbeddedFont<'_>>,
    images: &Images,
    mut marker: Marker<'_>,
) -> Result<PageContent, PdfError> {
    let mut out = Writer::default();
    let mut links = Vec::new();
    let mut state = State::default();
    let non_finite = |what| PdfError::NonFinite { page: number, what };
    for item in &page.items {
        match item {
            Item::Image {
                frame,
                draw: area,
                clip,
                image,
                node,
            } => {
                if !is_drawn(frame, area, *clip).map_err(|()| non_finite("an image"))? {
                    continue;
                }
                // Every drawn image was collected by `Images::collect`.
                let id = images.id(image).ok_or_else(|| {
                    PdfError::Internal("an image was not collected for embedding".to_string())
                })?;
                marker.mark(&mut out, *node, Artifact::Layout);
                draw(&mut out, frame, area, *clip, id, height);
                let bottom = height - frame.y - frame.height;
                let bbox = [frame.x, bottom, frame.x + frame.width, height - frame.y];
                marker.figure(*node, bbox.map(|v| coord(v).0));
            }
            Item::Text(run) => {
                let ok = all_finite(&[run.x, run.y, run.size])
                    && run
                        .glyphs
                        .iter()
                        .all(|g| all_finite(&[g.advance, g.x_offset, g.y_offset]));
                if !ok {
                    return Err(non_finite("a glyph run"));
                }
                if run.glyphs.is_empty() {
                    continue;
                }
                if run.size <= 0.0 {
                    return Err(PdfError::FontSize {
                        page: number,
                        size: run.size,
                    });
                }
                // Every face of a non-empty run was embedded by `embed_fonts`.
                let font = fonts.get(&run.face).ok_or_else(|| {
                    PdfError::Internal(format!("face {} was not embedded", run.face.0))
                })?;
                let face = Face {
                    font,
                    cids: font.subset.cids.as_ref(),
                };
                marker.mark(&mut out, run.node, Artifact::Pagination);
                let tagged = marker.is_tagging();
                text(&mut out, &mut state, run, &face, number, height, tagged)?;
            }
            &Item::Rule {
                x0,
                y0,
                x1,
                y1,
                thickness,
                color: c,
            } => {
                if !all_finite(&[x0, y0, x1, y1, thickness]) {
                    return Err(non_finite("a rule"));
                }
                if thickness <= 0.0 {
                    continue;
                }
                marker.mark(&mut out, None, Artifact::Layout);
                state.stroke(&mut out, c);
                state.line_width(&mut out, coord(thickness));
                out.op(&[coord(x0).0, coord(height - y0).0], "m");
                out.op(&[coord(x1).0, coord(height - y1).0], "l");
                out.op(&[], "S");
            }
            Item::Fill { rect, color: c } => {
                if !all_finite(&[rect.x, rect.y, rect.width, rect.height]) {
                    return Err(non_finite("a filled rectangle"));
                }
                if rect.width <= 0.0 || rect.height <= 0.0 {
                    continue;
                }
                marker.mark(&mut out, None, Artifact::Layout);
                state.fill(&mut out, *c);
                let area = [
                    rect.x,
                    height - rect.y - rect.height,
                    rect.width,
                    rect.height,
                ];
                out.op(&area.map(|v| coord(v).0), "re");
                out.op(&[], "f");
            }
            Item::Link { rect, uri, node } => {
                if !all_finite(&[rect.x, rect.y, rect.width, rect.height]) {
                    return Err(non_finite("a link"));
                }
                if rect.width <= 0.0 || rect.height <= 0.0 || !allowed_uri(uri) {
                    continue;
                }
                let area = Rect {
                    x: coord(rect.x),
                    y: coord(height - rect.y - rect.height),
                    width: coord(rect.width),
                    height: coord(rect.height),
                    mode: None,
                    winding_order: None,
                };
                marker.link(*node);
                links.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        area,
                        Actions::Uri(ascii_uri(uri)),
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        Some(HighlightingMode::Invert),
                    ),
                });
            }
        }
    }
    let marks = marker.finish(&mut out);
    Ok(PageContent {
        bytes: out.finish(),
        links,
        marks,
    })
}

/// An embedded font and, for a CID-keyed CFF one, the CIDs of its codes.
struct Face<'f, 'p> {
    font: &'f EmbeddedFont<'p>,
    cids: Option<&'f BTreeMap<u16, u16>>,
}

impl Face<'_, '_> {
    /// What the content stream shows for `code`: its CID, or 0 for a glyph the charset gives
    /// none, as printpdf wrote it (an allsorts subset gives every glyph one).
    fn shown(&self, code: u16) -> u16 {
        match self.cids {
            Some(cids) => cids.get(&code).copied().unwrap_or(0),
            None => code,
        }
    }
}

/// One text object: font (if changed), fill colour (if changed), text matrix and one TJ array whose
/// offsets put every glyph where the shaper put it. A right-to-left run is marked as reversed and
/// a synthetic bold one is stroked too (see `runs`).
///
/// Marks the shaper moved off the baseline (Arabic and Hebrew vowel signs) stand for no text of
/// their own (their base glyph carries it): they are drawn after the run in a text object of their
/// own, so the run stays one show string whose text reads exactly as the input.
///
/// A `tagged` document maps every glyph to some text, as PDF/UA and PDF/A ask: a glyph that
/// stands for no text maps to the character the font gives it (see `EmbeddedFont::stand_in`),
/// and is drawn with the lifted marks, whose empty `/ActualText` says they add nothing to the
/// text (the base glyph's text already has them), so the run still reads exactly as its text.
///
/// A left-to-right run whose text carries direction marks is drawn inside a `/Span` whose
/// `/ActualText` holds them, while its codes map to the text alone (see `runs::actual_text`).
fn text(
    out: &mut Writer,
    state: &mut State,
    run: &GlyphRun,
    face: &Face<'_, '_>,
    number: usize,
    height: f32,
    tagged: bool,
) -> Result<(), PdfError> {
    state.fill(out, run.color);
    let reversed = run.right_to_left;
    if reversed {
        out.begin();
        out.name(runs::REVERSED_CHARS.as_bytes());
        out.end("BMC");
    }
    if run.synthetic_bold {
        state.stroke(out, run.color);
        state.line_width(out, coord(run.size * runs::BOLD_STROKE));
        out.begin();
        out.integer(2);
        out.end("Tr");
    }
    let size = coord(run.size);
    let mut placed = Vec::with_capacity(run.glyphs.len());
    let mut pen = 0.0f32;
    // A glyph's text out of range is an error below.
    let texts = run
        .glyphs
        .iter()
        .map(|glyph| run.text.get(glyph.text.clone()).unwrap_or_default());
    let actual = runs::actual_text(reversed, texts);
    let font = face.font;
    for glyph in &run.glyphs {
        // Not `subset::glyph_text`, whose error is built (and dropped) for every glyph.
        let Some(text) = run.text.get(glyph.text.clone()) else {
            return Err(PdfError::GlyphText {
                page: number,
                start: glyph.text.start,
                end: glyph.text.end,
            });
        };
        let text = runs::shown(text, reversed);
        let code = font.code(glyph.id, &text).ok_or_else(|| {
            PdfError::Internal(format!(
                "glyph {} was not collected for subsetting",
                glyph.id
            ))
        })?;
        placed.push(Placed {
            code,
            blank: text.is_empty(),
            x: pen + glyph.x_offset,
            advance: glyph.advance,
            rise: -glyph.y_offset,
        });
        pen += glyph.advance;
    }
    let on_baseline = |g: &Placed| !g.blank || (!tagged && coord(g.rise).0 == 0.0);
    // Lifted glyphs are rare: most runs are shown as they are.
    let (on_baseline, lifted): (Vec<_>, Vec<_>) = if placed.iter().all(on_baseline) {
        (placed, Vec::new())
    } else {
        placed.into_iter().partition(on_baseline)
    };

    let slant = if run.synthetic_italic {
        runs::SLANT
    } else {
        0.0
    };
    if let Some(actual) = &actual {
        actual_text(out, actual);
    }
    let mut object = TextObject::begin(out, face, size, slant);
    if state.font != Some((run.face, size.0.to_bits())) {
        object.out.begin();
        object.out.name(font.id.as_bytes());
        object.out.real(size.0);
        object.out.end("Tf");
        state.font = Some((run.face, size.0.to_bits()));
    }
    object.show(&on_baseline, run.x, height - run.y, pen);
    object.end();
    if actual.is_some() {
        out.op(&[], "EMC");
    }
    if reversed {
        out.op(&[], "EMC");
    }
    if !lifted.is_empty() {
        if tagged {
            actual_text(out, "");
        }
        let mut object = TextObject::begin(out, face, size, slant);
        for glyph in lifted {
            let (x, y, end) = (run.x, height - run.y + glyph.rise, glyph.x + glyph.advance);
            object.show(&[glyph], x, y, end);
        }
        object.end();
        if tagged {
            out.op(&[], "EMC");
        }
    }
    if run.synthetic_bold {
        out.begin();
        out.integer(0);
        out.end("Tr");
    }
    Ok(())
}

/// Begins a `/Span` marked-content sequence whose `/ActualText` is `text` (UTF-16BE with a byte
/// order mark).
fn actual_text(out: &mut Writer, text: &str) {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    out.begin();
    out.name(b"Span");
    out.dict("ActualText", Property::Hex(&data));
    out.end("BDC");
}

/// A glyph of a run, ready to show.
struct Placed {
    /// Code in the embedded font.
    code: u16,
    /// The glyph stands for no text of its own.
    blank: bool,
    /// Where the glyph is drawn, from the run's origin.
    x: f32,
    /// The shaped advance after it.
    advance: f32,
    /// How far above the baseline it is drawn.
    rise: f32,
}

/// A `TJ` array being written from an upright text matrix: the next glyphs shown on the same
/// baseline continue it, a number moving the pen to where they are drawn (printpdf merged its
/// `Tm`/`TJ` pairs so, and the bytes stay those it wrote).
struct Open {
    /// The matrix's translation.
    x: f32,
    y: f32,
    /// Where the viewer's pen is, in thousandths of an em from the matrix origin.
    pen: f64,
}

/// A text object (`BT` … `ET`) of one font, size and slant.
struct TextObject<'o, 'f, 'p> {
    out: &'o mut Writer,
    face: &'o Face<'f, 'p>,
    size: Pt,
    /// Horizontal shear of the text matrix (0 upright).
    slant: f32,
    open: Option<Open>,
}

impl<'o, 'f, 'p> TextObject<'o, 'f, 'p> {
    fn begin(out: &'o mut Writer, face: &'o Face<'f, 'p>, size: Pt, slant: f32) -> Self {
        out.op(&[], "BT");
        TextObject {
            out,
            face,
            size,
            slant,
            open: None,
        }
    }

    fn end(mut self) {
        self.close();
        self.out.op(&[], "ET");
    }

    /// Ends the open `TJ` array, if any.
    fn close(&mut self) {
        if self.open.take().is_some() {
            self.out.close_array();
        }
    }

    /// Shows `glyphs` on the baseline at `y` (PDF user space) from where the first of them is
    /// drawn, each at `x` + its `x`, leaving the pen at `x + end`: a text matrix there and a
    /// `TJ`, or more of the open `TJ` when the matrix is upright and on its baseline.
    ///
    /// In thousandths of an em: the viewer moves the pen by the `/W` width after each glyph
    /// ([`EmbeddedFont::pdf_width`]), minus the TJ number that follows it. Each number is picked
    /// so the pen lands where the next glyph is drawn, rounding against the error left so far;
    /// there is none between glyphs set at their advances.
    fn show(&mut self, glyphs: &[Placed], x: f32, y: f32, end: f32) {
        let Some(first) = glyphs.first().map(|g| g.x) else {
            return;
        };
        let (x, y) = (coord(x + first).0, coord(y).0);
        let size = self.size.0;
        if self.slant != 0.0 {
            self.close();
            self.out.op(&[1.0, 0.0, self.slant, 1.0, x, y], "Tm");
            self.out.open_array();
        } else {
            match &mut self.open {
                Some(open) if open.y == y => {
                    let dx_em = (f64::from(x) - f64::from(open.x)) * 1000.0 / f64::from(size);
                    let kern = (open.pen - dx_em) as f32;
                    if kern != 0.0 {
                        self.out.offset(kern);
                        open.pen -= f64::from(kern);
                    }
                }
                _ => {
                    self.close();
                    self.out.op(&[1.0, 0.0, 0.0, 1.0, x, y], "Tm");
                    self.out.open_array();
                    self.open = Some(Open { x, y, pen: 0.0 });
                }
            }
        }
        let font = self.face.font;
        let per_point = 1000.0 / f64::from(size);
        let mut widths = 0.0f64;
        let mut offsets = 0.0f64;
        // The pen of a slanted matrix is not needed: its array ends with these glyphs.
        let mut unused = 0.0f64;
        let pen = match &mut self.open {
            Some(open) if self.slant == 0.0 => &mut open.pen,
            _ => &mut unused,
        };
        for (i, glyph) in glyphs.iter().enumerate() {
            let width = f64::from(font.pdf_width(glyph.code));
            widths += width;
            let next = glyphs.get(i + 1).map_or(end, |g| g.x);
            let target = f64::from(next - first) * per_point;
            let offset = ((widths - offsets - target) / OFFSET_QUANTUM).round() * OFFSET_QUANTUM;
            offsets += offset;
            self.out.code(self.face.shown(glyph.code));
            *pen += width;
            let offset = offset as f32;
            if offset != 0.0 {
                self.out.offset(offset);
                *pen -= f64::from(offset);
            }
        }
        if self.slant != 0.0 {
            self.out.close_array();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_and_phone_uris_are_allowed() {
        for ok in [
            "https://example.com",
            "HTTP://x.y",
            "mailto:a@b.c",
            "tel:+4912345",
        ] {
            assert!(allowed_uri(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https:",
            "example.com",
            "data:text/html,x",
            "",
        ] {
            assert!(!allowed_uri(bad), "{bad}");
        }
    }

    #[test]
    fn uris_are_made_ascii() {
        assert_eq!(ascii_uri("https://x.y/a b/é"), "https://x.y/a%20b/%C3%A9");
        assert_eq!(ascii_uri("mailto:a@b.c"), "mailto:a@b.c");
    }

    #[test]
    fn coordinates_are_rounded_to_a_thousandth() {
        assert_eq!(coord(12.345_678).0.to_string(), "12.346");
        assert_eq!(coord(841.89).0.to_string(), "841.89");
    }
}
