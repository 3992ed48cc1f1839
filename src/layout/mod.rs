//! Layout definitions: the named data files in `layouts/` that decide how a resume looks.
//!
//! A layout is JSON, deserialized into [`Layout`] and then checked by [`validate`] against the
//! typographic rules every resume must keep (see docs/typography.md). A layout may start from
//! another with `"extends": "NAME"` and override only some fields.

mod color;
mod entries;
mod length;
mod load;
mod paper;
pub mod rules;
mod validate;

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::style::{Align, Side};

pub use color::{Color, contrast, parse_hex};
pub use entries::{
    BodyPart, ContactField, Entries, EntryGap, EntryTemplate, Field, Item, ItemStyle,
    Section as EntrySection, TemplateLine,
};
pub use length::Length;
pub use load::{LayoutError, SCHEMA_JSON, builtin_names, builtin_source, fingerprint, load, parse};
pub use paper::PaperSize;
pub use validate::validate;

/// A complete, typed layout definition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Editor hint pointing at the layout JSON Schema; ignored by the renderer.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The layout's name, as given to `--layout`.
    pub name: String,
    /// One line saying what the layout looks like and when to use it.
    pub description: String,
    /// The built-in layout this one started from, if any (already merged in).
    #[serde(default)]
    pub extends: Option<String>,
    /// Paper size and margins.
    pub page: PageSetup,
    /// Font families.
    pub fonts: Fonts,
    /// Font sizes in points.
    pub sizes: Sizes,
    /// Line spacing as a multiple of the font's natural line height (1.0–1.2).
    pub line_spacing: f32,
    /// The shortest last line of a paragraph, as a fraction of the measure, that line breaking
    /// accepts without trying other breaks (0.15 when absent).
    #[serde(default = "last_line_min")]
    pub last_line_min: f32,
    /// Vertical and horizontal spacing.
    pub spacing: Spacing,
    /// Colours.
    pub colors: Colors,
    /// The name block at the top of the first page.
    pub header: Header,
    /// Section heading style.
    pub headings: Headings,
    /// Which sections appear, in what order, under which titles.
    pub sections: Sections,
    /// How dates are written.
    pub dates: Dates,
    /// The bullet glyph in front of highlights.
    pub bullet: String,
    /// One column, or a main column with a sidebar.
    #[serde(default)]
    pub columns: Columns,
    /// Where and how the photo (`basics.image`) is shown; no photo when absent.
    #[serde(default)]
    pub photo: Option<PhotoSetup>,
    /// A page budget: content is tightened (within the rules) to fit this many pages.
    #[serde(default)]
    pub max_pages: Option<usize>,
    /// How the entries of each dated section are drawn; a section left out keeps the built-in
    /// template.
    #[serde(default)]
    pub entries: Entries,
    /// Whether pages after a one-page resume carry the "Name · Page N of M" footer. Applicant
    /// tracking parsers read page text back to back, so a layout made for them may leave it out.
    #[serde(default = "shows_footer")]
    pub footer: bool,
}

impl Layout {
    /// The distance between two lines of body text, in points: the body face's natural line
    /// height at the body size times the line spacing (1.2 em when the face is not loaded yet,
    /// as for an installed family before a render adds it).
    pub fn body_line_pitch(&self, fonts: &crate::fonts::FontBook) -> f32 {
        let em = fonts
            .find(&self.fonts.body, crate::fonts::Style::REGULAR)
            .map_or(1.2, |face| fonts.face(face).line_height);
        em * self.sizes.body * self.line_spacing
    }
}

/// Footers are shown unless a layout says otherwise.
fn shows_footer() -> bool {
    true
}

/// How a layout shows the photo.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoSetup {
    /// `false` hides the photo (useful in a layout that `extends` one with a photo).
    #[serde(default = "shown")]
    pub show: bool,
    /// Width and height of the photo's frame.
    pub size: Length,
    /// `"circle"`, `"rounded"` or `"square"`.
    pub shape: PhotoShape,
    /// `"left"` or `"right"` of the name block, or at the top of the `"sidebar"`.
    pub position: PhotoPosition,
    /// Corner radius of a `"rounded"` photo, as a fraction of its size (0.12 when absent).
    #[serde(default = "corner_radius")]
    pub corner_radius: f32,
}

fn corner_radius() -> f32 {
    0.12
}

fn shown() -> bool {
    true
}

/// The photo's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhotoShape {
    /// A circle.
    Circle,
    /// A square with rounded corners.
    Rounded,
    /// A square.
    Square,
}

/// Where the photo goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PhotoPosition {
    /// Left of the name block.
    Left,
    /// Right of the name block.
    Right,
    /// At the top of the sidebar (layouts with a sidebar only).
    Sidebar,
}

/// Column arrangement: `"single"` or `{"sidebar": {…}}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Columns {
    /// One column across the text width.
    #[default]
    Single,
    /// A main column and a sidebar.
    Sidebar(SidebarSetup),
}

/// A sidebar column.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SidebarSetup {
    /// `"left"` (read first) or `"right"`.
    pub side: Side,
    /// Width of the sidebar's text.
    pub width: Length,
    /// Space between the sidebar and the main column.
    pub gap: Length,
    /// A tint behind the sidebar, the full page height.
    #[serde(default)]
    pub background: Option<Color>,
    /// Sections shown in the sidebar, in order (taken out of the main column).
    pub sections: Vec<SectionKind>,
}

/// Paper size and margins.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageSetup {
    /// Paper size; when the layout gives none, the render chooses one for the resume's country
    /// (see [`PaperSize::for_region`]).
    #[serde(default)]
    pub size: Option<PaperSize>,
    /// Margins.
    pub margins: Margins,
}

impl PageSetup {
    /// Width and height in points of the layout's paper (Letter until one is chosen).
    pub fn dimensions(&self) -> (f32, f32) {
        self.size.unwrap_or(PaperSize::Letter).dimensions()
    }
}

/// Page margins.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    /// Top margin.
    pub top: Length,
    /// Right margin.
    pub right: Length,
    /// Bottom margin.
    pub bottom: Length,
    /// Left margin.
    pub left: Length,
}

/// Font families (names of bundled families, e.g. "Carlito", "Liberation Sans").
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// Family for the name and section headings.
    pub heading: String,
    /// Family for everything else.
    pub body: String,
}

/// Font sizes in points.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sizes {
    /// The person's name.
    pub name: f32,
    /// The professional title under the name.
    pub label: f32,
    /// Section headings.
    pub heading: f32,
    /// Body text (10–12 pt).
    pub body: f32,
    /// Footer and other small print.
    pub small: f32,
}

/// Spacing, in points or lengths with units.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spacing {
    /// Space above each section heading.
    pub section_gap: Length,
    /// Space between a heading and the section's first line.
    pub heading_gap: Length,
    /// Space between entries of a section.
    pub entry_gap: Length,
    /// Space between paragraphs and bullets inside an entry.
    pub paragraph_gap: Length,
    /// Hanging indent of bullet text.
    pub bullet_indent: Length,
}

/// Colours as `#rrggbb`.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Colors {
    /// Body text.
    pub text: Color,
    /// Secondary text (organisations, dates, locations).
    pub muted: Color,
    /// Accent (name, headings when the heading colour is "accent").
    pub accent: Color,
    /// Rules under headings.
    pub rule: Color,
}

/// The name block.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Alignment of name, title and contact line.
    pub align: Align,
    /// Text between contact items, e.g. "  ·  ".
    pub separator: String,
}

/// Section heading style.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    /// Letter case of heading text.
    pub case: HeadingCase,
    /// Bold weight.
    pub bold: bool,
    /// A thin rule under the heading.
    pub rule: bool,
    /// `"accent"` or `"text"`.
    pub color: HeadingColor,
    /// Extra space between letters, in points.
    #[serde(default)]
    pub letter_spacing: f32,
    /// Thickness of the rule under a heading, in points (0.6 when absent).
    #[serde(default = "rule_width")]
    pub rule_width: f32,
    /// Space between a heading's text and its rule, in points (1.5 when absent).
    #[serde(default = "rule_gap")]
    pub rule_gap: f32,
    /// Size of small capitals (case "small-caps") as a fraction of the heading size (0.8 when
    /// absent).
    #[serde(default = "small_caps_scale")]
    pub small_caps_scale: f32,
}

fn rule_width() -> f32 {
    0.6
}

fn rule_gap() -> f32 {
    1.5
}

fn small_caps_scale() -> f32 {
    0.8
}

/// Letter case of headings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadingCase {
    /// As written in the section title.
    Title,
    /// ALL CAPITALS.
    Upper,
    /// Small capitals: capitals, with lower-case letters as smaller capitals.
    #[serde(rename = "small-caps")]
    SmallCaps,
}

/// Which layout colour headings use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HeadingColor {
    /// The accent colour.
    Accent,
    /// The body text colour.
    Text,
}

/// The resume sections a layout can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SectionKind {
    /// E-mail, phone, place and links as a section of their own (instead of a line under the name).
    Contact,
    /// `basics.summary`.
    Summary,
    /// `work`.
    Work,
    /// `volunteer`.
    Volunteer,
    /// `education`.
    Education,
    /// `awards`.
    Awards,
    /// `certificates`.
    Certificates,
    /// `publications`.
    Publications,
    /// `skills`.
    Skills,
    /// `languages`.
    Languages,
    /// `interests`.
    Interests,
    /// `references`.
    References,
    /// `projects`.
    Projects,
}

impl SectionKind {
    /// The section's name in layouts and translation tables, e.g. `"work"`.
    pub fn key(self) -> &'static str {
        match self {
            SectionKind::Contact => "contact",
            SectionKind::Summary => "summary",
            SectionKind::Work => "work",
            SectionKind::Volunteer => "volunteer",
            SectionKind::Education => "education",
            SectionKind::Awards => "awards",
            SectionKind::Certificates => "certificates",
            SectionKind::Publications => "publications",
            SectionKind::Skills => "skills",
            SectionKind::Languages => "languages",
            SectionKind::Interests => "interests",
            SectionKind::References => "references",
            SectionKind::Projects => "projects",
        }
    }

    /// The English heading used when the layout gives no title.
    pub fn default_title(self) -> &'static str {
        match self {
            SectionKind::Contact => "Contact",
            SectionKind::Summary => "Summary",
            SectionKind::Work => "Experience",
            SectionKind::Volunteer => "Volunteering",
            SectionKind::Education => "Education",
            SectionKind::Awards => "Awards",
            SectionKind::Certificates => "Certifications",
            SectionKind::Publications => "Publications",
            SectionKind::Skills => "Skills",
            SectionKind::Languages => "Languages",
            SectionKind::Interests => "Interests",
            SectionKind::References => "References",
            SectionKind::Projects => "Projects",
        }
    }
}

/// Section order and titles.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sections {
    /// Sections in the order they appear; a section not listed is not shown.
    pub order: Vec<SectionKind>,
    /// Titles overriding the translation tables' ones.
    #[serde(default)]
    pub titles: BTreeMap<SectionKind, Title>,
}

/// A section title a layout gives.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(
    untagged,
    expecting = "a title, or titles by language such as {\"en\": \"Work Experience\"}"
)]
pub enum Title {
    /// One title, whatever the resume's language.
    Every(String),
    /// Titles by BCP 47 language tag (`"en"`, `"de"`, `"pt-BR"`): a resume in another language
    /// gets its translation table's title.
    ByLanguage(BTreeMap<String, String>),
}

impl Title {
    /// The title for a resume in language `tag` (as the translation tables name languages), if
    /// this one applies: the whole tag, else its language subtag, ignoring case.
    pub fn for_language(&self, tag: &str) -> Option<&str> {
        match self {
            Title::Every(title) => Some(title),
            Title::ByLanguage(titles) => {
                let primary = tag.split(['-', '_']).next().unwrap_or(tag);
                [tag, primary].into_iter().find_map(|wanted| {
                    titles
                        .iter()
                        .find(|(t, _)| t.eq_ignore_ascii_case(wanted))
                        .map(|(_, title)| title.as_str())
                })
            }
        }
    }
}

impl Sections {
    /// Whether `kind` is shown anywhere (main column or sidebar).
    pub fn shows(&self, kind: SectionKind, columns: &Columns) -> bool {
        self.order.contains(&kind)
            || matches!(columns, Columns::Sidebar(sidebar) if sidebar.sections.contains(&kind))
    }

    /// The layout's title of `kind` for a resume in language `tag`, if it gives one (else the
    /// translation table's title applies).
    pub fn title(&self, kind: SectionKind, tag: &str) -> Option<&str> {
        self.titles.get(&kind)?.for_language(tag)
    }
}

/// How dates are written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// `"MMM YYYY"` (Jan 2021), `"MMMM YYYY"` (January 2021), `"MM/YYYY"` (01/2021) or `"YYYY"`.
    pub format: DateFormat,
    /// Between start and end, e.g. " – ".
    pub range_separator: String,
}

/// Supported date formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum DateFormat {
    /// Jan 2021.
    #[serde(rename = "MMM YYYY")]
    ShortMonth,
    /// January 2021.
    #[serde(rename = "MMMM YYYY")]
    LongMonth,
    /// 01/2021.
    #[serde(rename = "MM/YYYY")]
    Numeric,
    /// 2021.
    #[serde(rename = "YYYY")]
    Year,
}

/// The default of [`Layout::last_line_min`].
fn last_line_min() -> f32 {
    crate::style::DEFAULT_LAST_LINE_MIN
}
