//! Right-to-left and East Asian text, read back from the PDF: Arabic and Hebrew resumes come out
//! in logical order, right-aligned and mirrored; Chinese lines break per UAX #14; bold that a
//! fallback face lacks is drawn emboldened.

use crate::common;

use common::cli_render::{Rendered, render};
use common::{ReadPdf, TextShow, read_pdf, unmarked};
use resumepdf::compose::{Block, Span, compose};
use resumepdf::fonts::{FontBook, fallback};
use resumepdf::i18n::Locale;
use resumepdf::layout::{self, SectionKind};
use resumepdf::model;
use resumepdf::style::Direction;
use resumepdf::typeset::pages::GlyphRun;

/// Every line of every page, with runs of white space folded to one space and directional marks
/// left out.
fn lines(read: &ReadPdf) -> Vec<String> {
    read.text
        .iter()
        .flat_map(|page| page.lines())
        .map(|line| {
            unmarked(line)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|line| !line.is_empty())
        .collect()
}

const ARABIC: &str = include_str!("data/i18n/arabic.json");

/// Text rows of page `page`: the shows on one baseline, left to right, as (y, x, end x, text).
fn rows(read: &ReadPdf, page: usize) -> Vec<Vec<&TextShow>> {
    let mut rows: Vec<Vec<&TextShow>> = Vec::new();
    // Marks drawn off the baseline stand for no text (their base glyph carries it).
    for show in read.shows[page].iter().filter(|s| !s.text.is_empty()) {
        match rows.iter_mut().find(|row| (row[0].y - show.y).abs() < 0.5) {
            Some(row) => row.push(show),
            None => rows.push(vec![show]),
        }
    }
    for row in &mut rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    rows
}

fn row_text(row: &[&TextShow]) -> String {
    row.iter().map(|s| s.text.as_str()).collect()
}

/// Whether `pdftotext` (poppler-utils) can be run.
fn has_pdftotext() -> bool {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
}

/// The direction marks poppler needs to read an Arabic line in order ride in the `/ActualText`
/// of its Latin words and numbers: their codes map to the characters alone, so extractors that
/// read the codes (pdf.js, pypdf, pdfminer, PDFBox) get no invisible U+200E or U+200F there,
/// while the text read through `/ActualText` keeps the marks and the line its logical order.
#[test]
fn latin_words_and_numbers_in_arabic_carry_their_marks_in_actual_text_only() {
    let r = render(ARABIC, "executive");
    let marks = ['\u{200E}', '\u{200F}'];
    let latin = |s: &str| s.chars().any(|c| c.is_ascii_alphanumeric());
    let shows: Vec<&TextShow> = r.read.shows.iter().flatten().collect();
    let mut in_actual_text = 0;
    for show in shows.iter().filter(|s| latin(&s.codes_text)) {
        assert!(!show.codes_text.contains(marks), "{:?}", show.codes_text);
        if show.text.contains(marks) {
            assert_eq!(unmarked(&show.text), show.codes_text);
            in_actual_text += 1;
        }
    }
    assert!(in_actual_text >= 5, "marks in {in_actual_text} shows");
    let summary = "مهندسة برمجيات بخبرة 8 سنوات في بناء أنظمة الدفع باستخدام Rust وPostgreSQL.";
    assert!(lines(&r.read).iter().any(|l| l == summary));
    if let Some(poppler) = pdftotext_lines(&r.pdf) {
        assert!(poppler.iter().any(|l| l == summary), "{poppler:#?}");
    }
}

/// `compact` with entries led by the position (the built-in layouts lead with the organisation).
const POSITION_FIRST: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/layouts/compact-position-first.json"
);

#[test]
fn an_arabic_resume_reads_back_in_logical_order_right_aligned_and_mirrored() {
    // Entries led by the position, so that a line reads title then dates.
    let r = render(ARABIC, POSITION_FIRST);
    let ar = Locale::for_tag(Some("ar"));
    let lines = lines(&r.read);
    // Headings come from the Arabic table (upper case changes nothing in Arabic).
    for kind in [SectionKind::Summary, SectionKind::Work, SectionKind::Skills] {
        let heading = ar.section(kind);
        assert!(
            lines.iter().any(|l| l == heading),
            "{heading} in {lines:#?}"
        );
    }
    // The text layer is the input, in reading order, whether or not a font covers Arabic: a
    // missing glyph still stands for its character.
    for exact in [
        "ليلى حسن",
        "مهندسة برمجيات أولى",
        "layla@example.com · +966 50 123 4567 · الرياض",
        "مهندسة برمجيات بخبرة 8 سنوات في بناء أنظمة الدفع باستخدام Rust وPostgreSQL.",
        "• قادت فريقاً من 5 مهندسين لإعادة بناء منصة الدفع.",
        "• خفضت زمن الاستجابة بنسبة 40% باستخدام Redis.",
        "لغات البرمجة: Rust، Go، Python",
    ] {
        assert!(lines.iter().any(|l| l == exact), "{exact} in {lines:#?}");
    }
    // An entry header reads title, then dates.
    let dates = format!("{} – {}", "03/2020", ar.present());
    let title = "مهندسة برمجيات أولى";
    assert!(
        lines.contains(&format!("{title} {dates}")),
        "{title} {dates} in {lines:#?}"
    );
    if r.missing.is_empty() {
        // A font covers Arabic (DejaVu Sans, fonts-dejavu-core): no glyph is the missing one,
        // and letters join: some glyphs are contextual forms, not the letters' own glyphs.
        let name = r.pages.runs().find(|run| run.text == "ليلى حسن").unwrap();
        assert!(
            r.pages
                .runs()
                .all(|run| run.glyphs.iter().all(|g| g.id != 0))
        );
        let face = r.fonts.face(name.face);
        let nominal: Vec<u16> = name
            .text
            .chars()
            .filter_map(|c| face.parser().glyph_index(c).map(|g| g.0))
            .collect();
        assert!(
            name.glyphs.iter().any(|g| !nominal.contains(&g.id)),
            "joined forms"
        );
        assert_bold(&r, name);
    } else {
        // No Arabic font on this machine (CI installs fonts-dejavu-core): the gap is reported.
        assert!(r.missing.contains(&'ل'), "{:?}", r.missing);
        eprintln!(
            "note: no Arabic font installed; {} characters reported missing",
            r.missing.len()
        );
    }
    // Mirrored: every row ends at the right margin; the dates and place sit at the left margin.
    let margins = &r.layout.page.margins;
    let right = r.pages.width - margins.right.pt();
    let left = margins.left.pt();
    let rows = rows(&r.read, 0);
    for row in &rows {
        let end = row.iter().map(|s| s.end_x).fold(f32::MIN, f32::max);
        assert!(
            (end - right).abs() < 0.05,
            "{} ends at {end}, not {right}",
            row_text(row)
        );
    }
    let header = rows
        .iter()
        .find(|row| row_text(row).contains(title) && row_text(row).contains("2020"))
        .expect("the entry header row");
    let first = header[0];
    assert!(
        (first.x - left).abs() < 0.05,
        "dates at the left margin: {}",
        first.x
    );
    assert!(!first.text.contains(title));
    // The bullet hangs on the right, the item's text ends an indent further left.
    let bullet_row = rows
        .iter()
        .find(|row| row_text(row).contains("قادت"))
        .expect("a bullet row");
    let bullet = bullet_row.iter().find(|s| s.text == "•").unwrap();
    let text_end = bullet_row
        .iter()
        .filter(|s| s.text != "•")
        .map(|s| s.end_x)
        .fold(f32::MIN, f32::max);
    let indent = r.layout.spacing.bullet_indent.pt();
    assert!((bullet.end_x - right).abs() < 0.05);
    assert!((text_end - (right - indent)).abs() < 0.05, "{text_end}");
}

/// `pdftotext` (poppler-utils) output of `pdf`, line by line, bidi controls left out and white
/// space folded; `None` when poppler is not installed.
fn pdftotext_lines(pdf: &[u8]) -> Option<Vec<String>> {
    if !has_pdftotext() {
        eprintln!("note: pdftotext not installed; skipped");
        return None;
    }
    let dir = std::env::temp_dir().join(format!(
        "resumepdf-rtl-{}-{:x}",
        std::process::id(),
        pdf.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("doc.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    std::fs::remove_dir_all(&dir).ok();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    Some(
        text.lines()
            .map(|l| unmarked(l).split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|l| !l.is_empty())
            .collect(),
    )
}

#[test]
fn pdftotext_reads_every_arabic_line_exactly_even_mixed_with_latin_and_digits() {
    let r = render(ARABIC, "classic");
    let Some(lines) = pdftotext_lines(&r.pdf) else {
        return;
    };
    // poppler orders a line by position and guesses its direction; the marks the renderer adds
    // make lines that mix Arabic with Latin words, digits and separators come back in order.
    let ar = Locale::for_tag(Some("ar"));
    let dates = format!(
        "{} – {}",
        ar.format_month_year(3, 2020, false),
        ar.present()
    );
    for exact in [
        "ليلى حسن",
        "مهندسة برمجيات أولى",
        "layla@example.com · +966 50 123 4567 · الرياض",
        "نبذة مهنية",
        "مهندسة برمجيات بخبرة 8 سنوات في بناء أنظمة الدفع باستخدام Rust وPostgreSQL.",
        "الخبرة العملية",
        "شركة النخيل للتقنية",
        "• قادت فريقاً من 5 مهندسين لإعادة بناء منصة الدفع.",
        "• خفضت زمن الاستجابة بنسبة 40% باستخدام Redis.",
        "لغات البرمجة: Rust، Go، Python",
        dates.as_str(),
    ] {
        assert!(lines.iter().any(|l| l == exact), "{exact} in {lines:#?}");
    }
}

const HEBREW: &str = include_str!("data/i18n/hebrew.json");

#[test]
fn a_hebrew_resume_reads_back_exactly_with_bundled_fonts() {
    // Liberation Serif has Hebrew: nothing depends on the machine's fonts. Entries are led by
    // the position, so that a line reads title then dates.
    let fonts = FontBook::bundled();
    let mut layout = layout::load("classic", &fonts).unwrap();
    layout.entries.work = crate::common::position_first_work();
    let mut parsed = model::parse(HEBREW).unwrap();
    model::normalize(&mut parsed.resume);
    let rendered = resumepdf::render(&resumepdf::Request::new(HEBREW, &layout, &fonts)).unwrap();
    assert!(
        rendered.notes.missing.is_empty(),
        "{:?}",
        rendered.notes.missing
    );
    let read = read_pdf(&rendered.pdf);
    let lines = lines(&read);
    let he = Locale::for_tag(Some("he"));
    let dates = format!(
        "{} – {}",
        he.format_month_year(1, 2019, false),
        he.format_month_year(6, 2023, false)
    );
    for exact in [
        "נועה לוי",
        he.section(SectionKind::Summary),
        "מהנדסת תוכנה עם 8 שנות ניסיון ב-Rust ו-Go (בעיקר מערכות תשלומים).",
        &format!("מפתחת ראשית {dates}"),
        "• הובילה צוות של 6 מפתחים.",
        "• שָׁלוֹם עם ניקוד",
    ] {
        assert!(lines.iter().any(|l| l == exact), "{exact} in {lines:#?}");
    }
    // A Hebrew resume with no country prints on A4, Israel's paper.
    let (width, _) = resumepdf::layout::PaperSize::A4.dimensions();
    let right = width - layout.page.margins.right.pt();
    let summary = read.shows[0]
        .iter()
        .filter(|s| s.text.contains("מהנדסת תוכנה עם"))
        .map(|s| s.end_x)
        .next()
        .expect("the summary");
    assert!((summary - right).abs() < 0.05, "right-aligned: {summary}");
    if let Some(poppler) = pdftotext_lines(&rendered.pdf) {
        for exact in [
            "מהנדסת תוכנה עם 8 שנות ניסיון ב-Rust ו-Go (בעיקר מערכות תשלומים).",
            "• הובילה צוות של 6 מפתחים.",
            "• שָׁלוֹם עם ניקוד",
            &dates,
        ] {
            assert!(
                poppler.iter().any(|l| l == exact),
                "{exact} in {poppler:#?}"
            );
        }
    }
}

#[test]
fn hebrew_points_sit_under_their_letters() {
    // Liberation Serif places the qamats of "שָׁ" with an offset from its pen position, which in
    // visual order is the shin's left edge: drawn there unmoved, it would hang between two letters.
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).unwrap();
    let mut parsed = model::parse(HEBREW).unwrap();
    model::normalize(&mut parsed.resume);
    let pages = resumepdf::typeset_resume(&parsed.resume, &layout, &fonts);
    let run = pages
        .runs()
        .find(|run| run.text.contains("שָׁלוֹם"))
        .expect("the pointed word");
    let mut pen = run.x;
    let mut checked = 0;
    for (i, glyph) in run.glyphs.iter().enumerate() {
        if glyph.advance == 0.0 && glyph.text.is_empty() {
            // The mark's base follows it in visual order, at the same pen position.
            let base = &run.glyphs[i + 1];
            let drawn = pen + glyph.x_offset;
            assert!(glyph.x_offset > 0.0);
            assert!(
                drawn > pen + 0.2 * base.advance && drawn < pen + 0.8 * base.advance,
                "mark at {drawn}, base from {pen} to {}",
                pen + base.advance
            );
            checked += 1;
        }
        pen += glyph.advance;
    }
    assert!(checked > 0, "a mark was positioned");
}

#[test]
fn a_hebrew_line_in_an_english_resume_runs_right_to_left_on_its_own() {
    let text = r#"{"basics": {"name": "Dana Levi",
            "summary": "Backend engineer. Languages: עברית (native) and English."},
        "work": [{"name": "Alpha", "position": "Engineer", "startDate": "2020-01",
                  "highlights": ["Led a team of six.", "הובילה צוות של 6 מפתחים (Rust)."]}]}"#;
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).unwrap();
    let mut parsed = model::parse(text).unwrap();
    model::normalize(&mut parsed.resume);
    let pdf = resumepdf::render(&resumepdf::Request::new(text, &layout, &fonts))
        .unwrap()
        .pdf;
    let read = read_pdf(&pdf);
    let lines = lines(&read);
    assert!(lines.iter().any(|l| l == "• Led a team of six."));
    // A Hebrew word inside an English line reads in place, for poppler too (a right-to-left
    // paragraph on a mostly left-to-right page is beyond poppler's direction guess).
    let languages = "Backend engineer. Languages: עברית (native) and English.";
    assert!(lines.iter().any(|l| l == languages), "{lines:#?}");
    if let Some(poppler) = pdftotext_lines(&pdf) {
        assert!(poppler.iter().any(|l| l == languages), "{poppler:#?}");
    }
    assert!(
        lines
            .iter()
            .any(|l| l == "• הובילה צוות של 6 מפתחים (Rust)."),
        "{lines:#?}"
    );
    let left = layout.page.margins.left.pt();
    let right = 612.0 - layout.page.margins.right.pt();
    let show = |needle: &str| {
        read.shows[0]
            .iter()
            .find(|s| s.text.contains(needle))
            .unwrap()
    };
    // The English bullet starts at the indent; the Hebrew one ends at the right margin with its
    // bullet beyond the text, the English heading stays on the left.
    let indent = layout.spacing.bullet_indent.pt();
    assert!((show("Led a team").x - (left + indent)).abs() < 0.05);
    assert!(show("Led a team").end_x < right - 50.0);
    assert!((show("הובילה").end_x - (right - indent)).abs() < 0.05);
    let bullets: Vec<&TextShow> = read.shows[0].iter().filter(|s| s.text == "•").collect();
    assert!((bullets[0].x - left).abs() < 0.05);
    assert!((bullets[1].end_x - right).abs() < 0.05);
    assert!((show("EXPERIENCE").x - left).abs() < 0.05);
}

#[test]
fn a_right_to_left_sidebar_layout_is_mirrored() {
    // The built-in sidebar keeps contact details under the name; this one lists them first in
    // the sidebar, so that a phone number is a line of its own there.
    let layout = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/layouts/sidebar-with-contact.json"
    );
    let r = render(ARABIC, layout);
    let ar = Locale::for_tag(Some("ar"));
    let x_of = |needle: &str| {
        r.read.shows[0]
            .iter()
            .find(|s| s.text.contains(needle))
            .map(|s| s.x)
            .unwrap_or_else(|| panic!("{needle} is shown"))
    };
    // The layout's left sidebar (contact, skills) is on the right; its tint too.
    let sidebar = x_of(ar.section(SectionKind::Contact));
    let main = x_of(ar.section(SectionKind::Summary));
    assert!(
        sidebar > main,
        "sidebar at {sidebar}, main column at {main}"
    );
    let band = r.read.fills.iter().find(|(page, _)| *page == 1).unwrap().1;
    assert!(
        band[0] > 0.0 && (band[0] + band[2] - r.pages.width).abs() < 0.05,
        "{band:?}"
    );
    assert!(lines(&r.read).iter().any(|l| l == "+966 50 123 4567"));
    // The phone number, a paragraph of its own in the sidebar, still reads left to right on the
    // page: "+966" leftmost, not its digit groups in right-to-left order.
    let rows = rows(&r.read, 0);
    let phone = rows
        .iter()
        .find(|row| row_text(row).contains("966"))
        .expect("the phone row");
    assert_eq!(unmarked(&row_text(phone)), "+966 50 123 4567");
    // Reading order follows the direction: the sidebar, now on the right, comes first.
    let page = &r.read.text[0];
    let at = |needle: &str| page.find(needle).expect("on the first page");
    assert!(
        at(ar.section(SectionKind::Contact)) < at(ar.section(SectionKind::Summary)),
        "{page}"
    );
}

/// The text rendering modes (`Tr`) set in a PDF's page contents, with the line width (`w`) in
/// effect at each.
fn render_modes(pdf: &[u8]) -> Vec<(i64, f32)> {
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut modes = Vec::new();
    for page in doc.get_pages().values() {
        let mut width = 1.0;
        for op in doc.get_and_decode_page_content(*page).unwrap().operations {
            match op.operator.as_str() {
                "w" => width = op.operands[0].as_float().unwrap(),
                "Tr" => modes.push((op.operands[0].as_i64().unwrap(), width)),
                _ => {}
            }
        }
    }
    modes
}

#[test]
fn bold_a_fallback_face_lacks_is_stroked_as_well_as_filled() {
    // Carlito (the compact layout's family) has no Hebrew; Liberation Sans, added as the only
    // fallback, has it in regular weight only.
    let mut fonts = FontBook::bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    fallback::add_user_fonts(&mut fonts, &[dir.join("LiberationSans-Regular.ttf")]).unwrap();
    let layout = layout::load("compact", &fonts).unwrap();
    let text = r#"{"basics": {"name": "נועה לוי", "label": "Engineer"},
        "meta": {"language": "he"}}"#;
    let mut parsed = model::parse(text).unwrap();
    model::normalize(&mut parsed.resume);
    let rendered = resumepdf::render(&resumepdf::Request::new(text, &layout, &fonts)).unwrap();
    assert!(rendered.notes.missing.is_empty());
    let modes = render_modes(&rendered.pdf);
    let size = layout.sizes.name;
    assert_eq!(
        modes,
        [
            (2, (size * 0.03 * 1000.0).round() / 1000.0),
            (0, (size * 0.03 * 1000.0).round() / 1000.0)
        ],
        "fill and stroke for the name, then back to fill"
    );
    let read = read_pdf(&rendered.pdf);
    assert!(lines(&read).iter().any(|l| l == "נועה לוי"));
}

/// The bold `run` is drawn bold: with a bold face of its fallback family when the machine has one
/// (fonts-noto-cjk and fonts-dejavu-core do), else emboldened (filled and stroked); never plain.
fn assert_bold(r: &Rendered, run: &GlyphRun) {
    let face = r.fonts.face(run.face);
    if face.style.bold {
        assert!(
            !run.synthetic_bold,
            "{} is bold already",
            face.postscript_name()
        );
    } else {
        assert!(
            run.synthetic_bold,
            "{} has no bold: emboldened",
            face.postscript_name()
        );
        assert!(render_modes(&r.pdf).iter().any(|m| m.0 == 2));
    }
}

#[test]
fn a_fallback_family_s_bold_face_draws_bold_text() {
    // Carlito (compact) has no Hebrew; Liberation Sans, given in regular and bold, has. The bold
    // file becomes the fallback family's bold face: the bold name uses it and is not stroked.
    let mut fonts = FontBook::bundled();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let files = ["LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"].map(|f| dir.join(f));
    fallback::add_user_fonts(&mut fonts, &files).unwrap();
    let layout = layout::load("compact", &fonts).unwrap();
    let text = r#"{"basics": {"name": "נועה לוי", "label": "מהנדסת"}, "meta": {"language": "he"}}"#;
    let mut parsed = model::parse(text).unwrap();
    model::normalize(&mut parsed.resume);
    let pages = resumepdf::typeset_resume(&parsed.resume, &layout, &fonts);
    let face = |needle: &str| {
        let run = pages.runs().find(|run| run.text == needle).unwrap();
        (fonts.face(run.face).postscript_name(), run.synthetic_bold)
    };
    assert_eq!(face("נועה לוי"), ("LiberationSans-Bold", false));
    assert_eq!(face("מהנדסת"), ("LiberationSans", false));
    let rendered = resumepdf::render(&resumepdf::Request::new(text, &layout, &fonts)).unwrap();
    assert!(render_modes(&rendered.pdf).iter().all(|m| m.0 == 0));
}

#[test]
fn chinese_bold_is_drawn_bold_and_lines_break_between_ideographs() {
    let name = "王晓明";
    let bullet = "带领8人客服团队（含「夜班」小组），将首次响应时间缩短了35%。客户满意度从82分提升至93分，\
                  连续两年获评「优秀团队」。主导建立知识库（覆盖400余个常见问题），新员工培训周期缩短一半。";
    let text = format!(
        r#"{{"basics": {{"name": "{name}", "label": "客户服务主管"}},
            "work": [{{"name": "星河零售有限公司", "position": "客服主管", "startDate": "2020-03",
                       "highlights": ["{bullet}"]}}],
            "meta": {{"language": "zh"}}}}"#
    );
    let r = render(&text, "sidebar");
    let lines = lines(&r.read);
    // The bullet wraps in the narrow main column: between ideographs, but never before closing
    // punctuation or after opening punctuation.
    let first = lines.iter().position(|l| l.starts_with("• 带领")).unwrap();
    let mut wrapped: Vec<&str> = Vec::new();
    for line in &lines[first..] {
        wrapped.push(line);
        if wrapped.concat().chars().count() >= bullet.chars().count() + 2 {
            break;
        }
    }
    assert!(wrapped.len() >= 3, "{lines:#?}");
    assert_eq!(wrapped.concat(), format!("• {bullet}"));
    for (i, line) in wrapped.iter().enumerate() {
        let first = line.chars().next().unwrap();
        let last = line.chars().last().unwrap();
        assert!(i == 0 || !"，。）」、%".contains(first), "{wrapped:#?}");
        assert!(!"（「".contains(last), "{wrapped:#?}");
    }
    if r.missing.is_empty() {
        let name_run = r.pages.runs().find(|run| run.text == name).unwrap();
        assert_bold(&r, name_run);
    } else {
        // No CJK font on this machine (CI installs fonts-noto-cjk): the gap is reported.
        assert!(r.missing.contains(&'王'), "{:?}", r.missing);
        eprintln!(
            "note: no CJK font installed; {} characters reported missing",
            r.missing.len()
        );
    }
}

#[test]
fn an_english_bullet_in_an_arabic_resume_reads_left_to_right_flush_right() {
    // A paragraph with no right-to-left letter keeps its own direction in a right-to-left
    // document: its full stop ends it on the right, and the layout around it stays mirrored.
    let english = "Cut response time by 40% with Redis (and Rust).";
    let mut value: serde_json::Value = serde_json::from_str(ARABIC).unwrap();
    value["work"][0]["highlights"]
        .as_array_mut()
        .unwrap()
        .push(english.into());
    let text = value.to_string();
    let r = render(&text, "classic");
    let bullet_line = format!("• {english}");
    assert!(
        lines(&r.read).contains(&bullet_line),
        "{:#?}",
        lines(&r.read)
    );
    let run = r
        .pages
        .runs()
        .find(|run| unmarked(&run.text) == english)
        .unwrap();
    assert!(!run.right_to_left);
    let last = run.glyphs.last().unwrap();
    assert_eq!(
        &run.text[last.text.clone()],
        ".",
        "the full stop is on the right"
    );
    let right = r.pages.width - r.layout.page.margins.right.pt();
    let indent = r.layout.spacing.bullet_indent.pt();
    assert!((run.x + run.width() - (right - indent)).abs() < 0.05);
    if let Some(poppler) = pdftotext_lines(&r.pdf) {
        assert!(poppler.contains(&bullet_line), "{poppler:#?}");
    }
}

/// Direction is data: every block of an Arabic resume says right to left, and its spans hold
/// exactly the text to extract, with no invisible mark put in front to carry the direction.
#[test]
fn an_arabic_resume_composes_right_to_left_blocks_of_plain_text() {
    let fonts = FontBook::bundled();
    let layout = layout::load("classic", &fonts).expect("built-in layout");
    let mut parsed = model::parse(ARABIC).expect("resume parses");
    model::normalize(&mut parsed.resume);
    let document = compose(&parsed.resume, &layout, &fonts, None);
    assert!(document.right_to_left);
    let footer = document.footer.as_ref().expect("a footer");
    assert_eq!(footer.direction, Direction::Rtl);
    let mut texts = 0;
    for block in document.header.iter().chain(&document.main) {
        let (direction, spans): (Direction, Vec<&Span>) = match block {
            Block::Paragraph(p) => (p.direction, p.spans.iter().collect()),
            Block::Heading {
                spans, direction, ..
            } => (*direction, spans.iter().collect()),
            Block::Split {
                left,
                right,
                direction,
                ..
            } => (*direction, left.iter().chain(right).collect()),
            Block::Space(..) | Block::Photo(_) => continue,
        };
        assert_eq!(direction, Direction::Rtl, "{block:?}");
        for span in spans {
            assert!(
                !span.text.contains(['\u{200E}', '\u{200F}', '\u{061C}']),
                "{:?}",
                span.text
            );
            texts += 1;
        }
    }
    assert!(texts > 10, "only {texts} spans");
}
