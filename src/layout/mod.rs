//! Layout definitions: the named data files in `layouts/` that decide how a resume looks.
//!
//! A layout is JSON, deserialized into [`Layout`] and then checked by [`validate`] against the
//! typographic rules every resume must keep (see docs/typography.md). A layout may start from
//! another with `"extends": "NAME"` and override only some fields.

mod color;
mod entries;
mod family;
mod length;
mod load;
mod paper;
pub mod rules;
mod schema;
mod validate;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Deserialize;

use crate::style::{Align, Side};

pub use color::{Color, contrast, parse_hex};
pub use entries::{
    BodyPart, ContactField, Entries, EntryGap, EntryTemplate, Field, Item, ItemStyle,
    Section as EntrySection, TemplateLine,
};
pub use family::Family;
pub use length::Length;
pub use load::{LayoutError, builtin_names, builtin_source, fingerprint, load, parse};
pub use paper::PaperSize;
pub use schema::schema;
pub use validate::validate;

/// A resumepdf layout: page, fonts, sizes, spacing, colours, headings, sections, entry templates,
/// dates, bullet, columns and photo. A file may start from a built-in layout with `extends` and give
/// only what it changes. Lengths are points, or strings with a unit (pt, in, mm, cm); sizes are
/// points; colours are hex. The renderer also enforces the rules a schema cannot state (sizes
/// relative to body text, text contrast; see docs/typography.md).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layout {
    /// Editor hint: the path or URL of this schema (`layout.schema.json`); ignored by the renderer.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// The layout's name, as given to `--layout` (text).
    pub name: String,
    /// One line saying what the layout looks like and when to use it.
    pub description: String,
    /// A built-in layout to start from, by name (any case): the file then gives only the fields it
    /// changes, merged into that layout's (already merged in when loaded).
    #[serde(default)]
    pub extends: Option<String>,
    /// Paper size and margins.
    pub page: PageSetup,
    /// Font families of the name and headings, and of everything else.
    pub fonts: Fonts,
    /// Font sizes, in points (pt).
    pub sizes: Sizes,
    /// Line height as a ratio of the font's natural line height (1.0 is single spacing).
    #[schemars(range(min = rules::LINE_SPACING.0, max = rules::LINE_SPACING.1))]
    pub line_spacing: f32,
    /// The shortest last line of a paragraph that line breaking accepts without trying other
    /// breaks, as a ratio of the line's width: a shorter one (or a single word) is avoided by
    /// moving words down from the lines above.
    #[serde(default = "last_line_min")]
    #[schemars(range(min = rules::LAST_LINE_MIN.0, max = rules::LAST_LINE_MIN.1))]
    pub last_line_min: f32,
    /// Gaps between sections, under headings, between entries and paragraphs, and the bullet
    /// indent, as lengths (pt, in, mm or cm).
    pub spacing: Spacing,
    /// Colours, as hex `#rrggbb`.
    pub colors: Colors,
    /// The name block at the top of the first page.
    pub header: Header,
    /// Section heading style.
    pub headings: Headings,
    /// Which sections appear, in what order, under which titles.
    pub sections: Sections,
    /// How dates are written.
    pub dates: Dates,
    /// The bullet glyph in front of highlights (text).
    #[schemars(length(min = 1))]
    pub bullet: String,
    /// `"single"` (one column), or `{"sidebar": {…}}` (a main column with a sidebar).
    #[serde(default)]
    pub columns: Columns,
    /// Where and how the photo (`basics.image`) is shown; no photo when absent.
    #[serde(default)]
    pub photo: Option<PhotoSetup>,
    /// A page budget, in pages, used when the render gives no `--pages`: spacing, margins and
    /// sizes are tightened within the rules until the resume fits (as `--pages` does); a resume
    /// that cannot fit even then keeps the fewest pages the rules reach, squeezed no more than
    /// that takes, with a warning.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub max_pages: Option<usize>,
    /// How each section's entries are drawn, and the header's contact items; a section left out
    /// keeps the built-in template (the organisation in bold with the dates flush right, the
    /// position in italics under it with the place; "Skill: keyword, keyword (level)" lines;
    /// languages on one line).
    #[serde(default)]
    pub entries: Entries,
    /// Whether a resume of two or more pages carries the "Name · Page N of M" footer (true or
    /// false). Applicant tracking parsers read page text back to back, so a layout made for them
    /// may leave it out.
    #[serde(default = "shows_footer")]
    pub footer: bool,
}

impl Layout {
    /// The distance between two lines of body text, in points: the body face's natural line
    /// height at the body size times the line spacing (1.2 em when the face is not loaded yet,
    /// as for an installed family before a render adds it).
    pub fn body_line_pitch(&self, fonts: &crate::fonts::FontBook) -> f32 {
        let em = fonts
            .find(&self.fonts.body.name, crate::fonts::Style::REGULAR)
            .map_or(1.2, |face| fonts.face(face).line_height());
        em * self.sizes.body * self.line_spacing
    }
}

/// Footers are shown unless a layout says otherwise.
fn shows_footer() -> bool {
    true
}

/// How a layout shows the photo.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PhotoSetup {
    /// Whether the photo is shown (true or false): `false` hides it in a layout that `extends`
    /// one with a photo.
    #[serde(default = "shown")]
    pub show: bool,
    /// Width and height of the photo's frame, a length (pt, in, mm or cm).
    #[schemars(extend("minimum" = rules::PHOTO_SIZE.0, "maximum" = rules::PHOTO_SIZE.1))]
    pub size: Length,
    /// `"circle"`, `"rounded"` or `"square"`.
    pub shape: PhotoShape,
    /// `"left"` or `"right"` of the name block, or at the top of the `"sidebar"`.
    pub position: PhotoPosition,
    /// Corner radius of a `"rounded"` photo, as a ratio of its size (0.5 is a circle).
    #[serde(default = "corner_radius")]
    #[schemars(range(min = 0, max = rules::MAX_PHOTO_CORNER))]
    pub corner_radius: f32,
}

fn corner_radius() -> f32 {
    0.12
}

fn shown() -> bool {
    true
}

/// The photo's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Columns {
    /// One column across the text width.
    #[default]
    Single,
    /// A main column and a sidebar.
    Sidebar(SidebarSetup),
}

/// A sidebar column.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SidebarSetup {
    /// `"left"` (read first) or `"right"`.
    pub side: Side,
    /// Width of the sidebar's text, a length (pt, in, mm or cm).
    #[schemars(extend("minimum" = rules::MIN_SIDEBAR_WIDTH))]
    pub width: Length,
    /// Space between the sidebar and the main column, a length (pt, in, mm or cm).
    pub gap: Length,
    /// A tint behind the sidebar, the full page height, as hex `#rrggbb`.
    #[serde(default)]
    pub background: Option<Color>,
    /// Sections shown in the sidebar, in order (taken out of the main column).
    #[schemars(extend("uniqueItems" = true))]
    pub sections: Vec<SectionKind>,
}

/// Paper size and margins.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageSetup {
    /// Paper: `letter` or `a4` (any case). Leave it out to let `--paper`, else the resume's
    /// country or language, decide.
    #[serde(default)]
    pub size: Option<PaperSize>,
    /// Margins, each a length (pt, in, mm or cm).
    pub margins: Margins,
}

impl PageSetup {
    /// Width and height in points of the layout's paper (Letter until one is chosen).
    pub fn dimensions(&self) -> (f32, f32) {
        self.size.unwrap_or(PaperSize::Letter).dimensions()
    }
}

/// Page margins.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Margins {
    /// Top margin, a length (pt, in, mm or cm).
    #[schemars(extend("minimum" = rules::MIN_MARGIN))]
    pub top: Length,
    /// Right margin, a length (pt, in, mm or cm).
    #[schemars(extend("minimum" = rules::MIN_MARGIN))]
    pub right: Length,
    /// Bottom margin, a length (pt, in, mm or cm).
    #[schemars(extend("minimum" = rules::MIN_MARGIN))]
    pub bottom: Length,
    /// Left margin, a length (pt, in, mm or cm).
    #[schemars(extend("minimum" = rules::MIN_MARGIN))]
    pub left: Length,
}

/// Font families: each a family's name, a font file, or font files by style.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fonts {
    /// Family for the name and section headings.
    pub heading: Family,
    /// Family for everything else.
    pub body: Family,
}

impl Fonts {
    /// The body family, then the heading family.
    pub fn families(&self) -> [&Family; 2] {
        [&self.body, &self.heading]
    }
}

/// Font sizes in points.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sizes {
    /// The person's name, in points: at least the body size.
    #[schemars(range(max = rules::MAX_NAME_SIZE))]
    pub name: f32,
    /// The professional title under the name, in points: from the body size to the name's.
    pub label: f32,
    /// Section headings, in points: at least the body size, at most a multiple of it.
    #[schemars(extend("description" = format!(
        "Section headings, in points: at least the body size, at most {} times it.",
        rules::MAX_HEADING_RATIO
    )))]
    pub heading: f32,
    /// Body text, in points.
    #[schemars(range(min = rules::BODY_SIZE.0, max = rules::BODY_SIZE.1))]
    pub body: f32,
    /// Footer and other small print, in points: at most the body size.
    #[schemars(range(min = rules::MIN_SMALL_SIZE))]
    pub small: f32,
}

/// Spacing, each a length: a number of points, or a string with a unit (pt, in, mm or cm).
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Spacing {
    /// Space above each section heading, a length (pt, in, mm or cm).
    pub section_gap: Length,
    /// Space between a heading and the section's first line, a length (pt, in, mm or cm).
    pub heading_gap: Length,
    /// Space between entries of a section, a length (pt, in, mm or cm): at least half a body
    /// line plus 1.5 times `paragraph_gap`, so that readers and applicant tracking parsers see
    /// where one entry ends (`--pages` squeezing keeps this minimum too).
    pub entry_gap: Length,
    /// Space between paragraphs and bullets inside an entry, a length (pt, in, mm or cm).
    pub paragraph_gap: Length,
    /// Hanging indent of bullet text, a length (pt, in, mm or cm).
    pub bullet_indent: Length,
}

/// Colours as hex `#rrggbb`; text colours need enough contrast against the page.
#[derive(Debug, Clone, Copy, Deserialize, JsonSchema)]
#[schemars(extend("description" = format!(
    "Colours, as hex \"#rrggbb\". Text, muted and accent colours need a contrast of at least {}:1 \
     against the page (WCAG AA).",
    rules::MIN_CONTRAST
)))]
#[serde(deny_unknown_fields)]
pub struct Colors {
    /// Body text, as hex `#rrggbb`.
    pub text: Color,
    /// Secondary text (organisations, dates, locations), as hex `#rrggbb`.
    pub muted: Color,
    /// Accent (name, headings when the heading colour is "accent"), as hex `#rrggbb`.
    pub accent: Color,
    /// Rules under headings, as hex `#rrggbb`.
    pub rule: Color,
}

/// The name block.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// Alignment of name, title and contact line: `left` or `center`.
    pub align: Align,
    /// Text between contact items, e.g. "  ·  ", dropped where a line wraps.
    pub separator: String,
}

/// Section heading style.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    /// Letter case of heading text: `title`, `upper` or `small-caps`.
    pub case: HeadingCase,
    /// Bold headings (true or false); headings that are not bold must be larger than body text.
    pub bold: bool,
    /// A thin rule under each heading (true or false).
    pub rule: bool,
    /// The colour of headings: `accent` or `text`.
    pub color: HeadingColor,
    /// Extra space between letters, in points.
    #[serde(default)]
    pub letter_spacing: f32,
    /// Thickness of the rule under a heading, in points.
    #[serde(default = "rule_width")]
    #[schemars(range(min = rules::RULE_WIDTH.0, max = rules::RULE_WIDTH.1))]
    pub rule_width: f32,
    /// Space between a heading's text and its rule, in points.
    #[serde(default = "rule_gap")]
    #[schemars(range(min = rules::RULE_GAP.0, max = rules::RULE_GAP.1))]
    pub rule_gap: f32,
    /// Size of small capitals (case `small-caps`) as a ratio of the heading size.
    #[serde(default = "small_caps_scale")]
    #[schemars(range(min = rules::SMALL_CAPS_SCALE.0, max = rules::SMALL_CAPS_SCALE.1))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum HeadingColor {
    /// The accent colour.
    Accent,
    /// The body text colour.
    Text,
}

/// The resume sections a layout can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sections {
    /// Section keys in print order; a section not listed is not shown.
    #[schemars(extend("uniqueItems" = true))]
    pub order: Vec<SectionKind>,
    /// Titles overriding the translation tables' ones, by section key: one title for every
    /// language, or titles by language tag (other languages keep their translation table's).
    #[serde(default)]
    #[schemars(schema_with = "schema::titles")]
    pub titles: BTreeMap<SectionKind, Title>,
}

/// A section title a layout gives.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    /// `"MMM YYYY"` (Jan 2021), `"MMMM YYYY"` (January 2021), `"MM/YYYY"` (01/2021) or `"YYYY"`;
    /// months in the resume's language.
    pub format: DateFormat,
    /// Text between start and end, e.g. " – ".
    pub range_separator: String,
}

/// Supported date formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
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
