//! Entry templates: how each entry of a section (work, volunteer, education, awards,
//! certificates, publications, projects, skills, interests, languages, references) is drawn —
//! which fields go on which line, left or right, in which style, with which separators, and what
//! follows the header — and which contact items the header shows, in which order. A layout gives
//! them in `"entries"`; a section it leaves out keeps the built-in template of
//! `src/layout/entries.json` (today's look: the organisation in bold with the dates flush right,
//! the position in italics under it with the place; "Skill: keyword, keyword (level)" lines;
//! languages on one line).
//!
//! Empty fields are dropped with their separator, so no line ever shows a dangling " — ".

use schemars::JsonSchema;
use serde::Deserialize;

/// The templates of every dated section.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entries {
    /// Jobs (`work`).
    #[serde(default = "defaults::work")]
    pub work: EntryTemplate,
    /// Volunteering (`volunteer`).
    #[serde(default = "defaults::volunteer")]
    pub volunteer: EntryTemplate,
    /// Degrees and schools (`education`).
    #[serde(default = "defaults::education")]
    pub education: EntryTemplate,
    /// Awards (`awards`).
    #[serde(default = "defaults::awards")]
    pub awards: EntryTemplate,
    /// Certificates (`certificates`).
    #[serde(default = "defaults::certificates")]
    pub certificates: EntryTemplate,
    /// Publications (`publications`).
    #[serde(default = "defaults::publications")]
    pub publications: EntryTemplate,
    /// Projects (`projects`).
    #[serde(default = "defaults::projects")]
    pub projects: EntryTemplate,
    /// Skills (`skills`).
    #[serde(default = "defaults::skills")]
    pub skills: EntryTemplate,
    /// Interests (`interests`).
    #[serde(default = "defaults::interests")]
    pub interests: EntryTemplate,
    /// Languages spoken (`languages`).
    #[serde(default = "defaults::languages")]
    pub languages: EntryTemplate,
    /// References (`references`).
    #[serde(default = "defaults::references")]
    pub references: EntryTemplate,
    /// The contact items of the header (or of the sidebar's contact section), in order.
    #[serde(default = "defaults::contact")]
    pub contact: Vec<ContactField>,
}

impl Default for Entries {
    fn default() -> Entries {
        Entries {
            work: defaults::work(),
            volunteer: defaults::volunteer(),
            education: defaults::education(),
            awards: defaults::awards(),
            certificates: defaults::certificates(),
            publications: defaults::publications(),
            projects: defaults::projects(),
            skills: defaults::skills(),
            interests: defaults::interests(),
            languages: defaults::languages(),
            references: defaults::references(),
            contact: defaults::contact(),
        }
    }
}

impl Entries {
    /// Each section's template with its key in `entries`, the fields its entries have and the
    /// parts their bodies may have.
    pub fn all(&self) -> [Section<'_>; 11] {
        use BodyPart::*;
        use Field::*;
        let section = |key, template, fields, body| Section {
            key,
            template,
            fields,
            body,
        };
        [
            section(
                "work",
                &self.work,
                &[Name, Position, Location, Dates],
                &[Description, Summary, Highlights],
            ),
            section(
                "volunteer",
                &self.volunteer,
                &[Organization, Position, Dates],
                &[Summary, Highlights],
            ),
            section(
                "education",
                &self.education,
                &[Institution, StudyType, Area, Score, Dates],
                &[Courses],
            ),
            section("awards", &self.awards, &[Title, Awarder, Dates], &[Summary]),
            section(
                "certificates",
                &self.certificates,
                &[Name, Issuer, Dates],
                &[],
            ),
            section(
                "publications",
                &self.publications,
                &[Name, Publisher, Dates],
                &[Summary],
            ),
            section(
                "projects",
                &self.projects,
                &[Name, Entity, Type, Roles, Field::Keywords, Dates],
                &[Description, Highlights, BodyPart::Keywords],
            ),
            section("skills", &self.skills, &[Name, Field::Keywords, Level], &[]),
            section("interests", &self.interests, &[Name, Field::Keywords], &[]),
            section("languages", &self.languages, &[Language, Fluency], &[]),
            section("references", &self.references, &[Reference, Name], &[]),
        ]
    }
}

/// A section's template and what its entries have.
pub struct Section<'a> {
    /// Its key in `entries` (and in a JSON Resume).
    pub key: &'static str,
    /// Its template.
    pub template: &'a EntryTemplate,
    /// The fields its entries have.
    pub fields: &'static [Field],
    /// The body parts its entries have.
    pub body: &'static [BodyPart],
}

/// How one entry is drawn: its header lines, then its body.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EntryTemplate {
    /// The header lines, each with a part flush left and a part flush right. The first line's
    /// left part is the entry's title (a heading to screen readers); when it is empty, the next
    /// line's left part moves up.
    pub lines: Vec<TemplateLine>,
    /// What follows the header, in order.
    #[serde(default)]
    pub body: Vec<BodyPart>,
    /// The space between two entries: `entry` (the layout's entry gap, for entries with a header
    /// and body) or `paragraph` (the paragraph gap, for one-line entries such as skills).
    #[serde(default)]
    pub gap: EntryGap,
    /// All entries on one wrapping line, joined by the header's separator, instead of one entry
    /// under another (languages: "English (native) · French (fluent)"). Only the first line's
    /// left side is drawn; an entry of at most 32 characters never breaks across lines.
    #[serde(default)]
    pub inline: bool,
}

/// The space between two entries of a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum EntryGap {
    /// The layout's `spacing.entry_gap`.
    #[default]
    Entry,
    /// The layout's `spacing.paragraph_gap`.
    Paragraph,
}

/// One header line.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateLine {
    /// Fields flush left, joined by `separator` (empty ones left out): each a field's name, or
    /// an object with its style, link and affixes.
    #[serde(default, deserialize_with = "items")]
    #[schemars(with = "Vec<ItemSpec>")]
    pub left: Vec<Item>,
    /// Fields flush right, joined by `separator`: each a field's name, or an object.
    #[serde(default, deserialize_with = "items")]
    #[schemars(with = "Vec<ItemSpec>")]
    pub right: Vec<Item>,
    /// What goes between two fields of one side (text; `{label}` in it stands for the language's
    /// label separator, ": " or " : " in French).
    #[serde(default = "comma")]
    pub separator: String,
    /// The separator's style; by default that of the field before it.
    #[serde(default)]
    pub separator_style: Option<ItemStyle>,
    /// A paragraph that wraps (its left side only), as a skill's "Name: keyword, keyword" line or
    /// a reference's quotation, instead of a header line with parts flush left and right. It is
    /// never the entry's title.
    #[serde(default)]
    pub wrap: bool,
}

fn comma() -> String {
    ", ".to_string()
}

/// A field on a header line, with its style, link and affixes.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Which value of the entry.
    pub field: Field,
    /// Its style; by default bold on the left of the first line, muted on its right, italic
    /// elsewhere.
    #[serde(default)]
    pub style: Option<ItemStyle>,
    /// Whether it links to the entry's `url`.
    #[serde(default)]
    pub link: bool,
    /// Text before the value, shown only with it (`{label}` in it stands for the language's label
    /// separator, ": " or " : " in French).
    #[serde(default)]
    pub prefix: String,
    /// Text after the value, shown only with it (`{label}` as in `prefix`).
    #[serde(default)]
    pub suffix: String,
    /// What goes between it and the field shown before it, instead of the line's separator
    /// (`{label}` as in `prefix`).
    #[serde(default)]
    pub separator: Option<String>,
    /// That separator's style, instead of the line's `separator_style`.
    #[serde(default)]
    pub separator_style: Option<ItemStyle>,
}

/// A field on a header line: its name alone (`"position"`), or an object with its style, link and
/// affixes.
#[derive(Deserialize, JsonSchema)]
#[serde(untagged)]
enum ItemSpec {
    Field(Field),
    Full(Item),
}

/// Reads a list of items, each a field name or an object.
fn items<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Item>, D::Error> {
    let specs = Vec::<ItemSpec>::deserialize(deserializer)?;
    Ok(specs
        .into_iter()
        .map(|spec| match spec {
            ItemSpec::Field(field) => Item {
                field,
                style: None,
                link: false,
                prefix: String::new(),
                suffix: String::new(),
                separator: None,
                separator_style: None,
            },
            ItemSpec::Full(item) => item,
        })
        .collect())
}

/// The values an entry template can show (the JSON Resume key of each, except `dates`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    /// The employer (`work`), or the name of a certificate, publication or project.
    Name,
    /// The organisation one volunteered for.
    Organization,
    /// The job or role title.
    Position,
    /// Where the job was.
    Location,
    /// The dates: a range (start – end) or a single date, as the layout's date format says.
    Dates,
    /// The school or university.
    Institution,
    /// The kind of degree ("Bachelor of Science").
    StudyType,
    /// The field of study.
    Area,
    /// A grade or GPA.
    Score,
    /// An award's title.
    Title,
    /// Who gave an award.
    Awarder,
    /// Who issued a certificate.
    Issuer,
    /// Who published a publication.
    Publisher,
    /// The organisation a project was for.
    Entity,
    /// The kind of project.
    Type,
    /// The roles one had in a project (joined by the line's separator).
    Roles,
    /// A skill's or interest's keywords, or a project's, joined by the language's list separator.
    Keywords,
    /// A skill's level.
    Level,
    /// A language spoken.
    Language,
    /// How well it is spoken.
    Fluency,
    /// A reference's words.
    Reference,
}

impl Field {
    /// The name of the field in layout files.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Organization => "organization",
            Field::Position => "position",
            Field::Location => "location",
            Field::Dates => "dates",
            Field::Institution => "institution",
            Field::StudyType => "studyType",
            Field::Area => "area",
            Field::Score => "score",
            Field::Title => "title",
            Field::Awarder => "awarder",
            Field::Issuer => "issuer",
            Field::Publisher => "publisher",
            Field::Entity => "entity",
            Field::Type => "type",
            Field::Roles => "roles",
            Field::Keywords => "keywords",
            Field::Level => "level",
            Field::Language => "language",
            Field::Fluency => "fluency",
            Field::Reference => "reference",
        }
    }
}

/// A contact item of the header, each linked where it can be (e-mail, telephone, web).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ContactField {
    /// `basics.email`.
    Email,
    /// `basics.phone`.
    Phone,
    /// `basics.location`: city and region, else the country code.
    Location,
    /// `basics.url`, shown without its scheme.
    Url,
    /// Each of `basics.profiles` that is not the web site again.
    Profiles,
}

/// The style of a field or separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum ItemStyle {
    /// Bold body text.
    Strong,
    /// Italic body text.
    Emphasis,
    /// Body text in the muted colour.
    Muted,
    /// Plain body text.
    Body,
}

/// What follows an entry's header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum BodyPart {
    /// `description`, as paragraphs.
    Description,
    /// `summary`, as paragraphs.
    Summary,
    /// `highlights`, as bullets.
    Highlights,
    /// `courses` (education), as one line.
    Courses,
    /// `keywords` (projects), as one muted line labelled in the resume's language
    /// ("Technologies: …").
    Keywords,
}

impl BodyPart {
    /// The name of the part in layout files.
    pub fn key(self) -> &'static str {
        match self {
            BodyPart::Description => "description",
            BodyPart::Summary => "summary",
            BodyPart::Highlights => "highlights",
            BodyPart::Courses => "courses",
            BodyPart::Keywords => "keywords",
        }
    }
}

/// The built-in templates, read from `entries.json`.
mod defaults {
    use super::{ContactField, EntryTemplate};
    use std::sync::OnceLock;

    /// The templates every layout starts from.
    fn all() -> &'static serde_json::Map<String, serde_json::Value> {
        static ALL: OnceLock<serde_json::Map<String, serde_json::Value>> = OnceLock::new();
        ALL.get_or_init(|| {
            // The file is part of the crate and checked by a test.
            serde_json::from_str(include_str!("entries.json")).unwrap_or_default()
        })
    }

    fn template(section: &str) -> EntryTemplate {
        all()
            .get(section)
            .and_then(|value| serde_json::from_value(value.clone()).ok())
            .unwrap_or(EntryTemplate {
                lines: Vec::new(),
                body: Vec::new(),
                gap: super::EntryGap::Entry,
                inline: false,
            })
    }

    pub(super) fn work() -> EntryTemplate {
        template("work")
    }
    pub(super) fn volunteer() -> EntryTemplate {
        template("volunteer")
    }
    pub(super) fn education() -> EntryTemplate {
        template("education")
    }
    pub(super) fn awards() -> EntryTemplate {
        template("awards")
    }
    pub(super) fn certificates() -> EntryTemplate {
        template("certificates")
    }
    pub(super) fn publications() -> EntryTemplate {
        template("publications")
    }
    pub(super) fn projects() -> EntryTemplate {
        template("projects")
    }
    pub(super) fn skills() -> EntryTemplate {
        template("skills")
    }
    pub(super) fn interests() -> EntryTemplate {
        template("interests")
    }
    pub(super) fn languages() -> EntryTemplate {
        template("languages")
    }
    pub(super) fn references() -> EntryTemplate {
        template("references")
    }
    pub(super) fn contact() -> Vec<ContactField> {
        all()
            .get("contact")
            .and_then(|value| serde_json::from_value(value.clone()).ok())
            .unwrap_or_default()
    }

    #[cfg(test)]
    mod tests {
        use super::super::Entries;

        #[test]
        fn the_built_in_templates_parse() {
            let parsed: Entries =
                serde_json::from_str(include_str!("entries.json")).expect("entries.json parses");
            assert_eq!(parsed, Entries::default());
            assert!(parsed.all().iter().all(|s| !s.template.lines.is_empty()));
            assert_eq!(parsed.contact.len(), 5);
        }
    }
}
