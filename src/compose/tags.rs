//! Builds the document's logical structure while the composer builds its blocks: the name is the
//! title heading, a section is a `Sect` led by its heading, an entry a `Div` led by its title, the
//! bullets of an entry a list, and linked text a `Link` inside its paragraph.

use super::document::Span;
use crate::structure::{NodeId, Role, Structure};

/// The structure built so far and where the next block goes.
#[derive(Debug, Default)]
pub(super) struct Tagger {
    structure: Structure,
    /// The open section, until the next heading.
    section: Option<NodeId>,
    /// The open entry of that section.
    entry: Option<NodeId>,
    /// The open list of that entry.
    list: Option<NodeId>,
    /// Level of the title heading: 1 with a name above the sections, else 0 (sections are
    /// level-1 headings then, so no level is skipped).
    title_level: u8,
}

impl Tagger {
    /// The node the next paragraph goes in.
    fn parent(&self) -> NodeId {
        self.entry.or(self.section).unwrap_or(Structure::ROOT)
    }

    /// The document's title (the name): a level-1 heading at the top level; sections and entries
    /// get the levels below it.
    pub fn title(&mut self, spans: &mut [Span]) {
        self.title_level = 1;
        let node = self.structure.add(Structure::ROOT, Role::Heading(1));
        tag(&mut self.structure, node, spans);
    }

    /// Paragraphs outside any section (the header's headline and contact line) go at the top
    /// level from now on.
    pub fn top_level(&mut self) {
        self.section = None;
        self.entry = None;
        self.list = None;
    }

    /// A section heading: opens a new section.
    pub fn section_heading(&mut self, spans: &mut [Span]) {
        let section = self.structure.add(Structure::ROOT, Role::Sect);
        self.section = Some(section);
        self.entry = None;
        self.list = None;
        let node = self
            .structure
            .add(section, Role::Heading(self.title_level + 1));
        tag(&mut self.structure, node, spans);
    }

    /// Opens an entry of the open section.
    pub fn entry(&mut self) {
        let parent = self.section.unwrap_or(Structure::ROOT);
        self.entry = Some(self.structure.add(parent, Role::Div));
        self.list = None;
    }

    /// Closes the open entry: what follows belongs to the section.
    pub fn end_entry(&mut self) {
        self.entry = None;
        self.list = None;
    }

    /// An entry's title line: a heading one level below the section's.
    pub fn entry_title(&mut self, spans: &mut [Span]) {
        let role = Role::Heading(self.title_level + 2);
        self.leaf(role, spans);
    }

    /// A paragraph.
    pub fn paragraph(&mut self, spans: &mut [Span]) {
        self.leaf(Role::P, spans);
    }

    /// A node with `role` for `spans`, unless there are none.
    fn leaf(&mut self, role: Role, spans: &mut [Span]) {
        self.list = None;
        if spans.is_empty() {
            return;
        }
        let node = self.structure.add(self.parent(), role);
        tag(&mut self.structure, node, spans);
    }

    /// A bullet: a list item of the entry's list (opened by the first bullet), its marker the
    /// label and its text the body.
    pub fn list_item(&mut self, marker: &mut Span, spans: &mut [Span]) {
        let parent = self.parent();
        let list = *self
            .list
            .get_or_insert_with(|| self.structure.add(parent, Role::L));
        let item = self.structure.add(list, Role::LI);
        let label = self.structure.add(item, Role::Lbl);
        tag(&mut self.structure, label, std::slice::from_mut(marker));
        let body = self.structure.add(item, Role::LBody);
        tag(&mut self.structure, body, spans);
    }

    /// Closes the open list: the next bullet starts another.
    pub fn end_list(&mut self) {
        self.list = None;
    }

    /// The photo of `name`: a figure at the current place, described by its alternate text.
    pub fn figure(&mut self, name: Option<&str>) -> NodeId {
        let node = self.structure.add(self.parent(), Role::Figure);
        let alt = match name.map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => format!("Photo of {name}"),
            None => "Photo".to_string(),
        };
        self.structure.set_alt(node, alt);
        node
    }

    /// Number of top-level nodes so far (to reorder columns later).
    pub fn top_level_count(&self) -> usize {
        self.structure
            .node(Structure::ROOT)
            .map_or(0, |root| root.children.len())
    }

    /// The finished structure, with the top-level nodes from `column` on moved to just after
    /// the first `header` ones when `column` is read first (the sidebar on the side lines start
    /// from): header, then the column read first, then the other.
    pub fn finish(mut self, header: usize, column: Option<usize>) -> Structure {
        let top = self.structure.top_level_mut();
        if let Some(column) = column.filter(|&c| header <= c && c <= top.len()) {
            top[header..].rotate_left(column - header);
        }
        self.structure
    }
}

/// Marks `spans` as content of `node`; a linked span gets a `Link` node of its own inside it,
/// described by its text.
///
/// A separator between items (" · ") belongs to the item before it. Marked content ends where
/// its element does, and pdf.js starts a new text item there and drops the spaces at its edges:
/// a separator of its own came out as "name@example.com·+86", which OpenResume's parser reads as
/// one e-mail address. Kept with the item before it, its spaces stay inside one text item.
fn tag(structure: &mut Structure, node: NodeId, spans: &mut [Span]) {
    let mut previous = None;
    for span in spans {
        if span.separator && previous.is_some() {
            span.node = previous;
            continue;
        }
        span.node = Some(node);
        if span.link.is_some() {
            let link = structure.add(node, Role::Link);
            structure.set_alt(link, span.text.trim());
            span.node = Some(link);
        }
        previous = span.node;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compose::TextStyle;
    use crate::fonts::{FaceId, Style};
    use crate::style::Rgb;

    fn span(text: &str, link: Option<&str>) -> Span {
        Span {
            text: text.to_string(),
            style: TextStyle {
                face: FaceId(0),
                size: 10.0,
                color: Rgb::BLACK,
                letter_spacing: 0.0,
                variant: Style::REGULAR,
            },
            link: link.map(str::to_string),
            separator: false,
            nowrap: false,
            node: None,
        }
    }

    fn roles(structure: &Structure, id: NodeId) -> String {
        let node = structure.node(id).unwrap();
        let kids: Vec<String> = node.children.iter().map(|&k| roles(structure, k)).collect();
        if kids.is_empty() {
            node.role.name().to_string()
        } else {
            format!("{}({})", node.role.name(), kids.join(" "))
        }
    }

    #[test]
    fn sections_entries_and_bullets_nest() {
        let mut tagger = Tagger::default();
        tagger.title(&mut [span("Ann", None)]);
        tagger.top_level();
        tagger.paragraph(&mut [span("a@b.c", Some("mailto:a@b.c"))]);
        let header = tagger.top_level_count();
        tagger.section_heading(&mut [span("Work", None)]);
        tagger.entry();
        tagger.entry_title(&mut [span("Chef", None)]);
        tagger.list_item(&mut span("•", None), &mut [span("Cooked", None)]);
        tagger.list_item(&mut span("•", None), &mut [span("Served", None)]);
        tagger.end_entry();
        let column = tagger.top_level_count();
        tagger.section_heading(&mut [span("Skills", None)]);
        tagger.paragraph(&mut [span("Knives", None)]);
        let structure = tagger.finish(header, Some(column));
        assert_eq!(
            roles(&structure, Structure::ROOT),
            "Document(H1 P(Link) Sect(H2 P) Sect(H2 Div(H3 L(LI(Lbl LBody) LI(Lbl LBody)))))"
        );
    }

    #[test]
    fn without_a_title_sections_are_first_level() {
        let mut tagger = Tagger::default();
        tagger.section_heading(&mut [span("Work", None)]);
        tagger.entry();
        tagger.entry_title(&mut [span("Chef", None)]);
        let structure = tagger.finish(0, None);
        assert_eq!(
            roles(&structure, Structure::ROOT),
            "Document(Sect(H1 Div(H2)))"
        );
    }
}
