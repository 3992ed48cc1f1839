//! The built-in tables, parsed once, and language-tag resolution.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Locale, LocaleError};

// Defines `BUILTIN: &[(&str, &str)]`, (tag, JSON text) of every `i18n/*.json` file.
include!(concat!(env!("OUT_DIR"), "/builtin_locales.rs"));

/// The tag used when nothing else matches.
pub(super) const FALLBACK: &str = "en";

pub(super) struct Registry {
    /// Valid tables, sorted by tag.
    pub(super) locales: Vec<Locale>,
    /// Normalized tag or alias → index in `locales`.
    by_tag: HashMap<String, usize>,
    /// Index of the English table.
    english: usize,
}

impl Registry {
    pub(super) fn english(&self) -> &Locale {
        &self.locales[self.english]
    }

    /// The table of a normalized tag (see [`normalize`]), by RFC 4647 lookup: the whole tag, then
    /// the tag with its last subtag cut off, and so on.
    pub(super) fn lookup(&self, normalized: &str) -> Option<&Locale> {
        let mut candidate = normalized;
        loop {
            if let Some(&index) = self.by_tag.get(candidate) {
                return Some(&self.locales[index]);
            }
            let cut = candidate.rfind('-')?;
            candidate = &candidate[..cut];
            // A single-letter subtag (`x`, `u`, …) introduces the subtags after it: drop it too.
            if let Some(cut) = candidate.rfind('-').filter(|&i| candidate.len() - i == 2) {
                candidate = &candidate[..cut];
            }
        }
    }
}

/// Parses every built-in table the first time it is called.
///
/// A broken table is left out (so `cargo test` fails, and that language falls back to English) —
/// except English itself, which must load.
pub(super) fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let locales: Vec<Locale> = parse_builtin().into_iter().filter_map(Result::ok).collect();
        let mut by_tag = HashMap::new();
        for (index, locale) in locales.iter().enumerate() {
            by_tag.insert(normalize(&locale.tag), index);
        }
        for (index, locale) in locales.iter().enumerate() {
            for alias in &locale.aliases {
                by_tag.entry(normalize(alias)).or_insert(index);
            }
        }
        let english = by_tag
            .get(FALLBACK)
            .copied()
            .expect("i18n/en.json is a valid translation table (run `cargo test`)");
        Registry {
            locales,
            by_tag,
            english,
        }
    })
}

/// Parses every built-in table, in tag order.
pub(super) fn parse_builtin() -> Vec<Result<Locale, LocaleError>> {
    BUILTIN
        .iter()
        .map(|(tag, json)| Locale::from_json(tag, json))
        .collect()
}

/// A tag in the form lookups compare: trimmed, lowercase, `-` between subtags; a POSIX locale's
/// encoding or modifier (`de_DE.UTF-8`, `ca_ES@valencia`) is dropped.
pub(super) fn normalize(tag: &str) -> String {
    let tag = tag.trim();
    let tag = tag.split(['.', '@']).next().unwrap_or_default();
    tag.replace('_', "-").to_ascii_lowercase()
}
