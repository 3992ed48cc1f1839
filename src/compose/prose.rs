//! Free text (summaries, descriptions, highlights) as people write it in JSON Resume files: blank
//! lines between paragraphs, stray spaces around line breaks, and the little Markdown and HTML
//! many themes render — `**strong**`, `[text](https://…)`, `<strong>`, `<b>`, `<a href>`, `<br>`,
//! `<p>` and `<li>`.
//!
//! Only that markup is read, and only where it is unambiguous: a `**` pair around text that
//! neither starts nor ends with a space, a bracketed text followed at once by a parenthesised web
//! or mail address, and those HTML tags. Every HTML entity (`&amp;`, `&eacute;`, `&#8212;` …)
//! is decoded, since JSON Resume files written for HTML themes use them in plain text too.
//! Anything else, `*`, `_`, `#` and other tags included, is printed as written.

use std::borrow::Cow;

use super::document::{Span, TextStyle};
use crate::model::link_target;

/// How far markup may reach, in bytes: a tag, a link's text and address, a strong phrase. Longer
/// stretches are not markup, and looking no further keeps reading linear in the text's length.
const REACH: usize = 2048;

/// Where `pattern` first occurs in the first [`REACH`] bytes of `text`.
fn find_near(text: &str, pattern: &str) -> Option<usize> {
    let mut end = text.len().min(REACH);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].find(pattern)
}

/// `text` with the HTML tags this module reads turned into line breaks and Markdown. Entities
/// are left for [`paragraphs`] to decode once, after the tags: a decoded `&lt;b&gt;` is text,
/// not a tag, and a link's text is not decoded twice.
fn from_html(text: &str) -> Cow<'_, str> {
    if !text.contains('<') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut found = false;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tag = &rest[open..];
        match html_tag(tag) {
            Some((replacement, len)) => {
                out.push_str(&replacement);
                rest = &tag[len..];
                found = true;
            }
            None => {
                out.push('<');
                rest = &tag[1..];
            }
        }
    }
    out.push_str(rest);
    if found {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(text)
    }
}

/// The replacement of the HTML tag `text` starts with, and how many bytes it replaces.
fn html_tag(text: &str) -> Option<(Cow<'static, str>, usize)> {
    let end = find_near(text, ">")?;
    let inner = text[1..end].trim();
    let lower = inner.to_ascii_lowercase();
    let replacement: Cow<'static, str> = match lower.trim_end_matches('/').trim() {
        "br" | "/br" => "\n".into(),
        "p" | "/p" => "\n\n".into(),
        "ul" | "/ul" | "ol" | "/ol" => "\n".into(),
        "/li" => "".into(),
        "li" => "\n• ".into(),
        "strong" | "/strong" | "b" | "/b" => "**".into(),
        _ => return anchor(text, inner, end),
    };
    Some((replacement, end + 1))
}

/// `<a href="URL">label</a>` at the start of `text` (its opening tag is `inner`, ending at byte
/// `end`) as the Markdown link `[label](URL)`.
fn anchor(text: &str, inner: &str, end: usize) -> Option<(Cow<'static, str>, usize)> {
    let lower = inner.to_ascii_lowercase();
    let href = lower
        .strip_prefix("a ")?
        .trim_start()
        .strip_prefix("href=")?;
    let quote = href.chars().next().filter(|q| matches!(q, '"' | '\''))?;
    let url_start = inner.len() - href.len() + 1;
    let url = inner[url_start..].split(quote).next()?;
    let after = &text[end + 1..];
    let close = find_near(after, "</a>").or_else(|| find_near(after, "</A>"))?;
    // White space in a link's text is one space, as in HTML.
    let label = from_html(&after[..close])
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some((format!("[{label}]({url})").into(), end + 1 + close + 4))
}

/// The paragraphs of `text` (its HTML read first, then every named and numeric HTML entity
/// decoded, with or without tags around: `&amp;`, `&eacute;`, `&#8212;`): separated by blank lines, each line trimmed,
/// empty ones dropped. A single line break inside a paragraph is kept.
pub(super) fn paragraphs(text: &str) -> Vec<String> {
    let text = from_html(text);
    let text = html_escape::decode_html_entities(&text);
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// `text` as spans: plain text in `plain`, `**strong**` text in `strong`, `[text](url)` as `text`
/// (itself possibly strong) linked to the URL when the link allow-list accepts it.
pub(super) fn spans(text: &str, plain: TextStyle, strong: TextStyle) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut push = |text: &str, style: TextStyle, link: Option<String>| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.style == style && last.link.is_none() && link.is_none() => {
                last.text.push_str(text);
            }
            _ => out.push(Span {
                text: text.to_string(),
                style,
                link,
                separator: false,
                nowrap: false,
                node: None,
            }),
        }
    };
    let mut rest = text;
    while !rest.is_empty() {
        let Some((at, markup)) = next_markup(rest) else {
            push(rest, plain, None);
            break;
        };
        push(&rest[..at], plain, None);
        match markup {
            Markup::Strong { inner, len } => {
                push(inner, strong, None);
                rest = &rest[at + len..];
            }
            Markup::Link { label, url, len } => {
                let target = link_target(url);
                for part in spans(label, plain, strong) {
                    push(&part.text, part.style, target.clone());
                }
                rest = &rest[at + len..];
            }
        }
    }
    out
}

/// A piece of Markdown found in the text.
enum Markup<'t> {
    /// `**inner**`, `len` bytes in all.
    Strong { inner: &'t str, len: usize },
    /// `[label](url)`, `len` bytes in all.
    Link {
        label: &'t str,
        url: &'t str,
        len: usize,
    },
}

/// The first Markdown in `text` and where it starts.
fn next_markup(text: &str) -> Option<(usize, Markup<'_>)> {
    let mut from = 0;
    while let Some(offset) = text[from..].find(['*', '[']) {
        let at = from + offset;
        let rest = &text[at..];
        if let Some(markup) = strong(rest).or_else(|| link(rest)) {
            return Some((at, markup));
        }
        from = at + 1;
    }
    None
}

fn strong(text: &str) -> Option<Markup<'_>> {
    let body = text.strip_prefix("**")?;
    let end = find_near(body, "**")?;
    let inner = &body[..end];
    let tight = !inner.is_empty()
        && !inner.starts_with(char::is_whitespace)
        && !inner.ends_with(char::is_whitespace)
        && !inner.contains('\n');
    tight.then_some(Markup::Strong {
        inner,
        len: end + 4,
    })
}

fn link(text: &str) -> Option<Markup<'_>> {
    let body = text.strip_prefix('[')?;
    let close = find_near(body, "]")?;
    let label = &body[..close];
    let target = body[close + 1..].strip_prefix('(')?;
    let end = find_near(target, ")")?;
    let url = &target[..end];
    let lower = url.to_ascii_lowercase();
    let addressed = ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme));
    let plausible = addressed && !label.trim().is_empty() && !label.contains(['[', '\n']);
    plausible.then_some(Markup::Link {
        label,
        url,
        len: 1 + close + 2 + end + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fonts::{FaceId, Style};
    use crate::style::Rgb;

    fn style(bold: bool) -> TextStyle {
        TextStyle {
            face: FaceId(u16::from(bold)),
            size: 10.0,
            color: Rgb::BLACK,
            letter_spacing: 0.0,
            variant: if bold { Style::BOLD } else { Style::REGULAR },
        }
    }

    /// (text, bold, link) of each span.
    fn read(text: &str) -> Vec<(String, bool, Option<String>)> {
        spans(text, style(false), style(true))
            .into_iter()
            .map(|s| (s.text, s.style.variant.bold, s.link))
            .collect()
    }

    #[test]
    fn blank_lines_part_paragraphs_and_stray_spaces_go() {
        let text = "First part.\n\n\n Second part,\n  still second.  \n\n";
        assert_eq!(
            paragraphs(text),
            ["First part.", "Second part,\nstill second."]
        );
        assert!(paragraphs(" \n\n ").is_empty());
    }

    #[test]
    fn strong_text_and_links_become_styles_and_link_targets() {
        assert_eq!(
            read("An **imaginary** developer of [Quantum](https://example.com/q) tools."),
            [
                ("An ".into(), false, None),
                ("imaginary".into(), true, None),
                (" developer of ".into(), false, None),
                (
                    "Quantum".into(),
                    false,
                    Some("https://example.com/q".into())
                ),
                (" tools.".into(), false, None),
            ]
        );
        let q = Some("https://example.com/q".to_string());
        assert_eq!(
            read("[**Quantum** app](https://example.com/q)"),
            [
                ("Quantum".into(), true, q.clone()),
                (" app".into(), false, q),
            ]
        );
    }

    #[test]
    fn the_html_themes_render_becomes_the_same() {
        let html = "Built <strong>apps</strong> and <a href=\"https://x.example.com/a\">a\n<b>game</b></a>:\
                    <br/><ul><li>one</li><li>two &amp; three</li></ul><p>Next</p>";
        let text = from_html(html);
        assert_eq!(
            text,
            "Built **apps** and [a **game**](https://x.example.com/a):\n\n\n• one\n• two &amp; three\n\n\nNext\n\n"
        );
        assert_eq!(
            paragraphs(html),
            [
                "Built **apps** and [a **game**](https://x.example.com/a):",
                "• one\n• two & three",
                "Next"
            ]
        );
        // Text without those tags is left alone.
        for plain in [
            "a < b and c > d",
            "R&D <team>",
            "x <a name=\"y\">z</a>",
            "<a href=\"u\">open",
        ] {
            assert_eq!(from_html(plain), plain);
        }
    }

    #[test]
    fn every_html_entity_is_decoded_once_with_or_without_tags() {
        assert_eq!(
            paragraphs("R&amp;D &#8212; caf&eacute; &#x2013; &lt;b&gt;"),
            ["R&D — café – <b>"]
        );
        assert_eq!(
            paragraphs("<b>A&amp;B</b> <a href=\"https://x.example.com\">&amp;lt;</a>"),
            ["**A&B** [&lt;](https://x.example.com)"]
        );
        assert_eq!(paragraphs("AT&T & co; &unknown;"), ["AT&T & co; &unknown;"]);
    }

    #[test]
    fn openers_without_closers_print_as_written_however_many() {
        // Tens of thousands of openers: each looks only a little way ahead (REACH), so this stays
        // linear, and none of them is markup.
        for unit in [
            "**x ",
            "[a ",
            "<a href=\"https://x.example\"> ",
            "<c ",
            "文< ",
        ] {
            let text = unit.repeat(40_000);
            let paragraphs = paragraphs(&text);
            let read: String = spans(&paragraphs[0], style(false), style(true))
                .into_iter()
                .map(|s| s.text)
                .collect();
            assert_eq!(read, text.trim_end(), "{unit}");
        }
        // A tag far into a long line of Chinese text is still read.
        let text = format!("{}<strong>要点</strong>", "经验".repeat(2000));
        assert!(
            read(&paragraphs(&text)[0])
                .iter()
                .any(|(t, bold, _)| t == "要点" && *bold)
        );
    }

    #[test]
    fn anything_else_stays_as_written() {
        for text in [
            "Rated 5* by users",
            "a ** b ** c",
            "** open",
            "C** and [x] and [y](not a link) and [z](javascript:alert(1))",
            "snake_case and *emphasis*",
        ] {
            assert_eq!(read(text), [(text.to_string(), false, None)], "{text}");
        }
        // A link the allow-list refuses keeps its text, unlinked.
        assert_eq!(read("[site](http://)"), [("site".to_string(), false, None)]);
    }
}
