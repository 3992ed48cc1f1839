//! Languages and page budgets, read back from the PDF: localized labels and dates, exact text for
//! every script, and resumes squeezed onto fewer pages within the layout rules.

use crate::common;

use std::collections::BTreeSet;

use common::read_pdf;
use resumepdf::fonts::FontBook;
use resumepdf::i18n::Locale;
use resumepdf::layout::{self, SectionKind};
use resumepdf::model;

/// Renders `text` in `layout_name` with system fallback fonts, as the CLI does; returns the PDF
/// and the characters no font could draw.
fn render(text: &str, layout_name: &str) -> (Vec<u8>, BTreeSet<char>) {
    let rendered = common::cli_render::render(text, layout_name);
    (rendered.pdf, rendered.missing)
}

fn flat(pages: &[String]) -> String {
    pages
        .iter()
        .flat_map(|p| p.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn a_german_resume_has_german_headings_dates_and_exact_text() {
    let text = include_str!("../samples/german-project-manager.json");
    let (pdf, missing) = render(text, "classic");
    assert!(missing.is_empty(), "{missing:?}");
    let read = read_pdf(&pdf);
    let extracted = flat(&read.text);
    let de = Locale::for_tag(Some("de"));
    for kind in [
        SectionKind::Work,
        SectionKind::Education,
        SectionKind::Skills,
    ] {
        let heading = de.section(kind).to_uppercase();
        assert!(extracted.contains(&heading), "heading {heading} missing");
        assert_ne!(
            de.section(kind),
            kind.default_title(),
            "{kind:?} is translated"
        );
    }
    assert!(extracted.contains(&format!(
        "{} – {}",
        de.format_month_year(4, 2020, false),
        de.present()
    )));
    for exact in [
        "Katharina Böhm-Strauß",
        "Senior Projektmanagerin",
        "München, Bayern",
        "Verhandelte Rahmenverträge mit über 30 Zulieferern und reduzierte die Einkaufskosten um 7 %.",
    ] {
        assert!(
            extracted.contains(exact),
            "{exact} missing from {extracted}"
        );
    }
    assert!(
        read.text
            .last()
            .is_some_and(|page| page.contains(&de.footer(Some("Katharina Böhm-Strauß"), 2, 2)))
    );
    assert_eq!(read.lang.as_deref(), Some("de"));
}

#[test]
fn layout_titles_by_language_give_way_to_the_translation_elsewhere() {
    // The executive layout titles its summary "Executive Profile" for English resumes only; a
    // German resume gets the German table's title. A plain layout title applies to every language.
    let text = include_str!("../samples/german-project-manager.json");
    let de = Locale::for_tag(Some("de"));
    let (pdf, _) = render(text, "executive");
    let extracted = flat(&read_pdf(&pdf).text);
    let german = de.section(SectionKind::Summary).to_uppercase();
    assert!(extracted.contains(&german), "{german} in {extracted}");
    assert!(!extracted.contains("EXECUTIVE"), "{extracted}");
    let english = text.replace(r#""language": "de""#, r#""language": "en""#);
    assert_ne!(english, text, "the sample names its language");
    let (pdf, _) = render(&english, "executive");
    assert!(flat(&read_pdf(&pdf).text).contains("EXECUTIVE PROFILE"));

    let fonts = FontBook::bundled();
    let plain = r#"{"extends": "classic", "name": "plain",
        "sections": {"order": ["summary"], "titles": {"summary": "Profil"}}}"#;
    let layout = layout::parse(plain, "plain.json", &fonts).unwrap();
    let mut parsed = model::parse(text).unwrap();
    model::normalize(&mut parsed.resume);
    let pages = resumepdf::typeset_resume(&parsed.resume, &layout, &fonts);
    assert!(pages.runs().any(|run| run.text == "PROFIL"));
}

#[test]
fn a_resume_that_names_no_language_gets_the_one_its_script_tells() {
    // The test resumes without `meta.language`: Chinese and Arabic text are recognised; the
    // German sample (Latin script) stays English unless it says otherwise.
    let without_language = |text: &str| {
        let mut value: serde_json::Value = serde_json::from_str(text).unwrap();
        value.as_object_mut().unwrap().remove("meta");
        value.to_string()
    };
    for (file, tag) in [
        (include_str!("data/i18n/chinese.json"), Some("zh")),
        (include_str!("data/i18n/arabic.json"), Some("ar")),
        (include_str!("../samples/german-project-manager.json"), None),
    ] {
        let text = without_language(file);
        let parsed = model::parse(&text).unwrap();
        assert_eq!(parsed.resume.meta.language.as_deref(), tag);
        let (pdf, _) = render(&text, "classic");
        let read = read_pdf(&pdf);
        let work = Locale::for_tag(tag)
            .section(SectionKind::Work)
            .to_uppercase();
        assert!(flat(&read.text).contains(&work), "{work}");
        // A tagged PDF must say its language: the headings' English when nothing tells another.
        assert_eq!(read.lang.as_deref(), tag.or(Some("en")));
    }
}

#[test]
fn a_chinese_resume_extracts_exactly_when_a_cjk_font_is_installed() {
    let name = "王晓明";
    let bullet = "带领8人客服团队，将首次响应时间缩短了35%。";
    let text = format!(
        r#"{{"basics": {{"name": "{name}", "label": "客户服务主管"}},
            "work": [{{"name": "星河零售有限公司", "position": "客服主管", "startDate": "2020-03",
                       "highlights": ["{bullet}"]}}],
            "meta": {{"language": "zh"}}}}"#
    );
    let (pdf, missing) = render(&text, "classic");
    let zh = Locale::for_tag(Some("zh"));
    let extracted = flat(&read_pdf(&pdf).text);
    assert!(
        extracted.contains(&zh.section(SectionKind::Work).to_uppercase()),
        "{extracted}"
    );
    assert!(extracted.contains(&zh.format_month_year(3, 2020, false)));
    if missing.is_empty() {
        assert!(extracted.contains(name), "{extracted}");
        assert!(extracted.contains(bullet), "{extracted}");
    } else {
        // No CJK font on this machine (CI installs fonts-noto-cjk): the gap is reported, not hidden.
        assert!(missing.contains(&'王'), "{missing:?}");
        eprintln!(
            "note: no CJK font installed; {} characters reported missing",
            missing.len()
        );
    }
}

#[test]
fn a_two_page_resume_fits_one_page_and_a_hopeless_one_reports_its_overflow() {
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).expect("classic");
    let fitted = |text: &str| {
        let request = resumepdf::Request {
            max_pages: Some(1),
            ..resumepdf::Request::new(text, &layout, &fonts)
        };
        let rendered = resumepdf::render(&request).expect("renders");
        let fit = rendered.notes.fit.clone();
        (rendered, fit)
    };
    let (rendered, fit) = fitted(include_str!("../samples/with-photo.json"));
    let fit = fit.expect("a budget was given");
    assert_eq!(read_pdf(&rendered.pdf).page_count, 1);
    assert!(layout::validate(&fit.layout, &fonts).is_empty());
    assert!(!fit.changes.is_empty() && fit.overflow.is_none());

    let (rendered, fit) = fitted(include_str!("../samples/senior-engineer-long-career.json"));
    let overflow = fit.and_then(|f| f.overflow).expect("cannot fit");
    assert!(
        overflow.pages_needed > 2.0 && overflow.lines_over > 50,
        "{overflow:?}"
    );
    assert!(read_pdf(&rendered.pdf).page_count > 1, "rendered anyway");
}

#[test]
fn headings_in_another_script_get_a_font_even_when_the_resume_has_none_of_it() {
    // An English resume rendered with Hebrew headings (`--lang he`) in `compact` (Carlito has no
    // Hebrew): the table's letters need a fallback font as much as the resume's own would.
    let text = include_str!("../samples/new-graduate.json");
    let mut fonts = FontBook::bundled();
    let layout = layout::load("compact", &fonts).unwrap();
    let missing = common::cli_render::prepare_fonts(&mut fonts, &layout, text, Some("he"));
    let he = Locale::for_tag(Some("he"));
    let hebrew: BTreeSet<char> = he
        .characters()
        .into_iter()
        .filter(|c| ('\u{05D0}'..='\u{05EA}').contains(c))
        .collect();
    assert!(!hebrew.is_empty());
    let mut probe = FontBook::bundled();
    let installed = resumepdf::fonts::fallback::add_system_fonts(&mut probe, &hebrew).is_empty();
    if installed {
        assert!(missing.is_disjoint(&hebrew), "{missing:?}");
        let request = resumepdf::Request {
            language: Some("he"),
            ..resumepdf::Request::new(text, &layout, &fonts)
        };
        let rendered = resumepdf::render(&request).unwrap();
        assert!(
            rendered.notes.missing.is_empty(),
            "{:?}",
            rendered.notes.missing
        );
        let extracted = flat(&read_pdf(&rendered.pdf).text);
        assert!(
            extracted.contains(he.section(SectionKind::Work)),
            "{extracted}"
        );
    } else {
        assert!(!missing.is_disjoint(&hebrew), "reported, not hidden");
        eprintln!("note: no Hebrew font installed; the gap is reported");
    }
}
