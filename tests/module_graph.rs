//! The library's dependencies run one way (style ← model ← layout ← compose ← typeset ← pdf): this
//! test reads the source, collects which top-level module refers to which (and which submodule of
//! `typeset` to which), and fails with the cycle when one comes back.
//!
//! The command line (`main.rs`, `cli/`) is the binary's business, not a stage
//! of the library, so it is left out of the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Source files and folders of the command line, not of the library's pipeline.
const BINARY_ONLY: &[&str] = &["main.rs", "lib.rs", "cli"];

/// Modules that must be in the graph: if one is missing, the source was not read correctly.
const EXPECTED: &[&str] = &["style", "model", "layout", "compose", "typeset", "pdf"];

/// One source file: its path relative to `src/` and its text with comments and string literals
/// blanked out (a path in a doc comment or a message is not a dependency).
struct Source {
    relative: Vec<String>,
    code: String,
}

/// Where an edge was seen, to point at the line that closes a cycle.
type Evidence = BTreeMap<(String, String), String>;

#[test]
fn top_level_modules_form_no_cycle() {
    let sources = library_sources();
    let modules: BTreeSet<String> = sources
        .iter()
        .map(|source| module_name(&source.relative[0]))
        .collect();
    for expected in EXPECTED {
        assert!(
            modules.contains(*expected),
            "module `{expected}` not found among {modules:?}"
        );
    }
    let mut edges = Evidence::new();
    for source in &sources {
        let from = module_name(&source.relative[0]);
        for (line, path) in crate_paths(&source.code) {
            let Some(to) = path.first().filter(|to| modules.contains(*to)) else {
                continue;
            };
            if *to != from {
                edges
                    .entry((from.clone(), to.clone()))
                    .or_insert_with(|| format!("src/{}:{line}", source.relative.join("/")));
            }
        }
    }
    assert_acyclic("top-level modules", &modules, &edges);
}

#[test]
fn typeset_submodules_form_no_cycle() {
    let sources: Vec<Source> = library_sources()
        .into_iter()
        .filter(|source| source.relative.len() == 2 && source.relative[0] == "typeset")
        .filter(|source| source.relative[1] != "mod.rs")
        .collect();
    let modules: BTreeSet<String> = sources
        .iter()
        .map(|source| module_name(&source.relative[1]))
        .collect();
    assert!(
        modules.len() >= 3,
        "typeset has too few submodules: {modules:?}"
    );
    let mut edges = Evidence::new();
    for source in &sources {
        let from = module_name(&source.relative[1]);
        let mut paths: Vec<(usize, Vec<String>)> = crate_paths(&source.code)
            .into_iter()
            .filter(|(_, path)| path.first().is_some_and(|first| first == "typeset"))
            .map(|(line, path)| (line, path[1..].to_vec()))
            .chain(super_paths(&source.code))
            .collect();
        paths.sort();
        for (line, path) in paths {
            let Some(to) = path.first().filter(|to| modules.contains(*to)) else {
                continue;
            };
            if *to != from {
                edges
                    .entry((from.clone(), to.clone()))
                    .or_insert_with(|| format!("src/{}:{line}", source.relative.join("/")));
            }
        }
    }
    assert_acyclic("typeset submodules", &modules, &edges);
}

/// The scanner sees through comments, strings and `use` groups, so a test of the test: these
/// lines hold exactly the edges written next to them.
#[test]
fn scanner_reads_paths_and_groups_only_from_code() {
    let code = blank_comments_and_strings(
        "use crate::{fonts::FaceId, layout::{Align, Side}};\n\
         // use crate::pdf::write;\n\
         let message = \"crate::photo\";\n\
         /* crate::check */ let x = crate::model::parse(r#\"crate::fit\"#);\n\
         use super::marks::LRM;\n",
    );
    let found: Vec<(usize, String)> = crate_paths(&code)
        .into_iter()
        .map(|(line, path)| (line, path[0].clone()))
        .collect();
    let expected = [(1, "fonts"), (1, "layout"), (1, "layout"), (4, "model")]
        .map(|(line, name)| (line, name.to_string()));
    assert_eq!(found, expected);
    assert_eq!(
        super_paths(&code),
        vec![(5, vec!["marks".to_string(), "LRM".to_string()])]
    );
}

/// Every `.rs` file under `src/` that belongs to the library; panics if there is none to read.
fn library_sources() -> Vec<Source> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    collect_rust_files(&root, &mut files);
    let sources: Vec<Source> = files
        .into_iter()
        .filter_map(|file| {
            let relative: Vec<String> = file
                .strip_prefix(&root)
                .expect("listed under src")
                .iter()
                .map(|part| part.to_string_lossy().into_owned())
                .collect();
            if BINARY_ONLY.contains(&relative[0].as_str()) {
                return None;
            }
            let text = fs::read_to_string(&file)
                .unwrap_or_else(|error| panic!("reading {}: {error}", file.display()));
            let code = blank_comments_and_strings(&text);
            Some(Source { relative, code })
        })
        .collect();
    assert!(
        sources.len() > 20,
        "only {} library source files found under {}",
        sources.len(),
        root.display()
    );
    sources
}

fn collect_rust_files(folder: &Path, files: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(folder)
        .unwrap_or_else(|error| panic!("reading {}: {error}", folder.display()));
    for entry in entries {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            collect_rust_files(&path, files);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
}

/// `foo.rs` and the folder `foo` are both module `foo`.
fn module_name(file_or_folder: &str) -> String {
    file_or_folder
        .strip_suffix(".rs")
        .unwrap_or(file_or_folder)
        .to_string()
}

/// Replaces comments and the contents of string literals by spaces, keeping line breaks so that
/// line numbers still match the file.
fn blank_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('"' | '#')) && !is_ident(&chars, i) {
            // A raw string: r"…" or r#"…"#, ended by a quote and as many hashes.
            let mut hashes = 0;
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            out.push_str(&" ".repeat(j + 1 - i));
            i = j + 1;
            while i < chars.len() {
                let closes =
                    chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#'));
                if closes {
                    out.push_str(&" ".repeat(hashes + 1));
                    i += hashes + 1;
                    break;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' && i + 1 < chars.len() {
                    out.push(' ');
                    i += 1;
                }
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            // A one-character literal such as '"' (a lifetime has no closing quote).
            out.push_str("   ");
            i += 3;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character literal: '\'', '\\', '\u{200f}'.
            out.push_str("  ");
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Whether `chars[i]` continues an identifier (so an `r` there does not start a raw string).
fn is_ident(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// Every path that starts with `crate::`, with its line number; a `use crate::{a::b, c}` group
/// gives one path per member.
fn crate_paths(code: &str) -> Vec<(usize, Vec<String>)> {
    paths_after(code, "crate::")
}

/// Every path that starts with `super::`, with its line number.
fn super_paths(code: &str) -> Vec<(usize, Vec<String>)> {
    paths_after(code, "super::")
}

fn paths_after(code: &str, prefix: &str) -> Vec<(usize, Vec<String>)> {
    let mut found = Vec::new();
    for (start, _) in code.match_indices(prefix) {
        let before = code[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let line = code[..start].matches('\n').count() + 1;
        let mut rest = &code[start + prefix.len()..];
        // `super::super::x` is not a sibling; `crate::` inside it cannot follow.
        if prefix == "super::" && rest.starts_with("super::") {
            continue;
        }
        let mut group = Vec::new();
        read_tree(&mut rest, Vec::new(), &mut group);
        found.extend(group.into_iter().map(|path| (line, path)));
    }
    found
}

/// Reads one use-tree (`a::b::C`, `a::{b, c::D}`, `{a, b}`) from the start of `rest`, pushing
/// each full path it names onto `out`.
fn read_tree(rest: &mut &str, prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let mut path = prefix;
    loop {
        *rest = rest.trim_start();
        if let Some(inner) = rest.strip_prefix('{') {
            *rest = inner;
            loop {
                *rest = rest.trim_start();
                if let Some(after) = rest.strip_prefix('}') {
                    *rest = after;
                    return;
                }
                if rest.is_empty() {
                    return;
                }
                let before = rest.len();
                read_tree(rest, path.clone(), out);
                *rest = rest.trim_start();
                if let Some(after) = rest.strip_prefix(',') {
                    *rest = after;
                } else if rest.len() == before {
                    return;
                }
            }
        }
        let length = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if length == 0 {
            break;
        }
        path.push(rest[..length].to_string());
        *rest = &rest[length..];
        match rest.strip_prefix("::") {
            Some(after) => *rest = after,
            None => break,
        }
    }
    if !path.is_empty() {
        out.push(path);
    }
}

/// Panics with the first cycle found, each step with the file and line that makes it.
fn assert_acyclic(what: &str, modules: &BTreeSet<String>, edges: &Evidence) {
    let mut state: BTreeMap<&str, Visit> = BTreeMap::new();
    for module in modules {
        let mut stack = Vec::new();
        if let Some(cycle) = find_cycle(module, edges, &mut state, &mut stack) {
            let steps: Vec<String> = cycle
                .windows(2)
                .map(|pair| {
                    let key = (pair[0].to_string(), pair[1].to_string());
                    format!("  {} → {}   ({})", pair[0], pair[1], edges[&key])
                })
                .collect();
            panic!(
                "the {what} depend on each other in a cycle:\n{}",
                steps.join("\n")
            );
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Visit {
    Open,
    Done,
}

/// Depth-first search; returns the cycle as a closed walk `[a, b, …, a]`.
fn find_cycle<'a>(
    module: &'a str,
    edges: &'a Evidence,
    state: &mut BTreeMap<&'a str, Visit>,
    stack: &mut Vec<&'a str>,
) -> Option<Vec<&'a str>> {
    match state.get(module) {
        Some(Visit::Done) => return None,
        Some(Visit::Open) => {
            let start = stack.iter().position(|m| *m == module)?;
            let mut cycle = stack[start..].to_vec();
            cycle.push(module);
            return Some(cycle);
        }
        None => {}
    }
    state.insert(module, Visit::Open);
    stack.push(module);
    let targets = edges
        .keys()
        .filter(|(from, _)| from == module)
        .map(|(_, to)| to.as_str());
    for target in targets {
        if let Some(cycle) = find_cycle(target, edges, state, stack) {
            return Some(cycle);
        }
    }
    stack.pop();
    state.insert(module, Visit::Done);
    None
}
