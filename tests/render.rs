//! End-to-end renders read back with an independent PDF reader (tests/common, built on lopdf).

use crate::common;

use common::{ReadPdf, read_pdf};
use resumepdf::fonts::FontBook;
use resumepdf::{layout, model};

const SCHEMA_SAMPLE: &str = include_str!("data/corpus/schema-sample.resume.json");

fn render_text(text: &str, layout_name: &str) -> Vec<u8> {
    let fonts = FontBook::bundled();
    let layout = layout::load(layout_name, &fonts).expect("built-in layout");
    resumepdf::render(&resumepdf::Request::new(text, &layout, &fonts))
        .expect("PDF is written")
        .pdf
}

/// All pages' text with every run of whitespace (line ends included) folded to one space: lines
/// never end inside a word, not even at the hyphen of a compound.
fn flat_text(pdf: &ReadPdf) -> String {
    pdf.text
        .iter()
        .flat_map(|page| page.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Asserts that `needles` occur in `haystack` in this order, each after the previous one.
fn assert_in_order(haystack: &str, needles: &[&str]) {
    let mut from = 0;
    for needle in needles {
        match haystack[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!(
                "`{needle}` not found after position {from}; it is {}in the text at all.\ntext: {haystack}",
                if haystack.contains(needle) {
                    ""
                } else {
                    "not "
                }
            ),
        }
    }
}

#[test]
fn the_schema_sample_extracts_every_shown_string_in_reading_order() {
    let pdf = read_pdf(&render_text(SCHEMA_SAMPLE, "classic"));
    let text = flat_text(&pdf);
    assert_in_order(
        &text,
        &[
            "Richard Hendriks",
            "Programmer",
            "richard.hendriks@mail.com",
            "(912) 555-4321",
            "San Francisco, California",
            "richardhendricks.example.com",
            "Twitter: neutralthoughts",
            "soundcloud.example.com/dandymusicnl",
            "SUMMARY",
            "Richard hails from Tulsa. He has earned degrees from the University of Oklahoma and Stanford.",
            "THAT would NOT be a “length-limited” conversation!",
            "EXPERIENCE",
            "Pied Piper",
            "Dec 2013 – Dec 2014",
            "CEO/President",
            "Palo Alto, CA",
            "Awesome compression company",
            "high Weisman Scores™ that are not merely competitive",
            "Build an algorithm for artist to detect if their music was violating copy right infringement laws",
            "Successfully won Techcrunch Disrupt",
            "Optimized an algorithm that holds the current world record for Weisman Scores",
            "PROJECTS",
            "Miss Direction",
            "Aug 2016",
            "Smoogle · Application · Team lead · Designer",
            "A mapping engine that misguides you",
            "Won award at AIHacks 2016",
            "Built by all women team of newbie programmers",
            "Technologies: GoogleMaps, Chrome Extension, Javascript",
            "VOLUNTEERING",
            "CoderDojo",
            "Jan 2012 – Jan 2013",
            "Teacher",
            "Global movement of free coding clubs for young people.",
            "Awarded 'Teacher of the Month'",
            "EDUCATION",
            "Bachelor, Information Technology",
            "Jun 2011 – Jan 2014",
            "University of Oklahoma",
            "4.0",
            "Courses: DB1101 - Basic SQL, CS2011 - Java Introduction",
            "AWARDS",
            "Digital Compression Pioneer Award",
            "Nov 2014",
            "Techcrunch",
            "There is no spoon.",
            "PUBLICATIONS",
            "Video compression for 3d media",
            "Oct 2014",
            "Hooli",
            "Innovative middle-out compression algorithm that changes the way we store data.",
            "SKILLS",
            "Web Development: HTML, CSS, Javascript (Master)",
            "Compression: Mpeg, MP4, GIF (Master)",
            "LANGUAGES",
            "English (Native speaker)",
            "INTERESTS",
            "Wildlife: Ferrets, Unicorns",
            "REFERENCES",
            "“It is my pleasure to recommend Richard, his performance working as a consultant for Main St. Company proved that he will be a valuable addition to any company.”",
            "— Erlich Bachman",
        ],
    );
}

#[test]
fn fonts_are_embedded_subset_and_mapped_to_unicode() {
    let pdf = read_pdf(&render_text(SCHEMA_SAMPLE, "classic"));
    assert!(!pdf.fonts.is_empty());
    for font in &pdf.fonts {
        assert!(font.embedded, "{} is not embedded", font.base_font);
        assert!(font.subset, "{} is not a subset", font.base_font);
        assert!(font.to_unicode, "{} has no ToUnicode map", font.base_font);
    }
    let families: std::collections::BTreeSet<&str> = pdf
        .fonts
        .iter()
        .map(|f| f.base_font[7..].split('-').next().unwrap_or_default())
        .collect();
    assert_eq!(
        families.into_iter().collect::<Vec<_>>(),
        ["LiberationSerif"]
    );
}

#[test]
fn contact_details_are_borderless_links() {
    let pdf = read_pdf(&render_text(SCHEMA_SAMPLE, "classic"));
    let uris: Vec<&str> = pdf.links.iter().map(|(_, _, uri)| uri.as_str()).collect();
    for expected in [
        "mailto:richard.hendriks@mail.com",
        "tel:9125554321",
        "http://richardhendricks.example.com",
        "https://www.twitter.com",
        "https://soundcloud.example.com/dandymusicnl",
    ] {
        assert!(uris.contains(&expected), "{expected} missing from {uris:?}");
    }
    for border in &pdf.link_borders {
        assert_eq!(border.as_deref(), Some(&[0.0, 0.0, 0.0][..]));
    }
}

#[test]
fn document_info_names_the_person_and_the_skills() {
    let pdf = read_pdf(&render_text(SCHEMA_SAMPLE, "classic"));
    assert_eq!(pdf.info["Title"], "Richard Hendriks — Resume");
    assert_eq!(pdf.info["Author"], "Richard Hendriks");
    assert_eq!(pdf.info["Subject"], "Programmer");
    assert_eq!(pdf.info["Keywords"], "Web Development, Compression");
    assert!(!pdf.has_gts_pdfx, "no PDF/X claim");
}

#[test]
fn the_same_input_gives_identical_bytes() {
    let first = render_text(SCHEMA_SAMPLE, "classic");
    let second = std::thread::spawn(|| render_text(SCHEMA_SAMPLE, "classic"))
        .join()
        .expect("render thread");
    assert!(first == second, "two renders differ");
}

/// Shaped words a thread keeps from render to render (a batch's worker) change nothing: a render
/// after others on the same thread and font book, in other layouts and with other text, gives
/// the bytes a fresh thread gives.
#[test]
fn a_render_after_others_on_one_thread_gives_the_same_bytes() {
    let fresh = std::thread::spawn(|| render_text(SCHEMA_SAMPLE, "compact"))
        .join()
        .expect("render thread");
    let after_others = std::thread::spawn(|| {
        let fonts = FontBook::bundled();
        let render = |text: &str, name: &str| {
            let layout = layout::load(name, &fonts).expect("built-in layout");
            resumepdf::render(&resumepdf::Request::new(text, &layout, &fonts))
                .expect("PDF is written")
                .pdf
        };
        let other = include_str!("data/i18n/russian.json");
        for name in ["classic", "compact", "sidebar"] {
            render(other, name);
            render(SCHEMA_SAMPLE, name);
        }
        render(SCHEMA_SAMPLE, "compact")
    })
    .join()
    .expect("render thread");
    assert!(fresh == after_others, "the kept shapes changed the output");
}

#[test]
fn work_given_oldest_first_renders_newest_first_with_ongoing_on_top() {
    let resume = r#"{
        "basics": {"name": "Order Test"},
        "work": [
            {"name": "First Co", "position": "Trainee", "startDate": "2010-01", "endDate": "2012-06"},
            {"name": "Second Co", "position": "Analyst", "startDate": "2012-07", "endDate": "2016-03"},
            {"name": "Fourth Co", "position": "Director", "startDate": "2019-05"},
            {"name": "Third Co", "position": "Manager", "startDate": "2016-04", "endDate": "2019-04"}
        ]
    }"#;
    let text = flat_text(&read_pdf(&render_text(resume, "classic")));
    assert_in_order(
        &text,
        &[
            "Fourth Co",
            "May 2019 – Present",
            "Director",
            "Manager",
            "Analyst",
            "Trainee",
        ],
    );
}

#[test]
fn non_ascii_text_extracts_exactly() {
    let strings = [
        "Zoë Łukasiewicz-Søndergaard",
        "Ελληνικά και Русский текст",
        "“Curly quotes” – en dash — em dash … ellipsis",
        "Café crème, Müller, Straße, Kraków, Ørsted, Ærø",
    ];
    let resume = format!(
        r#"{{"basics": {{"name": "{}", "summary": "{}"}},
            "work": [{{"name": "{}", "position": "Engineer", "startDate": "2020-01",
                       "highlights": ["{}"]}}]}}"#,
        strings[0],
        strings[1],
        strings[3],
        strings[2].replace('"', "\\\"")
    );
    let text = flat_text(&read_pdf(&render_text(&resume, "classic")));
    assert_in_order(&text, &[strings[0], strings[1], strings[3], strings[2]]);
}

#[test]
fn a_long_career_spans_pages_with_numbered_footers() {
    let resume = include_str!("../samples/senior-engineer-long-career.json");
    let pdf = read_pdf(&render_text(resume, "classic"));
    assert!(pdf.page_count >= 3, "{} pages", pdf.page_count);
    assert_footers_in_place(&pdf, "Catherine Adeyemi-Ross");
}

/// Templates are filled once: a name that looks like a placeholder prints as written, in the
/// header and in every footer.
#[test]
fn braces_in_a_name_print_as_written_in_every_footer() {
    let sample = include_str!("../samples/senior-engineer-long-career.json");
    assert!(
        sample.contains("\"Catherine Adeyemi-Ross\""),
        "sample name changed"
    );
    let resume = sample.replacen("\"Catherine Adeyemi-Ross\"", "\"Ada {pages} Lovelace\"", 1);
    let pdf = read_pdf(&render_text(&resume, "classic"));
    assert!(pdf.page_count >= 2, "{} pages", pdf.page_count);
    assert!(
        pdf.text[0].contains("Ada {pages} Lovelace\n"),
        "{}",
        pdf.text[0]
    );
    assert_footers_in_place(&pdf, "Ada {pages} Lovelace");
}

/// Every page carries "NAME · Page N of M": the first page ends with it, later pages begin with
/// it, so that no extractor joins a footer to the next page's first line.
#[track_caller]
fn assert_footers_in_place(pdf: &ReadPdf, name: &str) {
    for (index, page) in pdf.text.iter().enumerate() {
        let footer = format!("{name} · Page {} of {}", index + 1, pdf.page_count);
        let placed = if index == 0 {
            page.trim_end().ends_with(&footer)
        } else {
            page.trim_start().starts_with(&footer)
        };
        assert!(
            placed,
            "page {}: {footer} not in place in: {page}",
            index + 1
        );
    }
}

#[test]
fn every_layout_renders_every_copied_corpus_file() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let fonts = FontBook::bundled();
    for name in layout::builtin_names() {
        let layout = layout::load(name, &fonts).expect("built-in layout");
        for entry in std::fs::read_dir(&dir).expect("corpus folder") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            let mut parsed = model::parse(&text).expect("corpus files are JSON objects");
            model::normalize(&mut parsed.resume);
            let pdf = resumepdf::render(&resumepdf::Request::new(&text, &layout, &fonts))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
                .pdf;
            let read = read_pdf(&pdf);
            assert!(read.page_count >= 1);
            let name = parsed.resume.basics.name.clone().unwrap_or_default();
            assert!(
                flat_text(&read).contains(&name),
                "{}: name missing",
                path.display()
            );
        }
    }
}

#[test]
fn every_layout_uses_at_most_two_font_families_all_embedded() {
    for name in layout::builtin_names() {
        let pdf = read_pdf(&render_text(SCHEMA_SAMPLE, name));
        let families: std::collections::BTreeSet<String> = pdf
            .fonts
            .iter()
            .map(|f| {
                let name = f
                    .base_font
                    .split_once('+')
                    .map_or(f.base_font.as_str(), |(_, n)| n);
                name.split('-').next().unwrap_or_default().to_string()
            })
            .collect();
        assert!(
            (1..=2).contains(&families.len()),
            "{name} uses {families:?}"
        );
        assert!(
            pdf.fonts
                .iter()
                .all(|f| f.embedded && f.subset && f.to_unicode),
            "{name}"
        );
    }
}

#[test]
fn markdown_in_free_text_becomes_bold_text_and_links() {
    let text = r#"{"basics": {"name": "Jo Park",
        "summary": "An **imaginary** engineer.\n\n\n   Builds [Diorama](https://diorama.example.com) tools."},
        "work": [{"name": "Area 52", "position": "Lead", "startDate": "2020-01",
                  "highlights": ["Shipped **3** releases of [**Orbit**](https://orbit.example.com)."]}]}"#;
    let pdf = read_pdf(&render_text(text, "classic"));
    let flat = flat_text(&pdf);
    for exact in [
        "An imaginary engineer. Builds Diorama tools.",
        "Shipped 3 releases of Orbit.",
    ] {
        assert!(flat.contains(exact), "{exact} in {flat}");
    }
    assert!(!flat.contains('*') && !flat.contains("]("), "{flat}");
    // The blank lines part two paragraphs: two lines, not four.
    let page = &pdf.text[0];
    let summary: Vec<&str> = page
        .lines()
        .skip_while(|l| !l.contains("imaginary"))
        .take(2)
        .collect();
    assert_eq!(summary, ["An imaginary engineer.", "Builds Diorama tools."]);
    let uris: Vec<&str> = pdf.links.iter().map(|(_, _, uri)| uri.as_str()).collect();
    assert!(uris.contains(&"https://diorama.example.com"), "{uris:?}");
    assert!(uris.contains(&"https://orbit.example.com"), "{uris:?}");
    // Strong text is set in the bold face.
    let bold = |needle: &str| {
        pdf.shows[0]
            .iter()
            .find(|s| s.text == needle)
            .map(|s| s.font.contains("Bold"))
    };
    assert_eq!(bold("imaginary"), Some(true));
    assert_eq!(bold("Orbit"), Some(true));
    assert_eq!(bold("3"), Some(true));
}

#[test]
fn html_in_names_and_free_text_is_read_not_printed() {
    let text = r#"{"basics": {"name": "Richard<br>Hendriks",
        "summary": "<p>Founder of <strong>Pied Piper</strong>, see <a href=\"https://piedpiper.example.com\">the site</a>.</p><ul><li>Compression</li><li>R&amp;D</li></ul>"}}"#;
    let pdf = read_pdf(&render_text(text, "classic"));
    let page = &pdf.text[0];
    assert!(!page.contains('<') && !page.contains("&amp;"), "{page}");
    let lines: Vec<&str> = page
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines[0], "Richard Hendriks");
    for line in [
        "Founder of Pied Piper, see the site.",
        "• Compression",
        "• R&D",
    ] {
        assert!(lines.contains(&line), "{line} in {lines:#?}");
    }
    let uris: Vec<&str> = pdf.links.iter().map(|(_, _, uri)| uri.as_str()).collect();
    assert_eq!(uris, ["https://piedpiper.example.com"]);
    assert_eq!(
        pdf.info.get("Title").map(String::as_str),
        Some("Richard Hendriks — Resume")
    );
}

#[test]
fn a_highlight_of_markup_alone_makes_no_empty_bullet() {
    let text = r#"{"basics": {"name": "Jo Park"},
        "work": [{"name": "Area 52", "position": "Lead", "startDate": "2020-01",
                  "highlights": ["<br>", "Shipped it.", " <p></p> "]}]}"#;
    let pdf = read_pdf(&render_text(text, "classic"));
    let bullets = pdf.text[0].matches('•').count();
    assert_eq!(bullets, 1, "{}", pdf.text[0]);
}

#[test]
fn control_and_direction_override_characters_are_removed_with_a_warning() {
    let text = "{\"basics\": {\"name\": \"Eve \\u202eevil\\u202c Ray\\u0007\", \"label\": \"A\\u001b[2Jnalyst\"}}";
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).expect("classic");
    let rendered = resumepdf::render(&resumepdf::Request::new(text, &layout, &fonts)).unwrap();
    let warnings: Vec<String> = rendered
        .notes
        .input
        .iter()
        .filter(|w| w.is_warning_or_worse())
        .map(ToString::to_string)
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert!(
        warnings[0].contains("$.basics.name: removed 3 invisible"),
        "{warnings:?}"
    );
    assert!(
        warnings[0].contains("U+202E, U+202C, U+0007"),
        "{warnings:?}"
    );
    let read = read_pdf(&rendered.pdf);
    assert_eq!(read.info["Author"], "Eve evil Ray");
    let page = flat_text(&read);
    assert!(page.contains("Eve evil Ray"), "{page}");
    assert!(page.contains("A[2Jnalyst"), "{page}");
    assert!(!page.chars().any(|c| c.is_control()), "{page:?}");
}

#[test]
fn html_entities_in_free_text_are_decoded_in_the_text_layer() {
    let resume = r#"{
        "basics": {"name": "Ada Lovelace", "summary": "R&amp;D lead &#8212; caf&eacute; owner"},
        "work": [{"name": "Acme", "position": "Engineer", "startDate": "2020-01",
                  "highlights": ["Cut costs &#x2013; 30&#37; &amp; more"]}]
    }"#;
    let text = flat_text(&read_pdf(&render_text(resume, "classic")));
    assert_in_order(&text, &["R&D lead — café owner", "Cut costs – 30% & more"]);
    assert!(!text.contains("&amp;") && !text.contains("&#"), "{text}");
}

#[test]
fn the_ats_layout_prints_no_page_footer() {
    let resume = include_str!("../samples/senior-engineer-long-career.json");
    let pdf = read_pdf(&render_text(resume, "ats"));
    assert!(pdf.page_count >= 2, "{} pages", pdf.page_count);
    for page in &pdf.text {
        assert!(
            !page.contains("Page 1 of") && !page.contains("Page 2 of"),
            "{page}"
        );
        assert!(!page.contains("Catherine Adeyemi-Ross ·"), "{page}");
    }
}

#[test]
fn the_sidebar_text_layer_begins_with_the_name_and_headline() {
    let resume = include_str!("../samples/career-changer.json");
    let pdf = read_pdf(&render_text(resume, "sidebar"));
    let shown: Vec<&str> = pdf.shows[0].iter().map(|s| s.text.trim()).collect();
    assert_eq!(shown.first(), Some(&"Rebecca Lindqvist"), "{shown:?}");
    // Name, headline and contact line come before the sidebar's first heading: parsers read a
    // bold capitalised line as the start of a section, and the e-mail belongs to the profile.
    let headline = shown.iter().position(|t| *t == "Instructional Designer");
    let email = shown
        .iter()
        .position(|t| t.contains("rebecca.lindqvist@example.org"));
    let skills = shown.iter().position(|t| *t == "SKILLS");
    assert!(
        headline.is_some() && headline < email && email < skills,
        "{shown:?}"
    );
}

#[test]
fn a_font_file_with_one_face_gets_bold_and_italic_simulated() {
    // A layout naming a single font file: bold and italic text are drawn with its one upright
    // face, so they are emboldened and slanted rather than silently plain.
    let mut fonts = resumepdf::fonts::FontBook::bundled();
    let mut layout = resumepdf::layout::load("classic", &fonts).unwrap();
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/fonts/Carlito-Regular.ttf");
    layout.fonts.body = resumepdf::layout::Family::named(file);
    layout.fonts.heading = resumepdf::layout::Family::named(file);
    layout.entries.work = crate::common::position_first_work();
    let text = r#"{"basics": {"name": "Ada Quill"},
        "work": [{"name": "Loom Works", "position": "Engineer", "location": "Leeds",
                  "startDate": "2020-01", "summary": "Built things."}]}"#;
    crate::common::cli_render::prepare_fonts(&mut fonts, &layout, text, None);
    let mut parsed = resumepdf::model::parse(text).unwrap();
    resumepdf::model::normalize(&mut parsed.resume);
    let pages = resumepdf::typeset_resume(&parsed.resume, &layout, &fonts);
    let run = |needle: &str| pages.runs().find(|r| r.text == needle).unwrap();
    let name = run("Ada Quill");
    assert_eq!(fonts.face(name.face).postscript_name(), "Carlito");
    assert!(name.synthetic_bold && !name.synthetic_italic);
    let slanted: Vec<&str> = pages
        .runs()
        .filter(|r| r.synthetic_italic)
        .map(|r| r.text.as_str())
        .collect();
    assert_eq!(
        slanted,
        ["Loom Works", "Leeds"],
        "company and place are italic"
    );
    // In the PDF the slanted run has a sheared text matrix, and the render says so.
    let rendered = resumepdf::render(&resumepdf::Request::new(text, &layout, &fonts)).unwrap();
    let simulated: Vec<&str> = rendered
        .notes
        .simulated
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(
        simulated,
        [format!("{file} bold"), format!("{file} italic")]
    );
    let pdf = rendered.pdf;
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let sheared = doc
        .get_and_decode_page_content(page)
        .unwrap()
        .operations
        .iter()
        .filter(|op| op.operator == "Tm")
        .filter(|op| op.operands[2].as_float().unwrap() > 0.2)
        .count();
    assert_eq!(sheared, slanted.len());
}

#[test]
fn a_layout_file_can_put_the_company_before_the_title_on_a4() {
    // Entry templates are data: one line "company — title" with the dates, on A4 paper.
    let fonts = resumepdf::fonts::FontBook::bundled();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/layouts/company-first-a4.json"
    );
    let layout = resumepdf::layout::load(path, &fonts).expect("the layout file loads");
    let source = include_str!("../samples/with-photo.json");
    let rendered =
        resumepdf::render(&resumepdf::Request::new(source, &layout, &fonts)).expect("renders");
    let doc = lopdf::Document::load_mem(&rendered.pdf).unwrap();
    let page = *doc.get_pages().values().next().unwrap();
    let media_box = doc
        .get_dictionary(page)
        .and_then(|p| p.get(b"MediaBox"))
        .and_then(|b| b.as_array().cloned())
        .unwrap_or_default();
    let size: Vec<f32> = media_box.iter().filter_map(|v| v.as_float().ok()).collect();
    assert_eq!(size.len(), 4);
    assert!(
        (size[2] - 595.28).abs() < 0.1 && (size[3] - 841.89).abs() < 0.1,
        "{size:?}"
    );
    let text = common::read_pdf(&rendered.pdf).text.concat();
    assert!(
        text.contains("The Riverbend Hotel Brisbane — Front Office Manager"),
        "{text}"
    );
    // An unknown field is refused, naming where it is.
    let bad = r#"{"extends": "classic", "name": "bad",
        "entries": {"awards": {"lines": [{"left": ["position"]}]}}}"#;
    let error = resumepdf::layout::parse(bad, "bad.json", &fonts)
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("entries.awards.lines[0].left[0]: awards entries have no field `position`"),
        "{error}"
    );
}

#[test]
fn a_layout_file_draws_skills_languages_references_and_contact_from_its_templates() {
    // Every section's entries are data: levels first, one language per line with its fluency
    // flush right, the referee before the words, and only phone and e-mail in the header.
    let fonts = resumepdf::fonts::FontBook::bundled();
    let layout = r#"{"extends": "classic", "name": "own-sections", "entries": {
        "skills": {"lines": [{"left": [
            {"field": "level", "style": "muted", "suffix": " —"},
            {"field": "name", "separator": " "},
            {"field": "keywords", "style": "body", "separator": "{label}"}], "wrap": true}],
            "gap": "paragraph"},
        "languages": {"lines": [{"left": ["language"], "right": ["fluency"]}], "gap": "paragraph"},
        "references": {"lines": [
            {"left": [{"field": "name", "style": "strong", "suffix": ":"}], "wrap": true},
            {"left": [{"field": "reference", "style": "emphasis"}], "wrap": true}]},
        "contact": ["phone", "email"]}}"#;
    let layout = resumepdf::layout::parse(layout, "own-sections.json", &fonts).expect("parses");
    let source = include_str!("../samples/everything.json");
    let rendered =
        resumepdf::render(&resumepdf::Request::new(source, &layout, &fonts)).expect("renders");
    let text = common::read_pdf(&rendered.pdf).text.concat();
    assert_in_order(
        &text,
        &[
            "(412) 555-0129",
            "daniel.oseimensah@example.com",
            "Advanced — Analysis: SQL, Python (pandas, scikit-learn)",
            "English",
            "Native speaker",
            "Twi",
            "Conversational",
            "Dr. Helen Park, Director of Care Operations, Three Rivers Health Partners:",
            "Daniel's no-show work changed",
        ],
    );
    // The header left out the place and the web site the built-in contact line shows.
    let header = &text[..text.find("daniel.oseimensah@example.com").unwrap()];
    assert!(!header.contains("Pittsburgh"), "{header}");
    assert!(!text.contains("danieloseimensah.example.com"), "{text}");
    // A wrapping or inline line has no right side.
    let bad = r#"{"extends": "classic", "name": "bad", "entries": {
        "skills": {"lines": [{"left": ["name"], "right": ["level"], "wrap": true}]}}}"#;
    let error = resumepdf::layout::parse(bad, "bad.json", &fonts)
        .unwrap_err()
        .to_string();
    assert!(
        error
            .contains("entries.skills.lines[0].right: a wrapping or inline line has no right side"),
        "{error}"
    );
}

#[test]
fn built_in_layouts_keep_a_short_language_whole_and_label_project_keywords() {
    let source = include_str!("../samples/everything.json");
    for layout in ["classic", "sidebar", "compact"] {
        let rendered = common::cli_render::render(source, layout);
        let lines: Vec<&str> = rendered.read.text.iter().flat_map(|p| p.lines()).collect();
        // "Twi (Conversational)" is never cut between the language and its fluency.
        assert!(
            lines
                .iter()
                .any(|line| line.contains("Twi (Conversational)")),
            "{layout}: {lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|line| line.starts_with("Technologies: R, Survey statistics")),
            "{layout}: {lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|line| line.split('·').any(|part| part.trim() == "Library")),
            "{layout}: {lines:?}"
        );
    }
}

#[test]
fn a_short_keyword_never_breaks_and_one_wider_than_the_sidebar_breaks_at_its_spaces() {
    // In the narrow sidebar, "Google Sheets" used to end one line and start the next; a keyword
    // too wide for the column ("Written and spoken communication") breaks between its words, never
    // inside one.
    let source = include_str!("../samples/customer-service-supervisor.json");
    let rendered = common::cli_render::render(source, "sidebar");
    let lines: Vec<String> = rendered
        .read
        .text
        .iter()
        .flat_map(|page| page.lines())
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert!(
        lines.iter().any(|line| line.contains("Google Sheets")),
        "{lines:#?}"
    );
    let words: Vec<&str> = lines.iter().flat_map(|l| l.split(' ')).collect();
    for word in ["communication", "Written", "spoken"] {
        assert!(
            words.iter().any(|w| w.trim_end_matches(',') == word),
            "{word}: {lines:#?}"
        );
    }
}

/// The fewest samples `compact` must print on one page. Of the 11 samples, 7 fit at the layout
/// rules' limits (10 pt body, single spacing, 0.5 in margins, entries kept apart); the other four
/// need more than a page even then (`everything` 1.6 pages, `senior-engineer-long-career` 2.5,
/// `new-graduate` 1.3, `customer-service-supervisor` about 4 lines over) and keep their pages.
const COMPACT_ONE_PAGE_SAMPLES: usize = 7;

/// `compact` keeps its promise of one page wherever the rules allow: its own page budget fits
/// the samples (page counts read back from the PDFs), and a resume that cannot fit is not cut.
#[test]
fn compact_prints_most_samples_on_one_page() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut pages = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("samples/ is readable") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("sample is readable");
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            pages.push((
                name,
                common::cli_render::render(&text, "compact").read.page_count,
            ));
        }
    }
    assert!(pages.len() >= 10, "the samples are missing: {pages:?}");
    let long_career = pages
        .iter()
        .find(|(name, _)| name == "senior-engineer-long-career");
    assert!(
        long_career.is_some_and(|(_, count)| *count > 1),
        "a long career keeps its pages: {pages:?}"
    );
    let one_page = pages.iter().filter(|(_, count)| *count == 1).count();
    assert!(
        one_page >= COMPACT_ONE_PAGE_SAMPLES,
        "{one_page} of {} samples on one page: {pages:?}",
        pages.len()
    );
}
