//! The built-in tables and language-tag resolution. Each table is parsed the first time its
//! language is asked for, not all at start-up: a render uses one or two of them.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::Locale;

// Defines `BUILTIN: &[(&str, &str)]`, (tag, JSON text) of every `i18n/*.json` file.
include!(concat!(env!("OUT_DIR"), "/builtin_locales.rs"));

/// The tag used when nothing else matches.
pub(super) const FALLBACK: &str = "en";

/// The parsed table of each entry of [`BUILTIN`], once asked for; `None` for a broken table.
static PARSED: [OnceLock<Option<Locale>>; BUILTIN.len()] =
    [const { OnceLock::new() }; BUILTIN.len()];

/// The built-in table at `index` in [`BUILTIN`], parsed on first use.
///
/// A broken table is left out (so `cargo test` fails, and that language falls back to English).
fn table(index: usize) -> Option<&'static Locale> {
    let (tag, json) = BUILTIN.get(index)?;
    PARSED
        .get(index)?
        .get_or_init(|| Locale::from_json(tag, json).ok())
        .as_ref()
}

/// English, the fallback, which must load.
pub(super) fn english() -> &'static Locale {
    tag_index(FALLBACK)
        .and_then(table)
        .expect("i18n/en.json is a valid translation table (run `cargo test`)")
}

/// The valid built-in tables, in tag order (this parses them all).
pub(super) fn all() -> impl Iterator<Item = &'static Locale> {
    (0..BUILTIN.len()).filter_map(table)
}

/// The table of a normalized tag (see [`normalize`]), by RFC 4647 lookup: the whole tag, then
/// the tag with its last subtag cut off, and so on. At each step a table's own tag comes before
/// another table's alias.
pub(super) fn lookup(normalized: &str) -> Option<&'static Locale> {
    let mut candidate = normalized;
    loop {
        let found = tag_index(candidate)
            .and_then(table)
            .or_else(|| aliases().get(candidate).and_then(|&index| table(index)));
        if found.is_some() {
            return found;
        }
        let cut = candidate.rfind('-')?;
        candidate = &candidate[..cut];
        // A single-letter subtag (`x`, `u`, …) introduces the subtags after it: drop it too.
        if let Some(cut) = candidate.rfind('-').filter(|&i| candidate.len() - i == 2) {
            candidate = &candidate[..cut];
        }
    }
}

/// The index in [`BUILTIN`] of the table whose file is named after the normalized `tag`.
///
/// A valid table's file name is a tag in normal form but for case (the table check refuses
/// anything else), so comparing without case is comparing normalized tags.
fn tag_index(tag: &str) -> Option<usize> {
    BUILTIN
        .iter()
        .position(|(own, _)| own.eq_ignore_ascii_case(tag))
}

/// Normalized alias → index in [`BUILTIN`], read the first time a tag is not a table's own.
///
/// Only the `aliases` of each table are read here, which is much less work than parsing them.
fn aliases() -> &'static HashMap<String, usize> {
    static ALIASES: OnceLock<HashMap<String, usize>> = OnceLock::new();
    ALIASES.get_or_init(|| {
        let mut by_alias = HashMap::new();
        for (index, (_, json)) in BUILTIN.iter().enumerate() {
            for alias in read_aliases(json) {
                by_alias.entry(normalize(&alias)).or_insert(index);
            }
        }
        by_alias
    })
}

/// The `aliases` of a table's JSON text, skipping the rest of it (none when it is not JSON).
pub(super) fn read_aliases(json: &str) -> Vec<String> {
    /// Just the aliases of a table.
    #[derive(Deserialize)]
    struct Aliases {
        #[serde(default)]
        aliases: Vec<String>,
    }
    serde_json::from_str::<Aliases>(json).map_or_else(|_| Vec::new(), |a| a.aliases)
}

/// Parses every built-in table, in tag order.
#[cfg(test)]
pub(super) fn parse_builtin() -> Vec<Result<Locale, super::LocaleError>> {
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
