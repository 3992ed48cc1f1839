//! Line breaking and page breaking as a reader sees them, counted on the typeset pages of every
//! sample: few last lines of one word, no more lines than greedy filling, no page ending with a
//! third of it blank while the next block would have fit.

use resumepdf::fonts::FontBook;
use resumepdf::layout::{self, Layout};
use resumepdf::model;
use resumepdf::typeset::pages::{GlyphRun, Item, Pages};

/// Every sample resume, by file name.
fn samples() -> Vec<(String, model::Resume)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("samples/ is readable") {
        let path = entry.expect("an entry").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("a sample is readable");
            let mut parsed = model::parse(&text).expect("a sample parses");
            model::normalize(&mut parsed.resume);
            out.push((path.display().to_string(), parsed.resume));
        }
    }
    assert!(out.len() >= 10, "the samples: {}", out.len());
    out
}

/// A line of text on a page: its runs left to right.
struct TextLine<'a> {
    y: f32,
    runs: Vec<&'a GlyphRun>,
}

impl TextLine<'_> {
    fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }
}

/// The text lines of a page, top to bottom (runs on one baseline make a line).
fn lines(items: &[Item]) -> Vec<TextLine<'_>> {
    let mut runs: Vec<&GlyphRun> = items
        .iter()
        .filter_map(|item| match item {
            Item::Text(run) => Some(run),
            _ => None,
        })
        .collect();
    runs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut out: Vec<TextLine> = Vec::new();
    for run in runs {
        match out.last_mut() {
            Some(line) if (line.y - run.y).abs() < 0.5 => line.runs.push(run),
            _ => out.push(TextLine {
                y: run.y,
                runs: vec![run],
            }),
        }
    }
    out
}

/// Paragraphs of body text (a bullet, a summary) that take more than one line, as the number of
/// words on each line. A line continues the paragraph above when it starts where that one's text
/// starts (after its bullet), in the same face and size, one line pitch below.
fn multi_line_paragraphs(pages: &Pages, bullet: &str) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    for page in &pages.pages {
        let mut current: Vec<usize> = Vec::new();
        let mut previous: Option<&TextLine> = None;
        let page_lines = lines(&page.items);
        for line in &page_lines {
            let text_run = |l: &TextLine| {
                let skip = usize::from(l.runs.len() > 1 && l.runs[0].text.trim() == bullet);
                l.runs[skip].clone()
            };
            let first = text_run(line);
            let continues = previous.is_some_and(|p| {
                let above = text_run(p);
                line.runs[0].text.trim() != bullet
                    && (first.x - above.x).abs() < 0.5
                    && first.face == above.face
                    && first.size == above.size
                    && line.y - p.y < first.size * 1.45
            });
            if !continues && current.len() > 1 {
                out.push(std::mem::take(&mut current));
            }
            if !continues {
                current.clear();
            }
            let text = line.text();
            let text = text.trim_start_matches(bullet);
            current.push(text.split_whitespace().count());
            previous = Some(line);
        }
        if current.len() > 1 {
            out.push(current);
        }
    }
    out
}

fn single_column_layouts(fonts: &FontBook) -> Vec<Layout> {
    layout::builtin_names()
        .into_iter()
        .map(|name| layout::load(name, fonts).expect("a built-in layout loads"))
        .filter(|l| matches!(l.columns, layout::Columns::Single))
        .collect()
}

/// Lines of all multi-line paragraphs in the single-column layouts of [`MEASURED_LAYOUTS`],
/// with greedy line filling (measured before total-fit breaking replaced it).
const GREEDY_LINES: usize = 1209;

/// The single-column layouts `GREEDY_LINES` was measured in (layouts added since are not).
const MEASURED_LAYOUTS: [&str; 5] = ["ats", "classic", "compact", "executive", "modern"];

#[test]
fn few_paragraphs_end_with_a_word_alone_and_no_lines_are_added() {
    let fonts = FontBook::bundled();
    let layouts: Vec<Layout> = single_column_layouts(&fonts)
        .into_iter()
        .filter(|l| MEASURED_LAYOUTS.contains(&l.name.as_str()))
        .collect();
    assert_eq!(layouts.len(), 5, "the five layouts measured");
    let (mut paragraphs, mut runts, mut total) = (0, 0, 0);
    for layout in &layouts {
        for (name, resume) in samples() {
            let pages = resumepdf::typeset_resume(&resume, layout, &fonts);
            for words in multi_line_paragraphs(&pages, &layout.bullet) {
                paragraphs += 1;
                total += words.len();
                if words.last() == Some(&1) {
                    runts += 1;
                    eprintln!("{name} ({}): {words:?}", layout.name);
                }
            }
        }
    }
    eprintln!("{runts} of {paragraphs} multi-line paragraphs end with one word; {total} lines");
    assert!(paragraphs > 300, "{paragraphs} paragraphs found");
    assert!(runts * 20 <= paragraphs, "{runts} of {paragraphs}");
    assert!(
        total * 100 <= GREEDY_LINES * 101,
        "{total} lines, {GREEDY_LINES} before"
    );
}

/// Baselines of the text lines of a page above the bottom margin (the footer is below it).
fn baselines(items: &[Item], bottom: f32) -> Vec<(f32, f32)> {
    lines(items)
        .iter()
        .filter(|l| l.y < bottom)
        .map(|l| (l.y, l.runs.iter().map(|r| r.size).fold(0.0, f32::max)))
        .collect()
}

#[test]
fn no_page_ends_a_third_blank_when_the_next_block_would_have_fit() {
    let fonts = FontBook::bundled();
    let mut checked = 0;
    for name in layout::builtin_names() {
        let layout = layout::load(name, &fonts).expect("a built-in layout loads");
        let margins = &layout.page.margins;
        for (sample, resume) in samples() {
            let pages = resumepdf::typeset_resume(&resume, &layout, &fonts);
            let bottom = pages.height - margins.bottom.pt();
            let body = bottom - margins.top.pt();
            for (index, pair) in pages.pages.windows(2).enumerate() {
                let here = baselines(&pair[0].items, bottom);
                let next = baselines(&pair[1].items, bottom);
                let (Some(&(last, size)), Some(&(first, _))) = (here.last(), next.first()) else {
                    continue;
                };
                checked += 1;
                let blank = bottom - (last + 0.3 * size);
                // The next page's first block: its first few lines (a heading, an entry header
                // and the first line under it), as they are set there.
                let (block_end, block_size) = next[next.len().min(4) - 1];
                let block = block_end + 0.3 * block_size - (first - block_size);
                assert!(
                    blank <= body / 3.0 || block > blank,
                    "{sample} in {name}: page {} ends {blank:.0} pt blank of {body:.0}, \
                     and the {block:.0} pt that start the next page would have fit",
                    index + 1
                );
            }
        }
    }
    assert!(checked > 20, "{checked} page ends checked");
}

#[test]
fn sidebar_items_stay_whole_and_no_line_starts_with_a_dash() {
    let fonts = FontBook::bundled();
    let mut languages = 0;
    for name in layout::builtin_names() {
        let layout = layout::load(name, &fonts).expect("a built-in layout loads");
        for (sample, resume) in samples() {
            let pages = resumepdf::typeset_resume(&resume, &layout, &fonts);
            let texts: Vec<String> = pages
                .pages
                .iter()
                .flat_map(|page| {
                    lines(&page.items)
                        .iter()
                        .map(TextLine::text)
                        .collect::<Vec<_>>()
                })
                .collect();
            // A reference's attribution ("— Name") is a paragraph of its own that opens with a dash.
            let attributions: Vec<String> = resume
                .references
                .iter()
                .filter_map(|r| Some(format!("— {}", r.name.as_deref()?)))
                .collect();
            for text in &texts {
                let attribution = attributions.iter().any(|a| a.starts_with(text.trim()));
                assert!(
                    attribution || !text.trim_start().starts_with(['—', '–']),
                    "{sample} in {name}: a line starts with a dash: {text}"
                );
            }
            for language in &resume.languages {
                let (Some(language), Some(fluency)) = (&language.language, &language.fluency)
                else {
                    continue;
                };
                // A long fluency ("Verhandlungssicher (C1)") may wrap in a narrow sidebar.
                if fluency.chars().count() > 16 {
                    continue;
                }
                let whole = format!("{language} ({fluency})");
                languages += 1;
                assert!(
                    texts.iter().any(|t| t.contains(&whole)),
                    "{sample} in {name}: {whole} is split"
                );
            }
        }
    }
    assert!(languages > 20, "{languages} languages checked");
}
