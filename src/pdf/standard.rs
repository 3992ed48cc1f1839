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

/// Flags every annotation of `page_id` for printing, describes it with `contents` (by position)
/// where given, and sets the page's tab order to the structure order.
pub(crate) fn finish_annotations(
    doc: &mut Document,
    page_id: ObjectId,
    contents: &[Option<String>],
) {
    let annots: Vec<ObjectId> = match doc
        .get_dictionary(page_id)
        .and_then(|page| page.get(b"Annots"))
    {
        Ok(Object::Array(annots)) => annots
            .iter()
            .filter_map(|a| a.as_reference().ok())
            .collect(),
        _ => return,
    };
    if annots.is_empty() {
        return;
    }
    for (index, id) in annots.into_iter().enumerate() {
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
