//! Shaping with harfrust (kerning, ligatures, Arabic joining), cached per (face, direction, text)
//! for one document.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

/// The shaping caches' maps: a word is looked up for every occurrence, and std's SipHash cost
/// about 200 instructions a lookup (0.5 M of one render); foldhash is seeded per process too.
use foldhash::HashMap;

use super::atom::Paragraphs;
use crate::fonts::{FaceId, FontBook, Style};
use crate::style::DEFAULT_LAST_LINE_MIN;

/// A glyph in font units, as shaped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShapedGlyph {
    /// Glyph id in the face.
    pub id: u16,
    /// Advance in font units.
    pub advance: i32,
    /// Where the glyph is drawn relative to its pen position, in font units (y up): the shaper
    /// places marks on their base letter this way.
    pub x_offset: i32,
    /// See `x_offset`.
    pub y_offset: i32,
    /// Byte offset in the shaped text of the cluster this glyph belongs to. Right-to-left text
    /// comes out in visual order, so its clusters decrease.
    pub cluster: u32,
}

/// Texts shaped in one face and direction.
type Shaped = HashMap<Box<str>, Rc<[ShapedGlyph]>>;

/// Every (face, direction, text) shaped so far, and the shape plans made for it. What shaping
/// gives depends only on the face and the text, never on sizes or measures, so one cache serves
/// every document: `--pages` fitting typesets a resume a dozen times at different squeezes, and
/// the final typesetting, with one (see [`crate::typeset::typeset_cached`]); a batch keeps one
/// per worker thread from document to document (see [`ShapeCache::take_kept`]). Faces are keyed
/// by their [`Face::serial`](crate::fonts::Face::serial), which no other face shares, so a cache
/// is right with any font book.
#[derive(Default)]
pub struct ShapeCache {
    /// Keyed by face serial and right-to-left-ness.
    words: HashMap<(u64, bool), Shaped>,
    /// Shape plans by face serial, direction and script. `harfrust::shape` without one builds a
    /// new plan on every call, which costs about as much as shaping the word itself.
    plans: HashMap<(u64, harfrust::Direction, Option<harfrust::Script>), harfrust::ShapePlan>,
    /// The atoms of the document's paragraphs, for the next typesetting of the same document
    /// (see [`Paragraphs`]), once [`ShapeCache::remember_paragraphs`] asks for them; not kept
    /// for another document.
    paragraphs: Option<Paragraphs>,
}

/// Words a kept cache may hold: about 3 MB, a few hundred resumes' worth. A batch's worker that
/// has shaped more starts again with an empty cache, so its memory stays flat.
const KEEP_WORDS: usize = 16_384;

thread_local! {
    /// What this thread's last render shaped (see [`ShapeCache::take_kept`]).
    static KEPT: RefCell<ShapeCache> = RefCell::default();
}

impl ShapeCache {
    /// The cache this thread's last render kept ([`ShapeCache::keep`]), or an empty one. Renders
    /// in a batch repeat most words (one resume in several layouts, the same headings and
    /// dates), and a shaped word is the same in every render with the same face.
    pub fn take_kept() -> ShapeCache {
        KEPT.take()
    }

    /// Remembers the atoms of every paragraph typeset from now on, for a document that is about
    /// to be typeset several times (fitting it to a page budget). Copying them in costs about
    /// 1 % of typesetting a document once.
    pub fn remember_paragraphs(&mut self) {
        self.paragraphs.get_or_insert_with(Paragraphs::default);
    }

    /// Keeps this cache for the thread's next render, unless it has grown past [`KEEP_WORDS`].
    pub fn keep(mut self) {
        self.paragraphs = None;
        if self.words.values().map(HashMap::len).sum::<usize>() <= KEEP_WORDS {
            KEPT.set(self);
        }
    }
}

/// Shapes text, remembering every (face, direction, text) it has seen: resumes repeat most words.
pub struct Shaper<'a> {
    fonts: &'a FontBook,
    cache: ShapeCache,
    missing: BTreeSet<char>,
    /// The shortest last line of a paragraph, as a fraction of its measure, that line breaking
    /// does not count as a runt (the layout's `last_line_min`).
    last_line_min: f32,
}

impl<'a> Shaper<'a> {
    /// A shaper with an empty cache.
    pub fn new(fonts: &'a FontBook) -> Self {
        Shaper {
            fonts,
            cache: ShapeCache::default(),
            missing: BTreeSet::new(),
            last_line_min: DEFAULT_LAST_LINE_MIN,
        }
    }

    /// This shaper, breaking lines with last lines of at least `fraction` of the measure where it
    /// can. It lives with the shaper because every paragraph of a document is broken with it.
    pub fn with_last_line_min(self, fraction: f32) -> Self {
        Shaper {
            last_line_min: fraction,
            ..self
        }
    }

    /// This shaper, starting from what `cache` has shaped with the same font book.
    pub fn with_cache(self, cache: ShapeCache) -> Self {
        Shaper { cache, ..self }
    }

    /// What this shaper has shaped, for the next document typeset with the same font book.
    pub fn into_cache(self) -> ShapeCache {
        self.cache
    }

    /// See [`Shaper::with_last_line_min`].
    pub fn last_line_min(&self) -> f32 {
        self.last_line_min
    }

    /// The face to draw `c` with when the text asks for `face`: `face` itself when it has the
    /// character, else the first fallback face that has it (its bold or italic face when the text
    /// asks for bold or italic in `style` and the fallback family has that face). When none has it, the character is
    /// remembered as missing (see [`Shaper::missing`]) and `face` is used.
    pub fn face_for(&mut self, face: FaceId, style: Style, c: char) -> FaceId {
        if crate::fonts::is_invisible(c) || self.fonts.face(face).covers(c) {
            return face;
        }
        match self.fonts.styled_fallback_for(c, style) {
            Some(fallback) => fallback,
            None => {
                self.missing.insert(c);
                face
            }
        }
    }

    /// Characters no face could draw, in code point order.
    pub fn missing(&self) -> &BTreeSet<char> {
        &self.missing
    }

    /// Notes `chars` as missing: found so when the atoms now taken from the cache were made.
    pub(super) fn note_missing(&mut self, chars: Vec<char>) {
        self.missing.extend(chars);
    }

    /// The atoms of the paragraphs typeset before with this shaper's cache, when it remembers
    /// them (see [`ShapeCache::remember_paragraphs`]).
    pub(super) fn paragraphs(&mut self) -> Option<&mut Paragraphs> {
        self.cache.paragraphs.as_mut()
    }

    /// The font book this shaper draws from.
    pub fn fonts(&self) -> &'a FontBook {
        self.fonts
    }

    /// Shapes `text` in `face`, right to left when `rtl` (the bidi level of the text is odd), else
    /// left to right. Glyphs come in visual order: a right-to-left run's first glyph is its
    /// logically last one. Script and language are guessed from the text.
    pub fn shape(&mut self, face: FaceId, text: &str, rtl: bool) -> Rc<[ShapedGlyph]> {
        let shaper = self.fonts.face(face);
        let key = (shaper.serial(), rtl);
        if let Some(hit) = self.cache.words.get(&key).and_then(|words| words.get(text)) {
            return Rc::clone(hit);
        }
        let mut buffer = harfrust::Buffer::new();
        buffer.push_str(text);
        buffer.set_direction(if rtl {
            harfrust::Direction::RightToLeft
        } else {
            harfrust::Direction::LeftToRight
        });
        // The script (none for digits and punctuation alone) comes from the text.
        buffer.guess_segment_properties();
        let serial = shaper.serial();
        let font = shaper.shaping();
        let (direction, script) = (buffer.direction(), buffer.script());
        let plan = self
            .cache
            .plans
            .entry((serial, direction, script))
            .or_insert_with(|| harfrust::ShapePlan::new(font, direction, script, None, &[]));
        let options = harfrust::ShapeOptions::new().plan(Some(plan));
        let glyphs: Rc<[ShapedGlyph]> =
            match harfrust::shape(&harfrust::ShaperFont::new(font), &mut buffer, options) {
                Ok(()) => buffer
                    .glyph_infos()
                    .iter()
                    .zip(buffer.glyph_positions())
                    .map(|(info, pos)| ShapedGlyph {
                        id: u16::try_from(info.glyph_id).unwrap_or(0),
                        advance: pos.x_advance,
                        x_offset: pos.x_offset,
                        y_offset: pos.y_offset,
                        cluster: info.cluster,
                    })
                    .collect(),
                // The plan is made for this buffer's direction and script, so shaping cannot
                // refuse it; were it to, the text still reads back, drawn as missing glyphs.
                Err(_) => missing_glyphs(text),
            };
        self.cache
            .words
            .entry(key)
            .or_default()
            .insert(text.into(), Rc::clone(&glyphs));
        glyphs
    }
}

/// One missing glyph (id 0, no advance) per character of `text`, each its own cluster.
fn missing_glyphs(text: &str) -> Rc<[ShapedGlyph]> {
    text.char_indices()
        .map(|(at, _)| ShapedGlyph {
            id: 0,
            advance: 0,
            x_offset: 0,
            y_offset: 0,
            cluster: u32::try_from(at).unwrap_or(u32::MAX),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A cache of `words` distinct shaped words.
    fn cache_of(words: usize) -> ShapeCache {
        let mut cache = ShapeCache::default();
        let shaped: Rc<[ShapedGlyph]> = Rc::from(Vec::new());
        let texts = cache.words.entry((0, false)).or_default();
        for n in 0..words {
            texts.insert(n.to_string().into(), Rc::clone(&shaped));
        }
        cache
    }

    fn kept_words() -> usize {
        let kept = ShapeCache::take_kept();
        kept.words.values().map(HashMap::len).sum()
    }

    #[test]
    fn a_thread_keeps_its_cache_until_it_grows_too_large() {
        cache_of(3).keep();
        assert_eq!(kept_words(), 3);
        assert_eq!(kept_words(), 0, "taking the cache empties the thread's");
        cache_of(KEEP_WORDS + 1).keep();
        assert_eq!(kept_words(), 0, "an oversized cache is dropped");
    }
}
