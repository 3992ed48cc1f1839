//! Marked content: in a tagged PDF every piece of a page's content stream is either real content,
//! a marked-content sequence with an MCID that its structure element points to, or an artifact
//! (a rule, a tint, a page footer) that assistive technology skips.
//!
//! Consecutive items of one node (the lines of a paragraph, the runs of a line) share one
//! sequence: fewer operators and parent-tree entries, and a paragraph reads as one piece.

use std::collections::BTreeMap;

use super::stream::{Property, Writer};
use crate::structure::{NodeId, Structure};

/// What drawing that belongs to no structure node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Artifact {
    /// Page furniture repeated on every page: the footer with its page number.
    Pagination,
    /// Decoration: rules and tinted backgrounds.
    Layout,
}

/// What one page's marked content refers to, for the structure tree.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageMarks {
    /// The node of each marked-content sequence, by MCID.
    pub content: Vec<NodeId>,
    /// The node of each link annotation, in the order of the page's `/Annots`.
    pub links: Vec<Option<NodeId>>,
    /// The bounding box (PDF user space: left, bottom, right, top) of each figure on the page.
    pub figures: BTreeMap<NodeId, [f32; 4]>,
}

/// What the open marked-content sequence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    Content(NodeId),
    Artifact(Artifact),
}

/// Wraps a page's drawing in marked content; does nothing for an untagged document.
pub(crate) struct Marker<'s> {
    structure: Option<&'s Structure>,
    marks: PageMarks,
    open: Option<Open>,
}

impl<'s> Marker<'s> {
    /// A marker for one page; `structure` is `None` when the document is not tagged.
    pub fn new(structure: Option<&'s Structure>) -> Self {
        Marker {
            structure,
            marks: PageMarks::default(),
            open: None,
        }
    }

    /// Puts what is drawn next in the marked content of `node`, or in an artifact of kind
    /// `otherwise` when it belongs to no node: continues the open sequence when it is the same,
    /// else closes it and opens another. [`Marker::finish`] closes the last.
    pub fn mark(&mut self, out: &mut Writer, node: Option<NodeId>, otherwise: Artifact) {
        let Some(structure) = self.structure else {
            return;
        };
        let found = node.and_then(|id| Some((id, structure.node(id)?)));
        let wanted = match found {
            Some((id, _)) => Open::Content(id),
            None => Open::Artifact(otherwise),
        };
        if self.open == Some(wanted) {
            return;
        }
        self.close(out);
        self.open = Some(wanted);
        out.begin();
        match (found, wanted) {
            (Some((id, node)), _) => {
                let mcid = self.marks.content.len();
                self.marks.content.push(id);
                out.name(node.role.name().as_bytes());
                out.dict("MCID", Property::Integer(mcid as i64));
                out.end("BDC");
            }
            (None, Open::Artifact(Artifact::Pagination)) => {
                out.name(b"Artifact");
                out.dict("Type", Property::Name(b"Pagination"));
                out.end("BDC");
            }
            (None, _) => {
                out.name(b"Artifact");
                out.end("BMC");
            }
        }
    }

    /// Whether the document is tagged.
    pub fn is_tagging(&self) -> bool {
        self.structure.is_some()
    }

    /// Closes the open sequence, if any.
    fn close(&mut self, out: &mut Writer) {
        if self.open.take().is_some() {
            out.op(&[], "EMC");
        }
    }

    /// Records the next link annotation of the page as belonging to `node`.
    pub fn link(&mut self, node: Option<NodeId>) {
        if self.structure.is_some() {
            self.marks.links.push(node);
        }
    }

    /// Records where figure `node` is drawn: left, bottom, right, top in PDF user space.
    pub fn figure(&mut self, node: Option<NodeId>, bbox: [f32; 4]) {
        if let (Some(_), Some(node)) = (self.structure, node) {
            self.marks.figures.insert(node, bbox);
        }
    }

    /// Closes the open sequence and says what the page's marked content refers to.
    pub fn finish(mut self, out: &mut Writer) -> PageMarks {
        self.close(out);
        self.marks
    }
}
