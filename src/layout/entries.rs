//! Entry templates: how each entry of a dated section (work, volunteer, education, awards,
//! certificates, publications, projects) is drawn — which fields go on which header line, left or
//! right, in which style, with which separators, and what follows the header. A layout gives
//! them in `"entries"`; a section it leaves out keeps the built-in template of
//! `src/layout/entries.json` (today's look: the organisation in bold with the dates flush right,
//! the position in italics under it with the place).
//!
//! Empty fields are dropped with their separator, so no line ever shows a dangling " — ".

use serde::Deserialize;

/// The templates of every dated section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
        }
    }
}

impl Entries {
    /// Each section's template with its key in `entries`, the fields its entries have and the
    /// parts their bodies may have.
    pub fn all(&self) -> [Section<'_>; 7] {
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
                &[Name, Entity, Type, Roles, Dates],
                &[Description, Highlights, Keywords],
            ),
        ]
    }
}

/// A dated section's template and what its entries have.
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
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryTemplate {
    /// The header lines, each with a part flush left and a part flush right. The first line's
    /// left part is the entry's title (a heading to screen readers); when it is empty, the next
    /// line's left part moves up.
    pub lines: Vec<TemplateLine>,
    /// What follows the header, in order.
    #[serde(default)]
    pub body: Vec<BodyPart>,
}

/// One header line.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateLine {
    /// Fields flush left, joined by `separator` (empty ones left out).
    #[serde(default, deserialize_with = "items")]
    pub left: Vec<Item>,
    /// Fields flush right, joined by `separator`.
    #[serde(default, deserialize_with = "items")]
    pub right: Vec<Item>,
    /// What goes between two fields of one side.
    #[serde(default = "comma")]
    pub separator: String,
    /// The separator's style; by default that of the field before it.
    #[serde(default)]
    pub separator_style: Option<ItemStyle>,
}

fn comma() -> String {
    ", ".to_string()
}

/// A field on a header line, with its style, link and affixes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
    /// Text before the value (only when the value is shown).
    #[serde(default)]
    pub prefix: String,
    /// Text after the value.
    #[serde(default)]
    pub suffix: String,
    /// What goes between it and the field shown before it, instead of the line's separator.
    #[serde(default)]
    pub separator: Option<String>,
}

/// An item as a layout file may write it: its field's name alone, or the whole object.
#[derive(Deserialize)]
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
            },
            ItemSpec::Full(item) => item,
        })
        .collect())
}

/// The values an entry template can show (the JSON Resume key of each, except `dates`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
        }
    }
}

/// The style of a field or separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
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
    /// `keywords` (projects), as one muted line.
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
    use super::EntryTemplate;
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

    #[cfg(test)]
    mod tests {
        use super::super::Entries;

        #[test]
        fn the_built_in_templates_parse() {
            let parsed: Entries =
                serde_json::from_str(include_str!("entries.json")).expect("entries.json parses");
            assert_eq!(parsed, Entries::default());
            assert!(parsed.all().iter().all(|s| !s.template.lines.is_empty()));
        }
    }
}
