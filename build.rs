//! Embeds every `layouts/*.json` file and every `i18n/*.json` translation table in the binary:
//! adding a layout or a language is adding a file. Also fingerprints what the renderer is made of
//! (sources, fonts, dependency versions), so a batch renders everything again after any change.
//! And records the git commit the binary was built from, for `resumepdf --version`: outside a git
//! checkout (a crate download, a source tarball) or without git it is "unknown", and the build
//! never fails for it.

use std::{env, fs, path::Path};

fn main() {
    embed(
        "layouts",
        "builtin_layouts.rs",
        "/// Built-in layouts: (name, JSON text), sorted by name.\npub const BUILTIN: &[(&str, &str)] = &[\n",
        |stem| !stem.ends_with(".schema") && stem != "layout.schema",
    );
    embed(
        "i18n",
        "builtin_locales.rs",
        "/// Built-in translation tables: (language tag, JSON text), sorted by tag.\npub const BUILTIN: &[(&str, &str)] = &[\n",
        |stem| !stem.ends_with(".schema"),
    );
    fingerprint(&["src", "fonts", "layouts", "i18n", "Cargo.lock"]);
    record_commit();
}

/// Sets `RESUMEPDF_COMMIT` to the short hash of HEAD, or "unknown".
fn record_commit() {
    let commit = git(&["rev-parse", "--short=12", "HEAD"])
        .filter(|s| s.chars().all(|c| c.is_ascii_hexdigit()))
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=RESUMEPDF_COMMIT={commit}");
    // Run again when HEAD moves: its log grows on every commit and checkout (also in a worktree,
    // whose .git is a file). Only paths that exist are named, or cargo would rerun every time.
    for name in ["HEAD", "logs/HEAD"] {
        if let Some(path) = git(&["rev-parse", "--git-path", name])
            && Path::new(&path).exists()
        {
            println!("cargo:rerun-if-changed={path}");
        }
    }
}

/// The trimmed output of a successful `git` command, if any.
fn git(args: &[&str]) -> Option<String> {
    let out = std::process::Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (out.status.success() && !text.is_empty()).then_some(text)
}

/// Writes `OUT_DIR/renderer.rs` with `RENDERER`: a 64-bit FNV-1a hash, in hex, of every file under
/// `paths` (relative path and contents, in path order).
fn fingerprint(paths: &[&str]) {
    fn collect(path: &Path, out: &mut Vec<std::path::PathBuf>) {
        if path.is_dir() {
            if let Ok(entries) = fs::read_dir(path) {
                for entry in entries.flatten() {
                    collect(&entry.path(), out);
                }
            }
        } else if path.is_file() {
            out.push(path.to_path_buf());
        }
    }
    let mut files = Vec::new();
    for path in paths {
        println!("cargo:rerun-if-changed={path}");
        collect(Path::new(path), &mut files);
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for file in &files {
        feed(file.to_string_lossy().as_bytes());
        feed(&fs::read(file).unwrap_or_default());
    }
    let code = format!(
        "/// Fingerprint of the sources, fonts, layouts, tables and dependency versions this binary was\n\
         /// built from.\npub const RENDERER: &str = \"{hash:016x}\";\n"
    );
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("renderer.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

/// Writes `OUT_DIR/out_name`: `header`, then one `(stem, include_str!(…))` line per
/// `folder/*.json` file whose stem `keep` accepts, sorted by stem, then `];`.
fn embed(folder: &str, out_name: &str, header: &str, keep: fn(&str) -> bool) {
    println!("cargo:rerun-if-changed={folder}");
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap_or_else(|_| panic!("the {folder}/ folder exists beside Cargo.toml"))
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_string()))
        .filter(|stem| keep(stem))
        .collect();
    names.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::from(header);
    for name in &names {
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            Path::new(&manifest)
                .join(folder)
                .join(format!("{name}.json"))
        ));
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(out_name);
    fs::write(out, code).expect("OUT_DIR is writable");
}
