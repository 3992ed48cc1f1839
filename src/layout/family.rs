//! The font family a layout names for its headings or body: a bundled or installed family by
//! name, one font file, or font files by style — so a layout that brings its own font also
//! brings its real bold and italic faces instead of simulated ones.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::fonts::Style;

/// A font family of a layout.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(from = "FamilySpec")]
pub struct Family {
    /// The family's name in the font book: a bundled or installed family's name, or the file
    /// of its regular face (which names the family of a layout's own files).
    pub name: String,
    /// The file of the bold face, if the layout gives one.
    pub bold: Option<String>,
    /// The file of the italic face.
    pub italic: Option<String>,
    /// The file of the bold italic face.
    pub bold_italic: Option<String>,
}

impl Family {
    /// The family called `name` (or the one font file `name`), with no files by style.
    pub fn named(name: &str) -> Family {
        Family {
            name: name.to_string(),
            bold: None,
            italic: None,
            bold_italic: None,
        }
    }

    /// The files the layout gives for the styles other than regular, each with its key in the
    /// layout file and its style.
    pub fn style_files(&self) -> impl Iterator<Item = (&'static str, Style, &str)> {
        [
            ("bold", Style::BOLD, &self.bold),
            ("italic", Style::ITALIC, &self.italic),
            ("bold_italic", Style::BOLD_ITALIC, &self.bold_italic),
        ]
        .into_iter()
        .filter_map(|(key, style, file)| file.as_deref().map(|file| (key, style, file)))
    }

    /// The family's name and the files it gives, regular first: for making paths relative to
    /// the layout file.
    pub fn files_mut(&mut self) -> impl Iterator<Item = &mut String> {
        [
            Some(&mut self.name),
            self.bold.as_mut(),
            self.italic.as_mut(),
            self.bold_italic.as_mut(),
        ]
        .into_iter()
        .flatten()
    }
}

/// A font family as a layout file writes it.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
enum FamilySpec {
    /// A bundled family ("Carlito", "Liberation Sans", "Liberation Serif"), an installed family
    /// by name ("DejaVu Sans", found through the system's font database with its real bold and
    /// italic faces), or the path of a .ttf, .otf or .ttc file relative to the layout file.
    Name(String),
    /// Font files by style, each a path relative to the layout file; a style without a file is
    /// simulated from the regular face (and the render says so).
    Files(FamilyFiles),
}

/// The font files of a family, by style.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct FamilyFiles {
    /// The regular (upright, normal weight) face: a .ttf, .otf or .ttc file.
    regular: String,
    /// The bold face's file.
    #[serde(default)]
    bold: Option<String>,
    /// The italic face's file.
    #[serde(default)]
    italic: Option<String>,
    /// The bold italic face's file.
    #[serde(default)]
    bold_italic: Option<String>,
}

impl From<FamilySpec> for Family {
    fn from(spec: FamilySpec) -> Family {
        match spec {
            FamilySpec::Name(name) => Family::named(&name),
            FamilySpec::Files(files) => Family {
                name: files.regular,
                bold: files.bold,
                italic: files.italic,
                bold_italic: files.bold_italic,
            },
        }
    }
}
