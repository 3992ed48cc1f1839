//! The structure tree of a tagged PDF, read back with lopdf: each element's role, alternate
//! text and what it points at, in the tree's order (the order a screen reader reads).

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::{ReadPdf, decode_text_string};

/// A structure element.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// `/S`, e.g. `H1`.
    pub role: String,
    /// `/Alt`.
    pub alt: Option<String>,
    /// `/A /BBox` of a layout attribute.
    pub bbox: Option<Vec<f32>>,
    /// What it holds, in order.
    pub kids: Vec<Kid>,
}

/// What a structure element holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Kid {
    /// Marked content `mcid` of 1-based page `page`.
    Content { page: usize, mcid: i64 },
    /// An annotation (an `/OBJR`) of 1-based page `page`, with its `/Contents` and `/StructParent`.
    Annotation {
        page: usize,
        contents: Option<String>,
        struct_parent: Option<i64>,
    },
    /// A child element.
    Element(Element),
}

/// The catalog's structure tree and what says the file is tagged.
#[derive(Debug, Clone)]
pub struct Tree {
    /// The elements under `/StructTreeRoot`.
    pub roots: Vec<Element>,
    /// `/MarkInfo /Marked`.
    pub marked: bool,
    /// `/ParentTreeNextKey`.
    pub next_key: Option<i64>,
}

fn get<'a>(doc: &'a Document, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let object = dict.get(key).ok()?;
    Some(doc.dereference(object).map(|(_, o)| o).unwrap_or(object))
}

fn text(doc: &Document, dict: &Dictionary, key: &[u8]) -> Option<String> {
    match get(doc, dict, key) {
        Some(Object::String(bytes, _)) => Some(decode_text_string(bytes)),
        _ => None,
    }
}

/// Reads the structure tree of `bytes`, `None` when the document has none.
pub fn read_structure(bytes: &[u8]) -> Option<Tree> {
    let doc = Document::load_mem(bytes).expect("lopdf can load the PDF");
    let catalog = doc.catalog().ok()?;
    let marked = catalog
        .get(b"MarkInfo")
        .ok()
        .and_then(|m| doc.dereference(m).ok())
        .and_then(|(_, m)| m.as_dict().ok())
        .and_then(|m| m.get(b"Marked").ok())
        .is_some_and(|m| matches!(m, Object::Boolean(true)));
    let root = get(&doc, catalog, b"StructTreeRoot")?.as_dict().ok()?;
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let page_of = |object: Option<&Object>| {
        object
            .and_then(|o| o.as_reference().ok())
            .and_then(|id| pages.iter().position(|&p| p == id))
            .map(|i| i + 1)
    };
    fn kids_of(
        doc: &Document,
        object: &Object,
        page: Option<usize>,
        page_of: &dyn Fn(Option<&Object>) -> Option<usize>,
        out: &mut Vec<Kid>,
    ) {
        let resolved = doc.dereference(object).map(|(_, o)| o).unwrap_or(object);
        match resolved {
            Object::Integer(mcid) => out.push(Kid::Content {
                page: page.expect("an MCID with a /Pg"),
                mcid: *mcid,
            }),
            Object::Array(items) => {
                for item in items {
                    kids_of(doc, item, page, page_of, out);
                }
            }
            Object::Dictionary(dict) => {
                let kind = dict.get(b"Type").ok().and_then(|t| t.as_name().ok());
                let own_page = page_of(dict.get(b"Pg").ok()).or(page);
                match kind {
                    Some(b"MCR") => out.push(Kid::Content {
                        page: own_page.expect("an MCR with a /Pg"),
                        mcid: dict.get(b"MCID").and_then(Object::as_i64).expect("an MCID"),
                    }),
                    Some(b"OBJR") => {
                        let annot = get(doc, dict, b"Obj")
                            .and_then(|o| o.as_dict().ok())
                            .expect("an OBJR points at an annotation");
                        out.push(Kid::Annotation {
                            page: own_page.expect("an OBJR with a /Pg"),
                            contents: text(doc, annot, b"Contents"),
                            struct_parent: annot.get(b"StructParent").and_then(Object::as_i64).ok(),
                        });
                    }
                    _ => out.push(Kid::Element(element(doc, dict, own_page, page_of))),
                }
            }
            _ => {}
        }
    }
    fn element(
        doc: &Document,
        dict: &Dictionary,
        page: Option<usize>,
        page_of: &dyn Fn(Option<&Object>) -> Option<usize>,
    ) -> Element {
        let mut kids = Vec::new();
        if let Ok(k) = dict.get(b"K") {
            kids_of(doc, k, page, page_of, &mut kids);
        }
        let bbox = get(doc, dict, b"A")
            .and_then(|a| a.as_dict().ok())
            .and_then(|a| get(doc, a, b"BBox"))
            .and_then(|b| b.as_array().ok())
            .map(|b| b.iter().filter_map(|v| v.as_float().ok()).collect());
        Element {
            role: String::from_utf8_lossy(
                dict.get(b"S")
                    .and_then(Object::as_name)
                    .expect("an element has /S"),
            )
            .into_owned(),
            alt: text(doc, dict, b"Alt"),
            bbox,
            kids,
        }
    }
    let mut roots = Vec::new();
    if let Ok(k) = root.get(b"K") {
        kids_of(&doc, k, None, &page_of, &mut roots);
    }
    Some(Tree {
        roots: roots
            .into_iter()
            .filter_map(|k| match k {
                Kid::Element(e) => Some(e),
                _ => None,
            })
            .collect(),
        marked,
        next_key: root.get(b"ParentTreeNextKey").and_then(Object::as_i64).ok(),
    })
}

/// The tree as a screen reader meets it: each element with text of its own, as
/// (role, text), depth first; figures give their `/Alt`.
pub fn reading_order(tree: &Tree, read: &ReadPdf) -> Vec<(String, String)> {
    fn walk(element: &Element, read: &ReadPdf, out: &mut Vec<(String, String)>) {
        if element.role == "Figure" {
            out.push((
                element.role.clone(),
                element.alt.clone().unwrap_or_default(),
            ));
        }
        let mut own = String::new();
        let flush = |own: &mut String, out: &mut Vec<(String, String)>| {
            if !own.is_empty() {
                out.push((element.role.clone(), std::mem::take(own)));
            }
        };
        for kid in &element.kids {
            match kid {
                Kid::Content { page, mcid } => {
                    if element.role != "Figure" {
                        let text = read.marked[page - 1].get(mcid).map_or("", String::as_str);
                        own.push_str(text);
                    }
                }
                Kid::Annotation { .. } => {}
                Kid::Element(child) => {
                    flush(&mut own, out);
                    walk(child, read, out);
                }
            }
        }
        flush(&mut own, out);
    }
    let mut out = Vec::new();
    for root in &tree.roots {
        walk(root, read, &mut out);
    }
    out
}

/// The elements as an outline, one `role` per element, children in parentheses:
/// `Document(H1 P Sect(H2 P))`.
pub fn outline(element: &Element) -> String {
    let children: Vec<String> = element
        .kids
        .iter()
        .filter_map(|k| match k {
            Kid::Element(e) => Some(outline(e)),
            _ => None,
        })
        .collect();
    if children.is_empty() {
        element.role.clone()
    } else {
        format!("{}({})", element.role, children.join(" "))
    }
}
