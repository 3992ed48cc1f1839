//! Embeds every `layouts/*.json` file in the binary: adding a layout is adding a file.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=layouts");
    let mut names: Vec<String> = fs::read_dir("layouts")
        .expect("the layouts/ folder exists beside Cargo.toml")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .filter_map(|path| Some(path.file_stem()?.to_str()?.to_string()))
        .filter(|stem| !stem.ends_with(".schema") && stem != "layout.schema")
        .collect();
    names.sort();
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut code = String::from(
        "/// Built-in layouts: (name, JSON text), sorted by name.\npub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for name in &names {
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            Path::new(&manifest)
                .join("layouts")
                .join(format!("{name}.json"))
        ));
    }
    code.push_str("];\n");
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_layouts.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
