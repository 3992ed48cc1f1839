//! The font book: every face a document may use, parsed once and shared by a whole batch.
//!
//! The bundled faces (Carlito, Liberation Sans, Liberation Serif; regular, bold, italic, bold
//! italic) are compiled into the binary from the repository's `fonts/` folder, so the tool runs with
//! no files around it. Characters they lack (CJK, Arabic, emoji …) are drawn with fallback faces:
//! fonts the user names, then system fonts (see [`fallback`]).

pub mod fallback;

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

/// A font file's bytes, shared by every face cut from it (a `.ttc` holds several) and by every
/// render that uses it: compiled-in bytes, a user's file read once, or a memory-mapped system font.
pub type FontData = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A ttf-parser face borrowing the bytes of the [`Tables`] that owns them.
type TablesFace<'a> = ttf_parser::Face<'a>;

self_cell::self_cell!(
    /// Font bytes together with the ttf-parser face read from them, so a face owns its bytes
    /// (shared, freed with the last user) instead of borrowing leaked ones.
    struct Tables {
        owner: FontData,
        #[covariant]
        dependent: TablesFace,
    }
);

/// Index of a face inside a [`FontBook`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FaceId(pub u16);

/// Weight and slant of a face within its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Style {
    /// Bold weight.
    pub bold: bool,
    /// Italic slant.
    pub italic: bool,
}

impl Style {
    /// Upright, regular weight.
    pub const REGULAR: Style = Style {
        bold: false,
        italic: false,
    };
    /// Upright, bold.
    pub const BOLD: Style = Style {
        bold: true,
        italic: false,
    };
    /// Italic, regular weight.
    pub const ITALIC: Style = Style {
        bold: false,
        italic: true,
    };
    /// Italic, bold.
    pub const BOLD_ITALIC: Style = Style {
        bold: true,
        italic: true,
    };
}

/// One font face: a family and style of a font file, parsed when first used.
pub struct Face {
    /// Family name as layouts spell it, e.g. `"Liberation Serif"`.
    pub family: String,
    /// Weight and slant.
    pub style: Style,
    /// Which face of the file (0 unless the file is a collection, `.ttc`).
    pub index: u32,
    /// The font file's bytes.
    file: FontData,
    /// The face's tables and its shaping font. A bundled face is parsed on first use: a render uses three
    /// or four of the twelve, and parsing all of them cost 0.9 M instructions a process.
    parsed: OnceLock<Parsed>,
    /// Which ASCII characters the face draws, one bit each, looked up on first use. Typesetting
    /// asks for nearly every character of a resume, and each `cmap` lookup is a binary search
    /// (about 260 instructions; 1.6 M of one render before this table).
    ascii_coverage: OnceLock<u128>,
    /// Unique to this face in the process (see [`Face::serial`]).
    serial: u64,
}

/// What parsing a face gives.
struct Parsed {
    /// The font file's bytes and the ttf-parser face read from them: metrics, names, the
    /// character map and the raw tables subsetting copies.
    tables: Tables,
    /// The same bytes as harfrust shapes with (through read-fonts). harfrust rather than
    /// rustybuzz, from which it was forked: it shaped 480 words of Liberation Serif in half the
    /// instructions (1.87 M against 3.76 M) with the same glyphs and advances, and a render of
    /// john-doe took 19.78 M instructions instead of 22.45 M, every sample and international
    /// PDF byte for byte the same.
    shaping: harfrust::Font,
    /// PostScript name, e.g. `"LiberationSerif-Bold"`, used as the PDF font name.
    postscript_name: String,
    /// Design units per em.
    units_per_em: f32,
    /// Typographic ascender, in em (positive).
    ascender: f32,
    /// Typographic descender, in em (negative).
    descender: f32,
    /// Natural distance between baselines at single spacing, in em.
    line_height: f32,
}

impl Parsed {
    /// Face `index` of `data`; `None` when the bytes are not a usable TrueType/OpenType font.
    /// A face without a PostScript name is named after `family`.
    fn new(family: &str, data: FontData, index: u32) -> Option<Parsed> {
        let shaping = harfrust::Font::new(harfrust::font::Blob::from(data.clone()), index)?;
        let tables = Tables::try_new(data, |data| {
            ttf_parser::Face::parse((**data).as_ref(), index).map_err(|_| ())
        })
        .ok()?;
        let shaper = tables.borrow_dependent();
        let units_per_em = shaper.units_per_em() as f32;
        let postscript_name = shaper
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| family.replace(' ', ""));
        let ascender = f32::from(shaper.ascender()) / units_per_em;
        let descender = f32::from(shaper.descender()) / units_per_em;
        let line_height = ascender - descender + f32::from(shaper.line_gap()) / units_per_em;
        Some(Parsed {
            tables,
            shaping,
            postscript_name,
            units_per_em,
            ascender,
            descender,
            line_height,
        })
    }
}

impl fmt::Debug for Face {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Face")
            .field("family", &self.family)
            .field("style", &self.style)
            .finish_non_exhaustive()
    }
}

/// The serial of the next face made.
static NEXT_SERIAL: AtomicU64 = AtomicU64::new(0);

impl Face {
    /// Parses face `index` of font-file bytes; `None` when the bytes are not a usable
    /// TrueType/OpenType font.
    pub fn parse(family: &str, style: Style, data: FontData, index: u32) -> Option<Face> {
        let parsed = Parsed::new(family, data.clone(), index)?;
        Some(Face::with(
            family,
            style,
            data,
            index,
            OnceLock::from(parsed),
        ))
    }

    /// A bundled face, parsed on first use (the bundled files are known to parse; a test parses
    /// each).
    fn bundled(bundled: &Bundled) -> Face {
        let data: FontData = Arc::new(bundled.data);
        Face::with(bundled.family, bundled.style, data, 0, OnceLock::new())
    }

    fn with(
        family: &str,
        style: Style,
        file: FontData,
        index: u32,
        parsed: OnceLock<Parsed>,
    ) -> Face {
        Face {
            family: family.to_string(),
            style,
            index,
            file,
            parsed,
            ascii_coverage: OnceLock::new(),
            serial: NEXT_SERIAL.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The parsed face. Only a bundled face is parsed here, and every bundled file parses.
    fn parsed(&self) -> &Parsed {
        self.parsed.get_or_init(|| {
            Parsed::new(&self.family, self.file.clone(), self.index)
                .expect("every bundled font parses (fonts::tests::every_bundled_face_parses)")
        })
    }

    /// PostScript name, e.g. `"LiberationSerif-Bold"`, used as the PDF font name.
    pub fn postscript_name(&self) -> &str {
        &self.parsed().postscript_name
    }

    /// Design units per em.
    pub fn units_per_em(&self) -> f32 {
        self.parsed().units_per_em
    }

    /// Typographic ascender, in em (positive).
    pub fn ascender(&self) -> f32 {
        self.parsed().ascender
    }

    /// Typographic descender, in em (negative).
    pub fn descender(&self) -> f32 {
        self.parsed().descender
    }

    /// Natural distance between baselines at single spacing, in em (ascender − descender + line
    /// gap).
    pub fn line_height(&self) -> f32 {
        self.parsed().line_height
    }

    /// The font file's bytes (the whole collection for a `.ttc` face; see [`Face::index`]).
    pub fn data(&self) -> &[u8] {
        (*self.file).as_ref()
    }

    /// The shared font file itself, which identifies it: two faces with the same file and
    /// index are the same face, across every render of a batch.
    pub fn file(&self) -> &FontData {
        &self.file
    }

    /// The face as ttf-parser reads it: metrics, names, character map and raw tables.
    pub fn parser(&self) -> &ttf_parser::Face<'_> {
        self.parsed().tables.borrow_dependent()
    }

    /// The face as harfrust shapes with it.
    pub fn shaping(&self) -> &harfrust::Font {
        &self.parsed().shaping
    }

    /// A number no other face parsed in this process has: it names the face across font books,
    /// where a [`FaceId`] only names it inside one, so that work done for a face (shaped words)
    /// can be kept from one render to the next.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Whether the face has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        if !c.is_ascii() {
            return self.parser().glyph_index(c).is_some();
        }
        let coverage = self.ascii_coverage.get_or_init(|| {
            (0..128u8)
                .filter(|&b| self.parser().glyph_index(char::from(b)).is_some())
                .fold(0, |bits, b| bits | 1 << b)
        });
        coverage >> u32::from(c) & 1 == 1
    }

    /// The weight and slant the font file declares (OS/2 and head tables).
    pub fn declared_style(&self) -> Style {
        Style {
            bold: self.parser().is_bold(),
            italic: self.parser().is_italic() || self.parser().is_oblique(),
        }
    }

    /// The family name inside the font file (typographic family, else family), e.g.
    /// `"DejaVu Sans"` for both `DejaVuSans.ttf` and `DejaVuSans-Bold.ttf`.
    pub fn internal_family(&self) -> Option<String> {
        use ttf_parser::name_id::{FAMILY, TYPOGRAPHIC_FAMILY};
        let names = self.parser().names();
        [TYPOGRAPHIC_FAMILY, FAMILY].into_iter().find_map(|id| {
            names
                .into_iter()
                .filter(|n| n.name_id == id)
                .find_map(|n| n.to_string())
        })
    }
}

/// Whether a layout's font family names a font file (`.ttf`, `.otf`, `.ttc`) rather than a
/// bundled family.
pub fn is_font_path(family: &str) -> bool {
    let lower = family.to_ascii_lowercase();
    [".ttf", ".otf", ".ttc"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Characters that need no glyph of their own: white space, controls and invisible format marks.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}')
}

/// A bundled font file: family, style and bytes.
struct Bundled {
    family: &'static str,
    style: Style,
    data: &'static [u8],
}

macro_rules! bundled {
    ($family:literal, $bold:literal, $italic:literal, $file:literal) => {
        Bundled {
            family: $family,
            style: Style {
                bold: $bold,
                italic: $italic,
            },
            data: include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/", $file)),
        }
    };
}

const BUNDLED: &[Bundled] = &[
    bundled!("Carlito", false, false, "Carlito-Regular.ttf"),
    bundled!("Carlito", true, false, "Carlito-Bold.ttf"),
    bundled!("Carlito", false, true, "Carlito-Italic.ttf"),
    bundled!("Carlito", true, true, "Carlito-BoldItalic.ttf"),
    bundled!(
        "Liberation Sans",
        false,
        false,
        "LiberationSans-Regular.ttf"
    ),
    bundled!("Liberation Sans", true, false, "LiberationSans-Bold.ttf"),
    bundled!("Liberation Sans", false, true, "LiberationSans-Italic.ttf"),
    bundled!(
        "Liberation Sans",
        true,
        true,
        "LiberationSans-BoldItalic.ttf"
    ),
    bundled!(
        "Liberation Serif",
        false,
        false,
        "LiberationSerif-Regular.ttf"
    ),
    bundled!("Liberation Serif", true, false, "LiberationSerif-Bold.ttf"),
    bundled!(
        "Liberation Serif",
        false,
        true,
        "LiberationSerif-Italic.ttf"
    ),
    bundled!(
        "Liberation Serif",
        true,
        true,
        "LiberationSerif-BoldItalic.ttf"
    ),
];

/// Every face available to a render, looked up by family and style.
#[derive(Debug)]
pub struct FontBook {
    faces: Vec<Face>,
    /// Faces used for characters a text's own face lacks, in the order they are tried.
    fallbacks: Vec<FaceId>,
    /// Bold and italic faces of fallback families: used instead of their family's fallback face
    /// for text in that style.
    styled_fallbacks: Vec<FaceId>,
}

impl FontBook {
    /// The bundled faces only.
    pub fn bundled() -> FontBook {
        let faces = BUNDLED.iter().map(Face::bundled).collect();
        FontBook {
            faces,
            fallbacks: Vec::new(),
            styled_fallbacks: Vec::new(),
        }
    }

    /// Adds a font file as a family of its own, named by its path, so a layout's `fonts.body` or
    /// `fonts.heading` can name it (its regular face; bold and italic are simulated unless the
    /// layout gives their files, see [`FontBook::add_style_file`]). Adding the same path twice
    /// adds it once.
    pub fn add_family_file(&mut self, path: &str) -> Result<FaceId, fallback::FontError> {
        self.add_style_file(path, Style::REGULAR, path)
    }

    /// Adds the font file at `path` as the `style` face of `family` (a family of a layout's own
    /// files, named by its regular file), so that text in that style is drawn with it rather
    /// than simulated. Adding the same style twice adds it once.
    pub fn add_style_file(
        &mut self,
        family: &str,
        style: Style,
        path: &str,
    ) -> Result<FaceId, fallback::FontError> {
        let exact = self
            .faces()
            .find(|(_, f)| f.family == family && f.style == style);
        if let Some((id, _)) = exact {
            return Ok(id);
        }
        let bytes = crate::read::read_file(std::path::Path::new(path), crate::read::FONT).map_err(
            |source| fallback::FontError::Read {
                path: path.to_string(),
                source,
            },
        )?;
        self.add_family_face(family, style, Arc::new(bytes), 0)
            .ok_or_else(|| fallback::FontError::NotAFont {
                path: path.to_string(),
            })
    }

    /// Adds face `index` of `data` as the `style` face of `family` (an installed family a layout
    /// names); `None` if the bytes are not a font.
    pub fn add_family_face(
        &mut self,
        family: &str,
        style: Style,
        data: FontData,
        index: u32,
    ) -> Option<FaceId> {
        let face = Face::parse(family, style, data, index)?;
        let id = FaceId(u16::try_from(self.faces.len()).ok()?);
        self.faces.push(face);
        Some(id)
    }

    /// Adds face `index` of `data` as a fallback face (tried after those added before it); `None`
    /// if the bytes are not a font.
    ///
    /// A bold or italic face of a family that already has a fallback face (by the family name
    /// inside the files) becomes that family's face for its style instead: text in that style
    /// is drawn with it rather than emboldened or upright.
    pub fn add_fallback(&mut self, name: &str, data: FontData, index: u32) -> Option<FaceId> {
        let mut face = Face::parse(name, Style::REGULAR, data, index)?;
        let id = FaceId(u16::try_from(self.faces.len()).ok()?);
        let style = face.declared_style();
        let family = face.internal_family();
        let sibling = self.fallbacks.iter().copied().find(|&f| {
            let other = self.face(f);
            family.is_some() && other.internal_family() == family
        });
        match sibling {
            Some(regular) if style != Style::REGULAR => {
                face.family = self.face(regular).family.clone();
                face.style = style;
                self.styled_fallbacks.push(id);
            }
            _ => self.fallbacks.push(id),
        }
        self.faces.push(face);
        Some(id)
    }

    /// The fallback faces in the order they are tried, each as PostScript name and file size: what
    /// a batch manifest needs to notice that other fonts would draw its outputs.
    pub fn fallback_fingerprint(&self) -> String {
        self.fallbacks
            .iter()
            .chain(&self.styled_fallbacks)
            .map(|&id| {
                let face = self.face(id);
                format!("{}:{}", face.postscript_name(), face.data().len())
            })
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The first fallback face that has a glyph for `c`.
    pub fn fallback_for(&self, c: char) -> Option<FaceId> {
        self.fallbacks
            .iter()
            .copied()
            .find(|&id| self.face(id).covers(c))
    }

    /// The fallback face for `c` in `style`: the first fallback that has the character, or its
    /// family's face of that style when there is one and it has the character too (bold italic
    /// settles for bold).
    pub fn styled_fallback_for(&self, c: char, style: Style) -> Option<FaceId> {
        let regular = self.fallback_for(c)?;
        if style == Style::REGULAR {
            return Some(regular);
        }
        let family = &self.face(regular).family;
        let styled = |wanted: Style| {
            self.styled_fallbacks.iter().copied().find(|&id| {
                let face = self.face(id);
                face.style == wanted && &face.family == family && face.covers(c)
            })
        };
        let bold = Style {
            italic: false,
            ..style
        };
        Some(
            styled(style)
                .or_else(|| styled(bold).filter(|_| style.bold))
                .unwrap_or(regular),
        )
    }

    /// Whether `c` can be drawn: by `face`, by a fallback, or because it needs no glyph.
    pub fn can_draw(&self, face: FaceId, c: char) -> bool {
        is_invisible(c) || self.face(face).covers(c) || self.fallback_for(c).is_some()
    }

    /// The face with this id.
    ///
    /// # Panics
    /// Only if `id` did not come from this book, which is a programming error.
    pub fn face(&self, id: FaceId) -> &Face {
        &self.faces[usize::from(id.0)]
    }

    /// All faces with their ids.
    pub fn faces(&self) -> impl Iterator<Item = (FaceId, &Face)> {
        self.faces
            .iter()
            .enumerate()
            .map(|(i, f)| (FaceId(i as u16), f))
    }

    /// The names of the families a layout may name (fallback faces excluded), each once.
    pub fn families(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for (id, face) in self.faces() {
            if self.fallbacks.contains(&id) || self.styled_fallbacks.contains(&id) {
                continue;
            }
            if !names.contains(&face.family.as_str()) {
                names.push(&face.family);
            }
        }
        names
    }

    /// Finds the face of `family` (case-insensitive) in `style`, falling back to the family's regular
    /// face when that style is missing. `None` when the family is unknown.
    pub fn find(&self, family: &str, style: Style) -> Option<FaceId> {
        let in_family = |f: &&Face| f.family.eq_ignore_ascii_case(family);
        let exact = self.faces().find(|(_, f)| in_family(f) && f.style == style);
        exact
            .or_else(|| self.faces().find(|(_, f)| in_family(f)))
            .map(|(id, _)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_face_parses() {
        let book = FontBook::bundled();
        assert_eq!(book.faces().count(), BUNDLED.len());
        assert_eq!(
            book.families(),
            ["Carlito", "Liberation Sans", "Liberation Serif"]
        );
        for bundled in BUNDLED {
            let data: FontData = Arc::new(bundled.data);
            let parsed = Parsed::new(bundled.family, data, 0).expect(bundled.family);
            assert!(parsed.units_per_em > 0.0 && parsed.line_height > 1.0);
            let name = parsed.postscript_name.replace("-Regular", "");
            assert!(name.starts_with(&bundled.family.replace(' ', "")), "{name}");
        }
    }

    #[test]
    fn finds_faces_by_family_and_style() {
        let book = FontBook::bundled();
        let id = book.find("liberation serif", Style::BOLD).unwrap();
        assert_eq!(book.face(id).postscript_name(), "LiberationSerif-Bold");
        assert!(book.find("Comic Sans", Style::REGULAR).is_none());
    }

    #[test]
    fn ascii_coverage_table_agrees_with_the_cmap() {
        let book = FontBook::bundled();
        for (_, face) in book.faces() {
            let drawn: Vec<bool> = (0..128u8).map(|b| face.covers(char::from(b))).collect();
            for (b, covers) in (0..128u8).zip(&drawn) {
                let in_cmap = face.parser().glyph_index(char::from(b)).is_some();
                assert_eq!(*covers, in_cmap, "{} U+{b:04X}", face.postscript_name());
            }
            // Letters are drawn and control characters are not, so a shifted table would show.
            assert!(drawn[usize::from(b'A')] && drawn[usize::from(b'~')]);
            assert!(!drawn[0x07], "{}", face.postscript_name());
        }
    }
}
