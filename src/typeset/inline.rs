//! Inline layout: styled spans → shaped lines, broken at UAX #14 opportunities to a measured width.

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::pages::{Glyph, GlyphRun};
use super::shape::Shaper;
use crate::compose::{Span, TextStyle};
use crate::fonts::FaceId;

/// One laid-out line; positions are relative to the line's left edge and its baseline.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Glyph runs with `x` from the line's left edge and `y` = 0 on the baseline.
    pub runs: Vec<GlyphRun>,
    /// Link areas: (x start, x end, URI).
    pub links: Vec<(f32, f32, String)>,
    /// Width of the inked text (trailing spaces excluded).
    pub width: f32,
    /// Height above the baseline of the tallest style on the line.
    pub ascent: f32,
    /// Depth below the baseline (positive).
    pub descent: f32,
    /// Distance from this line's top to the next line's top at single spacing.
    pub natural_height: f32,
}

/// A glyph placed in the paragraph's text, before lines are formed.
#[derive(Debug, Clone)]
struct PGlyph {
    id: u16,
    /// The face the glyph id belongs to (the span's, or a fallback).
    face: FaceId,
    advance: f32,
    span: usize,
    /// Byte range of the paragraph text this glyph stands for (empty for later glyphs of a cluster).
    text: Range<usize>,
    /// Whitespace at the end of a break segment: dropped at the end of a line.
    trailing_space: bool,
    /// Part of a separator span: dropped at either end of a line.
    separator: bool,
}

/// An unbreakable piece of text: a word with the spaces after it.
struct Atom {
    glyphs: Vec<PGlyph>,
    /// Width without trailing spaces.
    inked: f32,
    /// Width with trailing spaces.
    full: f32,
    /// A line must end after this atom (a newline in the text).
    mandatory: bool,
}

/// Breaks `spans` into lines; `width_of(i)` gives the width available to line `i`.
pub fn break_lines(
    shaper: &mut Shaper,
    spans: &[Span],
    width_of: impl Fn(usize) -> f32,
) -> Vec<Line> {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(spans.len());
    for span in spans {
        let start = text.len();
        text.push_str(&span.text);
        bounds.push(start..text.len());
    }
    let atoms = atoms(shaper, spans, &text, &bounds);
    let mut lines: Vec<Vec<PGlyph>> = Vec::new();
    let mut current: Vec<PGlyph> = Vec::new();
    let mut used = 0.0_f32;
    for atom in atoms {
        let avail = width_of(lines.len());
        if !current.is_empty() && used + atom.inked > avail + 0.01 {
            lines.push(std::mem::take(&mut current));
            used = 0.0;
        }
        let avail = width_of(lines.len());
        if current.is_empty() && atom.inked > avail + 0.01 {
            let (pieces, rest) = split_overlong(atom.glyphs, |i| width_of(lines.len() + i));
            lines.extend(pieces);
            used = rest.iter().map(|g| g.advance).sum();
            current = rest;
        } else {
            used += atom.full;
            current.extend(atom.glyphs);
        }
        if atom.mandatory {
            lines.push(std::mem::take(&mut current));
            used = 0.0;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .into_iter()
        .map(|glyphs| finish_line(shaper, spans, &text, glyphs))
        .collect()
}

/// Splits the text at break opportunities and shapes each piece, span by span.
fn atoms(shaper: &mut Shaper, spans: &[Span], text: &str, bounds: &[Range<usize>]) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut start = 0;
    let inside_nowrap = |at: usize| {
        bounds
            .iter()
            .zip(spans)
            .any(|(range, span)| span.nowrap && range.start < at && at < range.end)
    };
    for (end, kind) in linebreaks(text) {
        if kind == BreakOpportunity::Allowed && inside_nowrap(end) {
            continue;
        }
        let segment = &text[start..end];
        let inked_end = start + segment.trim_end().len();
        let mut glyphs = Vec::new();
        for (index, span_range) in bounds.iter().enumerate() {
            let from = span_range.start.max(start);
            let to = span_range.end.min(end);
            if from < to {
                shape_fragment(
                    shaper,
                    &spans[index],
                    index,
                    text,
                    from..to,
                    inked_end,
                    &mut glyphs,
                );
            }
        }
        let full: f32 = glyphs.iter().map(|g| g.advance).sum();
        let inked: f32 = glyphs
            .iter()
            .filter(|g| !g.trailing_space)
            .map(|g| g.advance)
            .sum();
        let mandatory = kind == BreakOpportunity::Mandatory && end < text.len();
        atoms.push(Atom {
            glyphs,
            inked,
            full,
            mandatory,
        });
        start = end;
    }
    atoms
}

/// Shapes `text[range]` in the span's style and appends its glyphs.
fn shape_fragment(
    shaper: &mut Shaper,
    span: &Span,
    span_index: usize,
    text: &str,
    range: Range<usize>,
    inked_end: usize,
    out: &mut Vec<PGlyph>,
) {
    let mut start = range.start;
    let mut current = None;
    for (offset, c) in text[range.clone()].char_indices() {
        let face = shaper.face_for(span.style.face, c);
        if current.is_some_and(|f| f != face) {
            let piece = start..range.start + offset;
            shape_piece(
                shaper, span, span_index, text, piece, current, inked_end, out,
            );
            start = range.start + offset;
        }
        current = Some(face);
    }
    shape_piece(
        shaper,
        span,
        span_index,
        text,
        start..range.end,
        current,
        inked_end,
        out,
    );
}

/// Shapes `text[range]` in one face (the span's own, or a fallback that covers the text).
#[allow(clippy::too_many_arguments)]
fn shape_piece(
    shaper: &mut Shaper,
    span: &Span,
    span_index: usize,
    text: &str,
    range: Range<usize>,
    face: Option<FaceId>,
    inked_end: usize,
    out: &mut Vec<PGlyph>,
) {
    if range.is_empty() {
        return;
    }
    let face = face.unwrap_or(span.style.face);
    let TextStyle {
        size,
        letter_spacing,
        ..
    } = span.style;
    let scale = size / shaper.fonts().face(face).units_per_em;
    let shaped = shaper.shape(face, &text[range.clone()]);
    for (i, glyph) in shaped.iter().enumerate() {
        let cluster = range.start + glyph.cluster as usize;
        let first_of_cluster = i == 0 || shaped[i - 1].cluster != glyph.cluster;
        let cluster_end = shaped[i..]
            .iter()
            .map(|g| range.start + g.cluster as usize)
            .find(|&c| c > cluster)
            .unwrap_or(range.end);
        out.push(PGlyph {
            id: glyph.id,
            face,
            advance: glyph.advance as f32 * scale + letter_spacing,
            span: span_index,
            text: if first_of_cluster {
                cluster..cluster_end
            } else {
                cluster..cluster
            },
            trailing_space: cluster >= inked_end,
            separator: span.separator,
        });
    }
}

/// Cuts a word wider than the line into line-sized pieces at cluster boundaries.
/// Returns the full lines and the glyphs left for the next line.
fn split_overlong(
    glyphs: Vec<PGlyph>,
    width_of: impl Fn(usize) -> f32,
) -> (Vec<Vec<PGlyph>>, Vec<PGlyph>) {
    let mut lines = Vec::new();
    let mut current: Vec<PGlyph> = Vec::new();
    let mut used = 0.0;
    for glyph in glyphs {
        let starts_cluster = !glyph.text.is_empty();
        if starts_cluster
            && !glyph.trailing_space
            && !current.is_empty()
            && used + glyph.advance > width_of(lines.len())
        {
            lines.push(std::mem::take(&mut current));
            used = 0.0;
        }
        used += glyph.advance;
        current.push(glyph);
    }
    (lines, current)
}

/// Turns a line's glyphs into runs (one per span), links and metrics.
fn finish_line(shaper: &Shaper, spans: &[Span], text: &str, mut glyphs: Vec<PGlyph>) -> Line {
    while glyphs
        .last()
        .is_some_and(|g| g.trailing_space || g.separator)
    {
        glyphs.pop();
    }
    let leading = glyphs.iter().take_while(|g| g.separator).count();
    glyphs.drain(..leading);
    let mut line = Line::default();
    let mut x = 0.0;
    let mut i = 0;
    while i < glyphs.len() {
        let (span_index, face) = (glyphs[i].span, glyphs[i].face);
        let end = glyphs[i..]
            .iter()
            .position(|g| g.span != span_index || g.face != face)
            .map_or(glyphs.len(), |n| i + n);
        let chunk = &glyphs[i..end];
        let text_start = chunk
            .iter()
            .filter(|g| !g.text.is_empty())
            .map(|g| g.text.start)
            .min()
            .unwrap_or(0);
        let text_end = chunk.iter().map(|g| g.text.end).max().unwrap_or(text_start);
        let span = &spans[span_index];
        let run = GlyphRun {
            face,
            size: span.style.size,
            color: span.style.color,
            x,
            y: 0.0,
            text: text[text_start..text_end].to_string(),
            glyphs: chunk
                .iter()
                .map(|g| Glyph {
                    id: g.id,
                    advance: g.advance,
                    text: if g.text.is_empty() {
                        0..0
                    } else {
                        g.text.start - text_start..g.text.end - text_start
                    },
                })
                .collect(),
        };
        let width = run.width();
        if let Some(uri) = &span.link {
            line.links.push((x, x + width, uri.clone()));
        }
        x += width;
        line.runs.push(run);
        i = end;
    }
    line.width = x;
    for span in spans {
        let face = shaper.fonts().face(span.style.face);
        let size = span.style.size;
        line.ascent = line.ascent.max(face.ascender * size);
        line.descent = line.descent.max(-face.descender * size);
        line.natural_height = line.natural_height.max(face.line_height * size);
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FontBook, Style};
    use crate::typeset::pages::Rgb;

    fn span(book: &FontBook, text: &str, bold: bool) -> Span {
        let style = if bold { Style::BOLD } else { Style::REGULAR };
        Span {
            text: text.to_string(),
            style: TextStyle {
                face: book.find("Carlito", style).unwrap(),
                size: 11.0,
                color: Rgb::BLACK,
                letter_spacing: 0.0,
            },
            link: None,
            separator: false,
            nowrap: false,
        }
    }

    fn line_text(line: &Line) -> String {
        line.runs.iter().map(|r| r.text.as_str()).collect()
    }

    #[test]
    fn lines_fit_the_measure_and_keep_every_word() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let words = "Reduced average first response time from nine hours to forty minutes by \
                     rebuilding the triage queue and coaching twelve agents on macros";
        let lines = break_lines(&mut shaper, &[span(&book, words, false)], |_| 150.0);
        assert!(lines.len() > 2);
        for line in &lines {
            assert!(line.width <= 150.01, "{} > 150", line.width);
        }
        let joined: Vec<String> = lines.iter().map(line_text).collect();
        assert_eq!(joined.join(" "), words);
    }

    #[test]
    fn runs_follow_span_styles_and_kerning_narrows_text() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let spans = [span(&book, "AVATAR ", true), span(&book, "AVATAR", false)];
        let lines = break_lines(&mut shaper, &spans, |_| 500.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].runs.len(), 2);
        assert_eq!(lines[0].runs[0].text, "AVATAR ");
        let face = book.face(spans[1].style.face);
        let nominal: f32 = "AVATAR"
            .chars()
            .map(|c| {
                let gid = face.shaper.glyph_index(c).unwrap();
                f32::from(face.shaper.glyph_hor_advance(gid).unwrap()) * 11.0 / face.units_per_em
            })
            .sum();
        assert!(lines[0].runs[1].width() < nominal - 1.0, "kerning applied");
    }

    #[test]
    fn an_overlong_word_is_cut_to_the_measure() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let long = "x".repeat(300);
        let lines = break_lines(&mut shaper, &[span(&book, &long, false)], |_| 100.0);
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert_eq!(lines.iter().map(line_text).collect::<String>(), long);
    }

    #[test]
    fn newlines_force_a_break() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let lines = break_lines(&mut shaper, &[span(&book, "one\ntwo", false)], |_| 500.0);
        assert_eq!(
            lines.iter().map(line_text).collect::<Vec<_>>(),
            ["one", "two"]
        );
    }
}
