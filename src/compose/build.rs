//! Builds the [`Document`] for a resume: header, then each section the layout lists, in its order.

use std::sync::Arc;

use super::document::{
    Block, Bullet, Document, Footer, Gap, Paragraph, Photo, Sidebar, Span, TextStyle,
};
use super::links::{display_url, mailto, tel};
use super::prose;
use super::tags::Tagger;
use super::template::{Body, DateStyle, EntryFields};
use crate::fonts::{FontBook, Style};
use crate::i18n::Locale;
use crate::layout::{
    Columns, ContactField, EntryGap, EntryTemplate, Field, HeadingCase, HeadingColor, Item,
    ItemStyle, Layout, PhotoPosition, PhotoShape, SectionKind, TemplateLine, rules,
};
use crate::model::Resume;
use crate::model::link_target as web_link;
use crate::style::{Align, Clip, Image, Side};

/// The styles a layout resolves to.
struct Styles {
    name: TextStyle,
    label: TextStyle,
    heading: TextStyle,
    body: TextStyle,
    strong: TextStyle,
    emphasis: TextStyle,
    muted: TextStyle,
    small: TextStyle,
}

impl Styles {
    /// The style an entry template names.
    fn of(&self, style: ItemStyle) -> TextStyle {
        match style {
            ItemStyle::Strong => self.strong,
            ItemStyle::Emphasis => self.emphasis,
            ItemStyle::Muted => self.muted,
            ItemStyle::Body => self.body,
        }
    }

    fn new(layout: &Layout, fonts: &FontBook) -> Styles {
        let face = |family: &str, style: Style| {
            fonts
                .find(family, style)
                .or_else(|| fonts.find("Liberation Sans", style))
                .unwrap_or(crate::fonts::FaceId(0))
        };
        let colors = &layout.colors;
        let sizes = &layout.sizes;
        let body_family = layout.fonts.body.name.as_str();
        let heading_family = layout.fonts.heading.name.as_str();
        let style = |family: &str, s: Style, size: f32, color: crate::layout::Color| TextStyle {
            face: face(family, s),
            size,
            color: color.0,
            letter_spacing: 0.0,
            variant: s,
        };
        let heading_weight = if layout.headings.bold {
            Style::BOLD
        } else {
            Style::REGULAR
        };
        let heading_color = match layout.headings.color {
            HeadingColor::Accent => colors.accent,
            HeadingColor::Text => colors.text,
        };
        Styles {
            name: style(heading_family, Style::BOLD, sizes.name, colors.accent),
            label: style(heading_family, Style::REGULAR, sizes.label, colors.muted),
            heading: TextStyle {
                letter_spacing: layout.headings.letter_spacing,
                ..style(heading_family, heading_weight, sizes.heading, heading_color)
            },
            body: style(body_family, Style::REGULAR, sizes.body, colors.text),
            strong: style(body_family, Style::BOLD, sizes.body, colors.text),
            emphasis: style(body_family, Style::ITALIC, sizes.body, colors.muted),
            muted: style(body_family, Style::REGULAR, sizes.body, colors.muted),
            small: style(body_family, Style::REGULAR, sizes.small, colors.muted),
        }
    }
}

/// The longest entry of an inline section, in characters, that never breaks across lines
/// ("Twi (Conversational)" stays whole).
const SHORT_INLINE_ENTRY: usize = 32;

/// The longest keyword, in characters, that never breaks across lines ("Google Sheets",
/// "Python (pandas, scikit-learn)"); a longer one is a phrase and wraps like one.
const SHORT_KEYWORD: usize = 32;

/// The place in a template's separators and affixes for the language's label separator
/// (`": "`, `" : "` in French, `"："` in Chinese).
const LABEL_SEPARATOR: &str = "{label}";

fn span(text: impl Into<String>, style: TextStyle) -> Span {
    Span {
        text: text.into(),
        style,
        link: None,
        separator: false,
        nowrap: false,
        node: None,
    }
}

fn linked(text: impl Into<String>, style: TextStyle, link: Option<String>) -> Span {
    Span {
        text: text.into(),
        style,
        link,
        separator: false,
        nowrap: false,
        node: None,
    }
}

/// Composes `resume` (already normalized) with `layout`; `photo` is the loaded `basics.image`.
pub fn compose(
    resume: &Resume,
    layout: &Layout,
    fonts: &FontBook,
    photo: Option<&Arc<Image>>,
) -> Document {
    let photo_setup = layout.photo.as_ref().filter(|setup| setup.show);
    let placed = photo.zip(photo_setup).map(|(image, setup)| {
        let (size, clip) = (
            setup.size.pt(),
            match setup.shape {
                PhotoShape::Circle => Clip::Ellipse,
                PhotoShape::Rounded => Clip::Rounded(setup.size.pt() * setup.corner_radius),
                PhotoShape::Square => Clip::Rectangle,
            },
        );
        let photo = Photo {
            image: Arc::clone(image),
            size,
            clip,
            node: None,
        };
        (photo, setup.position)
    });
    let mut composer = Composer {
        layout,
        locale: Locale::for_tag(resume.meta.language.as_deref()),
        styles: Styles::new(layout, fonts),
        blocks: Vec::new(),
        tags: Tagger::default(),
        header_gap: rules::min_header_gap(layout.sizes.body, layout.body_line_pitch(fonts))
            .max(layout.spacing.paragraph_gap.pt()),
    };
    let contact_is_section = layout.sections.shows(SectionKind::Contact, &layout.columns);
    composer.header(resume, !contact_is_section);
    let name = resume.basics.name.as_deref();
    let placed = placed.map(|(mut photo, position)| {
        if position != PhotoPosition::Sidebar {
            photo.node = Some(composer.tags.figure(name));
        }
        (photo, position)
    });
    let header_nodes = composer.tags.top_level_count();
    let mut header = std::mem::take(&mut composer.blocks);
    let sidebar_setup = match &layout.columns {
        Columns::Sidebar(setup) => Some(setup),
        Columns::Single => None,
    };
    let in_sidebar =
        |kind: &SectionKind| sidebar_setup.is_some_and(|setup| setup.sections.contains(kind));
    for &kind in layout.sections.order.iter().filter(|k| !in_sidebar(k)) {
        composer.section(resume, kind);
    }
    let mut main = std::mem::take(&mut composer.blocks);
    let (sidebar_photo, header_photo) = match placed {
        Some((photo, PhotoPosition::Sidebar)) => (Some(photo), None),
        Some((photo, PhotoPosition::Left)) => (None, Some((photo, Side::Left))),
        Some((photo, PhotoPosition::Right)) => (None, Some((photo, Side::Right))),
        None => (None, None),
    };
    let mut name_blocks_in_main = 0;
    let sidebar_nodes = composer.tags.top_level_count();
    let sidebar = sidebar_setup.map(|setup| {
        composer.tags.top_level();
        if let Some(mut photo) = sidebar_photo {
            photo.node = Some(composer.tags.figure(name));
            composer.blocks.push(Block::Photo(photo));
        }
        for &kind in &setup.sections {
            composer.section(resume, kind);
        }
        name_blocks_in_main = header.len();
        header.append(&mut main);
        main = std::mem::take(&mut header);
        Sidebar {
            side: setup.side,
            width: setup.width.pt(),
            gap: setup.gap.pt(),
            background: setup.background.map(|c| c.0),
            blocks: std::mem::take(&mut composer.blocks),
        }
    });
    // Reading order: the header, then the column on the side lines start from (see `typeset`).
    let sidebar_first = sidebar_setup.is_some_and(|setup| setup.side == Side::Left);
    let structure = composer
        .tags
        .finish(header_nodes, sidebar_first.then_some(sidebar_nodes));
    let m = &layout.page.margins;
    let name = resume.basics.name.as_deref();
    let footer = Footer {
        template: composer.locale.footer_template(name).to_string(),
        name: name.map(str::trim).unwrap_or_default().to_string(),
        style: composer.styles.small,
        digits: composer.locale.digits(),
        direction: composer.locale.direction(),
    };
    let mut document = Document {
        page_size: layout.page.dimensions(),
        margins: [m.top.pt(), m.right.pt(), m.bottom.pt(), m.left.pt()],
        line_spacing: layout.line_spacing,
        last_line_min: layout.last_line_min,
        header,
        header_photo,
        main,
        name_blocks_in_main,
        sidebar,
        footer: layout.footer.then_some(footer),
        right_to_left: false,
        structure,
    };
    if composer.locale.is_rtl() {
        mirror(&mut document);
    }
    document
}

/// Lays a right-to-left document out as the mirror image of its layout: a sidebar or header photo
/// changes sides. (Each block carries the document's direction, so its lines run right to left:
/// titles on the right, dates on the left, bullets hanging on the right.)
fn mirror(document: &mut Document) {
    let flip = |side: Side| match side {
        Side::Left => Side::Right,
        Side::Right => Side::Left,
    };
    if let Some((_, side)) = &mut document.header_photo {
        *side = flip(*side);
    }
    if let Some(sidebar) = &mut document.sidebar {
        sidebar.side = flip(sidebar.side);
    }
    document.right_to_left = true;
}

struct Composer<'a> {
    layout: &'a Layout,
    locale: &'static Locale,
    styles: Styles,
    blocks: Vec<Block>,
    tags: Tagger,
    /// The space between an entry's header and its body: the paragraph gap, or more where the
    /// rule [`rules::HEADER_TO_BODY`] asks for it.
    header_gap: f32,
}

impl Composer<'_> {
    fn paragraph(&mut self, mut spans: Vec<Span>) {
        self.tags.paragraph(&mut spans);
        self.blocks.push(Block::Paragraph(Paragraph {
            spans,
            align: Align::Left,
            indent: 0.0,
            bullet: None,
            keep_with_next: false,
            direction: self.locale.direction(),
        }));
    }

    fn centered_or_left(&mut self, mut spans: Vec<Span>) {
        self.tags.paragraph(&mut spans);
        self.push_header_line(spans);
    }

    /// Adds a header line (spans already tagged), aligned as the layout's header is.
    fn push_header_line(&mut self, spans: Vec<Span>) {
        self.blocks.push(Block::Paragraph(Paragraph {
            spans,
            align: self.layout.header.align,
            indent: 0.0,
            bullet: None,
            keep_with_next: true,
            direction: self.locale.direction(),
        }));
    }

    /// The layout's separator between items of one line, dropped at line ends.
    fn separator(&self) -> Span {
        Span {
            separator: true,
            ..span(self.layout.header.separator.clone(), self.styles.muted)
        }
    }

    fn space(&mut self, points: f32, gap: Gap) {
        if points > 0.0 {
            self.blocks.push(Block::Space(points, gap));
        }
    }

    fn header(&mut self, resume: &Resume, with_contact_line: bool) {
        let basics = &resume.basics;
        if let Some(name) = &basics.name {
            let mut spans = vec![span(name, self.styles.name)];
            self.tags.title(&mut spans);
            self.push_header_line(spans);
        }
        if let Some(label) = &basics.label {
            self.centered_or_left(vec![span(label, self.styles.label)]);
        }
        let mut items = contact_items(resume, &self.layout.entries.contact, self.styles.muted);
        for item in &mut items {
            item.nowrap = true;
        }
        if with_contact_line && !items.is_empty() {
            let separator = self.separator();
            let mut spans = Vec::with_capacity(items.len() * 2);
            for (i, item) in items.into_iter().enumerate() {
                if i > 0 {
                    spans.push(separator.clone());
                }
                spans.push(item);
            }
            self.space(2.0, Gap::Tight);
            self.centered_or_left(spans);
        }
    }

    fn heading(&mut self, kind: SectionKind) {
        let title = self
            .layout
            .sections
            .title(kind, self.locale.tag())
            .unwrap_or_else(|| self.locale.section(kind));
        let mut spans = match self.layout.headings.case {
            HeadingCase::Upper => vec![span(title.to_uppercase(), self.styles.heading)],
            HeadingCase::Title => vec![span(title, self.styles.heading)],
            HeadingCase::SmallCaps => small_caps(
                title,
                self.styles.heading,
                self.layout.headings.small_caps_scale,
            ),
        };
        self.space(self.layout.spacing.section_gap.pt(), Gap::Entry);
        self.tags.section_heading(&mut spans);
        self.blocks.push(Block::Heading {
            spans,
            rule: self
                .layout
                .headings
                .rule
                .then_some((self.layout.headings.rule_width, self.layout.colors.rule.0)),
            rule_gap: self.layout.headings.rule_gap,
            direction: self.locale.direction(),
        });
        self.space(self.layout.spacing.heading_gap.pt(), Gap::Tight);
    }

    /// Draws one entry as `template` says: its header lines (the first line's left side is the
    /// entry's title; when it is empty the next line's left side moves up), its wrapping lines,
    /// then its body.
    fn templated(&mut self, template: &EntryTemplate, entry: &impl EntryFields) {
        let dates = self.date_style();
        let mut lines: Vec<(&TemplateLine, Vec<Span>, Vec<Span>)> = template
            .lines
            .iter()
            .enumerate()
            .map(|(index, line)| {
                let (left, right) = if index == 0 {
                    (self.styles.strong, self.styles.muted)
                } else {
                    (self.styles.emphasis, self.styles.emphasis)
                };
                (
                    line,
                    self.template_side(line, &line.left, left, entry, &dates),
                    self.template_side(line, &line.right, right, entry, &dates),
                )
            })
            .collect();
        let two_header_lines = lines.len() > 1 && !lines[0].0.wrap && !lines[1].0.wrap;
        if two_header_lines && lines[0].1.is_empty() {
            lines[0].1 = std::mem::take(&mut lines[1].1);
        }
        for (index, (line, mut left, mut right)) in lines.into_iter().enumerate() {
            if line.wrap {
                if !left.is_empty() {
                    self.paragraph(left);
                }
                continue;
            }
            if left.is_empty() && right.is_empty() {
                continue;
            }
            if index == 0 {
                self.tags.entry_title(&mut left);
            } else {
                self.tags.paragraph(&mut left);
            }
            self.tags.paragraph(&mut right);
            self.blocks.push(Block::Split {
                left,
                right,
                keep_with_next: true,
                direction: self.locale.direction(),
            });
        }
        let body_start = self.blocks.len();
        for &part in &template.body {
            match entry.body(part) {
                Body::Text(text) => self.detail(text),
                Body::Bullets(items) => self.bullets(items),
                Body::Courses(courses) if !courses.is_empty() => {
                    self.detail(&self.locale.format_courses(courses));
                }
                Body::Keywords(keywords) if !keywords.is_empty() => {
                    self.space(self.layout.spacing.paragraph_gap.pt(), Gap::Paragraph);
                    let line = self.locale.format_technologies(keywords);
                    self.paragraph(vec![span(line, self.styles.muted)]);
                }
                Body::Courses(_) | Body::Keywords(_) | Body::None => {}
            }
        }
        // Every body part opens with a paragraph gap; under a header it takes the header gap.
        let extra = self.header_gap - self.layout.spacing.paragraph_gap.pt();
        let has_header =
            body_start > 0 && matches!(self.blocks.get(body_start - 1), Some(Block::Split { .. }));
        if extra > 0.0 && has_header && self.blocks.len() > body_start {
            self.blocks
                .insert(body_start, Block::Space(extra, Gap::Tight));
        }
    }

    /// Draws every entry of an inline section on one wrapping paragraph, from the left side of
    /// `template`'s first line, joined by the layout's separator. A short entry is kept whole.
    fn inline<T: EntryFields>(&mut self, kind: SectionKind, template: &EntryTemplate, items: &[T]) {
        let Some(line) = template.lines.first() else {
            return;
        };
        let dates = self.date_style();
        let mut spans = Vec::new();
        for entry in items {
            let mut shown = self.template_side(line, &line.left, self.styles.strong, entry, &dates);
            let length: usize = shown.iter().map(|s| s.text.chars().count()).sum();
            if length <= SHORT_INLINE_ENTRY {
                for span in &mut shown {
                    span.nowrap = true;
                }
            }
            if !spans.is_empty() && !shown.is_empty() {
                spans.push(self.separator());
            }
            spans.append(&mut shown);
        }
        if !spans.is_empty() {
            self.heading(kind);
            self.paragraph(spans);
        }
    }

    /// How dates are written in this resume.
    fn date_style(&self) -> DateStyle<'_> {
        DateStyle {
            dates: &self.layout.dates,
            locale: self.locale,
        }
    }

    /// The spans of one side of a template line: each shown value with its affixes, in its
    /// style (`default` unless the item names one), joined by the line's separator; empty
    /// values are left out with their separators. Neighbours of one style without links merge
    /// into one span, so "Bachelor of Science, Physics" is one piece of text.
    fn template_side(
        &self,
        line: &TemplateLine,
        items: &[Item],
        default: TextStyle,
        entry: &impl EntryFields,
        dates: &DateStyle<'_>,
    ) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        for item in items {
            let style = item.style.map_or(default, |s| self.styles.of(s));
            let link = item.link.then(|| entry.url().and_then(web_link)).flatten();
            let keywords = item.field == Field::Keywords;
            let mut first = true;
            for value in entry.values(item.field, dates) {
                if value.is_empty() {
                    continue;
                }
                if let Some(previous) = spans.last() {
                    let separator = item
                        .separator_style
                        .or(line.separator_style)
                        .map_or(previous.style, |s| self.styles.of(s));
                    // Keywords are one list, punctuated as the language punctuates lists.
                    let text = match &item.separator {
                        _ if keywords && !first => self.locale.list_separator(),
                        Some(own) => own,
                        None => &line.separator,
                    };
                    spans.push(span(self.fill(text), separator));
                }
                first = false;
                let text = format!(
                    "{}{value}{}",
                    self.fill(&item.prefix),
                    self.fill(&item.suffix)
                );
                // A short keyword ("Google Sheets") never breaks across lines.
                spans.push(Span {
                    nowrap: keywords && value.chars().count() <= SHORT_KEYWORD,
                    ..linked(text, style, link.clone())
                });
            }
        }
        merge_plain_neighbours(spans)
    }

    /// A template's separator or affix with the language's label separator in place of
    /// `{label}`.
    fn fill(&self, text: &str) -> String {
        // Most affixes are empty or plain: a search for one byte is a small part of a substring
        // search's set-up (about 1,000 instructions a call, 300 calls a resume).
        if !text.contains('{') {
            return text.to_string();
        }
        text.replace(LABEL_SEPARATOR, self.locale.label_separator())
    }

    fn detail(&mut self, text: &str) {
        self.prose(&prose::paragraphs(text), true);
    }

    /// Paragraphs of free text with a paragraph gap between them, and before the first when
    /// `lead`.
    fn prose(&mut self, paragraphs: &[String], lead: bool) {
        for (i, paragraph) in paragraphs.iter().enumerate() {
            if lead || i > 0 {
                self.space(self.layout.spacing.paragraph_gap.pt(), Gap::Paragraph);
            }
            let spans = prose::spans(paragraph, self.styles.body, self.styles.strong);
            self.paragraph(spans);
        }
    }

    fn bullets(&mut self, items: &[String]) {
        let hang = self.layout.spacing.bullet_indent.pt();
        for item in items {
            let text = prose::paragraphs(item).join("\n");
            if text.is_empty() {
                // Markup alone (`<br>`): no bullet without text.
                continue;
            }
            self.space(self.layout.spacing.paragraph_gap.pt(), Gap::Paragraph);
            let mut spans = prose::spans(&text, self.styles.body, self.styles.strong);
            let mut marker = span(self.layout.bullet.clone(), self.styles.body);
            self.tags.list_item(&mut marker, &mut spans);
            self.blocks.push(Block::Paragraph(Paragraph {
                spans,
                align: Align::Left,
                indent: hang,
                bullet: Some(Bullet { span: marker, hang }),
                keep_with_next: false,
                direction: self.locale.direction(),
            }));
        }
        self.tags.end_list();
    }

    /// Draws every entry of a section as `template` says, with the section heading first and
    /// the template's gap between entries; an inline template puts them all on one line.
    fn entries<T: EntryFields>(
        &mut self,
        kind: SectionKind,
        template: &EntryTemplate,
        items: &[T],
    ) {
        if template.inline {
            self.inline(kind, template, items);
            return;
        }
        if items.is_empty() {
            return;
        }
        self.heading(kind);
        let spacing = &self.layout.spacing;
        let (gap, between) = match template.gap {
            EntryGap::Paragraph => (spacing.paragraph_gap.pt(), Gap::Paragraph),
            EntryGap::Entry => (spacing.entry_gap.pt(), Gap::Entry),
        };
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.space(gap, between);
            }
            self.tags.entry();
            self.templated(template, item);
            self.let_a_bare_header_end_a_page();
            self.tags.end_entry();
        }
    }

    /// An entry with nothing under its header (education without courses, a certificate) is a
    /// block of its own: its header keeps with its first line only when it has one. Kept with the
    /// next entry instead, a section of such entries would move to the next page as one block,
    /// stranding a third of a page blank above it.
    fn let_a_bare_header_end_a_page(&mut self) {
        if let Some(Block::Split { keep_with_next, .. }) = self.blocks.last_mut() {
            *keep_with_next = false;
        }
    }

    fn section(&mut self, resume: &Resume, kind: SectionKind) {
        let entries = &self.layout.entries;
        match kind {
            SectionKind::Contact => {
                let items = contact_items(resume, &entries.contact, self.styles.body);
                if items.is_empty() {
                    return;
                }
                self.heading(kind);
                for item in items {
                    self.paragraph(vec![item]);
                }
            }
            SectionKind::Summary => {
                let paragraphs = resume
                    .basics
                    .summary
                    .as_deref()
                    .map(prose::paragraphs)
                    .unwrap_or_default();
                if !paragraphs.is_empty() {
                    self.heading(kind);
                    self.prose(&paragraphs, false);
                }
            }
            SectionKind::Work => self.entries(kind, &entries.work, &resume.work),
            SectionKind::Volunteer => self.entries(kind, &entries.volunteer, &resume.volunteer),
            SectionKind::Education => self.entries(kind, &entries.education, &resume.education),
            SectionKind::Awards => self.entries(kind, &entries.awards, &resume.awards),
            SectionKind::Certificates => {
                self.entries(kind, &entries.certificates, &resume.certificates);
            }
            SectionKind::Publications => {
                self.entries(kind, &entries.publications, &resume.publications);
            }
            SectionKind::Projects => self.entries(kind, &entries.projects, &resume.projects),
            SectionKind::Skills => self.entries(kind, &entries.skills, &resume.skills),
            SectionKind::Interests => self.entries(kind, &entries.interests, &resume.interests),
            SectionKind::Languages => self.entries(kind, &entries.languages, &resume.languages),
            SectionKind::References => {
                self.entries(kind, &entries.references, &resume.references);
            }
        }
    }
}

/// `spans` with each run of neighbours of one style, no link and free to wrap joined into one
/// span (an unbreakable span keeps its bounds).
fn merge_plain_neighbours(spans: Vec<Span>) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last)
                if last.link.is_none()
                    && span.link.is_none()
                    && last.style == span.style
                    && !last.nowrap
                    && !span.nowrap =>
            {
                last.text.push_str(&span.text);
            }
            _ => out.push(span),
        }
    }
    out
}

/// The contact items `fields` name, in their order, each a span (linked where it can be).
fn contact_items(resume: &Resume, fields: &[ContactField], style: TextStyle) -> Vec<Span> {
    let basics = &resume.basics;
    let mut items: Vec<Span> = Vec::new();
    for field in fields {
        match field {
            ContactField::Email => {
                if let Some(email) = &basics.email {
                    items.push(linked(email, style, mailto(email)));
                }
            }
            ContactField::Phone => {
                if let Some(phone) = &basics.phone {
                    items.push(linked(phone, style, tel(phone)));
                }
            }
            ContactField::Location => {
                if let Some(place) = place(resume) {
                    items.push(span(place, style));
                }
            }
            ContactField::Url => {
                if let Some(url) = &basics.url {
                    items.push(linked(display_url(url), style, web_link(url)));
                }
            }
            ContactField::Profiles => add_profiles(resume, style, &mut items),
        }
    }
    items
}

/// City and region, else the country code.
fn place(resume: &Resume) -> Option<String> {
    let loc = &resume.basics.location;
    let place: Vec<&str> = [&loc.city, &loc.region]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if place.is_empty() {
        loc.country_code.clone()
    } else {
        Some(place.join(", "))
    }
}

/// Adds each profile to `items`, unless it repeats one of them (the web site, another profile).
fn add_profiles(resume: &Resume, style: TextStyle, items: &mut Vec<Span>) {
    for profile in &resume.basics.profiles {
        let named = match (&profile.network, &profile.username) {
            (Some(network), Some(user)) => Some(format!("{network}: {user}")),
            (None, Some(user)) => Some(user.clone()),
            _ => None,
        };
        // Show the address when it says who the profile is; otherwise name the network and user.
        let shown = match (&profile.url, &profile.username, named) {
            (Some(url), Some(user), Some(named))
                if !url.to_lowercase().contains(&user.to_lowercase()) =>
            {
                Some(named)
            }
            (Some(url), _, _) => Some(display_url(url)),
            (None, _, named) => named,
        };
        let repeated = |shown: &str| items.iter().any(|i| i.text.eq_ignore_ascii_case(shown));
        if let Some(shown) = shown.filter(|shown| !repeated(shown)) {
            let link = profile.url.as_deref().and_then(web_link);
            items.push(linked(shown, style, link));
        }
    }
}

/// Heading spans in small capitals: lower-case letters become capitals at `scale` of the size.
fn small_caps(title: &str, style: TextStyle, scale: f32) -> Vec<Span> {
    let small = TextStyle {
        size: style.size * scale,
        ..style
    };
    let mut spans: Vec<Span> = Vec::new();
    for c in title.chars() {
        let (text, style) = if c.is_lowercase() {
            (c.to_uppercase().collect::<String>(), small)
        } else {
            (c.to_string(), style)
        };
        match spans.last_mut() {
            Some(last) if last.style == style => last.text.push_str(&text),
            _ => spans.push(span(text, style)),
        }
    }
    spans
}
