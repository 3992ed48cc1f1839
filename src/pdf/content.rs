//! Page items → printpdf operations, flipping y from the typesetter's top-left origin to PDF's
//! bottom-left one.

use std::borrow::Cow;
use std::collections::BTreeMap;

use printpdf::{
    Actions, BorderArray, Codepoint, Color, ColorArray, DictItem, HighlightingMode, Line,
    LinePoint, LinkAnnotation, Op, PaintMode, PdfFontHandle, Point, Pt, Rect, TextItem, TextMatrix,
    TextRenderingMode, WindingOrder,
};

use super::PdfError;
use super::image::{Images, draw_ops, is_drawn};
use super::marked::{Artifact, Marker, PageMarks};
use super::runs;
use super::subset::{EmbeddedFont, glyph_text};
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
fn color(c: Rgb) -> Color {
    let channel = |v: f32| (v.clamp(0.0, 1.0) * 1000.0).round() / 1000.0;
    Color::Rgb(printpdf::Rgb::new(
        channel(c.r),
        channel(c.g),
        channel(c.b),
        None,
    ))
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
    /// Whether each glyph carries the text it stands for, which only printpdf reads: a page
    /// `stream` writes needs none, and leaving it out saves an allocation per glyph.
    texts: bool,
}

/// The operations drawing `page` (1-based number `number`) on a page `height` pt tall, each item
/// in marked content when `marker` tags the document, and what that marked content refers to;
/// `texts`: whether glyphs carry their text, as printpdf needs to write the page itself.
pub(crate) fn page_ops(
    page: &Page,
    number: usize,
    height: f32,
    fonts: &BTreeMap<FaceId, EmbeddedFont<'_>>,
    images: &Images,
    mut marker: Marker<'_>,
    texts: bool,
) -> Result<(Vec<Op>, PageMarks), PdfError> {
    let mut ops = Vec::new();
    let mut state = State {
        texts,
        ..State::default()
    };
    let non_finite = |what| PdfError::NonFinite { page: number, what };
    for item in &page.items {
        match item {
            Item::Image {
                frame,
                draw,
                clip,
                image,
                node,
            } => {
                if !is_drawn(frame, draw, *clip).map_err(|()| non_finite("an image"))? {
                    continue;
                }
                // Every drawn image was collected by `Images::collect`.
                let id = images.id(image).ok_or_else(|| {
                    PdfError::Internal("an image was not collected for embedding".to_string())
                })?;
                marker.mark(&mut ops, *node, Artifact::Layout);
                draw_ops(&mut ops, frame, draw, *clip, id, height);
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
                marker.mark(&mut ops, run.node, Artifact::Pagination);
                let tagged = marker.is_tagging();
                text_ops(&mut ops, &mut state, run, font, number, height, tagged)?;
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
                marker.mark(&mut ops, None, Artifact::Layout);
                if state.stroke != Some(c) {
                    ops.push(Op::SetOutlineColor { col: color(c) });
                    state.stroke = Some(c);
                }
                let width = coord(thickness);
                if state.line_width != Some(width.0.to_bits()) {
                    ops.push(Op::SetOutlineThickness { pt: width });
                    state.line_width = Some(width.0.to_bits());
                }
                let point = |x: f32, y: f32| LinePoint {
                    p: Point {
                        x: coord(x),
                        y: coord(height - y),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(x0, y0), point(x1, y1)],
                        is_closed: false,
                    },
                });
            }
            Item::Fill { rect, color: c } => {
                if !all_finite(&[rect.x, rect.y, rect.width, rect.height]) {
                    return Err(non_finite("a filled rectangle"));
                }
                if rect.width <= 0.0 || rect.height <= 0.0 {
                    continue;
                }
                marker.mark(&mut ops, None, Artifact::Layout);
                if state.fill != Some(*c) {
                    ops.push(Op::SetFillColor { col: color(*c) });
                    state.fill = Some(*c);
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: coord(rect.x),
                        y: coord(height - rect.y - rect.height),
                        width: coord(rect.width),
                        height: coord(rect.height),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
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
                ops.push(Op::LinkAnnotation {
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
    let marks = marker.finish(&mut ops);
    Ok((ops, marks))
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
#[allow(clippy::too_many_arguments)]
fn text_ops(
    ops: &mut Vec<Op>,
    state: &mut State,
    run: &GlyphRun,
    font: &EmbeddedFont<'_>,
    number: usize,
    height: f32,
    tagged: bool,
) -> Result<(), PdfError> {
    if state.fill != Some(run.color) {
        ops.push(Op::SetFillColor {
            col: color(run.color),
        });
        state.fill = Some(run.color);
    }
    let reversed = run.right_to_left;
    if reversed {
        ops.push(Op::BeginMarkedContent {
            tag: runs::REVERSED_CHARS.to_string(),
        });
    }
    if run.synthetic_bold {
        if state.stroke != Some(run.color) {
            ops.push(Op::SetOutlineColor {
                col: color(run.color),
            });
            state.stroke = Some(run.color);
        }
        let width = coord(run.size * runs::BOLD_STROKE);
        if state.line_width != Some(width.0.to_bits()) {
            ops.push(Op::SetOutlineThickness { pt: width });
            state.line_width = Some(width.0.to_bits());
        }
        ops.push(Op::SetTextRenderingMode {
            mode: TextRenderingMode::FillStroke,
        });
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
    for glyph in &run.glyphs {
        let text = runs::shown(glyph_text(run, &glyph.text, number)?, reversed);
        let code = font.code(glyph.id, &text).ok_or_else(|| {
            PdfError::Internal(format!(
                "glyph {} was not collected for subsetting",
                glyph.id
            ))
        })?;
        let blank = text.is_empty();
        placed.push(Placed {
            code,
            text: if blank && tagged {
                Cow::Borrowed(font.stand_in(glyph.id))
            } else {
                text
            },
            blank,
            x: pen + glyph.x_offset,
            advance: glyph.advance,
            rise: -glyph.y_offset,
        });
        pen += glyph.advance;
    }
    let (on_baseline, lifted): (Vec<_>, Vec<_>) = placed
        .into_iter()
        .partition(|g| !g.blank || (!tagged && coord(g.rise).0 == 0.0));

    let shape = Shape {
        slant: if run.synthetic_italic {
            runs::SLANT
        } else {
            0.0
        },
        font,
        size,
        texts: state.texts,
    };
    if let Some(actual) = &actual {
        ops.push(actual_text(actual));
    }
    ops.push(Op::StartTextSection);
    set_font(ops, state, run, font, size);
    show_glyphs(ops, &on_baseline, run.x, height - run.y, pen, &shape);
    ops.push(Op::EndTextSection);
    if actual.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    if reversed {
        ops.push(Op::EndMarkedContent);
    }
    if !lifted.is_empty() {
        if tagged {
            ops.push(actual_text(""));
        }
        ops.push(Op::StartTextSection);
        for glyph in lifted {
            let (x, y, end) = (run.x, height - run.y + glyph.rise, glyph.x + glyph.advance);
            show_glyphs(ops, &[glyph], x, y, end, &shape);
        }
        ops.push(Op::EndTextSection);
        if tagged {
            ops.push(Op::EndMarkedContent);
        }
    }
    if run.synthetic_bold {
        ops.push(Op::SetTextRenderingMode {
            mode: TextRenderingMode::Fill,
        });
    }
    Ok(())
}

/// Begins a `/Span` marked-content sequence whose `/ActualText` is `text`.
fn actual_text(text: &str) -> Op {
    Op::BeginMarkedContentWithProperties {
        tag: "Span".to_string(),
        properties: DictItem::Dict {
            map: [("ActualText".to_string(), utf16_string(text))].into(),
        },
    }
}

/// A PDF text string in UTF-16BE with a byte order mark.
fn utf16_string(text: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    DictItem::String {
        data,
        literal: false,
    }
}

/// Selects the run's font and size unless they are already selected.
fn set_font(
    ops: &mut Vec<Op>,
    state: &mut State,
    run: &GlyphRun,
    font: &EmbeddedFont<'_>,
    size: Pt,
) {
    if state.font != Some((run.face, size.0.to_bits())) {
        ops.push(Op::SetFont {
            font: PdfFontHandle::External(font.id.clone()),
            size,
        });
        state.font = Some((run.face, size.0.to_bits()));
    }
}

/// A glyph of a run, ready to show.
struct Placed<'t> {
    /// Code in the embedded font.
    code: u16,
    /// The text the code stands for (reversed in a right-to-left run), or the glyph's stand-in.
    text: Cow<'t, str>,
    /// The glyph stands for no text of its own.
    blank: bool,
    /// Where the glyph is drawn, from the run's origin.
    x: f32,
    /// The shaped advance after it.
    advance: f32,
    /// How far above the baseline it is drawn.
    rise: f32,
}

/// How a run's glyphs are drawn: font, size and slant.
struct Shape<'f, 'p> {
    font: &'f EmbeddedFont<'p>,
    size: Pt,
    /// Horizontal shear of the text matrix (0 upright).
    slant: f32,
    /// Whether glyphs carry their text (see [`State`]).
    texts: bool,
}

/// A text matrix on the baseline at `y` (PDF user space) where the first of `glyphs` is drawn,
/// then one TJ showing them all, each at `x` + its `x`, leaving the pen at `x + end`.
///
/// In thousandths of an em: the viewer moves the pen by the integer `/W` width after each glyph,
/// minus the TJ number that follows it. Each number is picked so the pen lands where the next
/// glyph is drawn, rounding against the error left so far.
fn show_glyphs(
    ops: &mut Vec<Op>,
    glyphs: &[Placed<'_>],
    x: f32,
    y: f32,
    end: f32,
    shape: &Shape<'_, '_>,
) {
    let Some(first) = glyphs.first().map(|g| g.x) else {
        return;
    };
    let (x, y) = (coord(x + first), coord(y));
    let matrix = if shape.slant == 0.0 {
        TextMatrix::Translate(x, y)
    } else {
        TextMatrix::Raw([1.0, 0.0, shape.slant, 1.0, x.0, y.0])
    };
    ops.push(Op::SetTextMatrix { matrix });
    let (font, size) = (shape.font, shape.size);
    let per_point = 1000.0 / f64::from(size.0);
    let mut widths = 0.0f64;
    let mut offsets = 0.0f64;
    let mut items = Vec::with_capacity(glyphs.len());
    for (i, glyph) in glyphs.iter().enumerate() {
        widths += font.pdf_width(glyph.code) as f64;
        let next = glyphs.get(i + 1).map_or(end, |g| g.x);
        let target = f64::from(next - first) * per_point;
        let offset = ((widths - offsets - target) / OFFSET_QUANTUM).round() * OFFSET_QUANTUM;
        offsets += offset;
        items.push(Codepoint {
            gid: glyph.code,
            offset: offset as f32,
            cid: shape.texts.then(|| glyph.text.to_string()),
        });
    }
    ops.push(Op::ShowText {
        items: vec![TextItem::GlyphIds(items)],
    });
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
