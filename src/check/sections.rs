//! Skills, leadership and professional development.

use std::sync::LazyLock;

use super::text::{fold, is_number, words};
use super::{Category, Cx, Finding, Severity};

pub(super) fn check(cx: &Cx, out: &mut Vec<Finding>) {
    skills(cx, out);
    leadership(cx, out);
    development(cx, out);
}

fn skills(cx: &Cx, out: &mut Vec<Finding>) {
    let skills = &cx.resume.skills;
    if skills.is_empty() {
        out.push(Finding::new(
            Severity::Warning,
            Category::Skills,
            "skills.missing",
            "$.skills",
            "no skills section",
            "Add `skills` with a few groups (e.g. \"Tools\", \"Team leadership\") that list \
             concrete keywords: the systems you use (Zendesk, Salesforce, Excel…) and methods.",
        ));
        return;
    }
    if skills.iter().all(|s| s.keywords.is_empty()) {
        out.push(Finding::new(
            Severity::Warning,
            Category::Skills,
            "skills.no-keywords",
            "$.skills",
            "no skill lists keywords",
            "Give each skill group `keywords` naming concrete tools and methods; applicant \
             tracking systems match on them.",
        ));
        return;
    }
    for (i, s) in skills.iter().enumerate() {
        if s.keywords.is_empty() {
            let name = s.name.as_deref().unwrap_or("(unnamed)");
            out.push(Finding::new(
                Severity::Info,
                Category::Skills,
                "skills.group-without-keywords",
                format!("$.skills[{i}].keywords"),
                format!("the skill \"{name}\" lists no keywords"),
                "Name the tools or methods behind it in `keywords`.",
            ));
        }
    }
}

/// Words that show leading people (compared folded), with the kind of evidence they are.
const LEADERSHIP_WORDS: &[(&str, &str)] = &[
    ("lead", "leading"),
    ("led", "leading"),
    ("leader", "leading"),
    ("leadership", "leading"),
    ("manage", "leading"),
    ("manager", "leading"),
    ("management", "leading"),
    ("supervise", "leading"),
    ("supervisor", "leading"),
    ("head", "leading"),
    ("oversaw", "leading"),
    ("oversee", "leading"),
    ("direct", "leading"),
    ("director", "leading"),
    ("captain", "leading"),
    ("chair", "leading"),
    ("mentor", "mentoring"),
    ("coach", "mentoring"),
    ("tutor", "mentoring"),
    ("train", "training"),
    ("trainer", "training"),
    ("taught", "training"),
    ("teach", "training"),
    ("onboard", "training"),
    ("hire", "hiring"),
    ("hired", "hiring"),
    ("recruit", "hiring"),
    ("interview", "hiring"),
];

/// Leadership nouns that count only in titles (positions, the label, project roles).
const TITLE_NOUNS: &[&str] = &[
    "manager",
    "managers",
    "supervisor",
    "supervisors",
    "director",
    "directors",
    "head",
    "heads",
    "captain",
    "chair",
    "leader",
    "leaders",
    "lead",
    "leads",
    "trainer",
    "mentor",
    "coach",
];

/// People a person can lead (compared folded).
const PEOPLE: &[&str] = &[
    "agents",
    "engineers",
    "developers",
    "people",
    "persons",
    "staff",
    "employees",
    "associates",
    "representatives",
    "reps",
    "analysts",
    "members",
    "students",
    "volunteers",
    "interns",
    "designers",
    "nurses",
    "teachers",
    "managers",
    "specialists",
    "technicians",
    "workers",
    "direct",
    "consultants",
    "researchers",
    "scientists",
    "leads",
    "supervisors",
    "colleagues",
    "hires",
    "trainees",
    "apprentices",
    "headcount",
    "FTEs",
];

/// Words that give an amount of people.
const COUNT_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "fifteen", "twenty", "thirty", "forty", "fifty", "dozen", "hundred",
];

/// [`PEOPLE`] folded (see [`fold`]), once: every word after an amount is compared with them.
static PEOPLE_FOLDED: LazyLock<Vec<String>> =
    LazyLock::new(|| PEOPLE.iter().map(|p| fold(p)).collect());

/// The roots of [`LEADERSHIP_WORDS`] folded, in the same order, once: every word of a resume is
/// compared with them (folding them for each word took 20 s of checking a 10 MB resume).
static LEADERSHIP_ROOTS_FOLDED: LazyLock<Vec<String>> = LazyLock::new(|| {
    LEADERSHIP_WORDS
        .iter()
        .map(|(root, _)| fold(root))
        .collect()
});

/// True when the words mention a team size: "team of 8", "12 agents", "a 5-person team",
/// "six direct reports".
fn team_size(words: &[String]) -> bool {
    let amount = |w: &str| {
        is_number(w.trim_end_matches('+'))
            || COUNT_WORDS.contains(&w)
            || w.split('-').next().is_some_and(|head| {
                is_number(head) && (w.ends_with("person") || w.ends_with("people"))
            })
    };
    for (i, w) in words.iter().enumerate() {
        if !amount(w) {
            continue;
        }
        if w.ends_with("person") || w.ends_with("people") {
            return true;
        }
        let before = &words[i.saturating_sub(2)..i];
        if before.iter().any(|b| b == "of")
            && words[..i].iter().rev().take(3).any(|b| {
                ["team", "teams", "group", "staff", "crew", "department"].contains(&b.as_str())
            })
        {
            return true;
        }
        if words[i + 1..]
            .iter()
            .take(3)
            .any(|next| PEOPLE_FOLDED.contains(&fold(next)))
        {
            return true;
        }
    }
    false
}

fn leadership(cx: &Cx, out: &mut Vec<Finding>) {
    let r = cx.resume;
    // (text, is a title): titles such as "Support Manager" show leadership by their nouns;
    // elsewhere "the manager" may be someone else, so only verbs count there.
    let mut texts: Vec<(&str, bool)> = Vec::new();
    texts.extend(r.basics.label.as_deref().map(|t| (t, true)));
    texts.extend(r.basics.summary.as_deref().map(|t| (t, false)));
    for w in &r.work {
        texts.extend(w.position.as_deref().map(|t| (t, true)));
        texts.extend(w.summary.as_deref().map(|t| (t, false)));
    }
    for v in &r.volunteer {
        texts.extend(v.position.as_deref().map(|t| (t, true)));
        texts.extend(v.summary.as_deref().map(|t| (t, false)));
    }
    for p in &r.projects {
        texts.extend(p.roles.iter().map(|t| (t.as_str(), true)));
    }
    texts.extend(cx.bullets().iter().map(|b| (b.text, false)));
    let mut kinds: Vec<&str> = Vec::new();
    let mut sized = false;
    for (text, title) in &texts {
        let lower: Vec<String> = words(text).into_iter().map(str::to_lowercase).collect();
        for w in &lower {
            let folded = fold(w);
            if !title && TITLE_NOUNS.contains(&w.as_str()) {
                continue;
            }
            if let Some(((_, kind), _)) = LEADERSHIP_WORDS
                .iter()
                .zip(LEADERSHIP_ROOTS_FOLDED.iter())
                .find(|((root, _), root_folded)| **root_folded == folded || *root == w.as_str())
                && !kinds.contains(kind)
            {
                kinds.push(kind);
            }
        }
        sized |= team_size(&lower);
    }
    if kinds.is_empty() && !cx.english {
        return; // the leadership words are English
    }
    if kinds.is_empty() {
        out.push(Finding::new(
            Severity::Warning,
            Category::Leadership,
            "leadership.none",
            "$.work",
            "no sign of leadership: nothing about leading, training, mentoring or hiring people",
            "If you have done it, say so with numbers: \"Trained 6 new agents\", \"Led a team of \
             8\", \"Mentored 3 junior engineers\" (projects, shifts and volunteering count too).",
        ));
    } else if !sized {
        out.push(Finding::new(
            Severity::Info,
            Category::Leadership,
            "leadership.team-size",
            "$.work",
            format!("leadership shown ({}) but no team size", kinds.join(", ")),
            "Say how many people: \"Led a team of 8\", \"Coached 12 agents\".",
        ));
    }
}

fn development(cx: &Cx, out: &mut Vec<Finding>) {
    let r = cx.resume;
    if !r.certificates.is_empty() {
        return;
    }
    let courses = r.education.iter().any(|e| !e.courses.is_empty());
    let course_like = |t: &str| {
        let t = t.to_lowercase();
        [
            "certif", "course", "training", "bootcamp", "workshop", "diploma", "licen",
        ]
        .iter()
        .any(|k| t.contains(k))
    };
    let training_entry = r.education.iter().any(|e| {
        e.study_type.as_deref().is_some_and(course_like)
            || e.area.as_deref().is_some_and(course_like)
    });
    let award_like = r
        .awards
        .iter()
        .any(|a| a.title.as_deref().is_some_and(course_like));
    if courses || training_entry || award_like {
        return;
    }
    out.push(Finding::new(
        Severity::Warning,
        Category::Leadership,
        "development.none",
        "$.certificates",
        "no certificates, courses or training listed",
        "Add a `certificates` section (or `courses` under education) with recent \
         certifications and training, e.g. \"HDI Support Center Team Lead, 2022\".",
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(text: &str) -> Vec<String> {
        words(text).into_iter().map(str::to_lowercase).collect()
    }

    #[test]
    fn team_sizes() {
        for yes in [
            "Led a team of 8 agents",
            "Coached 12 agents",
            "Supervised six direct reports",
            "Ran a 5-person team",
            "Managed a support team of twelve",
        ] {
            assert!(team_size(&lower(yes)), "{yes}");
        }
        for no in ["Led the migration to Kubernetes", "Cut costs by 12%"] {
            assert!(!team_size(&lower(no)), "{no}");
        }
    }
}
