//! The structure tree of a tagged PDF (ISO 32000-1, 14.7–14.8): one structure element per node of
//! the document's [`Structure`] that has anything on a page, pointing at its marked content (by
//! MCID) and, for a link, at its annotation; the parent tree that maps them back; and the
//! catalog's `/StructTreeRoot` and `/MarkInfo`.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::PdfError;
use super::marked::PageMarks;
use crate::structure::{NodeId, Role, Structure};

/// Something a structure element points at.
#[derive(Debug, Clone, Copy)]
enum Kid {
    /// Marked content `mcid` of page `page` (index).
    Content { page: usize, mcid: usize },
    /// An annotation of page `page`.
    Annotation { page: usize, id: ObjectId },
}

/// A page: its object, its link annotations and what its marked content refers to.
pub(crate) struct TaggedPage<'m> {
    pub id: ObjectId,
    pub annotations: Vec<ObjectId>,
    pub marks: &'m PageMarks,
}

fn name(value: &str) -> Object {
    Object::Name(value.as_bytes().to_vec())
}

/// Writes the structure tree for `structure` and the marks of `pages`, and returns the
/// alternate description of each link annotation of each page (for its `/Contents`).
pub(crate) fn write(
    doc: &mut Document,
    structure: &Structure,
    pages: &[TaggedPage<'_>],
) -> Result<Vec<Vec<Option<String>>>, PdfError> {
    let count = structure.len();
    let mut own: Vec<Vec<Kid>> = vec![Vec::new(); count];
    let index = |id: NodeId| id.0 as usize;
    for (page, tagged) in pages.iter().enumerate() {
        for (mcid, &node) in tagged.marks.content.iter().enumerate() {
            if let Some(kids) = own.get_mut(index(node)) {
                kids.push(Kid::Content { page, mcid });
            }
        }
    }
    for (page, tagged) in pages.iter().enumerate() {
        for (&node, &id) in tagged.marks.links.iter().zip(&tagged.annotations) {
            if let Some(kids) = node.and_then(|n| own.get_mut(index(n))) {
                kids.push(Kid::Annotation { page, id });
            }
        }
    }
    // Where each subtree's content starts, to interleave a node's own content with its
    // children's (a paragraph with a link inside); `None` for a subtree with no content.
    let mut first: Vec<Option<(usize, usize)>> = vec![None; count];
    for (id, node) in structure.nodes().collect::<Vec<_>>().into_iter().rev() {
        // Children are added after their parent, so walking backwards visits them first.
        let mine = own[index(id)].first().map(|kid| match kid {
            Kid::Content { page, mcid } => (*page, *mcid),
            Kid::Annotation { page, .. } => (*page, usize::MAX),
        });
        let theirs = node.children.iter().filter_map(|&c| first[index(c)]).min();
        first[index(id)] = match (mine, theirs) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
    let kept = |id: NodeId| first.get(index(id)).copied().flatten().is_some();
    let mut element_ids: Vec<Option<ObjectId>> = vec![None; count];
    for (id, _) in structure.nodes() {
        if kept(id) || id == Structure::ROOT {
            element_ids[index(id)] = Some(doc.new_object_id());
        }
    }
    let tree_root = doc.new_object_id();
    let page_ref = |page: usize| Object::Reference(pages[page].id);
    let mut parents: Vec<Option<NodeId>> = vec![None; count];
    for (id, node) in structure.nodes() {
        for &child in &node.children {
            if let Some(slot) = parents.get_mut(index(child)) {
                *slot = Some(id);
            }
        }
    }

    for (id, node) in structure.nodes() {
        let Some(element) = element_ids[index(id)] else {
            continue;
        };
        let parent = parents[index(id)]
            .and_then(|p| element_ids[index(p)])
            .unwrap_or(tree_root);
        let mine = &own[index(id)];
        let home = mine.iter().find_map(|kid| match kid {
            Kid::Content { page, .. } => Some(*page),
            Kid::Annotation { .. } => None,
        });
        let kid_object = |kid: &Kid| match *kid {
            Kid::Content { page, mcid } if Some(page) == home => Object::Integer(mcid as i64),
            Kid::Content { page, mcid } => Dictionary::from_iter([
                ("Type", name("MCR")),
                ("Pg", page_ref(page)),
                ("MCID", Object::Integer(mcid as i64)),
            ])
            .into(),
            Kid::Annotation { page, id } => Dictionary::from_iter([
                ("Type", name("OBJR")),
                ("Pg", page_ref(page)),
                ("Obj", Object::Reference(id)),
            ])
            .into(),
        };
        // Own content and children, in reading order.
        let mut kids = Vec::new();
        let mut own_content = mine
            .iter()
            .filter(|k| matches!(k, Kid::Content { .. }))
            .peekable();
        for &child in &node.children {
            let (Some(child_element), Some(start)) =
                (element_ids[index(child)], first[index(child)])
            else {
                continue;
            };
            while let Some(kid) = own_content.next_if(|k| match k {
                Kid::Content { page, mcid } => (*page, *mcid) < start,
                Kid::Annotation { .. } => false,
            }) {
                kids.push(kid_object(kid));
            }
            kids.push(Object::Reference(child_element));
        }
        kids.extend(own_content.map(kid_object));
        let annotations: Vec<&Kid> = mine
            .iter()
            .filter(|k| matches!(k, Kid::Annotation { .. }))
            .collect();
        kids.extend(annotations.iter().map(|k| kid_object(k)));
        // A link whose annotation was not written (a URI we do not link) is plain text.
        let role = match node.role {
            Role::Link if annotations.is_empty() => "Span",
            role => role.name(),
        };
        let mut dict = Dictionary::from_iter([
            ("Type", name("StructElem")),
            ("S", name(role)),
            ("P", Object::Reference(parent)),
        ]);
        if let Some(page) = home {
            dict.set("Pg", page_ref(page));
        }
        dict.set(
            "K",
            if kids.len() == 1 {
                kids.remove(0)
            } else {
                Object::Array(kids)
            },
        );
        if node.role == Role::Figure {
            if let Some(alt) = &node.alt {
                dict.set("Alt", super::fixup::text_string(alt));
            }
            let bbox = pages.iter().find_map(|p| p.marks.figures.get(&id));
            if let Some(bbox) = bbox {
                let bbox = bbox.iter().map(|&v| Object::Real(v)).collect();
                dict.set(
                    "A",
                    Dictionary::from_iter([("O", name("Layout")), ("BBox", Object::Array(bbox))]),
                );
            }
        }
        doc.objects.insert(element, Object::Dictionary(dict));
    }

    // The parent tree: page i (key i) → the element of each of its MCIDs; then one key per
    // link annotation → its element.
    let element_of = |node: NodeId| {
        element_ids
            .get(index(node))
            .copied()
            .flatten()
            .map_or(Object::Null, Object::Reference)
    };
    let mut nums = Vec::new();
    let mut next_key = 0i64;
    for tagged in pages {
        if !tagged.marks.content.is_empty() {
            let elements = tagged
                .marks
                .content
                .iter()
                .map(|&n| element_of(n))
                .collect();
            nums.push(Object::Integer(next_key));
            nums.push(Object::Array(elements));
            if let Ok(page) = doc.get_dictionary_mut(tagged.id) {
                page.set("StructParents", Object::Integer(next_key));
            }
        }
        next_key += 1;
    }
    let mut contents = Vec::with_capacity(pages.len());
    for tagged in pages {
        let mut page_contents = Vec::new();
        for (&node, &annotation) in tagged.marks.links.iter().zip(&tagged.annotations) {
            let alt = node
                .and_then(|n| structure.node(n))
                .and_then(|n| n.alt.clone());
            page_contents.push(alt);
            let Some(node) = node.filter(|&n| kept(n)) else {
                continue;
            };
            nums.push(Object::Integer(next_key));
            nums.push(element_of(node));
            if let Ok(annot) = doc.get_dictionary_mut(annotation) {
                annot.set("StructParent", Object::Integer(next_key));
            }
            next_key += 1;
        }
        contents.push(page_contents);
    }
    let parent_tree = doc.add_object(Dictionary::from_iter([("Nums", Object::Array(nums))]));
    let root_element = element_ids[0].map_or(Object::Null, Object::Reference);
    doc.objects.insert(
        tree_root,
        Object::Dictionary(Dictionary::from_iter([
            ("Type", name("StructTreeRoot")),
            ("K", root_element),
            ("ParentTree", Object::Reference(parent_tree)),
            ("ParentTreeNextKey", Object::Integer(next_key)),
        ])),
    );
    let catalog = doc.catalog_mut()?;
    catalog.set("StructTreeRoot", Object::Reference(tree_root));
    catalog.set(
        "MarkInfo",
        Dictionary::from_iter([("Marked", Object::Boolean(true))]),
    );
    Ok(contents)
}
