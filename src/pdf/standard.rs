//! The standards a PDF is written to: PDF/UA-1 (ISO 14289-1, accessible) and PDF/A-2 (ISO
//! 19005-2, archivable), and what each asks of the catalog, the pages and the annotations beyond
//! the structure tree (see `tree`): metadata, an output intent, viewer preferences, tab order and
//! annotation flags.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::PdfError;
use super::icc;
use super::xmp::Packet;

/// Which standards a PDF meets and claims. The default is PDF/UA-1 together with PDF/A-2a.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standard {
    /// PDF/UA-1: tagged, with everything assistive technology needs.
    pub ua1: bool,
    /// A PDF/A-2 conformance level.
    pub archive: Option<Archive>,
}

/// A PDF/A-2 conformance level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Archive {
    /// Level A: level B and tagged, with every character's Unicode value.
    A2a,
    /// Level B: looks the same wherever it is shown.
    A2b,
}

impl Default for Standard {
    fn default() -> Self {
        Standard {
            ua1: true,
            archive: Some(Archive::A2a),
        }
    }
}

impl Standard {
    /// No standard: an untagged PDF without metadata stream or output intent.
    pub const NONE: Standard = Standard {
        ua1: false,
        archive: None,
    };

    /// Whether the document gets a structure tree and marked content.
    pub fn tagged(self) -> bool {
        self.ua1 || self.archive == Some(Archive::A2a)
    }

    /// Whether any standard is asked for.
    pub fn is_none(self) -> bool {
        self == Standard::NONE
    }
}

impl std::str::FromStr for Standard {
    type Err = String;

    /// Parses a comma-separated list of `ua-1`, `a-2a`, `a-2b`, or `none` alone.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut standard = Standard::NONE;
        let mut none = false;
        for part in text.split(',').map(str::trim) {
            match part.to_ascii_lowercase().as_str() {
                "none" => none = true,
                "ua-1" | "ua1" => standard.ua1 = true,
                "a-2a" | "a2a" | "a-2b" | "a2b" => {
                    let level = if part.ends_with(['a', 'A']) {
                        Archive::A2a
                    } else {
                        Archive::A2b
                    };
                    if standard.archive.is_some_and(|known| known != level) {
                        return Err("choose one of a-2a and a-2b".to_string());
                    }
                    standard.archive = Some(level);
                }
                _ => {
                    return Err(format!(
                        "`{part}` is no PDF standard: use ua-1, a-2a, a-2b (comma-separated) or none"
                    ));
                }
            }
        }
        if none && !standard.is_none() {
            return Err("`none` cannot be combined with a standard".to_string());
        }
        Ok(standard)
    }
}

impl std::fmt::Display for Standard {
    /// The form `Standard::from_str` reads, e.g. `ua-1,a-2a`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if self.ua1 {
            parts.push("ua-1");
        }
        match self.archive {
            Some(Archive::A2a) => parts.push("a-2a"),
            Some(Archive::A2b) => parts.push("a-2b"),
            None => {}
        }
        if parts.is_empty() {
            parts.push("none");
        }
        f.write_str(&parts.join(","))
    }
}

/// The header version of a document written to a standard: both build on PDF 1.7.
pub(crate) const PDF_VERSION: &str = "1.7";

/// Adds the metadata stream, the sRGB output intent and the viewer preference to show the title.
pub(crate) fn finish_catalog(
    doc: &mut Document,
    standard: Standard,
    packet: &Packet<'_>,
) -> Result<(), PdfError> {
    let mut metadata = Stream::new(
        Dictionary::from_iter([
            ("Type", Object::Name(b"Metadata".to_vec())),
            ("Subtype", Object::Name(b"XML".to_vec())),
        ]),
        packet.to_xml().into_bytes(),
    );
    // PDF/A: the metadata must stay readable without decoding.
    metadata.allows_compression = false;
    let metadata = doc.add_object(metadata);
    let profile = doc.add_object(Stream::new(
        Dictionary::from_iter([("N", Object::Integer(3))]),
        icc::srgb_profile(),
    ));
    let intent = Dictionary::from_iter([
        ("Type", Object::Name(b"OutputIntent".to_vec())),
        ("S", Object::Name(b"GTS_PDFA1".to_vec())),
        (
            "OutputConditionIdentifier",
            Object::string_literal(icc::DESCRIPTION),
        ),
        ("Info", Object::string_literal(icc::DESCRIPTION)),
        ("DestOutputProfile", Object::Reference(profile)),
    ]);
    let catalog = doc.catalog_mut()?;
    catalog.set("Metadata", metadata);
    if standard.archive.is_some() {
        catalog.set("OutputIntents", Object::Array(vec![intent.into()]));
    }
    if standard.ua1 {
        catalog.set(
            "ViewerPreferences",
            Dictionary::from_iter([("DisplayDocTitle", Object::Boolean(true))]),
        );
    }
    Ok(())
}

/// Annotation flag Print (bit 3): PDF/A wants annotations printed as they are shown.
const PRINT: i64 = 4;

/// Flags the annotations `annots` of page `page_id` for printing, describes each with its
/// `contents` (by position) where given, and sets the page's tab order to the structure order.
pub(crate) fn finish_annotations(
    doc: &mut Document,
    page_id: ObjectId,
    annots: &[ObjectId],
    contents: &[Option<String>],
) {
    if annots.is_empty() {
        return;
    }
    for (index, &id) in annots.iter().enumerate() {
        if let Ok(annot) = doc.get_dictionary_mut(id) {
            annot.set("F", Object::Integer(PRINT));
            if let Some(Some(text)) = contents.get(index) {
                annot.set("Contents", super::fixup::text_string(text));
            }
        }
    }
    if let Ok(page) = doc.get_dictionary_mut(page_id) {
        page.set("Tabs", Object::Name(b"S".to_vec()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn standards_are_read_from_a_list_and_written_back() {
        let parse = |text: &str| text.parse::<Standard>();
        assert_eq!(parse("ua-1,a-2a"), Ok(Standard::default()));
        assert_eq!(parse("none"), Ok(Standard::NONE));
        let b = parse("A-2B").unwrap();
        assert_eq!(
            (b.ua1, b.archive, b.tagged()),
            (false, Some(Archive::A2b), false)
        );
        assert!(parse("ua-1").unwrap().tagged());
        assert!(parse("a-2a,a-2b").is_err());
        assert!(parse("none,ua-1").is_err());
        assert!(parse("x-1").is_err());
        for text in ["ua-1,a-2a", "ua-1", "a-2b", "none", "ua-1,a-2b"] {
            assert_eq!(parse(text).unwrap().to_string(), text);
        }
    }
}
