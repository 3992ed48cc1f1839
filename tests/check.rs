//! `check`: each content rule triggered by a small resume, the strong sample clean, job-ad coverage
//! figures, the score formula, the report formats, the command and the real-world corpus.

use std::path::{Path, PathBuf};

use resumepdf::check::{self, Report, Severity};
use resumepdf::fonts::FontBook;
use resumepdf::layout;
use resumepdf::model::{self, PartialDate};
use serde_json::{Value, json};

/// A fixed "today" so that date findings do not change with the calendar.
fn today() -> PartialDate {
    PartialDate::new(2026, Some(11), Some(15)).expect("valid date")
}

fn check_with(source: &str, job: Option<&str>) -> Report {
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).expect("classic layout loads");
    let mut parsed = model::parse(source).expect("test resume parses");
    model::normalize(&mut parsed.resume);
    let length = length(source, &layout, &fonts, &parsed.resume);
    check::check(
        &parsed.resume,
        source,
        job,
        &layout,
        &fonts,
        &length,
        today(),
    )
}

/// The length of the resume as the `check` command measures it.
fn length(
    source: &str,
    layout: &layout::Layout,
    fonts: &FontBook,
    resume: &model::Resume,
) -> check::Length {
    let request = resumepdf::Request::new(source, layout, fonts);
    check::measure_length(&request, resume, today()).expect("renders")
}

fn check_json(value: &Value) -> Report {
    check_with(&value.to_string(), None)
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Asserts that `rule` fired at `severity` on `path` and returns the finding's message.
#[track_caller]
fn expect(report: &Report, rule: &str, severity: Severity, path: &str) -> String {
    match report
        .findings
        .iter()
        .find(|f| f.rule == rule && f.path == path)
    {
        Some(f) => {
            assert_eq!(f.severity, severity, "{rule} at {path}: {f:?}");
            assert!(!f.suggestion().is_empty(), "{rule} has a suggestion");
            f.message.clone()
        }
        None => panic!("expected {rule} at {path}; found:\n{}", listing(report)),
    }
}

#[track_caller]
fn expect_none(report: &Report, rule: &str) {
    let hits: Vec<_> = report.rule(rule).collect();
    assert!(hits.is_empty(), "unexpected {rule}: {hits:#?}");
}

fn listing(report: &Report) -> String {
    report
        .findings
        .iter()
        .map(|f| format!("  {} {} {}: {}\n", f.severity, f.rule, f.path, f.message))
        .collect()
}

/// A small resume that breaks no rule (one page, quantified, dated, with skills and a
/// certificate); tests change one thing in it.
fn good() -> Value {
    json!({
        "basics": {
            "name": "Dana Example",
            "label": "Customer Support Team Lead",
            "email": "dana.example@example.com",
            "phone": "+1 555 0100",
            "summary": "Support team lead with eight years in retail and SaaS support. Coaches \
                        agents to resolve issues on first contact and keeps customer \
                        satisfaction above target. Looking to lead a larger support team.",
            "location": { "city": "Denver", "region": "Colorado", "countryCode": "US" }
        },
        "work": [
            {
                "name": "Brightdesk",
                "position": "Support Team Lead",
                "startDate": "2021-03",
                "highlights": [
                    "Led a team of 8 agents, raising CSAT from 86% to 93% in a year.",
                    "Cut first response time from 9 hours to 40 minutes with new macros.",
                    "Trained 12 new hires in a two-week onboarding programme."
                ]
            },
            {
                "name": "Corner Books",
                "position": "Sales Associate",
                "startDate": "2018-01",
                "endDate": "2021-02",
                "highlights": [
                    "Handled about 60 customer queries a day at the service desk.",
                    "Resolved 95% of complaints without a manager."
                ]
            }
        ],
        "education": [
            {
                "institution": "Front Range College",
                "area": "Business",
                "studyType": "Associate",
                "startDate": "2015-09",
                "endDate": "2017-06"
            }
        ],
        "certificates": [{ "name": "Zendesk Support Administrator", "date": "2022-05" }],
        "skills": [{ "name": "Tools", "keywords": ["Zendesk", "Salesforce", "Excel"] }]
    })
}

/// `good()` with the value at `pointer` (a JSON pointer) replaced, or removed when `None`.
fn with(pointer: &str, value: Option<Value>) -> Value {
    let mut v = good();
    let (parent, key) = pointer.rsplit_once('/').expect("pointer has a parent");
    let target = v.pointer_mut(parent).expect("parent exists");
    match (target, value) {
        (Value::Object(map), Some(value)) => {
            map.insert(key.to_string(), value);
        }
        (Value::Object(map), None) => {
            map.remove(key);
        }
        (Value::Array(items), Some(value)) => {
            let index: usize = key.parse().expect("index");
            if index < items.len() {
                items[index] = value;
            } else {
                items.push(value);
            }
        }
        (Value::Array(items), None) => {
            items.remove(key.parse::<usize>().expect("index"));
        }
        _ => panic!("{pointer} is not in an object or array"),
    }
    v
}

// ---------------------------------------------------------------------------------------------
// The baseline

#[test]
fn the_baseline_resume_triggers_nothing_above_info() {
    let report = check_json(&good());
    let serious: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.severity > Severity::Info)
        .collect();
    assert!(serious.is_empty(), "{}", listing(&report));
    assert_eq!(report.score.total, 100, "{:#?}", report.score);
}

#[test]
fn the_strong_sample_triggers_nothing_above_info() {
    let report = check_with(&read("samples/customer-service-supervisor.json"), None);
    assert_eq!(
        report.count(Severity::Error) + report.count(Severity::Warning),
        0,
        "{}",
        listing(&report)
    );
    assert!(!report.has_errors());
    assert_eq!(report.score.total, 100);
    assert_eq!(report.stats.pages, 2);
    assert_eq!(report.stats.bullets, 21);
    assert_eq!(report.stats.quantified, 21);
}

// ---------------------------------------------------------------------------------------------
// 1. Contact

#[test]
fn contact_details_must_be_complete() {
    let r = check_json(&with("/basics/name", None));
    expect(&r, "contact.name-missing", Severity::Error, "$.basics.name");
    assert!(r.has_errors());

    let r = check_json(&with("/basics/label", None));
    expect(
        &r,
        "contact.title-missing",
        Severity::Warning,
        "$.basics.label",
    );

    let r = check_json(&with("/basics/email", None));
    expect(
        &r,
        "contact.email-missing",
        Severity::Error,
        "$.basics.email",
    );

    let r = check_json(&with("/basics/email", Some(json!("dana at example.com"))));
    expect(
        &r,
        "contact.email-invalid",
        Severity::Error,
        "$.basics.email",
    );

    let r = check_json(&with("/basics/phone", None));
    expect(
        &r,
        "contact.phone-missing",
        Severity::Warning,
        "$.basics.phone",
    );

    let r = check_json(&with("/basics/location", None));
    expect(
        &r,
        "contact.location-missing",
        Severity::Warning,
        "$.basics.location",
    );

    let r = check_json(&with("/basics/location", Some(json!({ "city": "Denver" }))));
    expect(
        &r,
        "contact.region-missing",
        Severity::Warning,
        "$.basics.location.region",
    );
}

#[test]
fn informal_email_and_street_address_are_noted() {
    let r = check_json(&with(
        "/basics/email",
        Some(json!("sexy.kitty99@example.com")),
    ));
    let message = expect(
        &r,
        "contact.email-informal",
        Severity::Warning,
        "$.basics.email",
    );
    assert!(message.contains("sexy"), "{message}");

    let r = check_json(&with(
        "/basics/location/address",
        Some(json!("1600 Main Street")),
    ));
    expect(
        &r,
        "contact.address-given",
        Severity::Info,
        "$.basics.location.address",
    );
    expect_none(&check_json(&good()), "contact.address-given");
}

// ---------------------------------------------------------------------------------------------
// 2. Summary

#[test]
fn summary_must_be_present_and_of_moderate_length() {
    let r = check_json(&with("/basics/summary", None));
    expect(&r, "summary.missing", Severity::Warning, "$.basics.summary");

    let r = check_json(&with("/basics/summary", Some(json!("Hard worker."))));
    expect(&r, "summary.short", Severity::Warning, "$.basics.summary");

    let long =
        "Support lead who keeps queues short and customers happy across every channel. ".repeat(8);
    let r = check_json(&with("/basics/summary", Some(json!(long))));
    let message = expect(&r, "summary.long", Severity::Warning, "$.basics.summary");
    assert!(message.contains("96 words"), "{message}");

    let six = "Leads support. Coaches agents well. Keeps queues short. Loves metrics. \
               Writes macros. Ships fixes fast with product teams and engineers.";
    let r = check_json(&with("/basics/summary", Some(json!(six))));
    expect(&r, "summary.sentences", Severity::Info, "$.basics.summary");
}

// ---------------------------------------------------------------------------------------------
// 3. Quantified achievements

#[test]
fn bullets_without_figures_are_listed_and_a_low_share_warned() {
    let r = check_json(&with(
        "/work/0/highlights",
        Some(json!([
            "Improved customer satisfaction across all channels.",
            "Rewrote the onboarding guide for new agents.",
            "Introduced weekly quality reviews."
        ])),
    ));
    // 2 of 5 bullets keep their figures.
    let message = expect(&r, "achievements.share", Severity::Warning, "$.work");
    assert!(message.starts_with("2 of 5 bullets (40%)"), "{message}");
    for i in 0..3 {
        let path = format!("$.work[0].highlights[{i}]");
        expect(&r, "achievements.no-figure", Severity::Info, &path);
    }
    expect_none(&r, "achievements.no-figure-at-all");
    let points = r
        .score
        .categories
        .iter()
        .find(|c| c.category == check::Category::Achievements)
        .map(|c| c.points);
    assert_eq!(points, Some(8.0), "40% of the 50% target");

    let good = check_json(&good());
    expect(&good, "achievements.share", Severity::Info, "$.work");
    expect_none(&good, "achievements.no-figure");
}

#[test]
fn a_resume_without_bullets_is_warned() {
    let mut v = good();
    for job in v["work"].as_array_mut().expect("work") {
        job.as_object_mut().expect("entry").remove("highlights");
    }
    let r = check_json(&v);
    expect(&r, "achievements.no-bullets", Severity::Warning, "$.work");
    assert_eq!(r.stats.bullets, 0);
}

// ---------------------------------------------------------------------------------------------
// 4. Action verbs and concision

#[test]
fn weak_openings_and_missing_verbs_are_flagged() {
    let r = check_json(&with(
        "/work/1/highlights",
        Some(json!([
            "Responsible for 2 tills and the weekly stock count.",
            "Duties included opening the store at 7am.",
            "Worked on the 3 seasonal displays.",
            "Helped with 40 customer orders a week.",
            "The 5 busiest tills were mine.",
            "60+ calls a day answered on time.",
            "Customer champion for 200 regulars."
        ])),
    ));
    for i in 0..4 {
        expect(
            &r,
            "language.weak-opening",
            Severity::Warning,
            &format!("$.work[1].highlights[{i}]"),
        );
    }
    expect(
        &r,
        "language.no-verb",
        Severity::Warning,
        "$.work[1].highlights[4]",
    );
    expect(
        &r,
        "language.no-verb",
        Severity::Warning,
        "$.work[1].highlights[5]",
    );
    expect(
        &r,
        "language.verb-unclear",
        Severity::Info,
        "$.work[1].highlights[6]",
    );
}

#[test]
fn an_opening_verb_used_more_than_three_times_is_flagged() {
    let bullets = json!([
        "Managed 3 queues.",
        "Managed 2 launches.",
        "Managed a $10k budget.",
        "Managed 4 vendors."
    ]);
    let r = check_json(&with("/work/1/highlights", Some(bullets)));
    let message = expect(
        &r,
        "language.repeated-verb",
        Severity::Warning,
        "$.work[1].highlights[0]",
    );
    assert!(
        message.starts_with("4 bullets open with \"Managed\""),
        "{message}"
    );

    // Three times is fine.
    let bullets = json!([
        "Managed 3 queues.",
        "Managed 2 launches.",
        "Managed 4 vendors."
    ]);
    expect_none(
        &check_json(&with("/work/1/highlights", Some(bullets))),
        "language.repeated-verb",
    );
}

#[test]
fn bullets_longer_than_two_rendered_lines_are_flagged() {
    let long = "Rebuilt the returns process end to end with the warehouse, finance and the \
                e-commerce team, moving refunds from a paper form to a Zendesk workflow, \
                cutting refund time from 9 days to 2, halving chargebacks, and freeing 6 \
                agent-hours a week for proactive outreach to customers with late orders.";
    let r = check_json(&with("/work/1/highlights/2", Some(json!(long))));
    let message = expect(
        &r,
        "language.long-bullet",
        Severity::Warning,
        "$.work[1].highlights[2]",
    );
    assert!(message.starts_with("renders as 3 lines"), "{message}");
    // The baseline bullets (one line each) pass.
    expect_none(&check_json(&good()), "language.long-bullet");
}

// ---------------------------------------------------------------------------------------------
// 5. Skills

#[test]
fn skills_need_a_section_with_keywords() {
    let r = check_json(&with("/skills", None));
    expect(&r, "skills.missing", Severity::Warning, "$.skills");

    let r = check_json(&with("/skills", Some(json!([{ "name": "Tools" }]))));
    expect(&r, "skills.no-keywords", Severity::Warning, "$.skills");

    let r = check_json(&with("/skills/1", Some(json!({ "name": "Coaching" }))));
    expect(
        &r,
        "skills.group-without-keywords",
        Severity::Info,
        "$.skills[1].keywords",
    );
}

// ---------------------------------------------------------------------------------------------
// 6. Leadership and professional development

#[test]
fn leadership_and_development_are_looked_for() {
    let mut v = with("/certificates", None);
    v["basics"]["label"] = json!("Support Specialist");
    v["basics"]["summary"] = json!(
        "Support specialist with eight years in retail and SaaS support. Resolves issues on \
         first contact and keeps customer satisfaction above target."
    );
    v["work"][0]["position"] = json!("Support Specialist");
    v["work"][0]["highlights"] = json!([
        "Raised CSAT from 86% to 93% in a year.",
        "Cut first response time from 9 hours to 40 minutes with new macros."
    ]);
    let r = check_json(&v);
    expect(&r, "leadership.none", Severity::Warning, "$.work");
    expect(&r, "development.none", Severity::Warning, "$.certificates");

    // Leading without a team size.
    v["work"][0]["highlights"][0] = json!("Mentored the newest agents, raising CSAT by 7%.");
    let r = check_json(&v);
    expect_none(&r, "leadership.none");
    let message = expect(&r, "leadership.team-size", Severity::Info, "$.work");
    assert!(message.contains("mentoring"), "{message}");

    // Courses under education count as development.
    v["education"][0]["courses"] = json!(["Conflict resolution workshop"]);
    expect_none(&check_json(&v), "development.none");
}

// ---------------------------------------------------------------------------------------------
// 7. Dates

#[test]
fn dates_must_be_present_ordered_and_not_in_the_future() {
    let r = check_json(&with("/work/1/startDate", None));
    expect(
        &r,
        "dates.missing",
        Severity::Warning,
        "$.work[1].startDate",
    );

    let mut v = with("/work/1/startDate", None);
    v["work"][1]
        .as_object_mut()
        .expect("entry")
        .remove("endDate");
    expect(
        &check_json(&v),
        "dates.missing",
        Severity::Warning,
        "$.work[1]",
    );

    let r = check_json(&with("/work/1/startDate", Some(json!("2022-05"))));
    let message = expect(&r, "dates.order", Severity::Error, "$.work[1]");
    assert_eq!(message, "starts (2022-05) after it ends (2021-02)");

    let r = check_json(&with("/work/0/endDate", Some(json!("2027-01"))));
    expect(&r, "dates.future-end", Severity::Error, "$.work[0].endDate");
    assert!(r.has_errors());

    let r = check_json(&with("/work/0/startDate", Some(json!("2027-02"))));
    expect(
        &r,
        "dates.future-start",
        Severity::Warning,
        "$.work[0].startDate",
    );

    let r = check_json(&with("/education/0/endDate", Some(json!("2027-06"))));
    expect(
        &r,
        "dates.expected",
        Severity::Info,
        "$.education[0].endDate",
    );

    let r = check_json(&with("/work/1/endDate", Some(json!("Summer of that year"))));
    expect(
        &r,
        "dates.unreadable",
        Severity::Warning,
        "$.work[1].endDate",
    );

    // "today" is a parameter: the same end date is fine a year later.
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).expect("layout");
    let source = with("/work/0/endDate", Some(json!("2027-01"))).to_string();
    let mut parsed = model::parse(&source).expect("parses");
    model::normalize(&mut parsed.resume);
    let later = PartialDate::new(2027, Some(12), None).expect("date");
    let length = length(&source, &layout, &fonts, &parsed.resume);
    let r = check::check(
        &parsed.resume,
        &source,
        None,
        &layout,
        &fonts,
        &length,
        later,
    );
    expect_none(&r, "dates.future-end");
}

#[test]
fn gaps_and_overlaps_between_jobs_are_reported_as_info() {
    let r = check_json(&with("/work/0/startDate", Some(json!("2022-01"))));
    let message = expect(&r, "dates.gap", Severity::Info, "$.work[0].startDate");
    assert!(message.starts_with("10 months without a job"), "{message}");
    assert!(
        message.contains("Sales Associate at Corner Books (until Feb 2021)"),
        "{message}"
    );

    // Six months is not reported.
    expect_none(
        &check_json(&with("/work/0/startDate", Some(json!("2021-09")))),
        "dates.gap",
    );

    let r = check_json(&with("/work/0/startDate", Some(json!("2020-06"))));
    let message = expect(&r, "dates.overlap", Severity::Info, "$.work[0]");
    assert!(message.ends_with("overlap by 9 months"), "{message}");
    assert!(!r.has_errors());

    // A part-time role may overlap.
    let mut v = with("/work/0/startDate", Some(json!("2020-06")));
    v["work"][1]["position"] = json!("Sales Associate (part-time)");
    expect_none(&check_json(&v), "dates.overlap");
}

// ---------------------------------------------------------------------------------------------
// 8. Length

#[test]
fn page_count_is_measured_with_the_layout() {
    let r = check_json(&good());
    let message = expect(&r, "length.pages", Severity::Info, "$");
    assert_eq!(
        message,
        "renders as 1 page with layout classic; with 8 years of work history the target is at \
         most 1 page"
    );
    assert_eq!(r.stats.pages, 1);

    // A long career may take two pages; three are a page too many, and the report says what
    // `--pages 2` would do. Two or more pages over the target is an error.
    let (pages, message, suggestion) =
        length_of("samples/senior-engineer-long-career.json", Severity::Error);
    assert!(pages >= 4, "{message}");
    assert!(message.ends_with("the target is 2 pages"), "{message}");
    assert!(
        suggestion.contains("`--pages 2` cannot fit it"),
        "{suggestion}"
    );
}

#[test]
fn an_early_career_on_two_pages_is_told_it_needs_one() {
    let (pages, message, suggestion) = length_of("samples/new-graduate.json", Severity::Warning);
    assert_eq!(pages, 2);
    assert!(
        message.ends_with("with 2 years of work history the target is 1 page"),
        "{message}"
    );
    // Fitting cannot do it within the layout's rules: the report says how much to cut.
    assert!(
        suggestion.contains("`--pages 1` cannot fit it: remove about"),
        "{suggestion}"
    );
}

/// The page count of a sample, and the message and suggestion of its length finding, which must
/// have `severity`.
#[track_caller]
fn length_of(sample: &str, severity: Severity) -> (usize, String, String) {
    let r = check_with(&read(sample), None);
    let message = expect(&r, "length.pages", severity, "$");
    let finding = r.findings.iter().find(|f| f.rule == "length.pages");
    let suggestion = finding
        .map(|f| f.suggestion().to_string())
        .unwrap_or_default();
    (r.stats.pages, message, suggestion)
}

#[test]
fn the_samples_score_over_a_wide_range() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut scores = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("samples/") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let source = std::fs::read_to_string(&path).expect("readable");
            scores.push((check_with(&source, None).score.total, path));
        }
    }
    assert!(scores.len() >= 10, "{scores:?}");
    let (low, high) = (
        scores.iter().map(|s| s.0).min().unwrap(),
        scores.iter().map(|s| s.0).max().unwrap(),
    );
    assert!(high - low >= 30, "{scores:?}");
}

#[test]
fn each_job_term_says_which_line_of_the_ad_it_comes_from() {
    let ad = read("samples/jobs/software-engineer.txt");
    let terms = check::key_terms(&ad);
    let lines: Vec<&str> = ad.lines().collect();
    assert!(terms.len() > 20);
    for term in &terms {
        let line = lines[term.line - 1].to_lowercase();
        let first: String = term.term.to_lowercase().chars().take(3).collect();
        assert!(
            line.contains(&first),
            "{} (line {}): {line}",
            term.term,
            term.line
        );
    }
    // The introduction's sentences about the employer give no terms; the hire's do.
    let shown: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
    for employer in [
        "time-series",
        "data points",
        "milliseconds",
        "industrial monitoring",
    ] {
        assert!(!shown.contains(&employer), "{employer} in {shown:?}");
    }
    assert!(shown.contains(&"compaction") && shown.contains(&"tiered storage"));
}

// ---------------------------------------------------------------------------------------------
// 9. Proofreading

#[test]
fn doubled_words_and_spaces_are_flagged() {
    let r = check_json(&with(
        "/work/1/highlights/0",
        Some(json!(
            "Handled about 60 customer queries a day at the the service desk."
        )),
    ));
    let message = expect(
        &r,
        "proofread.doubled-word",
        Severity::Warning,
        "$.work[1].highlights[0]",
    );
    assert!(message.starts_with("\"the the\""), "{message}");

    let r = check_json(&with(
        "/basics/label",
        Some(json!("Customer Support  Team Lead")),
    ));
    expect(
        &r,
        "proofread.double-space",
        Severity::Warning,
        "$.basics.label",
    );

    // "had had" is English.
    expect_none(
        &check_json(&with(
            "/work/1/highlights/0",
            Some(json!("Closed 40 cases the team had had open for months.")),
        )),
        "proofread.doubled-word",
    );
}

#[test]
fn inconsistent_capitalisation_of_entries_is_flagged() {
    let r = check_json(&with(
        "/work/0/highlights/1",
        Some(json!("cut first response time from 9 hours to 40 minutes.")),
    ));
    let message = expect(
        &r,
        "proofread.capitalisation",
        Severity::Warning,
        "$.work[0].highlights[1]",
    );
    assert!(
        message.starts_with("bullets: 1 of 5 start with a small letter"),
        "{message}"
    );

    let r = check_json(&with(
        "/skills/0/keywords",
        Some(json!(["Zendesk", "Salesforce", "Excel", "google sheets"])),
    ));
    expect(
        &r,
        "proofread.capitalisation",
        Severity::Info,
        "$.skills[0].keywords[3]",
    );
}

#[test]
fn mixed_date_styles_are_read_from_the_source() {
    // The model reads "05/2019" and "May 2019" as ISO dates: only the source shows the mix.
    let mut v = good();
    v["work"][1]["startDate"] = json!("01/2018");
    v["work"][1]["endDate"] = json!("Feb 2021");
    let r = check_json(&v);
    let message = expect(
        &r,
        "proofread.date-style",
        Severity::Warning,
        "$.work[1].startDate",
    );
    assert!(
        message.starts_with("dates are written in 3 styles"),
        "{message}"
    );
    assert!(
        message.contains("MM/YYYY ×1 (at $.work[1].startDate)"),
        "{message}"
    );

    let r = check_json(&with("/work/1/endDate", Some(json!("2021"))));
    expect(
        &r,
        "proofread.date-precision",
        Severity::Info,
        "$.work[1].endDate",
    );
    expect_none(&check_json(&good()), "proofread.date-style");
}

// ---------------------------------------------------------------------------------------------
// Paths point into the file

#[test]
fn paths_use_the_indices_of_the_file_not_the_sorted_order() {
    // Oldest job first in the file; normalization puts it second.
    let r = check_with(&read("tests/data/check/chronological.json"), None);
    expect(
        &r,
        "language.weak-opening",
        Severity::Warning,
        "$.work[1].highlights[0]",
    );
    expect(
        &r,
        "achievements.no-figure",
        Severity::Info,
        "$.work[1].highlights[0]",
    );
    expect(&r, "dates.gap", Severity::Info, "$.work[1].startDate");
}

// ---------------------------------------------------------------------------------------------
// 10. Job fit

#[test]
fn the_matching_job_ad_is_covered_well() {
    let report = check_with(
        &read("samples/customer-service-supervisor.json"),
        Some(&read("samples/jobs/customer-service-supervisor.txt")),
    );
    let job = report.job.as_ref().expect("job fit");
    assert!(job.coverage >= 70.0, "coverage {}%", job.coverage);
    assert!(job.total >= 40, "{} terms", job.total);
    let found: Vec<&str> = job.covered().map(|t| t.term.as_str()).collect();
    for term in [
        "Zendesk",
        "conflict resolution",
        "customer satisfaction",
        "CSAT",
        "first contact resolution",
        "de-escalation",
    ] {
        assert!(found.contains(&term), "{term} not in {found:?}");
    }
    expect(&report, "job.coverage", Severity::Info, "$");
    // Employer, place and benefits are not key terms.
    let all: Vec<String> = job.terms.iter().map(|t| t.term.to_lowercase()).collect();
    for noise in [
        "indianapolis",
        "northfield market",
        "salary",
        "staff discount",
        "401(k) match",
    ] {
        assert!(!all.iter().any(|t| t == noise), "{noise} in {all:?}");
    }
}

#[test]
fn an_unrelated_job_ad_gets_clearly_lower_coverage_and_names_missing_terms() {
    let resume = read("samples/customer-service-supervisor.json");
    let matching = check_with(
        &resume,
        Some(&read("samples/jobs/customer-service-supervisor.txt")),
    );
    let other = check_with(&resume, Some(&read("samples/jobs/software-engineer.txt")));
    let (good_fit, bad_fit) = (
        matching.job.as_ref().expect("job").coverage,
        other.job.as_ref().expect("job").coverage,
    );
    assert!(bad_fit < 10.0, "software engineer coverage {bad_fit}%");
    assert!(bad_fit * 3.0 < good_fit, "{bad_fit}% vs {good_fit}%");
    // The fit weighs half the score: a polished resume sent to an unrelated ad stays under 80.
    assert!(matching.score.total >= 90, "{}", matching.score.total);
    assert!(other.score.total < 80, "{}", other.score.total);
    let missing: Vec<&str> = other
        .job
        .as_ref()
        .expect("job")
        .missing()
        .map(|t| t.term.as_str())
        .collect();
    for term in ["Rust", "Kubernetes", "distributed systems", "Prometheus"] {
        assert!(missing.contains(&term), "{term} not in {missing:?}");
    }
    let message = expect(&other, "job.missing", Severity::Info, "$");
    assert!(message.starts_with("missing: Rust"), "{message}");
    expect(&other, "job.coverage", Severity::Warning, "$");
    assert!(other.score.total < matching.score.total);
}

#[test]
fn terms_fold_case_plurals_and_ing_forms() {
    let terms = check::key_terms(
        "Support Agent\nAcme – Remote\n\nWhat you will do\n- Use CRM tools and Zendesk macros.\n\
         - Resolve tickets; own ticket routing and conflict resolution. Close each ticket.\n",
    );
    let names: Vec<&str> = terms.iter().map(|t| t.term.as_str()).collect();
    for want in [
        "Support Agent",
        "CRM tools",
        "Zendesk macros",
        "conflict resolution",
    ] {
        assert!(names.contains(&want), "{want} in {names:?}");
    }
    // "tickets" and "ticket" are one term (plural folded), used twice.
    let ticket: Vec<_> = terms.iter().filter(|t| t.folded == ["ticket"]).collect();
    assert_eq!(ticket.len(), 1, "{names:?}");
    assert_eq!(ticket[0].count, 2);
    let routing = terms.iter().find(|t| t.folded == ["ticket", "rout"]);
    assert!(routing.is_some(), "{terms:?}");

    let resume = with(
        "/skills/0/keywords",
        Some(json!([
            "Zendesk macro",
            "CRM tool",
            "Ticket routes",
            "Conflict resolutions"
        ])),
    );
    let report = check_with(
        &resume.to_string(),
        Some("What you will do\n- Own ticket routing, conflict resolution, CRM tools.\n"),
    );
    let job = report.job.as_ref().expect("job");
    assert_eq!(job.found, job.total, "{:#?}", job.terms);
}

#[test]
fn repeating_a_keyword_earns_nothing() {
    let ad = "What you will do\n- Use Zendesk and Salesforce to answer customers.\n";
    let once = check_with(&good().to_string(), Some(ad));
    let stuffed = with(
        "/skills/0/keywords",
        Some(json!([
            "Zendesk",
            "Zendesk",
            "Zendesk",
            "Zendesk",
            "Zendesk",
            "Zendesk",
            "Salesforce",
            "Excel"
        ])),
    );
    let many = check_with(&stuffed.to_string(), Some(ad));
    let (a, b) = (once.job.expect("job"), many.job.expect("job"));
    assert_eq!(a.coverage, b.coverage);
    let zendesk = b.terms.iter().find(|t| t.term == "Zendesk").expect("term");
    assert!(zendesk.in_resume >= 6 && zendesk.found);
}

// ---------------------------------------------------------------------------------------------
// Score and formats

#[test]
fn the_score_follows_the_documented_formula() {
    // One warning in one category: 8/10 there, 10/10 in the eight others, no job ad.
    let r = check_json(&with("/basics/phone", None));
    let contact = &r.score.categories[0];
    assert_eq!(contact.category, check::Category::Contact);
    assert_eq!((contact.points, contact.warnings), (8.0, 1));
    assert_eq!(r.score.categories.len(), 9);
    assert_eq!(r.score.total, 98); // round(100 × 88 / 90)

    // An error costs 5: no name and no e-mail leaves contact at 0.
    let mut v = with("/basics/name", None);
    v["basics"].as_object_mut().expect("basics").remove("email");
    let r = check_json(&v);
    assert_eq!(r.score.categories[0].points, 0.0);
    assert_eq!(r.score.total, 89); // round(100 × 80 / 90)

    // With a job ad, job fit (10 × coverage ÷ 60%, at most 10) weighs as much as the content.
    let r = check_with(
        &good().to_string(),
        Some("What you will do\n- Use Zendesk and Jira.\n"),
    );
    let job = r.job.as_ref().expect("job");
    assert_eq!(r.score.categories.len(), 10);
    let fit = 10.0 * (job.coverage / 60.0).min(1.0);
    let expected = ((100.0 + 10.0 * fit) / 2.0_f64).round() as u32;
    assert_eq!(r.score.total, expected);
}

#[test]
fn reports_as_text_and_json() {
    let r = check_with(&read("tests/data/check/weak.json"), None);
    let text = r.to_text();
    let errors = text.find("\nErrors (").expect("errors group");
    let warnings = text.find("\nWarnings (").expect("warnings group");
    let infos = text.find("\nInfo (").expect("info group");
    assert!(errors < warnings && warnings < infos, "{text}");
    assert!(text.starts_with("Score: "), "{text}");
    assert!(text.contains("→ "), "suggestions are shown");

    let json: Value = serde_json::from_str(&r.to_json().expect("json")).expect("valid JSON");
    let findings = json["findings"].as_array().expect("findings");
    assert_eq!(findings.len(), r.findings.len());
    for f in findings {
        for key in [
            "severity",
            "category",
            "rule",
            "path",
            "message",
            "suggestion",
        ] {
            assert!(f[key].is_string(), "{key} in {f}");
        }
        assert!(["error", "warning", "info"].contains(&f["severity"].as_str().unwrap_or("")));
    }
    assert_eq!(json["score"]["total"], json!(r.score.total));
    assert!(json["job"].is_null());
}

#[test]
fn the_weak_test_resume_triggers_findings_across_the_rules() {
    let r = check_with(&read("tests/data/check/weak.json"), None);
    for (rule, severity, path) in [
        ("contact.title-missing", Severity::Warning, "$.basics.label"),
        (
            "contact.email-informal",
            Severity::Warning,
            "$.basics.email",
        ),
        ("contact.phone-missing", Severity::Warning, "$.basics.phone"),
        (
            "contact.region-missing",
            Severity::Warning,
            "$.basics.location.region",
        ),
        (
            "contact.address-given",
            Severity::Info,
            "$.basics.location.address",
        ),
        ("summary.short", Severity::Warning, "$.basics.summary"),
        ("achievements.share", Severity::Warning, "$.work"),
        (
            "language.weak-opening",
            Severity::Warning,
            "$.work[0].highlights[0]",
        ),
        (
            "language.weak-opening",
            Severity::Warning,
            "$.work[0].highlights[2]",
        ),
        ("skills.missing", Severity::Warning, "$.skills"),
        ("leadership.none", Severity::Warning, "$.work"),
        ("development.none", Severity::Warning, "$.certificates"),
        ("dates.order", Severity::Error, "$.work[0]"),
        (
            "proofread.doubled-word",
            Severity::Warning,
            "$.work[0].highlights[0]",
        ),
        (
            "proofread.double-space",
            Severity::Warning,
            "$.work[0].highlights[3]",
        ),
        (
            "proofread.capitalisation",
            Severity::Warning,
            "$.work[0].highlights[2]",
        ),
        (
            "proofread.date-style",
            Severity::Warning,
            "$.work[0].startDate",
        ),
    ] {
        expect(&r, rule, severity, path);
    }
    assert!(r.score.total < 60, "score {}", r.score.total);
}

// ---------------------------------------------------------------------------------------------
// The command

/// Runs `resumepdf check ARGS` in the repository: the exit code and standard error.
fn check_command(args: &[&str]) -> (Option<i32>, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_resumepdf"))
        .arg("check")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_command_exits_non_zero_only_with_strict_and_errors() {
    let weak = "tests/data/check/weak.json";
    assert_eq!(check_command(&[weak]).0, Some(0));
    assert_eq!(
        check_command(&[weak, "--format", "json", "--strict"]).0,
        Some(1)
    );
    let clean = check_command(&[
        "tests/data/check/chronological.json",
        "--job",
        "tests/data/check/job-support.txt",
        "--strict",
    ]);
    assert_eq!(clean.0, Some(0), "{}", clean.1);
    let (code, message) = check_command(&["tests/data/check/no-such-file.json"]);
    assert_eq!(code, Some(1));
    assert!(message.contains("cannot read"), "{message}");
}

// ---------------------------------------------------------------------------------------------
// The real-world corpus

#[test]
fn check_completes_on_every_real_world_resume() {
    // The shared corpus lies beside the repository (`../shared`), as on every machine that
    // builds this project; a missing corpus is a failure, not a pass.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    let entries = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e} (the shared corpus beside the repo)", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no resumes in {}", dir.display());
    let job = read("samples/jobs/software-engineer.txt");
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).expect("layout");
    for path in &files {
        let source = std::fs::read_to_string(path).expect("readable");
        let Ok(mut parsed) = model::parse(&source) else {
            // Not JSON: nothing to check, and the CLI reports it like `render` does.
            continue;
        };
        model::normalize(&mut parsed.resume);
        let length = length(&source, &layout, &fonts, &parsed.resume);
        let report = check::check(
            &parsed.resume,
            &source,
            Some(&job),
            &layout,
            &fonts,
            &length,
            today(),
        );
        assert!(report.score.total <= 100, "{}", path.display());
        assert!(report.stats.pages >= 1, "{}", path.display());
        assert!(report.to_json().is_ok(), "{}", path.display());
        assert!(!report.to_text().is_empty());
        for f in &report.findings {
            assert!(f.path.starts_with('$'), "{}: {f:?}", path.display());
        }
    }
}

#[test]
fn english_word_rules_stay_out_of_other_languages() {
    // A Chinese resume that led a team ("带领8人客服团队"): the English leadership and action-verb
    // word lists cannot judge it, so they say nothing rather than something false; a German one
    // declares its language.
    let chinese = check_with(&read("tests/data/i18n/chinese.json"), None);
    expect_none(&chinese, "leadership.none");
    assert!(!chinese.stats.english);
    expect(&chinese, "language.not-english", Severity::Info, "$.work");
    let german = check_with(&read("samples/german-project-manager.json"), None);
    assert!(!german.stats.english);
    // Chinese summaries are measured in words too: two characters make one.
    let mut value: Value = serde_json::from_str(&read("tests/data/i18n/chinese.json")).unwrap();
    value["basics"]["summary"] = "八年零售客服管理经验。擅长搭建培训体系和优化服务流程，\
        带领过十五人的团队。熟练使用Zendesk与Excel，希望在电商企业担任客服经理，负责团队建设和服务质量。"
        .into();
    expect_none(&check_json(&value), "summary.short");
}
