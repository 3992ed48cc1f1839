//! Tagged PDF, read back: the structure tree holds every piece of text once, with its role, in
//! the order a person reads; links, the photo and the metadata are what PDF/UA-1 and PDF/A-2a
//! ask for. (`tests/accessibility.sh` runs two validators over every sample.)

use crate::common;

use common::read_pdf;
use common::structure::{Kid, Tree, outline, read_structure, reading_order};
use resumepdf::fonts::FontBook;
use resumepdf::layout;
use resumepdf::pdf::Standard;

/// Renders the JSON Resume `text` in `layout_name` with the bundled fonts, to `standard`, with
/// the photo of `samples/` when it names one.
fn render(text: &str, layout_name: &str, standard: Standard) -> Vec<u8> {
    let fonts = FontBook::bundled();
    let layout = layout::load(layout_name, &fonts).expect("built-in layout");
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let request = resumepdf::Request {
        photo_dir: Some(&samples),
        standard,
        ..resumepdf::Request::new(text, &layout, &fonts)
    };
    resumepdf::render(&request).expect("PDF is written").pdf
}

const SMALL: &str = r#"{
  "basics": {
    "name": "Ada Quill",
    "label": "Pastry Chef",
    "email": "ada@example.com",
    "summary": "Bakes bread at dawn."
  },
  "work": [{
    "name": "Crumb & Co",
    "position": "Head Baker",
    "startDate": "2020-01",
    "highlights": ["Opened a second oven.", "Trained four apprentices."]
  }],
  "skills": [{ "name": "Laminating", "keywords": ["croissant"] }]
}"#;

#[test]
fn a_small_resume_reads_back_with_its_roles_in_order() {
    let pdf = render(SMALL, "classic", Standard::default());
    let tree = read_structure(&pdf).expect("a structure tree");
    assert!(tree.marked, "MarkInfo /Marked true");
    assert_eq!(tree.roots.len(), 1);
    assert_eq!(
        outline(&tree.roots[0]),
        "Document(H1 P P(Link) Sect(H2 P) Sect(H2 Div(H3 P P L(LI(Lbl LBody) LI(Lbl LBody)))) \
         Sect(H2 Div(P)))"
    );
    let read = read_pdf(&pdf);
    let order = reading_order(&tree, &read);
    let pairs: Vec<(&str, &str)> = order
        .iter()
        .map(|(role, text)| (role.as_str(), text.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("H1", "Ada Quill"),
            ("P", "Pastry Chef"),
            ("Link", "ada@example.com"),
            ("H2", "SUMMARY"),
            ("P", "Bakes bread at dawn."),
            ("H2", "EXPERIENCE"),
            ("H3", "Crumb & Co"),
            ("P", "Jan 2020 – Present"),
            ("P", "Head Baker"),
            ("Lbl", "•"),
            ("LBody", "Opened a second oven."),
            ("Lbl", "•"),
            ("LBody", "Trained four apprentices."),
            ("H2", "SKILLS"),
            ("P", "Laminating: croissant"),
        ]
    );
    assert_eq!(read.lang.as_deref(), Some("en"));
}

/// Every link annotation of `tree`, with its `/Contents` and parent-tree key.
fn annotations(tree: &Tree) -> Vec<(Option<String>, Option<i64>)> {
    fn walk(kids: &[Kid], out: &mut Vec<(Option<String>, Option<i64>)>) {
        for kid in kids {
            match kid {
                Kid::Annotation {
                    contents,
                    struct_parent,
                    ..
                } => out.push((contents.clone(), *struct_parent)),
                Kid::Element(e) => walk(&e.kids, out),
                Kid::Content { .. } => {}
            }
        }
    }
    let mut out = Vec::new();
    for root in &tree.roots {
        walk(&root.kids, &mut out);
    }
    out
}

#[test]
fn links_are_link_elements_with_their_annotation_and_a_description() {
    let pdf = render(SMALL, "classic", Standard::default());
    let tree = read_structure(&pdf).unwrap();
    let read = read_pdf(&pdf);
    assert_eq!(read.links.len(), 1);
    let found = annotations(&tree);
    assert_eq!(found.len(), 1);
    let (contents, key) = &found[0];
    assert_eq!(contents.as_deref(), Some("ada@example.com"));
    // One page (key 0) and the annotation: the next key is 2.
    assert_eq!(*key, Some(1));
    assert_eq!(tree.next_key, Some(2));
}

#[test]
fn the_sidebar_sample_reads_the_name_first_and_every_string_once() {
    let text = include_str!("../samples/with-photo.json");
    let pdf = render(text, "sidebar", Standard::default());
    let tree = read_structure(&pdf).unwrap();
    let read = read_pdf(&pdf);
    let order = reading_order(&tree, &read);
    assert_eq!(order[0], ("H1".to_string(), "Sofia Marchetti".to_string()));
    assert_eq!(
        order[1],
        ("P".to_string(), "Front Office Manager".to_string())
    );
    // Then the contact line that heads the page (each item with the separator after it), then
    // the sidebar (on the left), photo first; then the main column.
    let item = |text: &str| text.trim_end_matches([' ', '·']).to_string();
    assert_eq!(
        (order[2].0.as_str(), item(&order[2].1)),
        ("Link", "sofia.marchetti@example.com".to_string())
    );
    let position = |needle: &str| {
        order
            .iter()
            .position(|(_, t)| item(t) == needle)
            .unwrap_or_else(|| panic!("{needle} is read: {order:?}"))
    };
    let photo = position("Photo of Sofia Marchetti");
    assert!(position("sofia.marchetti@example.com") < photo);
    assert_eq!(order[photo + 1].1, "SKILLS");
    assert!(position("SKILLS") < position("SUMMARY"));
    assert!(position("LANGUAGES") < position("EXPERIENCE"));
    // Every string of the resume is read as often as the resume has it (line breaks aside).
    let squeeze = |s: &str| s.split_whitespace().collect::<String>();
    let all: String = order
        .iter()
        .filter(|(role, _)| role != "Figure")
        .map(|(_, t)| squeeze(t))
        .collect();
    let resume: serde_json::Value = serde_json::from_str(text).unwrap();
    let mut strings = Vec::new();
    for work in resume["work"].as_array().unwrap() {
        for key in ["name", "position", "location"] {
            strings.extend(work[key].as_str());
        }
        for highlight in work["highlights"].as_array().unwrap() {
            strings.extend(highlight.as_str());
        }
    }
    for key in ["name", "label", "email", "phone", "summary"] {
        strings.extend(resume["basics"][key].as_str());
    }
    assert!(strings.len() > 15);
    let given: Vec<String> = strings.iter().map(|s| squeeze(s)).collect();
    for string in &given {
        let times = given
            .iter()
            .map(|g| g.matches(string.as_str()).count())
            .sum::<usize>();
        assert_eq!(all.matches(string.as_str()).count(), times, "{string}");
    }
    let figure = tree.roots[0].kids.iter().find_map(|k| match k {
        Kid::Element(e) if e.role == "Figure" => Some(e),
        _ => None,
    });
    let bbox = figure
        .and_then(|f| f.bbox.clone())
        .expect("the figure has a BBox");
    assert!(bbox[2] > bbox[0] && bbox[3] > bbox[1], "{bbox:?}");
}

#[test]
fn the_metadata_claims_both_standards_and_repeats_the_information() {
    let pdf = render(SMALL, "classic", Standard::default());
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    let metadata = catalog.get(b"Metadata").unwrap().as_reference().unwrap();
    let stream = doc.get_object(metadata).unwrap().as_stream().unwrap();
    assert!(
        !stream.dict.has(b"Filter"),
        "PDF/A wants the metadata unfiltered"
    );
    let xmp = String::from_utf8(stream.content.clone()).unwrap();
    for expected in [
        "<pdfuaid:part>1</pdfuaid:part>",
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>A</pdfaid:conformance>",
        "<rdf:li xml:lang=\"x-default\">Ada Quill — Resume</rdf:li>",
        "<dc:creator><rdf:Seq><rdf:li>Ada Quill</rdf:li></rdf:Seq></dc:creator>",
        "<rdf:li>en</rdf:li>",
        "<xmp:CreateDate>2000-01-01T00:00:00+00:00</xmp:CreateDate>",
    ] {
        assert!(xmp.contains(expected), "{expected} in {xmp}");
    }
    let read = read_pdf(&pdf);
    assert_eq!(
        read.info.get("CreationDate").map(String::as_str),
        Some("D:20000101000000+00'00'")
    );
    let prefs = catalog
        .get(b"ViewerPreferences")
        .unwrap()
        .as_dict()
        .unwrap();
    assert_eq!(
        prefs.get(b"DisplayDocTitle").unwrap(),
        &lopdf::Object::Boolean(true)
    );
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    assert_eq!(intents.len(), 1);
    // The annotation is printed, and the page's tab order follows the structure.
    let page = doc.get_dictionary(doc.get_pages()[&1]).unwrap();
    assert_eq!(page.get(b"Tabs").unwrap().as_name().unwrap(), b"S");
    let annot = doc
        .get_dictionary(
            page.get(b"Annots").unwrap().as_array().unwrap()[0]
                .as_reference()
                .unwrap(),
        )
        .unwrap();
    assert_eq!(annot.get(b"F").unwrap().as_i64().unwrap(), 4);
}

#[test]
fn with_no_standard_the_pdf_is_untagged_and_claims_nothing() {
    let pdf = render(SMALL, "classic", Standard::NONE);
    assert!(read_structure(&pdf).is_none());
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(!catalog.has(b"Metadata") && !catalog.has(b"MarkInfo"));
    assert!(pdf.starts_with(b"%PDF-1.5\n"));
    let read = read_pdf(&pdf);
    assert!(read.marked.iter().all(|m| m.is_empty()));
}

#[test]
fn two_renders_give_the_same_bytes() {
    let text = include_str!("../samples/with-photo.json");
    assert!(
        render(text, "sidebar", Standard::default())
            == render(text, "sidebar", Standard::default())
    );
}

#[test]
fn page_footers_are_artifacts_outside_the_tree() {
    let text = include_str!("../samples/with-photo.json");
    let pdf = render(text, "classic", Standard::default());
    let read = read_pdf(&pdf);
    assert_eq!(read.page_count, 2);
    for artifacts in &read.artifacts {
        assert!(artifacts.contains("Sofia Marchetti"), "{artifacts:?}");
        assert!(artifacts.contains("2"), "{artifacts:?}");
    }
    let tree = read_structure(&pdf).unwrap();
    let order = reading_order(&tree, &read);
    // Classic shows no photo: the name is read once, as the title.
    let named: Vec<&(String, String)> = order
        .iter()
        .filter(|(_, t)| t.contains("Sofia Marchetti"))
        .collect();
    assert_eq!(named, [&("H1".to_string(), "Sofia Marchetti".to_string())]);
}

#[test]
fn a_character_without_a_glyph_keeps_the_tags_but_drops_the_claims() {
    let text = SMALL.replace("Pastry Chef", "Pastry Chef \u{E000}");
    let pdf = render(&text, "classic", Standard::default());
    assert!(read_structure(&pdf).is_some_and(|tree| tree.marked));
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let metadata = doc
        .catalog()
        .unwrap()
        .get(b"Metadata")
        .unwrap()
        .as_reference()
        .unwrap();
    let xmp = String::from_utf8(
        doc.get_object(metadata)
            .unwrap()
            .as_stream()
            .unwrap()
            .content
            .clone(),
    )
    .unwrap();
    assert!(xmp.contains("<dc:title>"), "{xmp}");
    assert!(
        !xmp.contains("pdfuaid:part>") && !xmp.contains("pdfaid:part>"),
        "{xmp}"
    );
}

#[test]
fn no_stream_ends_in_a_carriage_return() {
    // PDF/A validators read a CR at the end of a stream's data as part of the end of line before
    // `endstream`, and then its /Length as wrong. This corpus resume in `compact` made lopdf's
    // object stream end in one.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/real/044_0xdkay_jsonresume-theme-elegant.json"
    );
    let text = std::fs::read_to_string(path).expect("the shared corpus is beside the checkout");
    for layout in ["compact", "classic"] {
        let pdf = render(&text, layout, Standard::default());
        assert!(
            !pdf.windows(11).any(|w| w == b"\r\nendstream"),
            "{layout}: a stream ends in CR"
        );
        assert!(lopdf::Document::load_mem(&pdf).is_ok());
    }
}
