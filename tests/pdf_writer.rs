//! The PDF writer, checked by reading its output back with an independent reader (tests/common).

use crate::common;

use std::sync::{Arc, OnceLock};

use common::{ReadPdf, read_pdf};
use resumepdf::fonts::{FaceId, FontBook, Style};
use resumepdf::pdf::{Meta, PdfError, Standard, check_image, write};
use resumepdf::structure::Structure;
use resumepdf::style::{Clip, Image, ImageData, Rect, Rgb};
use resumepdf::typeset::pages::{Glyph, GlyphRun, Item, Page, Pages};

const A4: (f32, f32) = (595.28, 841.89);

fn book() -> &'static FontBook {
    static BOOK: OnceLock<FontBook> = OnceLock::new();
    BOOK.get_or_init(FontBook::bundled)
}

fn face(family: &str, style: Style) -> FaceId {
    book().find(family, style).expect("bundled face")
}

/// Shapes `text` with harfrust the way the typesetter does: advances in points, and each glyph's
/// text is its cluster's text for the cluster's first glyph, empty for the others.
fn shape(face: FaceId, text: &str, size: f32, x: f32, y: f32) -> GlyphRun {
    let f = book().face(face);
    let mut shaped = harfrust::Buffer::new();
    shaped.push_str(text);
    shaped.guess_segment_properties();
    let font = harfrust::ShaperFont::new(f.shaping());
    harfrust::shape(&font, &mut shaped, harfrust::ShapeOptions::new()).expect("shaped");
    let infos = shaped.glyph_infos();
    let glyphs = infos
        .iter()
        .zip(shaped.glyph_positions())
        .enumerate()
        .map(|(i, (info, pos))| {
            let cluster = info.cluster as usize;
            let first = i == 0 || infos[i - 1].cluster as usize != cluster;
            let end = infos[i..]
                .iter()
                .map(|g| g.cluster as usize)
                .find(|&c| c != cluster)
                .unwrap_or(text.len());
            Glyph {
                id: info.glyph_id as u16,
                advance: pos.x_advance as f32 * size / f.units_per_em(),
                text: if first {
                    cluster..end
                } else {
                    cluster..cluster
                },
                x_offset: pos.x_offset as f32 * size / f.units_per_em(),
                y_offset: -(pos.y_offset as f32) * size / f.units_per_em(),
            }
        })
        .collect();
    GlyphRun {
        face,
        size,
        color: Rgb::BLACK,
        x,
        y,
        text: text.to_string(),
        glyphs,
        synthetic_bold: false,
        synthetic_italic: false,
        right_to_left: false,
        node: None,
    }
}

/// One page with one run per line, 20 pt apart.
fn lines(runs: &[(FaceId, &str, f32)]) -> Pages {
    let items = runs
        .iter()
        .enumerate()
        .map(|(i, &(face, text, size))| {
            Item::Text(shape(face, text, size, 50.0, 60.0 + 40.0 * i as f32))
        })
        .collect();
    Pages {
        width: A4.0,
        height: A4.1,
        pages: vec![Page { items }],
        structure: Structure::default(),
    }
}

fn meta() -> Meta {
    Meta {
        title: "Zoë Łukasiewicz – CV".into(),
        author: "Zoë Łukasiewicz".into(),
        subject: "Senior Engineer".into(),
        keywords: vec!["rust".into(), "typography".into()],
        creation_date: 1_700_000_000,
        language: Some("en-GB".into()),
        ..Meta::default()
    }
}

fn write_and_read(pages: &Pages) -> (Vec<u8>, ReadPdf) {
    let bytes = write(pages.clone(), &meta(), book()).expect("the document is written");
    let read = read_pdf(&bytes);
    (bytes, read)
}

const SAMPLES: &[&str] = &[
    "é ü ł ø Zoë Müller-Łukasiewicz",
    "Ελληνικά Русский",
    "“curly quotes” – en dash — em dash ‘single’",
    "office efficient fluffy",
    "Café naïve €5 100% (C++) [x] {y} \\ / <z>",
];

#[test]
fn text_round_trips_exactly_in_every_family() {
    let faces = [
        face("Carlito", Style::REGULAR),
        face("Carlito", Style::BOLD),
        face("Liberation Sans", Style::ITALIC),
        face("Liberation Serif", Style::REGULAR),
    ];
    let runs: Vec<(FaceId, &str, f32)> = faces
        .iter()
        .flat_map(|&f| SAMPLES.iter().map(move |&s| (f, s, 11.0)))
        .collect();
    let pages = lines(&runs);
    // Every sample is covered by every face: no .notdef glyphs.
    for item in &pages.pages[0].items {
        let Item::Text(run) = item else {
            unreachable!()
        };
        assert!(
            run.glyphs.iter().all(|g| g.id != 0),
            "{:?} has .notdef",
            run.text
        );
    }
    let (_, read) = write_and_read(&pages);
    assert_eq!(read.page_count, 1);
    let shown: Vec<&str> = read.shows[0].iter().map(|s| s.text.as_str()).collect();
    let expected: Vec<&str> = runs.iter().map(|r| r.1).collect();
    assert_eq!(shown, expected);
    assert_eq!(read.text[0], expected.join("\n"));
}

#[test]
fn ligatures_map_back_to_their_letters() {
    let carlito = face("Carlito", Style::REGULAR);
    let run = shape(carlito, "office efficient fluffy", 11.0, 0.0, 0.0);
    // Carlito forms ffi/fi/ffl ligatures: fewer glyphs than characters.
    assert!(run.glyphs.len() < run.text.chars().count());
    let (_, read) = write_and_read(&lines(&[(carlito, "office efficient fluffy", 11.0)]));
    assert_eq!(read.text[0], "office efficient fluffy");
}

#[test]
fn one_glyph_standing_for_two_texts_keeps_both() {
    let carlito = face("Carlito", Style::REGULAR);
    // Carlito draws the space and the no-break space with the same glyph.
    let a = shape(carlito, "a b", 11.0, 0.0, 0.0);
    let b = shape(carlito, "a\u{a0}b", 11.0, 0.0, 0.0);
    assert_eq!(a.glyphs[1].id, b.glyphs[1].id);
    // A cluster of two glyphs: the second stands for no text of its own.
    let mut cluster = shape(carlito, "xy", 11.0, 50.0, 200.0);
    cluster.text = "x".into();
    cluster.glyphs[1].text = 1..1;
    let mut pages = lines(&[(carlito, "a b", 11.0), (carlito, "a\u{a0}b", 11.0)]);
    pages.pages[0].items.push(Item::Text(cluster));
    let (_, read) = write_and_read(&pages);
    let shown: Vec<&str> = read.shows[0].iter().map(|s| s.text.as_str()).collect();
    // In a tagged PDF every code maps to text, so the glyph that stands for nothing maps to its
    // own character, "y", and is drawn apart under an empty `/ActualText`: it reads as nothing.
    assert_eq!(shown, ["a b", "a\u{a0}b", "x", ""]);
    let blank = &read.shows[0][3];
    let font = read
        .fonts
        .iter()
        .find(|f| f.base_font == blank.font)
        .unwrap();
    assert_eq!(font.unicode[&blank.codes[0]], "y");
}

#[test]
fn fonts_are_embedded_subset_and_mapped_to_unicode() {
    let faces = [
        face("Carlito", Style::REGULAR),
        face("Carlito", Style::ITALIC),
        face("Liberation Serif", Style::BOLD),
    ];
    let pages = lines(&faces.map(|f| (f, "Résumé Ελληνικά", 11.0)));
    let (_, read) = write_and_read(&pages);
    assert_eq!(read.fonts.len(), 3, "{:?}", read.fonts);
    for face in faces {
        let suffix = format!("+{}", book().face(face).postscript_name());
        let font = read.fonts.iter().find(|f| f.base_font.ends_with(&suffix));
        let font = font.unwrap_or_else(|| panic!("no {suffix} in {:?}", read.fonts));
        assert!(font.embedded && font.subset && font.to_unicode, "{font:?}");
    }
}

#[test]
fn each_code_draws_the_glyph_the_shaper_chose() {
    use ttf_parser::{self, GlyphId, OutlineBuilder};
    #[derive(Default, PartialEq, Debug)]
    struct Outline(Vec<(i32, i32)>);
    impl OutlineBuilder for Outline {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push((x as i32, y as i32));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push((x as i32, y as i32));
        }
        fn quad_to(&mut self, _: f32, _: f32, x: f32, y: f32) {
            self.0.push((x as i32, y as i32));
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, x: f32, y: f32) {
            self.0.push((x as i32, y as i32));
        }
        fn close(&mut self) {}
    }
    let outline = |face: &ttf_parser::Face, gid: u16| {
        let mut o = Outline::default();
        face.outline_glyph(GlyphId(gid), &mut o);
        (o, face.glyph_hor_advance(GlyphId(gid)))
    };

    let faces = [
        face(
            "Carlito",
            Style {
                bold: true,
                italic: true,
            },
        ),
        face("Liberation Serif", Style::REGULAR),
    ];
    let text = "Ørsted – “Äpfel” office Ελληνικά Ж";
    let pages = lines(&faces.map(|f| (f, text, 11.0)));
    let (_, read) = write_and_read(&pages);
    let mut drawn = 0;
    for (item, show) in pages.pages[0].items.iter().zip(&read.shows[0]) {
        let Item::Text(run) = item else {
            unreachable!()
        };
        let font = read
            .fonts
            .iter()
            .find(|f| f.base_font == show.font)
            .unwrap();
        let embedded = ttf_parser::Face::parse(&font.program, 0).expect("a valid font program");
        let original = &book().face(run.face).parser();
        assert_eq!(show.codes.len(), run.glyphs.len());
        for (glyph, &code) in run.glyphs.iter().zip(&show.codes) {
            let want = outline(original, glyph.id);
            drawn += usize::from(!want.0.0.is_empty());
            assert_eq!(
                outline(&embedded, code as u16),
                want,
                "{}: glyph {}",
                show.font,
                glyph.id
            );
        }
        // Only the glyphs used (plus .notdef and composite parts) are in the subset.
        assert!(
            embedded.number_of_glyphs() < 60,
            "{} glyphs",
            embedded.number_of_glyphs()
        );
    }
    assert!(
        drawn > 40,
        "only {drawn} glyphs with outlines were compared"
    );
}

#[test]
fn subset_tags_are_stable_and_follow_the_glyphs() {
    let carlito = face("Carlito", Style::REGULAR);
    let tag = |text: &str| {
        write_and_read(&lines(&[(carlito, text, 11.0)])).1.fonts[0]
            .base_font
            .clone()
    };
    assert_eq!(tag("abc"), tag("cab"));
    assert_ne!(tag("abc"), tag("abd"));
}

#[test]
fn glyphs_sit_at_their_shaped_positions() {
    let runs = [
        (
            face("Carlito", Style::BOLD),
            "AVATAR WAVE Toyota, “Yes.”",
            36.0,
        ),
        (
            face("Carlito", Style::REGULAR),
            "AVATAR WAVE Toyota, “Yes.” office",
            24.0,
        ),
        (
            face("Liberation Serif", Style::ITALIC),
            "AVATAR WAVE Toyota, “Yes.”",
            13.0,
        ),
        (
            face("Liberation Sans", Style::REGULAR),
            "Kerning: AV Ta Yo P. We",
            10.5,
        ),
        (
            face("Carlito", Style::REGULAR),
            "A long line of small text, typical of a resume bullet point.",
            8.0,
        ),
    ];
    let pages = lines(&runs);
    let (_, read) = write_and_read(&pages);
    let page_height = pages.height;
    let mut checked = 0;
    for (item, show) in pages.pages[0].items.iter().zip(&read.shows[0]) {
        let Item::Text(run) = item else {
            unreachable!()
        };
        assert_eq!(show.glyph_x.len(), run.glyphs.len());
        assert!((show.y - (page_height - run.y)).abs() < 0.001);
        let mut x = run.x;
        for (glyph, &read_x) in run.glyphs.iter().zip(&show.glyph_x) {
            assert!(
                (read_x - x).abs() < 0.05,
                "{:?}: glyph at {read_x}, shaped at {x}",
                run.text
            );
            x += glyph.advance;
            checked += 1;
        }
        let end = run.x + run.width();
        assert!(
            (show.end_x - end).abs() < 0.05,
            "{:?}: line ends at {}, shaped {end}",
            run.text,
            show.end_x
        );
    }
    assert!(checked > 100);
}

#[test]
fn marks_are_drawn_at_their_offsets_and_the_text_stays_one_string() {
    // "e" + COMBINING ACUTE, as a shaper that does not compose them would place it: the accent
    // (empty text, its base carries it) moved left onto the "e" and lifted; then "x" on the
    // baseline, moved right by 1 pt.
    let f = face("Liberation Serif", Style::REGULAR);
    let font = &book().face(f).parser();
    let gid = |c: char| font.glyph_index(c).unwrap().0;
    let run = GlyphRun {
        face: f,
        size: 20.0,
        color: Rgb::BLACK,
        x: 100.0,
        y: 100.0,
        text: "e\u{301}x".into(),
        glyphs: vec![
            Glyph {
                id: gid('e'),
                advance: 9.0,
                text: 0..3,
                ..Glyph::default()
            },
            Glyph {
                id: gid('\u{301}'),
                advance: 0.0,
                x_offset: -6.0,
                y_offset: -2.5,
                text: 3..3,
            },
            Glyph {
                id: gid('x'),
                advance: 10.0,
                x_offset: 1.0,
                text: 3..4,
                ..Glyph::default()
            },
        ],
        synthetic_bold: false,
        synthetic_italic: false,
        right_to_left: false,
        node: None,
    };
    let pages = Pages {
        width: A4.0,
        height: A4.1,
        structure: Structure::default(),
        pages: vec![Page {
            items: vec![Item::Text(run)],
        }],
    };
    let (_, read) = write_and_read(&pages);
    let baseline = A4.1 - 100.0;
    let shows = &read.shows[0];
    // The run's text is one string on the baseline, its glyphs where the shaper put them.
    let text = shows.iter().find(|s| !s.text.is_empty()).unwrap();
    assert_eq!(text.text, "e\u{301}x");
    assert!((text.y - baseline).abs() < 0.001);
    assert_eq!(text.glyph_x.len(), 2);
    assert!((text.glyph_x[0] - 100.0).abs() < 0.05);
    assert!((text.glyph_x[1] - 110.0).abs() < 0.05, "{:?}", text.glyph_x);
    assert!((text.end_x - 119.0).abs() < 0.05, "{}", text.end_x);
    // The accent is shown on its own, over the "e", 2.5 pt up.
    let accent = shows.iter().find(|s| s.text.is_empty()).unwrap();
    assert!((accent.y - (baseline + 2.5)).abs() < 0.001, "{}", accent.y);
    assert!(
        (accent.glyph_x[0] - 103.0).abs() < 0.05,
        "{:?}",
        accent.glyph_x
    );
}

#[test]
fn kerning_is_visible_in_the_output() {
    // Guard for the test above: unkerned (nominal) advances would put the line end far off.
    let carlito = face("Carlito", Style::BOLD);
    let run = shape(carlito, "AVATAR WAVE", 36.0, 50.0, 60.0);
    let f = book().face(carlito);
    let nominal: f32 = run
        .glyphs
        .iter()
        .map(|g| {
            let advance = f.parser().glyph_hor_advance(ttf_parser::GlyphId(g.id));
            f32::from(advance.unwrap_or(0)) * 36.0 / f.units_per_em()
        })
        .sum();
    assert!(
        nominal - run.width() > 1.0,
        "kerning changes the width by {}",
        nominal - run.width()
    );
    let (_, read) = write_and_read(&lines(&[(carlito, "AVATAR WAVE", 36.0)]));
    assert!((read.shows[0][0].end_x - (50.0 + run.width())).abs() < 0.05);
}

#[test]
fn links_keep_their_uris_have_no_border_and_are_flipped() {
    let carlito = face("Carlito", Style::REGULAR);
    let link = |x: f32, y: f32, uri: &str| Item::Link {
        rect: Rect {
            x,
            y,
            width: 120.0,
            height: 12.0,
        },
        uri: uri.into(),
        node: None,
    };
    let page1 = Page {
        items: vec![
            Item::Text(shape(carlito, "zoe@example.com", 10.0, 50.0, 110.0)),
            link(50.0, 100.0, "mailto:zoe@example.com"),
            link(50.0, 120.0, "https://example.com/zoë?a=(1)"),
            link(50.0, 140.0, "javascript:alert(1)"),
            link(50.0, 160.0, "file:///etc/passwd"),
            link(50.0, 180.0, "tel:+44-20-7946-0000"),
        ],
    };
    let page2 = Page {
        items: vec![link(300.0, 700.0, "http://example.org")],
    };
    let pages = Pages {
        width: A4.0,
        height: A4.1,
        pages: vec![page1, page2],
        structure: Structure::default(),
    };
    let (_, read) = write_and_read(&pages);
    let uris: Vec<(usize, &str)> = read
        .links
        .iter()
        .map(|(p, _, u)| (*p, u.as_str()))
        .collect();
    assert_eq!(
        uris,
        [
            (1, "mailto:zoe@example.com"),
            (1, "https://example.com/zo%C3%AB?a=(1)"),
            (1, "tel:+44-20-7946-0000"),
            (2, "http://example.org"),
        ]
    );
    let [x0, y0, x1, y1] = read.links[0].1;
    let expected = [50.0, A4.1 - 112.0, 170.0, A4.1 - 100.0];
    for (got, want) in [x0, y0, x1, y1].iter().zip(expected) {
        assert!(
            (got - want).abs() < 0.001,
            "rect {:?}, expected {expected:?}",
            read.links[0].1
        );
    }
    for border in &read.link_borders {
        assert_eq!(border.as_deref(), Some([0.0, 0.0, 0.0].as_slice()));
    }
}

#[test]
fn rules_and_fills_are_drawn_flipped() {
    let blue = Rgb {
        r: 0.1,
        g: 0.2,
        b: 0.7,
    };
    let pages = Pages {
        width: A4.0,
        height: A4.1,
        structure: Structure::default(),
        pages: vec![Page {
            items: vec![
                Item::Fill {
                    rect: Rect {
                        x: 0.0,
                        y: 10.0,
                        width: 180.0,
                        height: 300.0,
                    },
                    color: blue,
                },
                Item::Rule {
                    x0: 50.0,
                    y0: 100.0,
                    x1: 545.0,
                    y1: 100.0,
                    thickness: 0.75,
                    color: blue,
                },
            ],
        }],
    };
    let (_, read) = write_and_read(&pages);
    assert_eq!(read.fills, [(1, [0.0, A4.1 - 310.0, 180.0, 300.0])]);
    assert_eq!(
        read.strokes,
        [(1, [50.0, A4.1 - 100.0, 545.0, A4.1 - 100.0], 0.75)]
    );
}

#[test]
fn document_information_is_ours_and_not_pdfx() {
    let (bytes, read) = write_and_read(&lines(&[(face("Carlito", Style::REGULAR), "Hi", 11.0)]));
    let info = |key: &str| read.info.get(key).map(String::as_str);
    assert_eq!(info("Title"), Some("Zoë Łukasiewicz – CV"));
    assert_eq!(info("Author"), Some("Zoë Łukasiewicz"));
    assert_eq!(info("Subject"), Some("Senior Engineer"));
    assert_eq!(info("Keywords"), Some("rust, typography"));
    let creator = format!("resumepdf {}", env!("CARGO_PKG_VERSION"));
    assert_eq!(info("Creator"), Some(creator.as_str()));
    assert_eq!(info("Producer"), Some("resumepdf"));
    assert_eq!(info("CreationDate"), Some("D:20231114221320+00'00'"));
    assert_eq!(info("ModDate"), Some("D:20231114221320+00'00'"));
    assert!(!read.has_gts_pdfx);
    assert!(!read.info.contains_key("Trapped"), "{:?}", read.info);
    assert_eq!(read.lang.as_deref(), Some("en-GB"));
    // PDF/UA-1 and PDF/A-2 build on PDF 1.7; without a standard, 1.5 (object streams).
    assert_eq!(read.version, "1.7");
    assert!(bytes.starts_with(b"%PDF-1.7\n"));
    let plain = Meta {
        standard: Standard::NONE,
        ..meta()
    };
    let pages = lines(&[(face("Carlito", Style::REGULAR), "Hi", 11.0)]);
    let untagged = write(pages.clone(), &plain, book()).unwrap();
    assert!(untagged.starts_with(b"%PDF-1.5\n"));
}

#[test]
fn same_input_gives_the_same_bytes_across_calls_and_threads() {
    let carlito = face("Carlito", Style::REGULAR);
    let pages = lines(&[
        (carlito, SAMPLES[0], 11.0),
        (face("Liberation Sans", Style::BOLD), SAMPLES[1], 14.0),
    ]);
    let first = write(pages.clone(), &meta(), book()).unwrap();
    let second = write(pages.clone(), &meta(), book()).unwrap();
    assert!(first == second, "two calls differ");
    let threads: Vec<Vec<u8>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| write(pages.clone(), &meta(), book()).unwrap()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(threads.iter().all(|t| *t == first), "threads differ");

    let (id, _) = read_pdf(&first).id.expect("a trailer /ID");
    assert_eq!(id.len(), 16);
    let other = lines(&[(carlito, "something else", 11.0)]);
    let (other_id, _) = read_pdf(&write(other, &meta(), book()).unwrap())
        .id
        .unwrap();
    assert_ne!(id, other_id, "the /ID follows the content");
}

#[test]
fn a_subset_is_much_smaller_than_the_font() {
    let carlito = face("Carlito", Style::REGULAR);
    let bytes = write(
        lines(&[(
            carlito,
            "Zoë Łukasiewicz, Senior Engineer — 2019 – 2024",
            11.0,
        )]),
        &meta(),
        book(),
    )
    .unwrap();
    let font_size = book().face(carlito).data().len();
    assert!(bytes.len() < 30_000, "{} bytes", bytes.len());
    assert!(
        bytes.len() * 10 < font_size,
        "{} bytes vs a {font_size}-byte font",
        bytes.len()
    );
}

#[test]
fn blank_pages_are_kept() {
    let mut pages = lines(&[(face("Carlito", Style::REGULAR), "page one", 11.0)]);
    pages.pages.push(Page::default());
    let (_, read) = write_and_read(&pages);
    assert_eq!(read.page_count, 2);
    assert_eq!(read.text, ["page one", ""]);
}

#[test]
fn bad_input_is_an_error_not_a_broken_file() {
    let carlito = face("Carlito", Style::REGULAR);
    let good = lines(&[(carlito, "text", 11.0)]);
    let err = |pages: &Pages| write(pages.clone(), &meta(), book()).unwrap_err();

    let mut none = good.clone();
    none.pages.clear();
    assert!(matches!(err(&none), PdfError::NoPages));

    let mut size = good.clone();
    size.width = f32::NAN;
    assert!(matches!(err(&size), PdfError::PageSize { .. }));

    let edit_run = |f: &dyn Fn(&mut GlyphRun)| {
        let mut pages = good.clone();
        if let Item::Text(run) = &mut pages.pages[0].items[0] {
            f(run);
        }
        pages
    };
    assert!(matches!(
        err(&edit_run(&|r| r.x = f32::INFINITY)),
        PdfError::NonFinite { page: 1, .. }
    ));
    assert!(matches!(
        err(&edit_run(&|r| r.size = 0.0)),
        PdfError::FontSize { page: 1, .. }
    ));
    assert!(matches!(
        err(&edit_run(&|r| r.face = FaceId(999))),
        PdfError::UnknownFace { face: 999, .. }
    ));
    assert!(matches!(
        err(&edit_run(&|r| r.glyphs[0].text = 0..99)),
        PdfError::GlyphText { .. }
    ));

    let mut date = meta();
    date.creation_date = i64::MAX / 2;
    assert!(matches!(
        write(good.clone(), &date, book()),
        Err(PdfError::Date(_))
    ));
}

// ---- Images ----------------------------------------------------------------------------------

const QUADRANTS_JPG: &[u8] = include_bytes!("data/images/quadrants.jpg");
const QUADRANTS_GRAY_JPG: &[u8] = include_bytes!("data/images/quadrants-gray.jpg");
const QUADRANTS_ALPHA_PNG: &[u8] = include_bytes!("data/images/quadrants-alpha.png");

/// The 60 × 75 test photo: red, green, blue and yellow quadrants (top-left, top-right,
/// bottom-left, bottom-right), so that a flipped or turned image would show.
fn jpeg_photo() -> Arc<Image> {
    Arc::new(Image {
        width: 60,
        height: 75,
        data: ImageData::Jpeg {
            bytes: QUADRANTS_JPG.to_vec(),
            components: 3,
        },
    })
}

/// The same quadrants as 8-bit RGBA, fading to transparent outside a centred disc.
fn rgba_photo() -> Arc<Image> {
    let decoded = image::load_from_memory_with_format(QUADRANTS_ALPHA_PNG, image::ImageFormat::Png)
        .expect("the test PNG decodes")
        .to_rgba8();
    Arc::new(Image {
        width: decoded.width(),
        height: decoded.height(),
        data: ImageData::Rgba8(decoded.into_raw()),
    })
}

fn rgba_pixels(image: &Image) -> &[u8] {
    match &image.data {
        ImageData::Rgba8(pixels) => pixels,
        ImageData::Jpeg { .. } => unreachable!(),
    }
}

/// `image` drawn to cover `frame` (centred, aspect ratio kept), as the composer places photos.
fn photo_item(frame: Rect, clip: Clip, image: &Arc<Image>) -> Item {
    let scale = (frame.width / image.width as f32).max(frame.height / image.height as f32);
    let (width, height) = (image.width as f32 * scale, image.height as f32 * scale);
    Item::Image {
        frame,
        draw: Rect {
            x: frame.x + (frame.width - width) / 2.0,
            y: frame.y + (frame.height - height) / 2.0,
            width,
            height,
        },
        clip,
        image: Arc::clone(image),
        node: None,
    }
}

fn page_of(items: Vec<Item>) -> Pages {
    Pages {
        width: A4.0,
        height: A4.1,
        pages: vec![Page { items }],
        structure: Structure::default(),
    }
}

const FRAME: Rect = Rect {
    x: 450.0,
    y: 40.0,
    width: 90.0,
    height: 90.0,
};

fn assert_close(got: &[f32], want: &[f32]) {
    assert_eq!(got.len(), want.len(), "{got:?} vs {want:?}");
    for (g, w) in got.iter().zip(want) {
        assert!((g - w).abs() < 0.002, "{got:?} vs {want:?}");
    }
}

/// `frame` in PDF coordinates as a bounding box `[x0, y0, x1, y1]`.
fn pdf_box(frame: Rect) -> [f32; 4] {
    [
        frame.x,
        A4.1 - frame.y - frame.height,
        frame.x + frame.width,
        A4.1 - frame.y,
    ]
}

#[test]
fn a_jpeg_is_embedded_unchanged_upright_and_clipped() {
    let photo = jpeg_photo();
    let carlito = face("Carlito", Style::REGULAR);
    let mut pages = page_of(vec![photo_item(FRAME, Clip::Ellipse, &photo)]);
    pages.pages[0].items.push(Item::Text(shape(
        carlito,
        "After the photo",
        11.0,
        50.0,
        60.0,
    )));
    let (bytes, read) = write_and_read(&pages);
    assert_eq!(read.images.len(), 1);
    let (page, image) = &read.images[0];
    assert_eq!(*page, 1);
    assert_eq!(image.filter.as_deref(), Some("DCTDecode"));
    assert!(image.stream == QUADRANTS_JPG, "the JPEG stream was changed");
    assert_eq!((image.width, image.height), (60, 75));
    assert_eq!(image.color_space.as_deref(), Some("DeviceRGB"));
    assert_eq!(image.bits_per_component, Some(8));
    assert!(!image.has_smask);
    // Covering the 90 pt square: 90 × 112.5 pt, centred, so 11.25 pt above and below are cut.
    // A positive scale on both axes keeps the image upright and unmirrored.
    let bottom = A4.1 - (FRAME.y - 11.25) - 112.5;
    assert_close(&image.ctm, &[90.0, 0.0, 0.0, 112.5, FRAME.x, bottom]);
    let clip = image
        .clip
        .as_ref()
        .expect("a clipping path before the image");
    assert_close(&clip.bbox, &pdf_box(FRAME));
    assert!(read.balanced_q);
    // Text after the image is unaffected.
    assert_eq!(read.text[0], "After the photo");
    assert_close(
        &[read.shows[0][0].x, read.shows[0][0].y],
        &[50.0, A4.1 - 60.0],
    );
    // The JPEG plus a few hundred bytes of structure; no copy of it elsewhere.
    let occurrences = bytes
        .windows(QUADRANTS_JPG.len())
        .filter(|w| *w == QUADRANTS_JPG)
        .count();
    assert_eq!(occurrences, 1);
}

#[test]
fn every_clip_shape_is_a_clipping_path_on_the_frame() {
    let photo = jpeg_photo();
    let equal_copy = Arc::new((*photo).clone());
    let at = |x: f32, y: f32| Rect {
        x,
        y,
        width: 80.0,
        height: 100.0,
    };
    let frames = [
        at(40.0, 40.0),
        at(160.0, 40.0),
        at(280.0, 40.0),
        at(400.0, 40.0),
        at(40.0, 200.0),
        at(160.0, 200.0),
    ];
    let clips = [
        Clip::Rectangle,
        Clip::Ellipse,
        Clip::Rounded(12.0),
        Clip::Rounded(1000.0),
        Clip::Rounded(0.0),
        Clip::Ellipse,
    ];
    let items = frames
        .iter()
        .zip(clips)
        .enumerate()
        .map(|(i, (&frame, clip))| {
            let image = if i == 5 { &equal_copy } else { &photo };
            photo_item(frame, clip, image)
        })
        .collect();
    let (_, read) = write_and_read(&page_of(items));
    assert_eq!(read.images.len(), 6);
    let shapes: Vec<(usize, usize, usize)> = read
        .images
        .iter()
        .map(|(_, image)| {
            let clip = image.clip.as_ref().expect("a clipping path");
            assert!(!clip.even_odd);
            (clip.rects, clip.lines, clip.curves)
        })
        .collect();
    assert_eq!(
        shapes,
        [
            (1, 0, 0), // rectangle: `re`
            (0, 0, 4), // ellipse: four quarter arcs
            (0, 4, 4), // rounded: four sides, four corners
            (0, 2, 4), // radius clamped to half the width: the short sides vanish
            (1, 0, 0), // no radius: a plain rectangle
            (0, 0, 4),
        ]
    );
    for ((_, image), frame) in read.images.iter().zip(frames) {
        assert_close(&image.clip.as_ref().unwrap().bbox, &pdf_box(frame));
        // Cover: 80 × 100 pt is the photo's own 4:5 shape, so it fills the frame exactly.
        assert_close(
            &image.ctm,
            &[80.0, 0.0, 0.0, 100.0, frame.x, A4.1 - frame.y - 100.0],
        );
    }
    // One XObject however often (and from however many equal copies) it is drawn.
    assert!(
        read.images
            .iter()
            .all(|(_, i)| i.object == read.images[0].1.object)
    );
    assert!(
        read.images
            .iter()
            .all(|(_, i)| i.name == read.images[0].1.name)
    );
    assert_eq!(read.image_objects, 1);
    assert!(read.balanced_q);
}

#[test]
fn a_grey_progressive_jpeg_is_device_gray() {
    let grey = Arc::new(Image {
        width: 60,
        height: 75,
        data: ImageData::Jpeg {
            bytes: QUADRANTS_GRAY_JPG.to_vec(),
            components: 1,
        },
    });
    let (_, read) = write_and_read(&page_of(vec![photo_item(FRAME, Clip::Rectangle, &grey)]));
    let image = &read.images[0].1;
    assert_eq!(image.color_space.as_deref(), Some("DeviceGray"));
    assert!(image.stream == QUADRANTS_GRAY_JPG);
}

#[test]
fn rgba_with_transparency_gets_a_soft_mask() {
    let photo = rgba_photo();
    let pixels = rgba_pixels(&photo);
    assert!(pixels.chunks(4).any(|p| p[3] == 0) && pixels.chunks(4).any(|p| p[3] == 255));
    let (bytes, read) = write_and_read(&page_of(vec![photo_item(
        FRAME,
        Clip::Rounded(10.0),
        &photo,
    )]));
    assert_eq!(read.images.len(), 1);
    let image = &read.images[0].1;
    assert_eq!((image.width, image.height), (60, 75));
    assert_eq!(image.filter.as_deref(), Some("FlateDecode"));
    assert_eq!(image.color_space.as_deref(), Some("DeviceRGB"));
    assert!(image.has_smask);
    let rgb: Vec<u8> = pixels.chunks(4).flat_map(|p| &p[..3]).copied().collect();
    let alpha: Vec<u8> = pixels.chunks(4).map(|p| p[3]).collect();
    assert!(
        image.samples.as_deref() == Some(rgb.as_slice()),
        "RGB differs"
    );
    assert!(
        image.smask.as_deref() == Some(alpha.as_slice()),
        "alpha differs"
    );
    assert!(
        image.stream.len() < rgb.len() / 4,
        "{} bytes",
        image.stream.len()
    );
    // A soft mask needs PDF 1.4 (the standards' 1.7 includes it).
    assert!(bytes.starts_with(b"%PDF-1.7\n"));
}

#[test]
fn an_opaque_rgba_image_has_no_soft_mask() {
    let mut pixels = rgba_pixels(&rgba_photo()).to_vec();
    for pixel in pixels.chunks_mut(4) {
        pixel[3] = 255;
    }
    let rgb: Vec<u8> = pixels.chunks(4).flat_map(|p| &p[..3]).copied().collect();
    let opaque = Arc::new(Image {
        width: 60,
        height: 75,
        data: ImageData::Rgba8(pixels),
    });
    let (_, read) = write_and_read(&page_of(vec![photo_item(FRAME, Clip::Ellipse, &opaque)]));
    let image = &read.images[0].1;
    assert!(!image.has_smask);
    assert_eq!(image.smask, None);
    assert!(
        image.samples.as_deref() == Some(rgb.as_slice()),
        "RGB differs"
    );
}

#[test]
fn images_are_written_deterministically() {
    let carlito = face("Carlito", Style::REGULAR);
    let jpeg = jpeg_photo();
    let rgba = rgba_photo();
    let mut pages = page_of(vec![
        photo_item(FRAME, Clip::Ellipse, &jpeg),
        Item::Text(shape(carlito, "Zoë", 11.0, 50.0, 60.0)),
        photo_item(Rect { y: 300.0, ..FRAME }, Clip::Rounded(8.0), &rgba),
    ]);
    pages.pages.push(Page {
        items: vec![photo_item(FRAME, Clip::Rectangle, &rgba)],
    });
    let first = write(pages.clone(), &meta(), book()).unwrap();
    let second = write(pages.clone(), &meta(), book()).unwrap();
    assert!(first == second, "two writes differ");
    let threaded = std::thread::scope(|s| {
        s.spawn(|| write(pages.clone(), &meta(), book()).unwrap())
            .join()
    })
    .unwrap();
    assert!(threaded == first, "a write on another thread differs");
    let read = read_pdf(&first);
    let names: Vec<(usize, &str)> = read
        .images
        .iter()
        .map(|(page, i)| (*page, i.name.as_str()))
        .collect();
    assert_eq!(names, [(1, "Im1"), (1, "Im2"), (2, "Im2")]);
    assert_eq!(read.image_objects, 3, "a JPEG, an RGB image and its mask");

    // Another photo gives another /ID.
    let mut other = pages.clone();
    other.pages[1].items = vec![photo_item(FRAME, Clip::Rectangle, &jpeg)];
    let other_id = read_pdf(&write(other, &meta(), book()).unwrap()).id;
    assert_ne!(read.id, other_id);
}

#[test]
fn bad_images_are_errors_and_empty_frames_draw_nothing() {
    let err = |image: Image| {
        let pages = page_of(vec![Item::Image {
            frame: FRAME,
            draw: FRAME,
            clip: Clip::Ellipse,
            image: Arc::new(image),
            node: None,
        }]);
        write(pages.clone(), &meta(), book()).unwrap_err()
    };
    let jpeg = |width, height, components| Image {
        width,
        height,
        data: ImageData::Jpeg {
            bytes: QUADRANTS_JPG.to_vec(),
            components,
        },
    };
    for bad in [
        jpeg(75, 60, 3),
        jpeg(60, 75, 1),
        jpeg(60, 75, 4),
        jpeg(0, 75, 3),
        Image {
            width: 60,
            height: 75,
            data: ImageData::Jpeg {
                bytes: QUADRANTS_ALPHA_PNG.to_vec(),
                components: 3,
            },
        },
        Image {
            width: 60,
            height: 75,
            data: ImageData::Rgba8(vec![0; 60 * 75 * 3]),
        },
    ] {
        let what = format!(
            "{:?} {}×{}",
            std::mem::discriminant(&bad.data),
            bad.width,
            bad.height
        );
        assert!(check_image(&bad).is_err(), "{what}");
        assert!(
            matches!(err(bad), PdfError::Image { page: 1, .. }),
            "{what}"
        );
    }

    assert_eq!(check_image(&jpeg_photo()), Ok(()));
    assert_eq!(check_image(&rgba_photo()), Ok(()));
    let photo = jpeg_photo();
    let mut nan = photo_item(FRAME, Clip::Rounded(f32::NAN), &photo);
    assert!(matches!(
        write(page_of(vec![nan.clone()]), &meta(), book()),
        Err(PdfError::NonFinite { page: 1, .. })
    ));
    if let Item::Image { clip, draw, .. } = &mut nan {
        *clip = Clip::Rectangle;
        draw.x = f32::INFINITY;
    }
    assert!(matches!(
        write(page_of(vec![nan]), &meta(), book()),
        Err(PdfError::NonFinite { page: 1, .. })
    ));

    let empty = photo_item(
        Rect {
            width: 0.0,
            ..FRAME
        },
        Clip::Ellipse,
        &photo,
    );
    let bytes = write(page_of(vec![empty]), &meta(), book()).unwrap();
    assert!(read_pdf(&bytes).images.is_empty());
    assert!(
        !bytes.windows(9).any(|w| w == b"DCTDecode"),
        "an image drawn nowhere is not embedded"
    );
}

#[test]
fn a_narrow_frame_crops_both_sides_evenly() {
    let photo = jpeg_photo();
    let frame = Rect {
        x: 100.0,
        y: 200.0,
        width: 60.0,
        height: 110.0,
    };
    let (_, read) = write_and_read(&page_of(vec![photo_item(
        frame,
        Clip::Rounded(10.0),
        &photo,
    )]));
    let image = &read.images[0].1;
    // 110 pt tall at 4:5 is 88 pt wide: 14 pt cut on either side.
    assert_close(&image.ctm, &[88.0, 0.0, 0.0, 110.0, 86.0, A4.1 - 310.0]);
    assert_close(&image.clip.as_ref().unwrap().bbox, &pdf_box(frame));
}
