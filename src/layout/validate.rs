//! The typographic rules every layout must keep (see docs/typography.md), each naming its field.

use super::rules::*;
use super::{Layout, Length, contrast};
use crate::diagnostic::{Diagnostic, Severity};
use crate::fonts::{FontBook, Style};
use crate::style::Rgb;

/// Every field an entry template names must be one its section's entries have.
fn entry_templates(entries: &super::Entries, fail: &mut impl FnMut(&str, String)) {
    for super::EntrySection {
        key: section,
        template,
        fields,
        body,
    } in entries.all()
    {
        if template.lines.is_empty() {
            fail(
                &format!("entries.{section}.lines"),
                "an entry needs at least one header line".to_string(),
            );
        }
        if template.inline && (template.lines.len() > 1 || !template.body.is_empty()) {
            fail(
                &format!("entries.{section}.inline"),
                "an inline section draws one line per entry and no body: keep only `lines[0]`"
                    .to_string(),
            );
        }
        for (index, line) in template.lines.iter().enumerate() {
            let one_side = line.wrap || template.inline;
            if one_side && !line.right.is_empty() {
                fail(
                    &format!("entries.{section}.lines[{index}].right"),
                    "a wrapping or inline line has no right side: move these fields to `left`"
                        .to_string(),
                );
            }
            for (side, items) in [("left", &line.left), ("right", &line.right)] {
                for (at, item) in items.iter().enumerate() {
                    if !fields.contains(&item.field) {
                        let known: Vec<&str> = fields.iter().map(|f| f.key()).collect();
                        fail(
                            &format!("entries.{section}.lines[{index}].{side}[{at}]"),
                            format!(
                                "{section} entries have no field `{}`; they have {}",
                                item.field.key(),
                                known.join(", ")
                            ),
                        );
                    }
                }
            }
        }
        for (index, part) in template.body.iter().enumerate() {
            if !body.contains(part) {
                let known: Vec<&str> = body.iter().map(|p| p.key()).collect();
                fail(
                    &format!("entries.{section}.body[{index}]"),
                    format!(
                        "{section} entries have no `{}`; their body may have {}",
                        part.key(),
                        if known.is_empty() {
                            "nothing".to_string()
                        } else {
                            known.join(", ")
                        }
                    ),
                );
            }
        }
    }
}

/// The rule id of every broken typographic rule of a layout.
pub const RULE: &str = "layout";

/// Checks `layout` against the typographic rules: one error per broken rule, its path the dotted
/// field (`sizes.body`); an empty list means it may render.
pub fn validate(layout: &Layout, fonts: &FontBook) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut fail = |field: &str, message: String| {
        out.push(Diagnostic::new(Severity::Error, RULE, field, message));
    };
    let families = fonts.families().join(", ");
    for (field, family) in [
        ("fonts.heading", &layout.fonts.heading),
        ("fonts.body", &layout.fonts.body),
    ] {
        let name = family.name.as_str();
        let has_style_files = family.style_files().next().is_some();
        if crate::fonts::is_font_path(name) {
            if !is_font_file(name) {
                fail(
                    field,
                    format!("`{name}` is not a readable TrueType or OpenType font file"),
                );
            }
        } else if has_style_files {
            fail(
                &format!("{field}.regular"),
                format!("`{name}` is not a font file: give a .ttf, .otf or .ttc file"),
            );
        } else if fonts.find(name, Style::REGULAR).is_none()
            && !crate::fonts::fallback::system_has_family(name)
        {
            fail(
                field,
                format!(
                    "no font family `{name}` is bundled or installed; bundled families: \
                     {families}; or an installed family (`fc-list : family` lists them), or \
                     the path of a .ttf/.otf file"
                ),
            );
        }
        for (key, _, file) in family.style_files() {
            if !crate::fonts::is_font_path(file) || !is_font_file(file) {
                fail(
                    &format!("{field}.{key}"),
                    format!("`{file}` is not a readable TrueType or OpenType font file"),
                );
            }
        }
    }
    let sizes = &layout.sizes;
    if !(BODY_SIZE.0..=BODY_SIZE.1).contains(&sizes.body) {
        fail(
            "sizes.body",
            format!(
                "{} pt is outside the readable range {}–{} pt",
                sizes.body, BODY_SIZE.0, BODY_SIZE.1
            ),
        );
    }
    if !layout.headings.bold && sizes.heading <= sizes.body {
        fail(
            "sizes.heading",
            format!(
                "headings must stand out: make them bold (headings.bold) or larger than body text ({} pt)",
                sizes.body
            ),
        );
    }
    if sizes.heading < sizes.body {
        fail(
            "sizes.heading",
            format!(
                "{} pt is smaller than body text ({} pt)",
                sizes.heading, sizes.body
            ),
        );
    } else if sizes.heading > MAX_HEADING_RATIO * sizes.body {
        fail(
            "sizes.heading",
            format!(
                "{} pt is more than {MAX_HEADING_RATIO} times body text ({} pt): headings should be \
                 slightly larger, not shout",
                sizes.heading, sizes.body
            ),
        );
    }
    for (field, size) in [("sizes.name", sizes.name), ("sizes.label", sizes.label)] {
        if size < sizes.body {
            fail(
                field,
                format!("{size} pt is smaller than body text ({} pt)", sizes.body),
            );
        }
    }
    if sizes.name > MAX_NAME_SIZE {
        fail(
            "sizes.name",
            format!("{} pt is over {MAX_NAME_SIZE} pt", sizes.name),
        );
    }
    if sizes.label > sizes.name {
        fail(
            "sizes.label",
            format!(
                "{} pt is larger than the name ({} pt)",
                sizes.label, sizes.name
            ),
        );
    }
    if !(MIN_SMALL_SIZE..=sizes.body).contains(&sizes.small) {
        fail(
            "sizes.small",
            format!(
                "{} pt must be between {MIN_SMALL_SIZE} pt and the body size",
                sizes.small
            ),
        );
    }
    if !(LINE_SPACING.0..=LINE_SPACING.1).contains(&layout.line_spacing) {
        fail(
            "line_spacing",
            format!(
                "{} is outside {}–{} (single to 1.2)",
                layout.line_spacing, LINE_SPACING.0, LINE_SPACING.1
            ),
        );
    }
    if !(LAST_LINE_MIN.0..=LAST_LINE_MIN.1).contains(&layout.last_line_min) {
        fail(
            "last_line_min",
            format!(
                "{} is outside {}–{} (a fraction of the measure)",
                layout.last_line_min, LAST_LINE_MIN.0, LAST_LINE_MIN.1
            ),
        );
    }
    let spacing = &layout.spacing;
    let entry_gap = min_entry_gap(layout.body_line_pitch(fonts), spacing.paragraph_gap.pt());
    if spacing.entry_gap.pt() + 0.005 < entry_gap {
        fail(
            "spacing.entry_gap",
            format!(
                "{} is too close to the lines inside an entry: use at least {entry_gap:.1}pt \
                 (half a body line plus 1.5 times spacing.paragraph_gap), so that readers and \
                 parsers see where one entry ends",
                spacing.entry_gap
            ),
        );
    }
    let m = &layout.page.margins;
    for (field, margin) in [
        ("page.margins.top", m.top),
        ("page.margins.right", m.right),
        ("page.margins.bottom", m.bottom),
        ("page.margins.left", m.left),
    ] {
        if margin.pt() < MIN_MARGIN {
            fail(
                field,
                format!(
                    "{margin} is under the 0.5in minimum; resumes need white space around the text"
                ),
            );
        }
    }
    let (width, _) = layout.page.dimensions();
    if width - m.left.pt() - m.right.pt() < 3.0 * Length::INCH {
        fail(
            "page.margins",
            "the margins leave less than 3in for text".to_string(),
        );
    }
    let page = Rgb {
        r: 1.0,
        g: 1.0,
        b: 1.0,
    };
    for (field, color) in [
        ("colors.text", layout.colors.text),
        ("colors.muted", layout.colors.muted),
        ("colors.accent", layout.colors.accent),
    ] {
        let ratio = contrast(color.0, page);
        if ratio < MIN_CONTRAST {
            fail(
                field,
                format!(
                    "contrast {ratio:.2}:1 against the page is under {MIN_CONTRAST}:1; choose a darker colour"
                ),
            );
        }
    }
    let order = &layout.sections.order;
    for (i, kind) in order.iter().enumerate() {
        if order[..i].contains(kind) {
            fail(
                "sections.order",
                format!("`{kind:?}` is listed twice").to_lowercase(),
            );
        }
    }
    if let super::Columns::Sidebar(sidebar) = &layout.columns {
        let background = sidebar.background.map_or(page, |c| c.0);
        for (field, color) in [
            ("colors.text", layout.colors.text),
            ("colors.muted", layout.colors.muted),
        ] {
            let ratio = contrast(color.0, background);
            if ratio < MIN_CONTRAST {
                fail(
                    "columns.sidebar.background",
                    format!(
                        "{field} has contrast {ratio:.2}:1 on the sidebar, under {MIN_CONTRAST}:1; choose a lighter tint"
                    ),
                );
            }
        }
        for (i, kind) in sidebar.sections.iter().enumerate() {
            if sidebar.sections[..i].contains(kind) {
                fail(
                    "columns.sidebar.sections",
                    format!("`{kind:?}` is listed twice").to_lowercase(),
                );
            }
        }
        if sidebar.width.pt() < MIN_SIDEBAR_WIDTH {
            fail(
                "columns.sidebar.width",
                format!(
                    "{} is too narrow for sidebar text; use at least {}",
                    sidebar.width,
                    Length(MIN_SIDEBAR_WIDTH)
                ),
            );
        }
        if width - m.left.pt() - m.right.pt() - sidebar.width.pt() - sidebar.gap.pt()
            < 3.5 * Length::INCH
        {
            fail(
                "columns.sidebar.width",
                "the sidebar leaves less than 3.5in for the main column".to_string(),
            );
        }
    }
    if let Some(photo) = layout.photo.as_ref().filter(|p| p.show) {
        let (min, max) = PHOTO_SIZE;
        if !(min..=max).contains(&photo.size.pt()) {
            fail(
                "photo.size",
                format!(
                    "{} is outside {:.1}in–{:.1}in",
                    photo.size,
                    min / Length::INCH,
                    max / Length::INCH
                ),
            );
        }
        let has_sidebar = matches!(layout.columns, super::Columns::Sidebar(_));
        match (photo.position, has_sidebar) {
            (super::PhotoPosition::Sidebar, false) => fail(
                "photo.position",
                "\"sidebar\" needs a layout with a sidebar (columns.sidebar)".to_string(),
            ),
            (super::PhotoPosition::Left | super::PhotoPosition::Right, true) => fail(
                "photo.position",
                "in a layout with a sidebar the photo goes at the top of the sidebar: use \"sidebar\""
                    .to_string(),
            ),
            _ => {}
        }
    }
    if layout.bullet.trim().is_empty() {
        fail("bullet", "the bullet glyph is empty".to_string());
    }
    for (kind, title) in &layout.sections.titles {
        let field = format!("sections.titles.{}", kind.key());
        match title {
            super::Title::Every(text) if text.trim().is_empty() => {
                fail(&field, "the title is empty".to_string());
            }
            super::Title::ByLanguage(titles) if titles.is_empty() => fail(
                &field,
                "give a title, or titles by language such as {\"en\": \"Work Experience\"}"
                    .to_string(),
            ),
            super::Title::ByLanguage(titles) => {
                for (tag, text) in titles {
                    if !is_language_tag(tag) {
                        fail(
                            &format!("{field}.{tag}"),
                            "is not a language tag; use one like \"en\", \"de\" or \"pt-BR\""
                                .to_string(),
                        );
                    } else if text.trim().is_empty() {
                        fail(&format!("{field}.{tag}"), "the title is empty".to_string());
                    }
                }
            }
            super::Title::Every(_) => {}
        }
    }
    let headings = &layout.headings;
    for (field, value, (low, high), unit) in [
        (
            "headings.rule_width",
            headings.rule_width,
            RULE_WIDTH,
            " pt",
        ),
        ("headings.rule_gap", headings.rule_gap, RULE_GAP, " pt"),
        (
            "headings.small_caps_scale",
            headings.small_caps_scale,
            SMALL_CAPS_SCALE,
            "",
        ),
    ] {
        if !(low..=high).contains(&value) {
            fail(
                field,
                format!("{value}{unit} is outside {low}–{high}{unit}"),
            );
        }
    }
    if let Some(photo) = &layout.photo
        && !(0.0..=MAX_PHOTO_CORNER).contains(&photo.corner_radius)
    {
        fail(
            "photo.corner_radius",
            format!(
                "{} is outside 0–{MAX_PHOTO_CORNER} (a fraction of the photo's size; {MAX_PHOTO_CORNER} is a circle)",
                photo.corner_radius
            ),
        );
    }
    entry_templates(&layout.entries, &mut fail);
    out
}

/// Whether `path` is a font file that can be read and parsed.
fn is_font_file(path: &str) -> bool {
    crate::read::read_file(std::path::Path::new(path), crate::read::FONT)
        .ok()
        .is_some_and(|bytes| ttf_parser::Face::parse(&bytes, 0).is_ok())
}

/// Whether `tag` looks like a BCP 47 language tag: a 2–3 letter language, then subtags of 1–8
/// letters or digits.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let language = parts.next().unwrap_or_default();
    (2..=3).contains(&language.len())
        && language.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::parse;

    fn violations_of(overlay: &str) -> Vec<String> {
        let text = format!(r#"{{"extends": "classic", "name": "t", {overlay}}}"#);
        match parse(&text, "t.json", &FontBook::bundled()) {
            Ok(_) => Vec::new(),
            Err(crate::layout::LayoutError::Invalid { violations, .. }) => {
                violations.iter().map(|v| v.path.clone()).collect()
            }
            Err(e) => panic!("unexpected error: {e}"),
        }
    }

    #[test]
    fn each_rule_names_its_field() {
        assert_eq!(violations_of(r#""sizes": {"body": 9}"#), ["sizes.body"]);
        assert_eq!(
            violations_of(r#""sizes": {"body": 12.5}, "spacing": {"entry_gap": 14}"#),
            ["sizes.body", "sizes.heading"]
        );
        // Classic's bullets, 2.5 pt apart on lines 13.3 pt apart, need entries 10.4 pt apart.
        assert_eq!(
            violations_of(r#""spacing": {"entry_gap": 9}"#),
            ["spacing.entry_gap"]
        );
        assert!(violations_of(r#""spacing": {"entry_gap": 10.5}"#).is_empty());
        assert_eq!(
            violations_of(r#""headings": {"bold": false}, "sizes": {"heading": 10.5}"#),
            ["sizes.heading"]
        );
        assert_eq!(
            violations_of(r#""line_spacing": 1.5, "spacing": {"entry_gap": 14}"#),
            ["line_spacing"]
        );
        assert_eq!(
            violations_of(r#""sizes": {"heading": 17}"#),
            ["sizes.heading"]
        );
        assert_eq!(violations_of(r#""sizes": {"name": 40}"#), ["sizes.name"]);
        assert_eq!(violations_of(r#""sizes": {"label": 23}"#), ["sizes.label"]);
        assert_eq!(
            violations_of(r#""page": {"margins": {"left": "0.4in"}}"#),
            ["page.margins.left"]
        );
        assert_eq!(
            violations_of(r##""colors": {"text": "#bbbbbb"}"##),
            ["colors.text"]
        );
        assert_eq!(
            violations_of(r#""fonts": {"body": "Comic Sans"}"#),
            ["fonts.body"]
        );
        assert_eq!(
            violations_of(r#""sections": {"order": ["work", "work"]}"#),
            ["sections.order"]
        );
        let titles = |json: &str| {
            violations_of(&format!(
                r#""sections": {{"order": ["work"], "titles": {{"work": {json}}}}}"#
            ))
        };
        assert_eq!(titles(r#"" ""#), ["sections.titles.work"]);
        assert_eq!(titles("{}"), ["sections.titles.work"]);
        assert_eq!(
            titles(r#"{"english": "Jobs"}"#),
            ["sections.titles.work.english"]
        );
        assert_eq!(titles(r#"{"de": ""}"#), ["sections.titles.work.de"]);
        assert!(titles(r#"{"en": "Jobs", "pt-BR": "Empregos"}"#).is_empty());
    }
}
