//! Finding fonts for characters the layout's fonts lack: fonts named with `--font` first, then the
//! system font folders (`/usr/share/fonts`, `~/.local/share/fonts`, `~/.fonts`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{FaceId, FontBook, is_invisible};

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
}

/// Every character of every string value in a JSON text (keys excluded), each once.
pub fn json_string_chars(text: &str) -> BTreeSet<char> {
    fn walk(value: &serde_json::Value, out: &mut BTreeSet<char>) {
        match value {
            serde_json::Value::String(s) => out.extend(s.chars()),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(map) => map.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    if let Ok(value) = serde_json::from_str::<serde_json::Value>(text) {
        walk(&value, &mut out);
    }
    out
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
        let bytes = std::fs::read(path).map_err(|source| FontError::Read {
            path: shown.clone(),
            source,
        })?;
        let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        book.add_fallback(&family_of(path), data)
            .ok_or(FontError::NotAFont { path: shown })?;
    }
    Ok(())
}

/// Adds system fonts as fallbacks until `missing` is covered or no font is left to try; returns the
/// characters still missing. A font is loaded (and kept for the process) only if it covers one of
/// them; regular upright faces are tried before bold, italic or other weights. With a face come
/// its bold and italic faces from the same folder (`DejaVuSans-Bold.ttf` with `DejaVuSans.ttf`),
/// so bold text in that script is drawn bold rather than emboldened.
pub fn add_system_fonts(book: &mut FontBook, missing: &BTreeSet<char>) -> BTreeSet<char> {
    let mut missing = missing.clone();
    if missing.is_empty() {
        return missing;
    }
    let files = system_font_files();
    for path in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        let covers_some = rustybuzz::ttf_parser::Face::parse(&bytes, 0)
            .map(|face| missing.iter().any(|&c| face.glyph_index(c).is_some()))
            .unwrap_or(false);
        if !covers_some {
            continue;
        }
        let data: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        if let Some(id) = book.add_fallback(&family_of(path), data) {
            missing.retain(|&c| !book.face(id).covers(c));
            for sibling in style_siblings(path, &files) {
                if let Ok(bytes) = std::fs::read(sibling) {
                    book.add_fallback(&family_of(sibling), Box::leak(bytes.into_boxed_slice()));
                }
            }
        }
        if missing.is_empty() {
            break;
        }
    }
    missing
}

/// The files of `files` in `path`'s folder that are other styles of the same font: the same name
/// once the words bold, italic, oblique and regular are taken out.
fn style_siblings<'f>(path: &Path, files: &'f [PathBuf]) -> Vec<&'f PathBuf> {
    let Some(base) = style_base(path) else {
        return Vec::new();
    };
    files
        .iter()
        .filter(|f| f.as_path() != path && f.parent() == path.parent())
        .filter(|f| style_base(f).as_deref() == Some(base.as_str()))
        .collect()
}

/// A font file's name without its style words, lower case: `DejaVuSans-BoldOblique.ttf` →
/// `dejavusans`. `None` for weights other than regular and bold (light, medium, black …).
fn style_base(path: &Path) -> Option<String> {
    let mut base = path.file_stem()?.to_string_lossy().to_lowercase();
    let other_weights = ["light", "thin", "black", "medium", "semi", "extra", "heavy"];
    if other_weights.iter().any(|w| base.contains(w)) {
        return None;
    }
    for word in ["bold", "italic", "oblique", "regular"] {
        base = base.replace(word, "");
    }
    Some(base.trim_end_matches(['-', '_', ' ']).to_string())
}

/// The folders searched for system fonts.
pub fn system_font_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![
        PathBuf::from("/usr/share/fonts"),
        PathBuf::from("/usr/local/share/fonts"),
    ];
    if let Some(home) = std::env::var_os("HOME") {
        let home = PathBuf::from(home);
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join(".fonts"));
    }
    dirs
}

/// Font files under the system folders: regular faces first, then by path (deterministic).
fn system_font_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in system_font_dirs() {
        collect_fonts(&dir, &mut files, 0);
    }
    files.sort_by_key(|path| (!looks_regular(path), path.clone()));
    files
}

fn collect_fonts(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && depth < 8 {
            collect_fonts(&path, out, depth + 1);
        } else if path.extension().is_some_and(|e| {
            let e = e.to_ascii_lowercase();
            e == "ttf" || e == "otf" || e == "ttc"
        }) {
            out.push(path);
        }
    }
}

fn looks_regular(path: &Path) -> bool {
    let name = path
        .file_stem()
        .map(|n| n.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    ![
        "bold",
        "italic",
        "oblique",
        "light",
        "thin",
        "black",
        "medium",
        "semi",
        "extra",
        "mono",
        "condensed",
    ]
    .iter()
    .any(|w| name.contains(w))
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
        let chars = json_string_chars(r#"{"name": "Zoë", "tags": ["中"], "n": 1}"#);
        assert!(chars.contains(&'ë') && chars.contains(&'中'));
        assert!(!chars.contains(&'t'), "keys are not text");
    }

    #[test]
    fn bold_and_italic_files_are_found_beside_the_regular_one() {
        let dir = Path::new("/fonts/dejavu");
        let files: Vec<PathBuf> = [
            "DejaVuSans.ttf",
            "DejaVuSans-Bold.ttf",
            "DejaVuSans-BoldOblique.ttf",
            "DejaVuSans-ExtraLight.ttf",
            "DejaVuSansMono-Bold.ttf",
            "DejaVuSansCondensed-Bold.ttf",
        ]
        .iter()
        .map(|f| dir.join(f))
        .chain([PathBuf::from("/elsewhere/DejaVuSans-Oblique.ttf")])
        .collect();
        let found: Vec<&str> = style_siblings(&files[0], &files)
            .iter()
            .filter_map(|p| p.file_name()?.to_str())
            .collect();
        assert_eq!(found, ["DejaVuSans-Bold.ttf", "DejaVuSans-BoldOblique.ttf"]);
        let cjk = PathBuf::from("/noto/NotoSansCJK-Regular.ttc");
        assert_eq!(
            style_base(&cjk),
            style_base(Path::new("/noto/NotoSansCJK-Bold.ttc"))
        );
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
