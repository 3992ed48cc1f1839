//! The integration tests, as one test binary (linked once instead of once per file): a module per
//! area, and `common` with the helpers they share (a lopdf-based PDF reader, running the binary).

mod common;

mod accessibility;
mod bad_input;
mod check;
mod cli;
mod entry_spacing;
mod frontdoor;
mod international;
mod line_breaking;
mod module_graph;
mod pathological;
mod pdf_writer;
mod photo;
mod render;
mod rtl;
mod validate;

/// Every `tests/*.rs` file is a module above: a file left out would never run, and never fail.
#[test]
fn every_test_file_is_compiled_in() {
    let this = include_str!("tests.rs");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/ is readable") {
        let path = entry.expect("an entry").path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "rs") && stem != "tests" {
            files += 1;
            assert!(
                this.contains(&format!("\nmod {stem};\n")),
                "tests/{stem}.rs is not declared in tests/tests.rs"
            );
        }
    }
    assert!(
        files >= 10,
        "only {files} test files found in {}",
        dir.display()
    );
}
