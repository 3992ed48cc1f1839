//! Free text (summaries, descriptions, highlights) as people write it in JSON Resume files: blank
//! lines between paragraphs, stray spaces around line breaks, and the little Markdown many themes
//! render — `**strong**` and `[text](https://…)` links.
//!
//! Only that Markdown is read, and only where it is unambiguous: a `**` pair around text that
//! neither starts nor ends with a space, a bracketed text followed at once by a parenthesised web
//! or mail address. Anything else, `*`, `_` and `#` included, is printed as written.

use super::document::{Span, TextStyle};
use crate::model::link_target;

/// The paragraphs of `text`: separated by blank lines, each line trimmed, empty ones dropped. A
/// single line break inside a paragraph is kept.
pub(super) fn paragraphs(text: &str) -> Vec<String> {
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
    let end = body.find("**")?;
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
    let close = body.find(']')?;
    let label = &body[..close];
    let target = body[close + 1..].strip_prefix('(')?;
    let end = target.find(')')?;
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
    use crate::typeset::pages::Rgb;

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
