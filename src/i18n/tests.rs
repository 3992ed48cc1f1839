use std::collections::BTreeMap;

use super::registry::{self, normalize};
use super::template::{fill, placeholders};
use super::*;

/// The languages the renderer promises; each must have a table.
const REQUIRED: [&str; 14] = [
    "en", "de", "fr", "es", "pt", "it", "pl", "ru", "zh", "ja", "ko", "ar", "he", "fa",
];

#[test]
fn every_builtin_table_is_complete() {
    let results = registry::parse_builtin();
    assert!(!results.is_empty(), "no table in i18n/");
    let errors: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().err().map(ToString::to_string))
        .collect();
    assert!(errors.is_empty(), "broken tables:\n{}", errors.join("\n"));
    for locale in results.into_iter().map(Result::unwrap) {
        for key in SECTION_KEYS {
            let title = locale.section_title(key).unwrap();
            assert!(!title.trim().is_empty(), "{}: {key}", locale.tag());
        }
        for month in 1..=12 {
            assert!(locale.month_short(month).is_some_and(|m| !m.is_empty()));
            assert!(locale.month_long(month).is_some_and(|m| !m.is_empty()));
            let text = locale.format_month_year(month, 2021, true);
            let year = locale.localize_digits("2021");
            assert!(text.contains(&year), "{}: {text}", locale.tag());
            assert!(!text.contains('{'), "{}: {text}", locale.tag());
        }
        let footer = locale.footer(Some("Ada"), 3, 7);
        let [three, seven] = [3, 7].map(|d| locale.digits()[d]);
        assert!(
            footer.contains("Ada") && footer.contains(three) && footer.contains(seven),
            "{}: {footer}",
            locale.tag()
        );
        assert!(!footer.contains('{'), "{}: {footer}", locale.tag());
        assert!(!locale.footer(None, 3, 7).contains('{'));
    }
}

#[test]
fn required_languages_are_built_in() {
    let available = Locale::available();
    for tag in REQUIRED {
        assert!(available.contains(&tag), "no table for {tag}");
        assert_eq!(Locale::for_tag(Some(tag)).tag(), tag);
    }
    assert!(available.windows(2).all(|w| w[0] < w[1]), "{available:?}");
}

#[test]
fn tags_and_aliases_do_not_collide() {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for (own, json) in registry::BUILTIN {
        for tag in std::iter::once(own.to_string()).chain(registry::read_aliases(json)) {
            if let Some(other) = seen.insert(normalize(&tag), own.to_string()) {
                panic!("`{tag}` of {own} is already used by {other}");
            }
        }
    }
}

#[test]
fn english_keeps_the_historic_defaults() {
    let en = Locale::english();
    assert_eq!(en.tag(), "en");
    for kind in [
        SectionKind::Contact,
        SectionKind::Summary,
        SectionKind::Work,
        SectionKind::Volunteer,
        SectionKind::Education,
        SectionKind::Awards,
        SectionKind::Certificates,
        SectionKind::Publications,
        SectionKind::Skills,
        SectionKind::Languages,
        SectionKind::Interests,
        SectionKind::References,
        SectionKind::Projects,
    ] {
        assert_eq!(en.section(kind), kind.default_title());
    }
    assert_eq!(en.present(), "Present");
    assert_eq!(en.courses(), "Courses");
    assert_eq!(en.month_short(1), Some("Jan"));
    assert_eq!(en.month_long(12), Some("December"));
    assert_eq!(en.month_short(0), None);
    assert_eq!(en.month_long(13), None);
    assert_eq!(en.format_month_year(3, 2019, false), "Mar 2019");
    assert_eq!(en.format_month_year(3, 2019, true), "March 2019");
    assert_eq!(
        en.footer(Some("Ada Lovelace"), 1, 2),
        "Ada Lovelace · Page 1 of 2"
    );
    assert_eq!(en.footer(None, 1, 2), "Page 1 of 2");
    assert_eq!(en.footer(Some("  "), 1, 2), "Page 1 of 2");
    assert_eq!(
        en.footer_template(Some("Ada")),
        "{name} · Page {page} of {pages}"
    );
    assert_eq!(en.footer_template(None), "Page {page} of {pages}");
    assert_eq!(
        en.format_courses(&["Algebra", "Logic"]),
        "Courses: Algebra, Logic"
    );
    assert!(!en.is_rtl());
}

#[test]
fn resolves_tags() {
    let tag = |t: &str| Locale::for_tag(Some(t)).tag();
    assert_eq!(tag("pt-BR"), "pt-BR");
    assert_eq!(tag("pt_br"), "pt-BR");
    assert_eq!(tag("PT-br"), "pt-BR");
    assert_eq!(tag("pt-PT"), "pt");
    assert_eq!(tag("pt"), "pt");
    assert_eq!(tag("de-CH"), "de");
    assert_eq!(tag("de_DE.UTF-8"), "de");
    assert_eq!(tag(" fr-CA "), "fr");
    assert_eq!(tag("zh-Hans-CN"), "zh");
    assert_eq!(tag("zh-CN"), "zh");
    assert_eq!(tag("zh-Hant-TW"), "zh-Hant");
    assert_eq!(tag("zh-TW"), "zh-Hant");
    assert_eq!(tag("zh_hk"), "zh-Hant");
    assert_eq!(tag("es-419"), "es");
    assert_eq!(tag("ja-JP-u-ca-japanese"), "ja");
    assert_eq!(tag("iw"), "he");
    assert_eq!(tag("xx"), "en");
    assert_eq!(tag(""), "en");
    assert_eq!(tag("-"), "en");
    assert_eq!(Locale::for_tag(None).tag(), "en");
    assert!(Locale::lookup("xx-YY").is_none());
    assert!(Locale::lookup("en-GB").is_some());
}

#[test]
fn formats_dates_in_each_language_order() {
    let at =
        |tag: &str, month, long| Locale::for_tag(Some(tag)).format_month_year(month, 2021, long);
    assert_eq!(at("de", 1, false), "Jan. 2021");
    assert_eq!(at("de", 3, true), "März 2021");
    assert_eq!(at("fr", 1, false), "janv. 2021");
    assert_eq!(at("es", 1, true), "enero de 2021");
    assert_eq!(at("es", 1, false), "ene. 2021");
    assert_eq!(at("pt-BR", 12, true), "dezembro de 2021");
    assert_eq!(at("zh", 1, false), "2021年1月");
    assert_eq!(at("ja", 11, true), "2021年11月");
    assert_eq!(at("ko", 1, false), "2021년 1월");
    assert_eq!(at("ru", 9, true), "сентябрь 2021");
    assert_eq!(at("en", 0, false), "2021");
    assert_eq!(at("zh", 13, true), "2021");
}

#[test]
fn localizes_labels_and_footer() {
    let de = Locale::for_tag(Some("de"));
    assert_eq!(de.present(), "heute");
    assert_eq!(de.section(SectionKind::Work), "Berufserfahrung");
    assert_eq!(de.footer(Some("Ada"), 2, 3), "Ada · Seite 2 von 3");
    assert_eq!(de.footer(None, 2, 3), "Seite 2 von 3");
    let zh = Locale::for_tag(Some("zh"));
    assert_eq!(zh.present(), "至今");
    assert_eq!(
        zh.format_courses(&["数据结构", "算法"]),
        "主修课程：数据结构、算法"
    );
    assert_eq!(zh.footer(None, 1, 2), "第1页，共2页");
    let fr = Locale::for_tag(Some("fr"));
    assert_eq!(fr.format_courses(&["Algèbre"]), "Cours : Algèbre");
    assert_eq!(fr.section_title("nope"), None);
}

#[test]
fn right_to_left_languages() {
    for tag in ["ar", "he", "fa"] {
        assert!(Locale::for_tag(Some(tag)).is_rtl(), "{tag}");
        assert_eq!(Locale::for_tag(Some(tag)).direction(), Direction::Rtl);
    }
    assert_eq!(
        Locale::for_tag(Some("ar")).format_month_year(1, 2021, false),
        "يناير 2021"
    );
}

#[test]
fn user_text_is_not_read_as_a_placeholder() {
    let en = Locale::english();
    assert_eq!(en.footer(Some("{pages}"), 1, 2), "{pages} · Page 1 of 2");
    assert_eq!(
        fill("{a} {b} {c} {", &[("a", "{b}"), ("b", "x")]),
        "{b} x {c} {"
    );
    assert_eq!(placeholders("{year}年{month} {X} {}"), ["year", "month"]);
}

fn en_json() -> serde_json::Value {
    let (_, text) = registry::BUILTIN.iter().find(|(t, _)| *t == "en").unwrap();
    serde_json::from_str(text).unwrap()
}

fn problems(tag: &str, value: &serde_json::Value) -> Vec<String> {
    Locale::from_json(tag, &value.to_string())
        .expect_err("the table is broken")
        .problems
}

#[test]
fn rejects_incomplete_tables() {
    let mut table = en_json();
    table["sections"].as_object_mut().unwrap().remove("work");
    table["sections"]["jobs"] = "Jobs".into();
    table["months"]["short"].as_array_mut().unwrap().pop();
    table["months"]["long"][4] = " ".into();
    table["present"] = "".into();
    let found = problems("en", &table);
    let expect = [
        "missing `work`",
        "unknown key `jobs`",
        "months.short has 11 names",
        "months.long[4] (month 5) is empty",
        "present is empty",
    ];
    for e in expect {
        assert!(found.iter().any(|p| p.contains(e)), "{e} not in {found:?}");
    }
    assert_eq!(found.len(), expect.len(), "{found:?}");
}

#[test]
fn rejects_bad_placeholders() {
    let mut table = en_json();
    table["month_year"] = "{month}".into();
    table["month_year_long"] = "{month} {month} {year}".into();
    table["footer"]["anonymous"] = "{name} {page}/{pages}".into();
    table["courses_line"] = "{course}: {list}".into();
    let found = problems("en", &table);
    let expect = [
        "month_year `{month}` lacks {year}",
        "month_year_long `{month} {month} {year}` has {month} more than once",
        "footer.anonymous `{name} {page}/{pages}` has unknown placeholder {name}",
        "courses_line `{course}: {list}` lacks {courses}",
        "courses_line `{course}: {list}` has unknown placeholder {course}",
    ];
    for e in expect {
        assert!(found.iter().any(|p| p.contains(e)), "{e} not in {found:?}");
    }
    assert_eq!(found.len(), expect.len(), "{found:?}");
}

#[test]
fn rejects_bad_tags_fields_and_json() {
    let table = en_json();
    assert!(problems("1x", &table)[0].contains("file name"));
    assert!(problems("e", &table)[0].contains("file name"));
    assert!(problems("de-", &table)[0].contains("file name"));
    let mut aliased = en_json();
    aliased["aliases"] = serde_json::json!(["EN", "en-x-toolongsubtag"]);
    assert_eq!(problems("en", &aliased).len(), 2);
    let mut typo = en_json();
    typo["prezent"] = "Now".into();
    assert!(problems("en", &typo)[0].contains("unknown field `prezent`"));
    let mut direction = en_json();
    direction["direction"] = "up".into();
    assert!(problems("en", &direction)[0].contains("unknown variant `up`"));
    let error = Locale::from_json("en", "{").unwrap_err();
    assert!(error.to_string().starts_with("translation table `en`: "));
}

#[test]
fn labels_and_lists_are_punctuated_the_language_s_way() {
    let sep = |tag: &str| {
        let locale = Locale::for_tag(Some(tag));
        (locale.label_separator(), locale.list_separator())
    };
    assert_eq!(sep("en"), (": ", ", "));
    assert_eq!(sep("fr"), (" : ", ", "));
    assert_eq!(sep("zh"), ("：", "、"));
    assert_eq!(sep("ar").1, "، ");
}

#[test]
fn persian_writes_dates_and_page_numbers_in_persian_digits() {
    let fa = Locale::for_tag(Some("fa"));
    assert_eq!(fa.format_month_year(1, 2019, false), "ژانویه ۲۰۱۹");
    assert_eq!(fa.footer(None, 1, 12), "صفحه ۱ از ۱۲");
    assert_eq!(fa.localize_digits("03/2020 and x9"), "۰۳/۲۰۲۰ and x۹");
    let en = Locale::for_tag(Some("en"));
    assert_eq!(en.localize_digits("03/2020"), "03/2020");
    let mut table = en_json();
    table["digits"] = "0123".into();
    assert!(problems("en", &table)[0].starts_with("digits:"));
    table["digits"] = "abcdefghij".into();
    assert!(problems("en", &table)[0].starts_with("digits:"));
}
