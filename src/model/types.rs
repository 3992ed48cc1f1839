//! The typed resume: JSON Resume 1.x sections with every field of the schema.
//!
//! All text is trimmed and never empty (`None` instead); lists hold no empty items. Field names are
//! the schema's in snake case (`studyType` → `study_type`); dates are [`DateValue`] / [`EndDate`].

use super::date::{DateValue, EndDate};

/// A whole resume.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resume {
    /// Name, contact details, summary, location and profiles.
    pub basics: Basics,
    /// Employment history.
    pub work: Vec<Work>,
    /// Volunteer positions.
    pub volunteer: Vec<Volunteer>,
    /// Schools and degrees.
    pub education: Vec<Education>,
    /// Awards and honours.
    pub awards: Vec<Award>,
    /// Certificates and licences.
    pub certificates: Vec<Certificate>,
    /// Papers, books and articles.
    pub publications: Vec<Publication>,
    /// Skill groups with keywords.
    pub skills: Vec<Skill>,
    /// Spoken languages.
    pub languages: Vec<Language>,
    /// Interests with keywords.
    pub interests: Vec<Interest>,
    /// References (quotes from people).
    pub references: Vec<Reference>,
    /// Projects.
    pub projects: Vec<Project>,
    /// Document metadata.
    pub meta: Meta,
}

/// The `basics` section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Basics {
    /// Full name.
    pub name: Option<String>,
    /// Professional title, e.g. "Customer Support Manager".
    pub label: Option<String>,
    /// URL of a photo (pre-1.0 key: `picture`).
    pub image: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number, as written.
    pub phone: Option<String>,
    /// Personal web site (pre-1.0 key: `website`).
    pub url: Option<String>,
    /// A short biography or objective.
    pub summary: Option<String>,
    /// Where the person lives.
    pub location: Location,
    /// Social and professional profiles.
    pub profiles: Vec<Profile>,
}

/// `basics.location`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// Street address; may hold several lines separated by `\n`.
    pub address: Option<String>,
    /// Postal code (`postalCode`).
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2 country code (`countryCode`).
    pub country_code: Option<String>,
    /// State, province or region (pre-1.0 key: `state`).
    pub region: Option<String>,
}

/// An entry of `basics.profiles`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    /// Network name, e.g. "LinkedIn".
    pub network: Option<String>,
    /// User name on that network.
    pub username: Option<String>,
    /// Profile URL.
    pub url: Option<String>,
}

/// An entry of `work`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Work {
    /// Employer (pre-1.0 key: `company`).
    pub name: Option<String>,
    /// Job title.
    pub position: Option<String>,
    /// Employer's web site (pre-1.0 key: `website`).
    pub url: Option<String>,
    /// Where the job was, e.g. "Menlo Park, CA".
    pub location: Option<String>,
    /// What the employer does.
    pub description: Option<String>,
    /// Overview of the role.
    pub summary: Option<String>,
    /// `startDate`.
    pub start: Option<DateValue>,
    /// `endDate`; [`EndDate::Ongoing`] when missing.
    pub end: EndDate,
    /// Achievements, one bullet each.
    pub highlights: Vec<String>,
}

/// An entry of `volunteer`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Volunteer {
    /// Organisation (also read from `name`).
    pub organization: Option<String>,
    /// Role held.
    pub position: Option<String>,
    /// Organisation's web site (pre-1.0 key: `website`).
    pub url: Option<String>,
    /// Overview of the role.
    pub summary: Option<String>,
    /// `startDate`.
    pub start: Option<DateValue>,
    /// `endDate`; [`EndDate::Ongoing`] when missing.
    pub end: EndDate,
    /// Achievements, one bullet each.
    pub highlights: Vec<String>,
}

/// An entry of `education`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Education {
    /// School or university.
    pub institution: Option<String>,
    /// Its web site (pre-1.0 key: `website`).
    pub url: Option<String>,
    /// Field of study, e.g. "Computer Science".
    pub area: Option<String>,
    /// Degree, e.g. "Bachelor" (`studyType`).
    pub study_type: Option<String>,
    /// `startDate`.
    pub start: Option<DateValue>,
    /// `endDate`; [`EndDate::Ongoing`] when missing.
    pub end: EndDate,
    /// Grade, e.g. "3.67/4.0" (pre-1.0 key: `gpa`).
    pub score: Option<String>,
    /// Notable courses.
    pub courses: Vec<String>,
}

/// An entry of `awards`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Award {
    /// What the award is.
    pub title: Option<String>,
    /// When it was received (pre-1.0 key: `awardDate`).
    pub date: Option<DateValue>,
    /// Who gave it.
    pub awarder: Option<String>,
    /// What it was for.
    pub summary: Option<String>,
}

/// An entry of `certificates`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Certificate {
    /// Certificate name.
    pub name: Option<String>,
    /// When it was issued.
    pub date: Option<DateValue>,
    /// Verification or information URL (also read from `website`).
    pub url: Option<String>,
    /// Issuing body.
    pub issuer: Option<String>,
}

/// An entry of `publications`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Publication {
    /// Title.
    pub name: Option<String>,
    /// Publisher or venue.
    pub publisher: Option<String>,
    /// `releaseDate` (also read from `date`).
    pub release_date: Option<DateValue>,
    /// Where to read it (pre-1.0 key: `website`).
    pub url: Option<String>,
    /// Short description.
    pub summary: Option<String>,
}

/// An entry of `skills`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skill {
    /// Skill group, e.g. "Customer service tools".
    pub name: Option<String>,
    /// Proficiency, e.g. "Advanced".
    pub level: Option<String>,
    /// Concrete items, e.g. "Zendesk".
    pub keywords: Vec<String>,
}

/// An entry of `languages`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Language {
    /// Language name (pre-1.0 key: `name`).
    pub language: Option<String>,
    /// Proficiency (pre-1.0 key: `level`).
    pub fluency: Option<String>,
}

/// An entry of `interests`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interest {
    /// Interest, e.g. "Cycling".
    pub name: Option<String>,
    /// Details.
    pub keywords: Vec<String>,
}

/// An entry of `references`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reference {
    /// Who gives the reference.
    pub name: Option<String>,
    /// What they say.
    pub reference: Option<String>,
}

/// An entry of `projects`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Project {
    /// Project name.
    pub name: Option<String>,
    /// Short description (also read from `summary`).
    pub description: Option<String>,
    /// Achievements or features, one bullet each.
    pub highlights: Vec<String>,
    /// Technologies or topics.
    pub keywords: Vec<String>,
    /// `startDate`.
    pub start: Option<DateValue>,
    /// `endDate`; [`EndDate::Ongoing`] when missing.
    pub end: EndDate,
    /// Project URL (pre-1.0 key: `website`).
    pub url: Option<String>,
    /// Roles held, e.g. "Team lead".
    pub roles: Vec<String>,
    /// Company or organisation the project was for.
    pub entity: Option<String>,
    /// The schema's `type`, e.g. "application", "talk".
    pub kind: Option<String>,
}

/// The `meta` section.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// URL of the latest version of this document (pre-1.0 key: `url`).
    pub canonical: Option<String>,
    /// Document version, e.g. "v1.0.0".
    pub version: Option<String>,
    /// Last change, as written (`lastModified`, usually `YYYY-MM-DDThh:mm:ss`).
    pub last_modified: Option<String>,
    /// Language of the resume as a BCP 47 tag (`language`, e.g. `"de"`), used for headings, month
    /// names and "Present". Not in the 1.x schema, but read by themes and by resumepdf. When the
    /// resume gives none, the parser guesses it from a script that tells one language (Chinese,
    /// Japanese, Korean, Russian, Arabic, Persian, Hebrew).
    pub language: Option<String>,
}

/// Entries that span a period: work, volunteer, education and projects.
pub trait Dated {
    /// The start date, if any.
    fn start(&self) -> Option<&DateValue>;
    /// The end date ([`EndDate::Ongoing`] when none was given).
    fn end(&self) -> &EndDate;
    /// True when the entry has a start date or an end that is not [`EndDate::Ongoing`]; an undated
    /// entry should be shown without a date range (not as "– Present").
    fn is_dated(&self) -> bool {
        self.start().is_some() || !self.end().is_ongoing()
    }
}

macro_rules! impl_dated {
    ($($t:ty),*) => {$(
        impl Dated for $t {
            fn start(&self) -> Option<&DateValue> {
                self.start.as_ref()
            }
            fn end(&self) -> &EndDate {
                &self.end
            }
        }
    )*};
}
impl_dated!(Work, Volunteer, Education, Project);
