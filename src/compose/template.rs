//! What an entry template (see `layout::entries`) reads from each kind of entry: the value of
//! each field, the link, and the body parts. The drawing itself is `Composer::templated`.

use crate::layout::{BodyPart, Dates, Field};
use crate::model::{
    Award, Certificate, DateValue, Dated, Education, Interest, Language, Project, Publication,
    Reference, Skill, Volunteer, Work,
};

use super::dates::{format_range, format_value};
use crate::i18n::Locale;

/// How dates are written: the layout's format in the resume's language.
pub(super) struct DateStyle<'a> {
    pub dates: &'a Dates,
    pub locale: &'a Locale,
}

impl DateStyle<'_> {
    /// A start–end range, when the entry gives either end.
    fn range(&self, entry: &impl Dated) -> Option<String> {
        entry
            .is_dated()
            .then(|| format_range(entry.start(), entry.end(), self.dates, self.locale))
            .flatten()
    }

    /// A single date.
    fn single(&self, date: Option<&DateValue>) -> Option<String> {
        date.map(|d| format_value(d, self.dates.format, self.locale))
    }
}

/// A part of an entry's body.
pub(super) enum Body<'a> {
    /// Free text, as paragraphs.
    Text(&'a str),
    /// Bullets.
    Bullets(&'a [String]),
    /// Education courses, as one line.
    Courses(&'a [String]),
    /// Project keywords, as one labelled muted line.
    Keywords(&'a [String]),
    /// The entry has no such part.
    None,
}

/// An entry an entry template can draw.
pub(super) trait EntryFields {
    /// The value of `field` (`None` when the entry has none, or no such field).
    fn value(&self, field: Field, dates: &DateStyle<'_>) -> Option<String>;
    /// The values of `field`: one, or none, or each of a list (a project's roles, keywords).
    fn values(&self, field: Field, dates: &DateStyle<'_>) -> Vec<String> {
        self.value(field, dates).into_iter().collect()
    }
    /// The entry's `url` (skills, interests, languages and references have none).
    fn url(&self) -> Option<&str> {
        None
    }
    /// A part of its body (skills, interests, languages and references have none).
    fn body(&self, _: BodyPart) -> Body<'_> {
        Body::None
    }
}

fn text(value: &Option<String>) -> Option<String> {
    value.clone()
}

/// A project type as a label: "library" becomes "Library". A first word with capitals of its
/// own ("iOS app") is left as written.
fn capitalised(value: &Option<String>) -> Option<String> {
    let value = value.as_deref()?;
    let first_word = value.split_whitespace().next().unwrap_or_default();
    if first_word.chars().any(char::is_uppercase) {
        return Some(value.to_string());
    }
    let mut chars = value.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

fn prose(value: &Option<String>) -> Body<'_> {
    value.as_deref().map_or(Body::None, Body::Text)
}

impl EntryFields for Work {
    fn value(&self, field: Field, dates: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Name => text(&self.name),
            Field::Position => text(&self.position),
            Field::Location => text(&self.location),
            Field::Dates => dates.range(self),
            _ => None,
        }
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    fn body(&self, part: BodyPart) -> Body<'_> {
        match part {
            BodyPart::Description => prose(&self.description),
            BodyPart::Summary => prose(&self.summary),
            BodyPart::Highlights => Body::Bullets(&self.highlights),
            _ => Body::None,
        }
    }
}

impl EntryFields for Volunteer {
    fn value(&self, field: Field, dates: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Organization => text(&self.organization),
            Field::Position => text(&self.position),
            Field::Dates => dates.range(self),
            _ => None,
        }
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    fn body(&self, part: BodyPart) -> Body<'_> {
        match part {
            BodyPart::Summary => prose(&self.summary),
            BodyPart::Highlights => Body::Bullets(&self.highlights),
            _ => Body::None,
        }
    }
}

impl EntryFields for Education {
    fn value(&self, field: Field, dates: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Institution => text(&self.institution),
            Field::StudyType => text(&self.study_type),
            Field::Area => text(&self.area),
            Field::Score => text(&self.score),
            Field::Dates => dates.range(self),
            _ => None,
        }
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    fn body(&self, part: BodyPart) -> Body<'_> {
        match part {
            BodyPart::Courses => Body::Courses(&self.courses),
            _ => Body::None,
        }
    }
}

impl EntryFields for Award {
    fn value(&self, field: Field, dates: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Title => text(&self.title),
            Field::Awarder => text(&self.awarder),
            Field::Dates => dates.single(self.date.as_ref()),
            _ => None,
        }
    }
    fn body(&self, part: BodyPart) -> Body<'_> {
        match part {
            BodyPart::Summary => prose(&self.summary),
            _ => Body::None,
        }
    }
}

impl EntryFields for Certificate {
    fn value(&self, field: Field, dates: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Name => text(&self.name),
            Field::Issuer => text(&self.issuer),
            Field::Dates => dates.single(self.date.as_ref()),
            _ => None,
        }
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
}

impl EntryFields for Publication {
    fn value(&self, field: Field, dates: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Name => text(&self.name),
            Field::Publisher => text(&self.publisher),
            Field::Dates => dates.single(self.release_date.as_ref()),
            _ => None,
        }
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    fn body(&self, part: BodyPart) -> Body<'_> {
        match part {
            BodyPart::Summary => prose(&self.summary),
            _ => Body::None,
        }
    }
}

impl EntryFields for Project {
    fn value(&self, field: Field, dates: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Name => text(&self.name),
            Field::Entity => text(&self.entity),
            Field::Type => capitalised(&self.kind),
            Field::Dates => dates.range(self),
            _ => None,
        }
    }
    fn values(&self, field: Field, dates: &DateStyle<'_>) -> Vec<String> {
        match field {
            Field::Roles => self.roles.clone(),
            Field::Keywords => self.keywords.clone(),
            _ => self.value(field, dates).into_iter().collect(),
        }
    }
    fn url(&self) -> Option<&str> {
        self.url.as_deref()
    }
    fn body(&self, part: BodyPart) -> Body<'_> {
        match part {
            BodyPart::Description => prose(&self.description),
            BodyPart::Highlights => Body::Bullets(&self.highlights),
            BodyPart::Keywords => Body::Keywords(&self.keywords),
            _ => Body::None,
        }
    }
}

impl EntryFields for Skill {
    fn value(&self, field: Field, _: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Name => text(&self.name),
            Field::Level => text(&self.level),
            _ => None,
        }
    }
    fn values(&self, field: Field, dates: &DateStyle<'_>) -> Vec<String> {
        match field {
            Field::Keywords => self.keywords.clone(),
            _ => self.value(field, dates).into_iter().collect(),
        }
    }
}

impl EntryFields for Interest {
    fn value(&self, field: Field, _: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Name => text(&self.name),
            _ => None,
        }
    }
    fn values(&self, field: Field, dates: &DateStyle<'_>) -> Vec<String> {
        match field {
            Field::Keywords => self.keywords.clone(),
            _ => self.value(field, dates).into_iter().collect(),
        }
    }
}

impl EntryFields for Language {
    fn value(&self, field: Field, _: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Language => text(&self.language),
            Field::Fluency => text(&self.fluency),
            _ => None,
        }
    }
}

impl EntryFields for Reference {
    fn value(&self, field: Field, _: &DateStyle<'_>) -> Option<String> {
        match field {
            Field::Name => text(&self.name),
            Field::Reference => text(&self.reference),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::capitalised;

    #[test]
    fn a_project_type_reads_as_a_label_unless_it_has_capitals_of_its_own() {
        let label = |s: &str| capitalised(&Some(s.to_string()));
        assert_eq!(label("library").as_deref(), Some("Library"));
        assert_eq!(
            label("open source tool").as_deref(),
            Some("Open source tool")
        );
        assert_eq!(label("iOS app").as_deref(), Some("iOS app"));
        assert_eq!(label("élan").as_deref(), Some("Élan"));
        assert_eq!(capitalised(&None), None);
    }
}
