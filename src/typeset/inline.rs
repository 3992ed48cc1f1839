//! Inline layout: styled spans → shaped lines, broken at UAX #14 opportunities to a measured width
//! and put in bidirectional display order (UAX #9).
//!
//! A paragraph is analysed for bidi levels first. Its base direction is right to left when it
//! belongs to a right-to-left document (its [`Direction`]) and has a right-to-left letter, else that
//! of its first strong character. Paragraphs of a right-to-left document are laid
//! out mirrored (flush right, bullets on the right) whatever their own direction: one with no
//! right-to-left letter, such as an English bullet, reads left to right there. Unbreakable and linked spans (addresses, phone numbers, names) are isolates: their
//! order never mixes with the text around them. The text is shaped in pieces of one span, face and
//! level — right to left at odd levels, so Arabic letters join — and broken into lines on the
//! logical text; then each line's glyphs are reordered for display (rules L1 and L2). A line's runs
//! stay in reading order, each placed where it is displayed. Bidi format characters steer the
//! algorithm but are neither drawn nor extracted.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};
use unicode_linebreak::{BreakOpportunity, linebreaks};

use super::atom::{Atom, PGlyph, ParagraphKey};
use super::breaks::{AtomWidth, total_fit};
use super::line::Line;
use super::pages::{Glyph, GlyphRun};
use super::shape::Shaper;
use crate::compose::{Span, TextStyle};
use crate::fonts::FaceId;
use crate::style::Direction;

/// Whether `c` is a bidi format character (marks, embeddings, overrides, isolates): it steers the
/// bidi algorithm and has no glyph.
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `c` belongs to a script whose letters join (Arabic, Syriac, N'Ko, Mandaic, Mongolian).
fn is_cursive(c: char) -> bool {
    matches!(
        c,
        '\u{0600}'..='\u{074F}'
            | '\u{0750}'..='\u{077F}'
            | '\u{07C0}'..='\u{07FF}'
            | '\u{0840}'..='\u{085F}'
            | '\u{0860}'..='\u{08FF}'
            | '\u{1800}'..='\u{18AF}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
    )
}

/// Bidi levels of a paragraph's text, byte by byte (empty when the text is all left to right).
struct Bidi {
    /// Resolved embedding level of each byte.
    levels: Vec<u8>,
    /// Original bidi class of each byte (rule L1 looks for white space, tabs and newlines).
    classes: Vec<BidiClass>,
    /// Base level of the bidi paragraph each byte is in (newlines end bidi paragraphs).
    base: Vec<u8>,
    /// The paragraph belongs to a right-to-left document: it is laid out mirrored whatever its own
    /// direction.
    in_rtl_document: bool,
}

impl Bidi {
    /// Resolves the levels of `text`, the concatenation of `spans` at `bounds`, a paragraph of a
    /// document written in `direction`.
    fn new(text: &str, spans: &[Span], bounds: &[Range<usize>], direction: Direction) -> Bidi {
        let lead = text.len() - text.trim_start_matches(is_bidi_control).len();
        let in_rtl_document = direction == Direction::Rtl;
        let may_be_rtl = text[lead..].chars().any(|c| {
            use BidiClass::{AL, AN, R, RLE, RLI, RLO};
            // Nothing below U+0590 (Hebrew) is right-to-left: skip the table search.
            c >= '\u{0590}' && matches!(bidi_class(c), R | AL | AN | RLE | RLO | RLI)
        });
        if !may_be_rtl {
            // Left to right throughout; still mirrored in a right-to-left document.
            return Bidi {
                levels: Vec::new(),
                classes: Vec::new(),
                base: Vec::new(),
                in_rtl_document,
            };
        }
        // Otherwise the first strong character decides (a leading mark in the text included).
        let base = in_rtl_document.then(Level::rtl);
        // Each unbreakable or linked span (an address, a phone number, a name) becomes a
        // first-strong isolate (FSI … PDI); the paragraph's leading direction marks stay outside,
        // where they set the paragraph's direction.
        let mut isolated = String::with_capacity(text.len() + 6 * spans.len());
        let mut map = Vec::with_capacity(text.len());
        let mut copy = |range: Range<usize>, out: &mut String| {
            map.extend((0..range.len()).map(|i| out.len() + i));
            out.push_str(&text[range]);
        };
        for (span, range) in spans.iter().zip(bounds) {
            let start = range.start.max(lead).min(range.end);
            copy(range.start..start, &mut isolated);
            let isolate = (span.nowrap || span.link.is_some()) && start < range.end;
            if isolate {
                isolated.push('\u{2068}');
            }
            copy(start..range.end, &mut isolated);
            if isolate {
                isolated.push('\u{2069}');
            }
        }
        let info = BidiInfo::new(&isolated, base);
        let paragraph_level = |i: usize| {
            info.paragraphs
                .iter()
                .find(|p| p.range.contains(&i))
                .map_or(0, |p| p.level.number())
        };
        Bidi {
            levels: map.iter().map(|&i| info.levels[i].number()).collect(),
            classes: map.iter().map(|&i| info.original_classes[i]).collect(),
            base: map.iter().map(|&i| paragraph_level(i)).collect(),
            in_rtl_document,
        }
    }

    /// The embedding level of the byte at `at`.
    fn level(&self, at: usize) -> u8 {
        self.levels.get(at).copied().unwrap_or(0)
    }
}

/// Breaks `spans`, a paragraph of a document written in `direction`, into lines; `width_of(i)`
/// gives the width available to line `i`.
pub fn break_lines(
    shaper: &mut Shaper,
    spans: &[Span],
    direction: Direction,
    width_of: impl Fn(usize) -> f32,
) -> Vec<Line> {
    let mut text = String::new();
    let mut bounds = Vec::with_capacity(spans.len());
    for span in spans {
        let start = text.len();
        text.push_str(&span.text);
        bounds.push(start..text.len());
    }
    let bidi = Bidi::new(&text, spans, &bounds, direction);
    let atoms = cached_atoms(shaper, spans, direction, &text, &bounds, &bidi);
    let narrowest = width_of(0).min(width_of(1));
    let atoms = keep_tokens_whole(atoms, narrowest);
    let widths: Vec<AtomWidth> = atoms.iter().map(|a| a.width).collect();
    let lines = match total_fit(&widths, &width_of, shaper.last_line_min()) {
        Some(ends) => lines_at(atoms, &ends),
        None => fill_greedily(atoms, &width_of),
    };
    let metrics = paragraph_metrics(shaper, spans);
    lines
        .into_iter()
        .map(|glyphs| finish_line(shaper, spans, &text, &bidi, metrics, glyphs))
        .collect()
}

/// Ascent, descent and natural height shared by every line of a paragraph: the largest of any of
/// its spans, so a line keeps its height whichever spans it holds. Found once per paragraph, not
/// per line (a paragraph of thousands of spans made that quadratic).
fn paragraph_metrics(shaper: &Shaper, spans: &[Span]) -> (f32, f32, f32) {
    let mut metrics = (0.0_f32, 0.0_f32, 0.0_f32);
    let mut last = None;
    for span in spans {
        // A run of spans in one face and size is looked up once.
        let size = span.style.size;
        if last.replace((span.style.face, size)) == Some((span.style.face, size)) {
            continue;
        }
        let face = shaper.fonts().face(span.style.face);
        metrics.0 = metrics.0.max(face.ascender() * size);
        metrics.1 = metrics.1.max(-face.descender() * size);
        metrics.2 = metrics.2.max(face.line_height() * size);
    }
    metrics
}

/// The glyphs of each line, the lines ending before the atoms at `ends`.
fn lines_at(atoms: Vec<Atom>, ends: &[usize]) -> Vec<Vec<PGlyph>> {
    let mut lines = Vec::with_capacity(ends.len());
    let mut atoms = atoms.into_iter();
    let mut start = 0;
    for &end in ends {
        lines.push(
            atoms
                .by_ref()
                .take(end - start)
                .flat_map(|a| a.glyphs)
                .collect(),
        );
        start = end;
    }
    lines
}

/// Fills lines one at a time, cutting a word wider than its line: the fallback for paragraphs
/// [`total_fit`] does not take.
fn fill_greedily(atoms: Vec<Atom>, width_of: &impl Fn(usize) -> f32) -> Vec<Vec<PGlyph>> {
    let mut lines: Vec<Vec<PGlyph>> = Vec::new();
    let mut current: Vec<PGlyph> = Vec::new();
    let mut used = 0.0_f32;
    for atom in atoms {
        let avail = width_of(lines.len());
        if !current.is_empty() && used + atom.width.inked > avail + 0.01 {
            lines.push(std::mem::take(&mut current));
            used = 0.0;
        }
        let avail = width_of(lines.len());
        if current.is_empty() && atom.width.inked > avail + 0.01 {
            let (pieces, rest) = split_overlong(atom.glyphs, |i| width_of(lines.len() + i));
            lines.extend(pieces);
            used = rest.iter().map(|g| g.advance).sum();
            current = rest;
        } else {
            used += atom.width.full;
            current.extend(atom.glyphs);
        }
        if atom.width.mandatory {
            lines.push(std::mem::take(&mut current));
            used = 0.0;
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

/// [`atoms`], or, when the shaper's cache remembers paragraphs, a copy of those made for the same
/// spans earlier in the document (see [`super::atom::Paragraphs`]), with the characters no face
/// had noted again.
fn cached_atoms(
    shaper: &mut Shaper,
    spans: &[Span],
    direction: Direction,
    text: &str,
    bounds: &[Range<usize>],
    bidi: &Bidi,
) -> Vec<Atom> {
    if shaper.paragraphs().is_none() {
        return atoms(shaper, spans, text, bounds, bidi);
    }
    let key = ParagraphKey::new(spans, direction);
    if let Some((atoms, missing)) = shaper.paragraphs().and_then(|done| done.get(&key)) {
        let (atoms, missing) = (atoms.clone(), missing.clone());
        shaper.note_missing(missing);
        return atoms;
    }
    let atoms = atoms(shaper, spans, text, bounds, bidi);
    let missing: Vec<char> = if shaper.missing().is_empty() {
        Vec::new()
    } else {
        text.chars()
            .filter(|c| shaper.missing().contains(c))
            .collect()
    };
    if let Some(done) = shaper.paragraphs() {
        done.insert(key, (atoms.clone(), missing));
    }
    atoms
}

/// Splits the text at break opportunities and shapes each piece, span by span.
fn atoms(
    shaper: &mut Shaper,
    spans: &[Span],
    text: &str,
    bounds: &[Range<usize>],
    bidi: &Bidi,
) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut start = 0;
    // `bounds` are consecutive and in text order, and so are the segments: `first`, the first span
    // not wholly before the segment, only moves forward, and each segment looks at the spans it
    // touches alone (scanning every span for every segment made a paragraph of thousands of spans,
    // a long keyword list, quadratic).
    let mut first = 0;
    let inside_nowrap = |first: usize, at: usize| {
        bounds[first..]
            .iter()
            .zip(&spans[first..])
            .take_while(|(range, _)| range.start < at)
            .any(|(range, span)| span.nowrap && at < range.end)
    };
    for (end, kind) in linebreaks(text) {
        let kept = after_hyphen(text, end) || before_dash(text, end);
        if kind == BreakOpportunity::Allowed && kept {
            continue;
        }
        let segment = &text[start..end];
        let inked_end = start + segment.trim_end().len();
        let mut glyphs = Vec::new();
        while bounds.get(first).is_some_and(|range| range.end <= start) {
            first += 1;
        }
        let touched = bounds.iter().enumerate().skip(first);
        for (index, span_range) in touched.take_while(|(_, range)| range.start < end) {
            let from = span_range.start.max(start);
            let to = span_range.end.min(end);
            if from < to {
                let piece = Piece {
                    span: &spans[index],
                    span_index: index,
                    text,
                    inked_end,
                };
                shape_fragment(shaper, &piece, from..to, bidi, &mut glyphs);
            }
        }
        close_size_changes(&mut glyphs, spans);
        let full: f32 = glyphs.iter().map(|g| g.advance).sum();
        let inked: f32 = glyphs
            .iter()
            .filter(|g| !g.trailing_space)
            .map(|g| g.advance)
            .sum();
        let mandatory = kind == BreakOpportunity::Mandatory && end < text.len();
        // An unbreakable span is kept whole like a token: on one line when it fits the narrowest
        // line, else broken at its spaces rather than cut between two letters.
        let inside_token = !mandatory && (is_inside_token(text, end) || inside_nowrap(first, end));
        atoms.push(Atom {
            glyphs,
            width: AtomWidth {
                inked,
                full,
                mandatory,
            },
            inside_token,
        });
        start = end;
    }
    atoms
}

/// Largest gap, as a fraction of the smaller font size, left where the size changes inside a word.
/// Text extractors start a new word at every change of size and read a gap of 3% of the line's
/// first font size or more as a space (poppler does): small capitals drawn with letter spacing
/// would come out as "E XECUTIVE".
const SIZE_CHANGE_GAP: f32 = 0.025;

/// Narrows the letter spacing after the last glyph of a span where the next span of the same word
/// (`glyphs`, one break segment in logical order) has another font size.
fn close_size_changes(glyphs: &mut [PGlyph], spans: &[Span]) {
    for i in 1..glyphs.len() {
        let (before, after) = glyphs.split_at_mut(i);
        let (last, next) = (&mut before[i - 1], &after[0]);
        if last.span == next.span || last.trailing_space || next.trailing_space {
            continue;
        }
        let (a, b) = (&spans[last.span].style, &spans[next.span].style);
        if a.size == b.size {
            continue;
        }
        let limit = SIZE_CHANGE_GAP * a.size.min(b.size);
        let excess = last.spacing - limit;
        if excess > 0.0 {
            last.advance -= excess;
            last.spacing -= excess;
        }
    }
}

/// Whether `at` (a break opportunity) lies inside a token: between two characters that are not
/// white space, neither of them from a script written without spaces.
fn is_inside_token(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) => {
            !b.is_whitespace()
                && !a.is_whitespace()
                && !breaks_between_letters(b)
                && !breaks_between_letters(a)
        }
        _ => false,
    }
}

/// Whether `c` belongs to a script that breaks lines between letters (CJK ideographs, kana,
/// hangul, their punctuation and full-width forms).
fn breaks_between_letters(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{20000}'..='\u{3FFFF}')
}

/// Joins the atoms of a token that Unicode line breaking would split after a `/`, `+`, `.` or
/// similar ("CI/CD", "C++", an e-mail address or a web address), or of an unbreakable span
/// ("Twi (Conversational)"), as long as the whole token fits the narrowest line: extractors read a line end inside a token as a space ("CI/ CD"), and
/// applicant tracking systems then miss the word. A token wider than the line keeps its break
/// opportunities, so it still breaks at a `/` or `.` rather than between two letters.
fn keep_tokens_whole(atoms: Vec<Atom>, narrowest: f32) -> Vec<Atom> {
    let mut out: Vec<Atom> = Vec::with_capacity(atoms.len());
    let mut token: Vec<Atom> = Vec::new();
    let flush = |token: &mut Vec<Atom>, out: &mut Vec<Atom>| {
        let last = token.last().map(|a| a.width);
        let before: f32 = token.iter().rev().skip(1).map(|a| a.width.full).sum();
        let inked = before + last.map_or(0.0, |w| w.inked);
        if let (true, Some(last)) = (token.len() > 1 && inked <= narrowest + 0.01, last) {
            out.push(Atom {
                glyphs: token.drain(..).flat_map(|a| a.glyphs).collect(),
                width: AtomWidth {
                    inked: before + last.inked,
                    full: before + last.full,
                    mandatory: last.mandatory,
                },
                inside_token: false,
            });
        } else {
            out.append(token);
        }
    };
    for atom in atoms {
        let continues = atom.inside_token;
        token.push(atom);
        if !continues {
            flush(&mut token, &mut out);
        }
    }
    flush(&mut token, &mut out);
    out
}

/// Whether a break at `at` would follow the hyphen of a compound ("13-|year-olds"). Such breaks are
/// not taken: text extractors (poppler, and the ATS built on it) take a hyphen at the end of a line
/// for hyphenation and join the lines without it, turning "middle-school" into "middleschool".
fn after_hyphen(text: &str, at: usize) -> bool {
    let mut before = text[..at].chars().rev();
    before.next() == Some('-') && before.next().is_some_and(|c| !c.is_whitespace())
}

/// Whether a break at `at` would start a line with a dash ("— Tableau", "– 2021"): a dash
/// between two phrases ends the line it follows, so the next line does not open with a separator.
fn before_dash(text: &str, at: usize) -> bool {
    text[at..].starts_with(['—', '–'])
}

/// What shaping a piece of a break segment needs to know besides the piece itself.
struct Piece<'a> {
    span: &'a Span,
    span_index: usize,
    /// The whole paragraph text.
    text: &'a str,
    /// Where the segment's trailing white space starts.
    inked_end: usize,
}

/// Shapes `text[range]` (inside one span) in pieces of one face and one bidi level, and appends
/// the glyphs in logical order. Bidi format characters are left out.
fn shape_fragment(
    shaper: &mut Shaper,
    piece: &Piece,
    range: Range<usize>,
    bidi: &Bidi,
    out: &mut Vec<PGlyph>,
) {
    let mut start = range.start;
    let mut current: Option<(FaceId, u8)> = None;
    for (offset, c) in piece.text[range.clone()].char_indices() {
        let at = range.start + offset;
        if is_bidi_control(c) {
            shape_piece(shaper, piece, start..at, current, out);
            start = at + c.len_utf8();
            current = None;
            continue;
        }
        // White space and punctuation stay in the fallback face of the text around them, so a
        // phrase in another script is shaped (and extracted) in one piece; joiners and variation
        // selectors always stay with the character before them.
        let stays = |face: FaceId| {
            let format = !c.is_whitespace() && crate::fonts::is_invisible(c);
            let common = c.is_whitespace() || c.is_ascii_punctuation();
            format || common && shaper.fonts().face(face).covers(c)
        };
        let face = match current {
            Some((face, _)) if face != piece.span.style.face && stays(face) => face,
            _ => shaper.face_for(piece.span.style.face, piece.span.style.variant, c),
        };
        let key = (face, bidi.level(at));
        if current.is_some_and(|k| k != key) {
            shape_piece(shaper, piece, start..at, current, out);
            start = at;
        }
        current = Some(key);
    }
    shape_piece(shaper, piece, start..range.end, current, out);
}

/// Shapes `text[range]` in one face (the span's own, or a fallback that covers the text) at one
/// bidi level, and appends its glyphs in logical order.
fn shape_piece(
    shaper: &mut Shaper,
    piece: &Piece,
    range: Range<usize>,
    face_level: Option<(FaceId, u8)>,
    out: &mut Vec<PGlyph>,
) {
    if range.is_empty() {
        return;
    }
    let span = piece.span;
    let (face, level) = face_level.unwrap_or((span.style.face, 0));
    let TextStyle {
        size,
        letter_spacing,
        ..
    } = span.style;
    let scale = size / shaper.fonts().face(face).units_per_em();
    let rtl = level % 2 == 1;
    let text = &piece.text[range.clone()];
    // Letters of a cursive script join: spacing them out would break the joins.
    let letter_spacing = if text.chars().any(is_cursive) {
        0.0
    } else {
        letter_spacing
    };
    let shaped = shaper.shape(face, text, rtl);
    // Logical order: a right-to-left piece comes in visual order and is read backwards (and
    // reversed again for display).
    let glyph = |index: usize| &shaped[if rtl { shaped.len() - 1 - index } else { index }];
    let count = shaped.len();
    // A cluster ends where the next one starts. The shaper keeps clusters in text order, so the
    // next one is the next group's; should a font reorder them, the starts are sorted instead.
    let in_order = (1..count).all(|index| glyph(index - 1).cluster <= glyph(index).cluster);
    let starts: Vec<u32> = if in_order {
        Vec::new()
    } else {
        let mut starts: Vec<u32> = shaped.iter().map(|g| g.cluster).collect();
        starts.sort_unstable();
        starts.dedup();
        starts
    };
    let mut first = 0;
    while first < count {
        let cluster = glyph(first).cluster;
        let after = (first + 1..count)
            .find(|&index| glyph(index).cluster != cluster)
            .unwrap_or(count);
        let next = if in_order {
            (after < count).then(|| glyph(after).cluster)
        } else {
            starts
                .get(starts.partition_point(|&s| s <= cluster))
                .copied()
        };
        let at = range.start + cluster as usize;
        let end = next.map_or(range.end, |s| range.start + s as usize);
        // The text each glyph stands for: its cluster's on the first glyph of the cluster (shared
        // out when long, see `share_cluster`), nothing on the others.
        let texts = share_cluster(piece.text, at..end, after - first);
        for (glyph, text) in (first..after).map(glyph).zip(texts) {
            out.push(PGlyph {
                id: glyph.id,
                face,
                advance: glyph.advance as f32 * scale + letter_spacing,
                offset: (
                    glyph.x_offset as f32 * scale,
                    -(glyph.y_offset as f32) * scale,
                ),
                span: piece.span_index,
                at,
                text,
                level,
                spacing: letter_spacing,
                trailing_space: at >= piece.inked_end,
                separator: span.separator,
            });
        }
        first = after;
    }
}

/// The most text, in UTF-8 bytes, one glyph stands for. A PDF ToUnicode entry may hold 512 bytes
/// of UTF-16, but poppler reads a CMap token of at most 255 characters (a hex string of 63 UTF-16
/// units) and drops longer entries; 62 bytes of UTF-8 never make more than 62 units.
const MAX_GLYPH_TEXT: usize = 62;

/// The text each of the `glyphs` glyphs of one cluster stands for: the whole `cluster` range of
/// `text` on the first and nothing on the others, unless the cluster's text is longer than
/// [`MAX_GLYPH_TEXT`] (a letter under hundreds of combining marks). Then it is shared out in
/// order, in pieces of at most that size cut between characters, the last glyph taking what is
/// left, so that text extraction still returns all of it.
fn share_cluster(
    text: &str,
    cluster: Range<usize>,
    glyphs: usize,
) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = cluster.start;
    (0..glyphs).map(move |index| {
        let last = index + 1 == glyphs;
        let mut end = if last {
            cluster.end
        } else {
            (start + MAX_GLYPH_TEXT).min(cluster.end)
        };
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        // A glyph left without text sits at the cluster's start, as a mark always has.
        let share = if start == end {
            cluster.start..cluster.start
        } else {
            start..end
        };
        start = end;
        share
    })
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

/// Turns a line's glyphs (in logical order) into runs, links and metrics: glyphs are put in display
/// order, and every stretch of one span, face and level becomes a run.
fn finish_line(
    shaper: &Shaper,
    spans: &[Span],
    text: &str,
    bidi: &Bidi,
    (ascent, descent, natural_height): (f32, f32, f32),
    mut glyphs: Vec<PGlyph>,
) -> Line {
    while glyphs
        .last()
        .is_some_and(|g| g.trailing_space || g.separator)
    {
        glyphs.pop();
    }
    let leading = glyphs.iter().take_while(|g| g.separator).count();
    glyphs.drain(..leading);
    let base = glyphs
        .first()
        .and_then(|g| bidi.base.get(g.at).copied())
        .unwrap_or(0);
    let levels = line_levels(&glyphs, bidi, base);
    let order = visual_order(&levels);
    let mut line = Line {
        rtl: base % 2 == 1,
        mirrored: bidi.in_rtl_document || base % 2 == 1,
        ..Line::default()
    };
    // (logical start, run, link) in display order.
    let mut runs = Vec::new();
    let mut x = 0.0;
    let mut i = 0;
    let key = |k: usize| (glyphs[k].span, glyphs[k].face, levels[k]);
    while i < order.len() {
        let end = order[i..]
            .iter()
            .position(|&k| key(k) != key(order[i]))
            .map_or(order.len(), |n| i + n);
        let chunk: Vec<&PGlyph> = order[i..end].iter().map(|&k| &glyphs[k]).collect();
        let text_start = chunk
            .iter()
            .filter(|g| !g.text.is_empty())
            .map(|g| g.text.start)
            .min()
            .unwrap_or(chunk[0].at);
        let text_end = chunk.iter().map(|g| g.text.end).max().unwrap_or(text_start);
        let span = &spans[chunk[0].span];
        let fonts = shaper.fonts();
        let run = GlyphRun {
            face: chunk[0].face,
            // Bold or italic asked for but drawn with a face that is not (a fallback, a font file
            // with one face): the writer emboldens or slants the outlines.
            synthetic_bold: span.style.variant.bold && !fonts.face(chunk[0].face).style.bold,
            synthetic_italic: span.style.variant.italic && !fonts.face(chunk[0].face).style.italic,
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
                    x_offset: g.offset.0,
                    y_offset: g.offset.1,
                    text: if g.text.is_empty() {
                        0..0
                    } else {
                        g.text.start - text_start..g.text.end - text_start
                    },
                })
                .collect(),
            right_to_left: levels[order[i]] % 2 == 1,
            node: span.node,
        };
        let width = run.width();
        let link = span
            .link
            .as_ref()
            .map(|uri| (x, x + width, uri.clone(), span.node));
        x += width;
        runs.push((text_start, run, link));
        i = end;
    }
    // Reading order: a text extractor meets the runs as the text has them.
    runs.sort_by_key(|(start, _, _)| *start);
    for (_, run, link) in runs {
        line.runs.push(run);
        line.links.extend(link);
    }
    line.width = x;
    line.ascent = ascent;
    line.descent = descent;
    line.natural_height = natural_height;
    super::marks::add_directional_marks(&mut line);
    line
}

/// The bidi level of each glyph of a line, after rule L1: tabs, and white space before a tab or at
/// the end of the line, go back to the paragraph's `base` level.
fn line_levels(glyphs: &[PGlyph], bidi: &Bidi, base: u8) -> Vec<u8> {
    let mut levels: Vec<u8> = glyphs.iter().map(|g| g.level).collect();
    if bidi.classes.is_empty() {
        return levels;
    }
    let mut reset = true;
    for (glyph, level) in glyphs.iter().zip(&mut levels).rev() {
        match bidi.classes[glyph.at] {
            BidiClass::S | BidiClass::B => {
                *level = base;
                reset = true;
            }
            BidiClass::WS if reset => *level = base,
            _ => reset = false,
        }
    }
    levels
}

/// Rule L2: the display order of items with these levels (`order[visual] = logical`). From the
/// highest level down to the lowest odd one, every stretch at that level or above is reversed.
fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let highest = levels.iter().copied().max().unwrap_or(0);
    let Some(lowest_odd) = levels.iter().map(|&l| l | 1).min() else {
        return order;
    };
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < order.len() && levels[order[i]] >= level {
                i += 1;
            }
            order[start..i].reverse();
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FontBook, Style};
    use crate::style::Rgb;
    use crate::typeset::marks::{LRM, RLM};

    fn span(book: &FontBook, text: &str, bold: bool) -> Span {
        let style = if bold { Style::BOLD } else { Style::REGULAR };
        Span {
            text: text.to_string(),
            style: TextStyle {
                face: book.find("Carlito", style).unwrap(),
                size: 11.0,
                color: Rgb::BLACK,
                letter_spacing: 0.0,
                variant: style,
            },
            link: None,
            separator: false,
            nowrap: false,
            node: None,
        }
    }

    /// A run's text without the directional marks added for extractors.
    fn unmarked(text: &str) -> String {
        text.chars().filter(|&c| c != LRM && c != RLM).collect()
    }

    fn line_text(line: &Line) -> String {
        line.runs.iter().map(|r| unmarked(&r.text)).collect()
    }

    #[test]
    fn lines_fit_the_measure_and_keep_every_word() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let words = "Reduced average first response time from nine hours to forty minutes by \
                     rebuilding the triage queue and coaching twelve agents on macros";
        let lines = break_lines(
            &mut shaper,
            &[span(&book, words, false)],
            Direction::Ltr,
            |_| 150.0,
        );
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
        let lines = break_lines(&mut shaper, &spans, Direction::Ltr, |_| 500.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].runs.len(), 2);
        assert_eq!(lines[0].runs[0].text, "AVATAR ");
        let face = book.face(spans[1].style.face);
        let nominal: f32 = "AVATAR"
            .chars()
            .map(|c| {
                let gid = face.parser().glyph_index(c).unwrap();
                f32::from(face.parser().glyph_hor_advance(gid).unwrap()) * 11.0
                    / face.units_per_em()
            })
            .sum();
        assert!(lines[0].runs[1].width() < nominal - 1.0, "kerning applied");
    }

    #[test]
    fn tokens_stay_whole_when_they_fit_and_break_at_a_slash_when_they_do_not() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let text = "Built CI/CD pipelines in C++ and Chef/puppet/ansible for ann.lee@example.org \
                    at www.linkedin.com/in/ann-lee-example";
        for width in (60..400).step_by(7) {
            let lines = break_lines(
                &mut shaper,
                &[span(&book, text, false)],
                Direction::Ltr,
                |_| width as f32,
            );
            let texts: Vec<String> = lines.iter().map(line_text).collect();
            let letters = |t: &str| t.split_whitespace().collect::<String>();
            assert_eq!(letters(&texts.concat()), letters(text), "width {width}");
            for token in ["CI/CD", "C++", "Chef/puppet/ansible", "ann.lee@example.org"] {
                let token_width: f32 = {
                    let one = break_lines(
                        &mut shaper,
                        &[span(&book, token, false)],
                        Direction::Ltr,
                        |_| 10_000.0,
                    );
                    one[0].width
                };
                if token_width <= width as f32 {
                    assert!(
                        texts.iter().any(|t| t.contains(token)),
                        "{token} split at width {width}: {texts:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_overlong_word_is_cut_to_the_measure() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let long = "x".repeat(300);
        let lines = break_lines(
            &mut shaper,
            &[span(&book, &long, false)],
            Direction::Ltr,
            |_| 100.0,
        );
        assert!(lines.len() > 5);
        assert!(lines.iter().all(|l| l.width <= 100.01));
        assert_eq!(lines.iter().map(line_text).collect::<String>(), long);
    }

    #[test]
    fn newlines_force_a_break() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let lines = break_lines(
            &mut shaper,
            &[span(&book, "one\ntwo", false)],
            Direction::Ltr,
            |_| 500.0,
        );
        assert_eq!(
            lines.iter().map(line_text).collect::<Vec<_>>(),
            ["one", "two"]
        );
    }

    /// A span in Liberation Sans, which has Hebrew letters and points.
    fn hebrew_span(book: &FontBook, text: &str) -> Span {
        Span {
            style: TextStyle {
                face: book.find("Liberation Sans", Style::REGULAR).unwrap(),
                ..span(book, "", false).style
            },
            ..span(book, text, false)
        }
    }

    /// The runs of `line` as (text, x, right edge).
    fn placed(line: &Line) -> Vec<(String, f32, f32)> {
        line.runs
            .iter()
            .map(|r| (unmarked(&r.text), r.x, r.x + r.width()))
            .collect()
    }

    #[test]
    fn lines_do_not_end_at_the_hyphen_of_a_compound() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let text = "Taught science to thirteen-year-olds in a middle-school for ten long years";
        let whole = break_lines(
            &mut shaper,
            &[span(&book, text, false)],
            Direction::Ltr,
            |_| 1000.0,
        )[0]
        .width;
        let mut broke_elsewhere = 0;
        // From a third of the line (wider than the longest word) to the whole line.
        for step in 14..40 {
            let width = whole * step as f32 / 40.0;
            let lines = break_lines(
                &mut shaper,
                &[span(&book, text, false)],
                Direction::Ltr,
                |_| width,
            );
            let texts: Vec<String> = lines.iter().map(line_text).collect();
            assert_eq!(texts.join(" "), text, "nothing lost at {width}");
            assert!(
                texts[..texts.len() - 1].iter().all(|l| !l.ends_with('-')),
                "{texts:?}"
            );
            broke_elsewhere += usize::from(texts.len() > 1);
        }
        assert!(broke_elsewhere > 20);
        assert!(before_dash("Analyst — Tableau", 8));
        assert!(!before_dash("Analyst — Tableau", 12));
        // A hyphen standing alone (a dash typed as "-") still allows a break after it.
        assert!(!after_hyphen("a - b", 3));
        assert!(after_hyphen("a-b", 2));
    }

    #[test]
    fn a_hebrew_paragraph_reads_in_logical_order_and_displays_right_to_left() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let text = "שלום Rust עולם 2020 סוף";
        let lines = break_lines(
            &mut shaper,
            &[hebrew_span(&book, text)],
            Direction::Ltr,
            |_| 500.0,
        );
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        assert!(line.rtl, "the first strong letter is Hebrew");
        assert_eq!(line_text(line), text, "runs come in reading order");
        let runs = placed(line);
        let at = |t: &str| runs.iter().find(|r| r.0.contains(t)).unwrap().1;
        // Right to left, each word after the one before it; "Rust" and "2020" read left to right.
        assert!(at("שלום") > at("Rust"));
        assert!(at("Rust") > at("עולם"));
        assert!(at("עולם") > at("2020"));
        assert!(at("2020") > at("סוף"));
        let end = runs.iter().map(|r| r.2).fold(0.0, f32::max);
        assert!((end - line.width).abs() < 0.01);
        // The Hebrew word's glyphs are in visual order: its text ranges run backwards.
        let shalom = line.runs.iter().find(|r| r.text.contains("שלום")).unwrap();
        let starts: Vec<usize> = shalom.glyphs.iter().map(|g| g.text.start).collect();
        assert!(starts.windows(2).all(|w| w[0] > w[1]), "{starts:?}");
    }

    #[test]
    fn right_to_left_clusters_stand_for_the_text_once() {
        // Hebrew letters with points: several characters per cluster, glyphs in visual order.
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let text = "שָׁלוֹם עוֹלָם";
        let lines = break_lines(
            &mut shaper,
            &[hebrew_span(&book, text)],
            Direction::Ltr,
            |_| 500.0,
        );
        let mut covered: Vec<std::ops::Range<usize>> = Vec::new();
        for run in &lines[0].runs {
            let base = text.find(run.text.as_str()).unwrap();
            covered.extend(
                run.glyphs
                    .iter()
                    .filter(|g| !g.text.is_empty())
                    .map(|g| base + g.text.start..base + g.text.end),
            );
        }
        covered.sort_by_key(|r| r.start);
        let mut at = 0;
        for range in &covered {
            assert_eq!(range.start, at, "no gap and no overlap: {covered:?}");
            at = range.end;
        }
        assert_eq!(at, text.len());
    }

    #[test]
    fn a_paragraph_of_a_right_to_left_document_is_mirrored_and_reads_right_to_left() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let text = hebrew_span(&book, "Rust 2020 שלום!");
        let lines = break_lines(&mut shaper, &[text], Direction::Rtl, |_| 500.0);
        let line = &lines[0];
        assert!(line.rtl && line.mirrored);
        assert_eq!(line_text(line), "Rust 2020 שלום!");
        // The paragraph is right to left although it starts with a Latin word: "Rust" is on the
        // right, and the closing "!" ends the line on the left.
        let runs = placed(line);
        let at = |t: &str| runs.iter().find(|r| r.0.contains(t)).unwrap().1;
        assert!(at("Rust") > at("שלום"), "{runs:?}");
        let hebrew = line.runs.iter().find(|r| r.text.contains("שלום")).unwrap();
        let leftmost = &hebrew.glyphs[0];
        assert_eq!(&hebrew.text[leftmost.text.clone()], "!");
        // With no right-to-left letter, such a paragraph (an English bullet in an Arabic resume)
        // reads left to right, and is still laid out mirrored.
        let english = span(&book, "Rust 2020!", false);
        let lines = break_lines(&mut shaper, &[english], Direction::Rtl, |_| 500.0);
        assert!(!lines[0].rtl && lines[0].mirrored);
        assert_eq!(placed(&lines[0]).len(), 1);
        assert_eq!(line_text(&lines[0]), "Rust 2020!");
        let plain = break_lines(
            &mut shaper,
            &[span(&book, "Rust 2020!", false)],
            Direction::Ltr,
            |_| 500.0,
        );
        assert!(!plain[0].rtl && !plain[0].mirrored);
    }

    #[test]
    fn unbreakable_spans_keep_their_own_order_in_right_to_left_text() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let phone = Span {
            nowrap: true,
            ..span(&book, "+966 50 123 4567", false)
        };
        let spans = [hebrew_span(&book, "טלפון: "), phone.clone()];
        let lines = break_lines(&mut shaper, &spans, Direction::Rtl, |_| 500.0);
        assert_eq!(line_text(&lines[0]), "טלפון: +966 50 123 4567");
        let number = lines[0]
            .runs
            .iter()
            .find(|r| r.text.contains("966"))
            .unwrap();
        assert_eq!(
            unmarked(&number.text),
            "+966 50 123 4567",
            "one left-to-right run"
        );
        // Without the isolate, the bidi algorithm reverses the groups of digits.
        let loose = [hebrew_span(&book, "טלפון: +966 50 123 4567")];
        let lines = break_lines(&mut shaper, &loose, Direction::Rtl, |_| 500.0);
        assert!(lines[0].runs.len() > 2);
    }

    #[test]
    fn chinese_breaks_between_ideographs_but_never_before_closing_or_after_opening_punctuation() {
        let book = FontBook::bundled();
        let mut shaper = Shaper::new(&book);
        let text =
            "带领8人客服团队（含「夜班」小组），将首次响应时间缩短了35%。客户满意度提升至92分。";
        for width in [40.0, 55.0, 70.0, 90.0, 120.0] {
            let lines = break_lines(
                &mut shaper,
                &[span(&book, text, false)],
                Direction::Ltr,
                |_| width,
            );
            let texts: Vec<String> = lines.iter().map(line_text).collect();
            assert_eq!(texts.concat(), text, "nothing lost at {width}");
            assert!(texts.len() > 2, "{width}: {texts:?}");
            for line in &texts {
                let first = line.chars().next().unwrap();
                let last = line.chars().last().unwrap();
                assert!(
                    !"，。）」、％".contains(first),
                    "{width}: line starts with {first}: {texts:?}"
                );
                assert!(
                    !"（「".contains(last),
                    "{width}: line ends with {last}: {texts:?}"
                );
            }
        }
    }

    #[test]
    fn bold_drawn_in_a_face_without_bold_is_synthetic() {
        let mut book = FontBook::bundled();
        let data: &'static [u8] = include_bytes!("../../fonts/LiberationSans-Regular.ttf");
        book.add_fallback("Liberation fallback", std::sync::Arc::new(data), 0)
            .unwrap();
        let mut shaper = Shaper::new(&book);
        // Carlito has no Hebrew: the bold Hebrew word is drawn with the regular fallback.
        let lines = break_lines(
            &mut shaper,
            &[span(&book, "Dana דנה", true)],
            Direction::Ltr,
            |_| 500.0,
        );
        let bold: Vec<(&str, bool)> = lines[0]
            .runs
            .iter()
            .map(|r| (r.text.as_str(), r.synthetic_bold))
            .collect();
        assert_eq!(bold, [("Dana ", false), ("דנה", true)]);
        let lines = break_lines(
            &mut shaper,
            &[span(&book, "דנה", false)],
            Direction::Ltr,
            |_| 500.0,
        );
        assert!(
            !lines[0].runs[0].synthetic_bold,
            "regular text stays regular"
        );
    }

    #[test]
    fn visual_order_reverses_odd_levels_and_nested_even_ones_back() {
        assert_eq!(visual_order(&[0, 0, 0]), [0, 1, 2]);
        assert_eq!(visual_order(&[1, 1, 1]), [2, 1, 0]);
        assert_eq!(visual_order(&[1, 2, 2, 1]), [3, 1, 2, 0]);
        assert_eq!(
            visual_order(&[0, 0, 0, 1, 1, 1, 2, 2]),
            [0, 1, 2, 6, 7, 5, 4, 3]
        );
        assert_eq!(visual_order(&[2, 2]), [0, 1]);
    }
}
