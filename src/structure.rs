//! The logical structure of a document: what each piece of text is to a reader (the name, a
//! section heading, a bullet...) and the order a person reads them in.
//!
//! The composer knows what every block is, so it builds this tree while it builds the blocks and
//! marks each span (and the photo) with the node it belongs to; the typesetter carries the marks
//! onto the glyph runs, links and images of the pages; the PDF writer turns the tree into a tagged
//! PDF structure tree. Nothing below the composer guesses a role from looks or position.
//!
//! The children of a node are in reading order, which is not always the order things are drawn:
//! in a two-column layout the name and headline come first, then the column read first, then the
//! other (see `compose::compose`).

/// A node of a [`Structure`]: an index into its nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(pub u32);

/// What a node is, in the standard structure types of ISO 32000-1 (14.8.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The whole document (the root).
    Document,
    /// A section of the resume (experience, education...).
    Sect,
    /// One entry of a section (a job, a degree...).
    Div,
    /// A heading of level 1 to 6: the name, a section title, an entry title.
    Heading(u8),
    /// A paragraph.
    P,
    /// A list (an entry's bullets).
    L,
    /// A list item: a label and a body.
    LI,
    /// A list item's bullet.
    Lbl,
    /// A list item's text.
    LBody,
    /// A link: its text and its annotation.
    Link,
    /// The photo.
    Figure,
}

impl Role {
    /// The structure type name, as written in the PDF.
    pub fn name(self) -> &'static str {
        match self {
            Role::Document => "Document",
            Role::Sect => "Sect",
            Role::Div => "Div",
            Role::Heading(level) => match level {
                0 | 1 => "H1",
                2 => "H2",
                3 => "H3",
                4 => "H4",
                5 => "H5",
                _ => "H6",
            },
            Role::P => "P",
            Role::L => "L",
            Role::LI => "LI",
            Role::Lbl => "Lbl",
            Role::LBody => "LBody",
            Role::Link => "Link",
            Role::Figure => "Figure",
        }
    }
}

/// One node of the tree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What it is.
    pub role: Role,
    /// Its children, in reading order.
    pub children: Vec<NodeId>,
    /// Alternate text: what a figure shows, or what a link leads to.
    pub alt: Option<String>,
}

/// The tree: node 0 ([`Structure::ROOT`]) is the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    nodes: Vec<Node>,
}

impl Default for Structure {
    fn default() -> Self {
        Structure {
            nodes: vec![Node {
                role: Role::Document,
                children: Vec::new(),
                alt: None,
            }],
        }
    }
}

impl Structure {
    /// The document node.
    pub const ROOT: NodeId = NodeId(0);

    /// Adds a node with `role` as the last child of `parent` and returns it. An unknown parent
    /// (not made by this tree) stands for the root.
    pub fn add(&mut self, parent: NodeId, role: Role) -> NodeId {
        let id = NodeId(self.nodes.len() as u32);
        self.nodes.push(Node {
            role,
            children: Vec::new(),
            alt: None,
        });
        let parent = if self.node(parent).is_some() {
            parent
        } else {
            Self::ROOT
        };
        self.nodes[parent.0 as usize].children.push(id);
        id
    }

    /// The node `id`, if this tree has it.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        self.nodes.get(id.0 as usize)
    }

    /// Sets the alternate text of node `id` (nothing happens for an unknown node).
    pub fn set_alt(&mut self, id: NodeId, alt: impl Into<String>) {
        if let Some(node) = self.nodes.get_mut(id.0 as usize) {
            node.alt = Some(alt.into());
        }
    }

    /// The children of the root, to reorder them (the composer puts columns in reading order).
    pub fn top_level_mut(&mut self) -> &mut Vec<NodeId> {
        &mut self.nodes[0].children
    }

    /// Every node with its id, the root first.
    pub fn nodes(&self) -> impl Iterator<Item = (NodeId, &Node)> {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, node)| (NodeId(i as u32), node))
    }

    /// Number of nodes, the root included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the tree is only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nodes_are_added_under_their_parent_in_order() {
        let mut tree = Structure::default();
        let sect = tree.add(Structure::ROOT, Role::Sect);
        let h = tree.add(sect, Role::Heading(2));
        let p = tree.add(sect, Role::P);
        let stray = tree.add(NodeId(99), Role::P);
        assert_eq!(tree.node(Structure::ROOT).unwrap().children, [sect, stray]);
        assert_eq!(tree.node(sect).unwrap().children, [h, p]);
        assert_eq!(tree.node(h).unwrap().role.name(), "H2");
        assert_eq!(tree.len(), 5);
    }
}
