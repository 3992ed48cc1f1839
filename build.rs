//! Embeds every `layouts/*.json` file and every `i18n/*.json` translation table in the binary:
//! adding a layout or a language is adding a file.

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
