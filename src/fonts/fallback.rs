//! Finding fonts for characters the layout's fonts lack: fonts named with `--font` first, then the
//! system fonts `fontdb` finds in every platform's font folders.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{FaceId, FontBook, Style, is_invisible};

/// Why a font file given by the user could not be used.
#[derive(Debug, thiserror::Error)]
pub enum FontError {
    /// The file could not be read.
    #[error("cannot read font {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a TrueType/OpenType font.
    #[error("{path} is not a TrueType or OpenType font (.ttf, .otf, .ttc)")]
    NotAFont {
        /// The file.
        path: String,
    },
    /// No bundled or installed family has this name.
    #[error(
        "no font family `{family}` is bundled or installed{}; `fc-list : family` lists the \
         installed families",
        if close.is_empty() { String::new() } else { format!(" (close names: {})", close.join(", ")) }
    )]
    UnknownFamily {
        /// The name asked for.
        family: String,
        /// Bundled and installed families with a similar name.
        close: Vec<String>,
    },
}

/// Every character of every string in `value` (keys excluded), each once.
pub fn string_chars(value: &serde_json::Value) -> BTreeSet<char> {
    /// ASCII characters are marked in a bit set, the few others gathered in a list: far less
    /// work than inserting each character of the resume into the tree.
    fn walk(value: &serde_json::Value, ascii: &mut u128, other: &mut Vec<char>) {
        match value {
            serde_json::Value::String(s) => {
                for c in s.chars() {
                    if c.is_ascii() {
                        *ascii |= 1 << u32::from(c);
                    } else {
                        other.push(c);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, ascii, other)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, ascii, other)),
            _ => {}
        }
    }
    let (mut ascii, mut other) = (0u128, Vec::new());
    walk(value, &mut ascii, &mut other);
    (0..128u8)
        .filter(|&b| ascii & (1 << b) != 0)
        .map(char::from)
        .chain(other)
        .collect()
}

/// The characters of `chars` that neither `faces` nor the book's fallbacks can draw.
pub fn undrawable(book: &FontBook, faces: &[FaceId], chars: &BTreeSet<char>) -> BTreeSet<char> {
    chars
        .iter()
        .copied()
        .filter(|&c| {
            !is_invisible(c)
                && !faces.iter().any(|&f| book.face(f).covers(c))
                && book.fallback_for(c).is_none()
        })
        .collect()
}

/// Makes `chars` drawable with the layout families `families` (e.g. body and heading): adds the
/// user's fonts as fallbacks, then searches system fonts for what is still missing. Returns the
/// characters no font could draw.
pub fn prepare(
    book: &mut FontBook,
    families: &[&str],
    chars: &BTreeSet<char>,
    user_fonts: &[PathBuf],
) -> Result<BTreeSet<char>, FontError> {
    add_user_fonts(book, user_fonts)?;
    let faces: Vec<FaceId> = families
        .iter()
        .filter_map(|family| book.find(family, super::Style::REGULAR))
        .collect();
    let missing = undrawable(book, &faces, chars);
    Ok(add_system_fonts(book, &missing))
}

/// Adds every user font (in order) as a fallback.
pub fn add_user_fonts(book: &mut FontBook, paths: &[PathBuf]) -> Result<(), FontError> {
    for path in paths {
        let shown = path.display().to_string();
        let bytes =
            crate::read::read_file(path, crate::read::FONT).map_err(|source| FontError::Read {
                path: shown.clone(),
                source,
            })?;
        book.add_fallback(&family_of(path), Arc::new(bytes), 0)
            .ok_or(FontError::NotAFont { path: shown })?;
    }
    Ok(())
}

/// Adds system fonts (every platform's font folders, as `fontdb` knows them) as fallbacks until
/// `missing` is covered or no font is left to try; returns the characters still missing. A face
/// is added only if it covers one of them; regular upright faces are tried before bold, italic,
/// other weights, widths and monospaced ones, then by file and index (deterministic). With a face
/// come the bold and italic faces of its family (by the names and weights in the font tables),
/// so bold text in that script is drawn bold rather than emboldened.
pub fn add_system_fonts(book: &mut FontBook, missing: &BTreeSet<char>) -> BTreeSet<char> {
    let mut missing = missing.clone();
    if missing.is_empty() {
        return missing;
    }
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let faces = system_faces(&db);
    for face in &faces {
        let covers_some = db
            .with_face_data(face.id, |data, index| {
                ttf_parser::Face::parse(data, index)
                    .is_ok_and(|f| missing.iter().any(|&c| f.glyph_index(c).is_some()))
            })
            .unwrap_or(false);
        if !covers_some {
            continue;
        }
        if let Some(id) = add_system_face(book, face) {
            missing.retain(|&c| !book.face(id).covers(c));
            for sibling in faces.iter().filter(|f| f.is_style_of(face)) {
                add_system_face(book, sibling);
            }
        }
        if missing.is_empty() {
            break;
        }
    }
    missing
}

/// The installed faces of `family` (as the font tables name it, in any case) in the regular and
/// bold weights, normal width first.
fn family_faces(db: &fontdb::Database, family: &str) -> Vec<SystemFace> {
    let mut faces: Vec<SystemFace> = system_faces(db)
        .into_iter()
        .filter(|face| face.style.is_some())
        .filter(|face| {
            db.face(face.id).is_some_and(|info| {
                info.families
                    .iter()
                    .any(|(name, _)| name.eq_ignore_ascii_case(family))
            })
        })
        .collect();
    faces.sort_by_key(|face| (face.stretch != fontdb::Stretch::Normal, face.monospaced));
    faces
}

/// Whether a font family of this name is installed (see [`add_system_family`]).
pub fn system_has_family(family: &str) -> bool {
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    family_faces(&db, family)
        .iter()
        .any(|face| face.style == Some(Style::REGULAR))
}

/// Adds the installed family `family` to `book` under that name, found through the system's font
/// database: its regular face and the real bold, italic and bold italic faces the system has
/// (a style it lacks is simulated from the regular face). Returns whether the regular face was
/// found; a family already in `book` is left as it is.
pub fn add_system_family(book: &mut FontBook, family: &str) -> bool {
    if book.find(family, Style::REGULAR).is_some() {
        return true;
    }
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let faces = family_faces(&db, family);
    let mut found = false;
    for style in [
        Style::REGULAR,
        Style::BOLD,
        Style::ITALIC,
        Style::BOLD_ITALIC,
    ] {
        let Some(face) = faces.iter().find(|face| face.style == Some(style)) else {
            continue;
        };
        let Ok(bytes) = crate::read::read_file(&face.path, crate::read::FONT) else {
            continue;
        };
        if book
            .add_family_face(family, style, Arc::new(bytes), face.index)
            .is_some()
        {
            found |= style == Style::REGULAR;
        }
    }
    found
}

/// Makes `family` a family of `book`: a bundled one, or an installed one with its real bold and
/// italic faces (see [`add_system_family`]) — what `--font-family` names.
///
/// # Errors
///
/// [`FontError::UnknownFamily`], with the bundled and installed families of a similar name, when
/// no family has this name.
pub fn add_installed_family(book: &mut FontBook, family: &str) -> Result<(), FontError> {
    if add_system_family(book, family) {
        return Ok(());
    }
    let mut db = fontdb::Database::new();
    db.load_system_fonts();
    let mut names: Vec<String> = book.families().into_iter().map(str::to_string).collect();
    names.extend(
        db.faces()
            .flat_map(|face| face.families.iter().map(|(name, _)| name.clone())),
    );
    Err(FontError::UnknownFamily {
        family: family.to_string(),
        close: close_names(family, names),
    })
}

/// The names of `names` that share a word with `wanted` (ignoring case; a word of three
/// letters or more, or its start), sorted, each once, at most eight.
fn close_names(wanted: &str, names: Vec<String>) -> Vec<String> {
    let words = |name: &str| -> Vec<String> {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .map(str::to_lowercase)
            .collect()
    };
    let wanted = words(wanted);
    let mut close: Vec<String> = names
        .into_iter()
        .filter(|name| {
            words(name).iter().any(|word| {
                wanted
                    .iter()
                    .any(|w| word.starts_with(w.as_str()) || w.starts_with(word.as_str()))
            })
        })
        .collect();
    close.sort();
    close.dedup();
    close.truncate(8);
    close
}

/// A system font face as `fontdb` read it from the font tables.
struct SystemFace {
    id: fontdb::ID,
    path: PathBuf,
    index: u32,
    family: String,
    /// Bold and italic, for the regular and bold weights only.
    style: Option<Style>,
    stretch: fontdb::Stretch,
    monospaced: bool,
}

impl SystemFace {
    /// A regular upright face of normal width, not monospaced: what text is usually set in.
    fn is_regular(&self) -> bool {
        self.style == Some(Style::REGULAR)
            && self.stretch == fontdb::Stretch::Normal
            && !self.monospaced
    }

    /// Whether this is a bold or italic face of `regular`'s family, of the same width.
    fn is_style_of(&self, regular: &SystemFace) -> bool {
        self.id != regular.id
            && self.family == regular.family
            && self.stretch == regular.stretch
            && self.monospaced == regular.monospaced
            && self.style.is_some_and(|s| s != Style::REGULAR)
    }
}

/// The file-backed faces of `db`: regular ones first, then by file and index.
fn system_faces(db: &fontdb::Database) -> Vec<SystemFace> {
    let mut faces: Vec<SystemFace> = db
        .faces()
        .filter_map(|info| {
            let fontdb::Source::File(path) = &info.source else {
                return None;
            };
            let bold = match info.weight {
                fontdb::Weight::NORMAL => Some(false),
                fontdb::Weight::BOLD => Some(true),
                _ => None,
            };
            Some(SystemFace {
                id: info.id,
                path: path.clone(),
                index: info.index,
                family: info
                    .families
                    .first()
                    .map(|f| f.0.clone())
                    .unwrap_or_default(),
                style: bold.map(|bold| Style {
                    bold,
                    italic: info.style != fontdb::Style::Normal,
                }),
                stretch: info.stretch,
                monospaced: info.monospaced,
            })
        })
        .collect();
    faces.sort_by(|a, b| {
        (!a.is_regular(), &a.path, a.index).cmp(&(!b.is_regular(), &b.path, b.index))
    });
    faces
}

/// Adds `face` as a fallback. Its file is read, not memory-mapped: a font file replaced while a
/// long-running host keeps the face must not take the process down.
fn add_system_face(book: &mut FontBook, face: &SystemFace) -> Option<FaceId> {
    let bytes = crate::read::read_file(&face.path, crate::read::FONT).ok()?;
    book.add_fallback(&family_of(&face.path), Arc::new(bytes), face.index)
}

fn family_of(path: &Path) -> String {
    path.file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "fallback".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_characters_of_string_values_only() {
        let value = serde_json::json!({"name": "Zoë", "tags": ["中"], "n": 1});
        let chars = string_chars(&value);
        assert!(chars.contains(&'ë') && chars.contains(&'中'));
        assert!(!chars.contains(&'t'), "keys are not text");
    }

    #[test]
    fn regular_faces_come_first_and_bring_their_bold_and_italic_faces() {
        let mut db = fontdb::Database::new();
        db.load_fonts_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"));
        let faces = system_faces(&db);
        let name = |f: &SystemFace| f.path.file_name().unwrap().to_string_lossy().into_owned();
        let regular: Vec<String> = faces.iter().filter(|f| f.is_regular()).map(name).collect();
        assert_eq!(
            regular,
            [
                "Carlito-Regular.ttf",
                "LiberationSans-Regular.ttf",
                "LiberationSerif-Regular.ttf"
            ]
        );
        assert_eq!(faces.len(), 12);
        assert!(faces[..3].iter().all(SystemFace::is_regular));
        let sans = &faces[1];
        let styles: Vec<String> = faces
            .iter()
            .filter(|f| f.is_style_of(sans))
            .map(name)
            .collect();
        assert_eq!(
            styles,
            [
                "LiberationSans-Bold.ttf",
                "LiberationSans-BoldItalic.ttf",
                "LiberationSans-Italic.ttf"
            ]
        );
    }

    #[test]
    fn an_unknown_family_is_refused_with_close_names() {
        let names = [
            "DejaVu Sans",
            "DejaVu Serif",
            "Liberation Sans",
            "Noto Sans CJK JP",
        ];
        let close = close_names("dejavu sns", names.map(String::from).to_vec());
        assert_eq!(close, ["DejaVu Sans", "DejaVu Serif"]);
        let mut book = FontBook::bundled();
        let err = add_installed_family(&mut book, "Liberation Sanz Nonesuch")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("no font family `Liberation Sanz Nonesuch`")
                && err.contains("close names: ")
                && err.contains("Liberation Sans"),
            "{err}"
        );
        assert!(add_installed_family(&mut book, "carlito").is_ok());
    }

    #[test]
    fn a_user_font_becomes_a_fallback() {
        let mut book = FontBook::bundled();
        let regular = book.find("Carlito", super::super::Style::REGULAR).unwrap();
        let hyphen: BTreeSet<char> = ['\u{2010}'].into();
        assert_eq!(
            undrawable(&book, &[regular], &hyphen),
            hyphen,
            "Carlito lacks U+2010"
        );
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
        add_user_fonts(&mut book, &[dir.join("LiberationSans-Regular.ttf")]).unwrap();
        assert!(undrawable(&book, &[regular], &hyphen).is_empty());
        let err = add_user_fonts(&mut book, &[dir.join("LICENSE-Carlito.txt")]).unwrap_err();
        assert!(
            err.to_string()
                .contains("is not a TrueType or OpenType font")
        );
    }
}
