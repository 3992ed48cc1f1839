//! The command line as a user meets it: exit codes, messages, where files go.

use crate::common;

use common::run::{resumepdf, scratch, stderr};
use resumepdf::layout;

use std::path::Path;
use std::process::{Command, Stdio};

const SAMPLE: &str = include_str!("data/corpus/schema-sample.resume.json");

#[test]
fn render_writes_a_pdf_beside_the_input_by_default() {
    let dir = scratch("default-output");
    std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
    let output = resumepdf(&["render", "me.json"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = std::fs::read(dir.join("me.pdf")).expect("me.pdf written");
    assert_eq!(common::read_pdf(&pdf).info["Author"], "Richard Hendriks");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn render_reads_stdin_and_writes_stdout() {
    let dir = scratch("stdio");
    let mut child = Command::new(env!("CARGO_BIN_EXE_resumepdf"))
        .args(["render", "-", "--layout", "modern"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(SAMPLE.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(output.stdout.starts_with(b"%PDF-"));
    assert_eq!(
        common::read_pdf(&output.stdout).info["Subject"],
        "Programmer"
    );
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing written to disk"
    );
}

#[test]
fn an_unknown_layout_lists_the_available_ones_and_writes_nothing() {
    let dir = scratch("unknown-layout");
    std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
    let output = resumepdf(&["render", "me.json", "-l", "fancy"], &dir);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("unknown layout `fancy`"), "{message}");
    for name in [
        "ats",
        "classic",
        "compact",
        "executive",
        "modern",
        "sidebar",
    ] {
        assert!(message.contains(name), "{name} missing from: {message}");
    }
    assert!(!dir.join("me.pdf").exists());
}

#[test]
fn malformed_json_is_located_and_leaves_the_old_pdf_alone() {
    let dir = scratch("malformed");
    std::fs::write(
        dir.join("me.json"),
        "{\n  \"basics\": {\n    \"name\": \"A\",\n  }\n}",
    )
    .unwrap();
    std::fs::write(dir.join("me.pdf"), b"old").unwrap();
    let output = resumepdf(&["render", "me.json"], &dir);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.starts_with("error: me.json:4:3:"), "{message}");
    assert_eq!(std::fs::read(dir.join("me.pdf")).unwrap(), b"old");
}

#[test]
fn an_unwritable_output_is_a_clear_error() {
    let dir = scratch("unwritable");
    std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
    // A missing folder is created, but not inside a file.
    let output = resumepdf(&["render", "me.json", "-o", "me.json/folder/me.pdf"], &dir);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("cannot create the folder me.json/folder"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn layouts_lists_the_built_in_layouts_with_descriptions() {
    let output = resumepdf(&["layouts"], Path::new("."));
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        names,
        [
            "ats",
            "classic",
            "compact",
            "direct",
            "executive",
            "modern",
            "sidebar"
        ]
    );
    assert!(
        text.lines().all(|l| l.split_whitespace().count() > 4),
        "{text}"
    );
}

#[test]
fn batch_renders_every_input_in_every_layout_then_skips_unchanged_ones() {
    let dir = scratch("batch");
    std::fs::create_dir_all(dir.join("in/nested")).unwrap();
    std::fs::write(dir.join("in/a.json"), SAMPLE).unwrap();
    std::fs::write(
        dir.join("in/nested/b.json"),
        SAMPLE.replace("Richard", "Rick"),
    )
    .unwrap();
    std::fs::write(dir.join("in/broken.json"), "[1, 2]").unwrap();

    let first = resumepdf(&["batch", "in", "--all-layouts", "--out", "out"], &dir);
    assert_eq!(
        first.status.code(),
        Some(1),
        "a failed input makes the batch fail"
    );
    let log = stderr(&first);
    assert!(
        // compact's one-page budget is the layout's aim, not the user's: a resume that needs a
        // little more than a page gets a note, not a warning.
        log.contains("21 PDFs: 14 rendered, 0 up to date, 7 failed"),
        "{log}"
    );
    assert!(log.contains("broken.json"), "{log}");
    for stem in ["a", "b"] {
        for layout in layout::builtin_names() {
            let path = dir.join(format!("out/{stem}--{layout}.pdf"));
            assert!(path.is_file(), "{} missing", path.display());
        }
    }
    std::fs::remove_file(dir.join("in/broken.json")).unwrap();
    let second = resumepdf(&["batch", "in", "--all-layouts", "--out", "out"], &dir);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("14 PDFs: 0 rendered, 14 up to date, 0 failed"),
        "{}",
        stderr(&second)
    );

    std::fs::write(
        dir.join("in/a.json"),
        SAMPLE.replace("Programmer", "Engineer"),
    )
    .unwrap();
    let third = resumepdf(&["batch", "in", "-l", "classic", "--out", "out"], &dir);
    assert!(
        stderr(&third).contains("2 PDFs: 1 rendered, 1 up to date, 0 failed"),
        "{}",
        stderr(&third)
    );
}

#[test]
fn a_layout_extending_classic_with_a_new_accent_renders_in_that_colour() {
    let dir = scratch("extends");
    std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
    std::fs::write(
        dir.join("navy.json"),
        r##"{"extends": "classic", "name": "navy", "colors": {"accent": "#1f4e79"}}"##,
    )
    .unwrap();
    let output = resumepdf(
        &["render", "me.json", "-l", "navy.json", "-o", "navy.pdf"],
        &dir,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(dir.join("navy.pdf")).unwrap();
    assert!(common::read_pdf(&bytes).text[0].contains("Richard Hendriks"));
    // #1f4e79 = (31, 78, 121) / 255: the name is filled in the new accent colour.
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let first_page = *doc.get_pages().values().next().unwrap();
    let content = String::from_utf8_lossy(&doc.get_page_content(first_page)).into_owned();
    assert!(
        content.contains("0.122 0.306 0.475 rg"),
        "accent colour not used"
    );
}

#[test]
fn pages_fits_within_the_rules_or_says_by_how_much_it_overflows() {
    let dir = scratch("pages");
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let fits = resumepdf(
        &[
            "render",
            samples.join("with-photo.json").to_str().unwrap(),
            "--pages",
            "1",
            "-v",
            "-o",
            "one.pdf",
        ],
        &dir,
    );
    assert!(fits.status.success(), "{}", stderr(&fits));
    assert!(
        stderr(&fits).contains("fitted to 1 page(s): spacing.section_gap"),
        "{}",
        stderr(&fits)
    );
    assert_eq!(
        common::read_pdf(&std::fs::read(dir.join("one.pdf")).unwrap()).page_count,
        1
    );

    let long = samples.join("senior-engineer-long-career.json");
    let hopeless = resumepdf(
        &[
            "render",
            long.to_str().unwrap(),
            "--pages",
            "1",
            "-o",
            "long.pdf",
        ],
        &dir,
    );
    assert!(hopeless.status.success(), "a budget miss is a warning");
    let message = stderr(&hopeless);
    assert!(
        message.contains("does not fit 1 page(s): it needs"),
        "{message}"
    );
    assert!(message.contains("remove about"), "{message}");
    let strict = resumepdf(
        &[
            "render",
            long.to_str().unwrap(),
            "--pages",
            "1",
            "--strict",
            "-o",
            "strict.pdf",
        ],
        &dir,
    );
    assert_eq!(strict.status.code(), Some(1));
    assert!(!dir.join("strict.pdf").exists());
}

#[test]
fn batch_may_write_inside_its_input_folder() {
    let dir = scratch("batch-inside");
    std::fs::create_dir_all(dir.join("samples")).unwrap();
    std::fs::write(dir.join("samples/a.json"), SAMPLE).unwrap();
    let args = ["batch", "samples", "--out", "samples/pdf"];
    let first = resumepdf(&args, &dir);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(dir.join("samples/pdf/.resumepdf-batch.json").is_file());
    let second = resumepdf(&args, &dir);
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("1 PDFs: 0 rendered, 1 up to date, 0 failed"),
        "the manifest is not an input: {}",
        stderr(&second)
    );
}

#[test]
fn a_layout_may_name_a_font_file_relative_to_itself() {
    let dir = scratch("font-file");
    std::fs::create_dir_all(dir.join("style")).unwrap();
    let font = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/Carlito-Regular.ttf");
    std::fs::copy(font, dir.join("style/house-font.ttf")).unwrap();
    std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
    let layout = r#"{"extends": "classic", "name": "house",
        "fonts": {"heading": "house-font.ttf", "body": "house-font.ttf"}}"#;
    std::fs::write(dir.join("style/house.json"), layout).unwrap();
    let output = resumepdf(
        &[
            "render",
            "me.json",
            "-l",
            "style/house.json",
            "-o",
            "me.pdf",
        ],
        &dir,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = common::read_pdf(&std::fs::read(dir.join("me.pdf")).unwrap());
    let fonts: Vec<&str> = pdf.fonts.iter().map(|f| &f.base_font[7..]).collect();
    assert_eq!(fonts, ["Carlito"], "only the layout's font file is used");
    assert!(pdf.text[0].contains("Richard Hendriks"));

    std::fs::write(
        dir.join("style/broken.json"),
        layout.replace("house-font.ttf", "missing.ttf"),
    )
    .unwrap();
    let broken = resumepdf(
        &[
            "render",
            "me.json",
            "-l",
            "style/broken.json",
            "-o",
            "x.pdf",
        ],
        &dir,
    );
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("fonts.body:"),
        "{}",
        stderr(&broken)
    );
    assert!(!dir.join("x.pdf").exists());
}

#[test]
fn a_batch_renders_again_when_its_fonts_or_document_date_change() {
    // Hebrew in the compact layout (Carlito has none) needs a fallback font: which one draws it,
    // and the date written into the PDF, decide the bytes as much as the input does.
    let dir = scratch("batch-refresh");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    let resume = r#"{"basics": {"name": "Noa Levi", "label": "מהנדסת תוכנה"}}"#;
    std::fs::write(dir.join("in/noa.json"), resume).unwrap();
    let font = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fonts/LiberationSans-Regular.ttf"
    );
    let batch = |extra: &[&str], date: Option<&str>| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_resumepdf"));
        command
            .args(["batch", "in", "-l", "compact", "--out", "out"])
            .args(extra)
            .current_dir(&dir)
            .env_remove("SOURCE_DATE_EPOCH");
        if let Some(date) = date {
            command.env("SOURCE_DATE_EPOCH", date);
        }
        let output = command.output().expect("the binary runs");
        let err = stderr(&output);
        err.lines()
            .find(|l| l.contains(" PDFs: ") && l.contains(" up to date, "))
            .map(|l| l.split(" — ").next().unwrap_or_default().to_string())
            .unwrap_or(err)
    };
    let (once, skipped) = (
        "1 PDFs: 1 rendered, 0 up to date, 0 failed",
        "1 PDFs: 0 rendered, 1 up to date, 0 failed",
    );
    assert_eq!(batch(&[], None), once);
    assert_eq!(batch(&[], None), skipped);
    assert_eq!(
        batch(&["--font", font], None),
        once,
        "another fallback font"
    );
    assert_eq!(batch(&["--font", font], None), skipped);
    assert_eq!(
        batch(&["--font", font], Some("1700000000")),
        once,
        "another date"
    );
    assert_eq!(batch(&["--font", font], Some("1700000000")), skipped);
}

/// Where an output may not go: each case prepares a folder holding `me.json`, runs a command
/// there and checks that it fails with the message, leaving the named file as it was.
#[cfg(unix)]
#[test]
fn outputs_never_replace_devices_inputs_or_other_files() {
    use std::os::unix::fs::FileTypeExt;

    struct Case {
        name: &'static str,
        prepare: fn(&Path),
        args: &'static [&'static str],
        message: &'static str,
        /// The file that must be unchanged, relative to the folder (or absolute).
        kept: &'static str,
    }
    fn nothing(_: &Path) {}
    fn fifo(dir: &Path) {
        let status = Command::new("mkfifo").arg(dir.join("pipe.pdf")).status();
        assert!(status.unwrap().success(), "mkfifo");
    }
    fn folder(dir: &Path) {
        std::fs::create_dir(dir.join("folder.pdf")).unwrap();
    }
    fn resume_named_pdf(dir: &Path) {
        std::fs::write(dir.join("cv.pdf"), SAMPLE).unwrap();
    }
    fn hard_link(dir: &Path) {
        std::fs::hard_link(dir.join("me.json"), dir.join("linked.pdf")).unwrap();
    }
    fn symlink(dir: &Path) {
        std::os::unix::fs::symlink(dir.join("me.json"), dir.join("alias.pdf")).unwrap();
    }
    fn notes(dir: &Path) {
        std::fs::write(dir.join("notes.txt"), "my notes\n").unwrap();
    }
    fn batch_device(dir: &Path) {
        std::fs::create_dir(dir.join("out")).unwrap();
        std::os::unix::fs::symlink("/dev/null", dir.join("out/me--classic.pdf")).unwrap();
    }
    fn batch_notes(dir: &Path) {
        std::fs::create_dir(dir.join("out")).unwrap();
        std::fs::write(dir.join("out/me--classic.pdf"), "my notes\n").unwrap();
    }
    let cases = [
        Case {
            name: "dev-null",
            prepare: nothing,
            args: &["render", "me.json", "-o", "/dev/null"],
            message: "it is a device, not a regular file",
            kept: "/dev/null",
        },
        Case {
            name: "dev-full",
            prepare: nothing,
            args: &["render", "me.json", "-o", "/dev/full"],
            message: "it is a device, not a regular file",
            kept: "/dev/full",
        },
        Case {
            name: "fifo",
            prepare: fifo,
            args: &["render", "me.json", "-o", "pipe.pdf"],
            message: "it is a named pipe (FIFO), not a regular file",
            kept: "pipe.pdf",
        },
        Case {
            name: "folder",
            prepare: folder,
            args: &["render", "me.json", "-o", "folder.pdf"],
            message: "it is a folder, not a regular file",
            kept: "folder.pdf",
        },
        Case {
            name: "input-named-pdf",
            prepare: resume_named_pdf,
            args: &["render", "cv.pdf"],
            message: "it is the input cv.pdf",
            kept: "cv.pdf",
        },
        Case {
            name: "output-is-input",
            prepare: nothing,
            args: &["render", "me.json", "-o", "me.json"],
            message: "it is the input me.json",
            kept: "me.json",
        },
        Case {
            name: "hard-link-to-input",
            prepare: hard_link,
            args: &["render", "me.json", "-o", "linked.pdf"],
            message: "it is the input me.json",
            kept: "me.json",
        },
        Case {
            name: "symlink-to-input",
            prepare: symlink,
            args: &["render", "me.json", "-o", "alias.pdf", "--force"],
            message: "it is the input me.json",
            kept: "me.json",
        },
        Case {
            name: "not-a-pdf",
            prepare: notes,
            args: &["render", "me.json", "-o", "notes.txt"],
            message: "the file exists and is not a PDF; name another output with -o, or pass --force",
            kept: "notes.txt",
        },
        Case {
            name: "batch-device",
            prepare: batch_device,
            args: &["batch", "me.json", "--out", "out"],
            message: "it is a device, not a regular file",
            kept: "/dev/null",
        },
        Case {
            name: "batch-not-a-pdf",
            prepare: batch_notes,
            args: &["batch", "me.json", "--out", "out"],
            message: "the file exists and is not a PDF",
            kept: "out/me--classic.pdf",
        },
    ];
    for case in cases {
        let dir = scratch(&format!("output-safety-{}", case.name));
        std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
        (case.prepare)(&dir);
        let kept = dir.join(case.kept);
        let before = std::fs::symlink_metadata(&kept).unwrap();
        let content = before.is_file().then(|| std::fs::read(&kept).unwrap());
        let output = resumepdf(case.args, &dir);
        let message = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{}: {message}", case.name);
        assert!(message.contains(case.message), "{}: {message}", case.name);
        let after = std::fs::symlink_metadata(&kept).unwrap();
        assert_eq!(
            before.file_type().is_char_device(),
            after.file_type().is_char_device(),
            "{}: the device node was replaced",
            case.name
        );
        assert_eq!(before.file_type().is_fifo(), after.file_type().is_fifo());
        assert_eq!(before.is_dir(), after.is_dir());
        if let Some(content) = content {
            assert_eq!(std::fs::read(&kept).unwrap(), content, "{}", case.name);
        }
        let leftovers: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{}: {leftovers:?}", case.name);
    }
}

#[test]
fn force_replaces_a_file_that_is_not_a_pdf() {
    let dir = scratch("force-not-a-pdf");
    std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
    std::fs::write(dir.join("notes.txt"), "my notes\n").unwrap();
    let output = resumepdf(&["render", "me.json", "-o", "notes.txt", "--force"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = std::fs::read(dir.join("notes.txt")).unwrap();
    assert_eq!(common::read_pdf(&pdf).info["Author"], "Richard Hendriks");
}

#[cfg(unix)]
#[test]
fn a_replaced_pdf_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("keep-permissions");
    std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
    let first = resumepdf(&["render", "me.json"], &dir);
    assert!(first.status.success(), "{}", stderr(&first));
    let pdf = dir.join("me.pdf");
    std::fs::set_permissions(&pdf, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::write(&pdf, b"%PDF-1.7 old").unwrap();
    let second = resumepdf(&["render", "me.json", "-l", "modern"], &dir);
    assert!(second.status.success(), "{}", stderr(&second));
    let mode = std::fs::metadata(&pdf).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    assert!(
        std::fs::read(&pdf).unwrap().len() > 1000,
        "the new PDF was written"
    );
}

#[test]
fn batch_names_each_file_with_warnings_once_and_reports_in_json() {
    let dir = scratch("batch-report");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/clean.json"), SAMPLE).unwrap();
    let warned = r#"{"basics": {"name": "Ann Warned", "label": [1]}}"#;
    std::fs::write(dir.join("in/warned.json"), warned).unwrap();
    let args = [
        "batch", "in", "-l", "classic", "-l", "modern", "--out", "out", "--format", "json",
    ];
    let first = resumepdf(&args, &dir);
    assert!(first.status.success(), "{}", stderr(&first));
    let log = stderr(&first);
    let warning = "warned.json:1:";
    assert_eq!(
        log.matches(warning).count(),
        1,
        "one line for two layouts:\n{log}"
    );
    assert!(log.contains("$.basics.label: expected text"), "{log}");
    assert!(!log.contains("clean.json"), "{log}");
    assert!(
        log.contains("4 PDFs: 4 rendered (2 with warnings), 0 up to date, 0 failed"),
        "{log}"
    );
    let records: serde_json::Value =
        serde_json::from_slice(&first.stdout).expect("JSON on standard output");
    let records = records.as_array().expect("an array");
    assert_eq!(records.len(), 4);
    assert!(records.iter().all(|r| r["outcome"] == "rendered"));
    let warned_records = records
        .iter()
        .filter(|r| r["warnings"].as_array().is_some_and(|w| !w.is_empty()))
        .count();
    assert_eq!(warned_records, 2);

    // Quiet: no warnings, and a re-run is one summary line, not a line per file.
    let second = resumepdf(
        &["batch", "in", "-l", "classic", "--out", "out", "-q"],
        &dir,
    );
    assert!(second.status.success());
    assert_eq!(stderr(&second).lines().count(), 1, "{}", stderr(&second));

    // A damaged output is rendered again.
    std::fs::write(dir.join("out/clean--classic.pdf"), b"%PDF-1.7 truncated").unwrap();
    let third = resumepdf(
        &["batch", "in", "-l", "classic", "--out", "out", "-q"],
        &dir,
    );
    assert!(
        stderr(&third).contains("2 PDFs: 1 rendered, 1 up to date, 0 failed"),
        "{}",
        stderr(&third)
    );
    let repaired = std::fs::read(dir.join("out/clean--classic.pdf")).unwrap();
    assert_eq!(
        common::read_pdf(&repaired).info["Author"],
        "Richard Hendriks"
    );
}

/// The MediaBox width and height of a PDF's first page, rounded to whole points.
fn page_size(pdf: &[u8]) -> (i64, i64) {
    let doc = lopdf::Document::load_mem(pdf).expect("a PDF");
    let page = *doc.get_pages().values().next().expect("a page");
    let media = doc
        .get_object(page)
        .and_then(lopdf::Object::as_dict)
        .and_then(|d| d.get(b"MediaBox"))
        .and_then(lopdf::Object::as_array)
        .expect("a MediaBox")
        .clone();
    let number = |o: &lopdf::Object| o.as_float().unwrap_or_else(|_| o.as_i64().unwrap() as f32);
    (
        number(&media[2]).round() as i64,
        number(&media[3]).round() as i64,
    )
}

#[test]
fn the_paper_follows_the_option_the_layout_then_the_resumes_country() {
    let dir = scratch("paper");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    for name in ["german-project-manager", "career-changer"] {
        std::fs::copy(
            samples.join(format!("{name}.json")),
            dir.join(format!("{name}.json")),
        )
        .unwrap();
    }
    std::fs::write(
        dir.join("a4.json"),
        r#"{"extends": "classic", "name": "mine", "page": {"size": "A4"}}"#,
    )
    .unwrap();
    let size = |args: &[&str]| {
        let output = resumepdf(args, &dir);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        page_size(&std::fs::read(dir.join("out.pdf")).unwrap())
    };
    let (a4, letter) = ((595, 842), (612, 792));
    // Germany (countryCode DE) prints on A4, the United States on Letter.
    assert_eq!(
        size(&["render", "german-project-manager.json", "-o", "out.pdf"]),
        a4
    );
    assert_eq!(
        size(&["render", "career-changer.json", "-o", "out.pdf"]),
        letter
    );
    // --paper wins, in any letter case; a layout's own paper wins over the country.
    let german = "german-project-manager.json";
    assert_eq!(
        size(&["render", german, "-o", "out.pdf", "--paper", "Letter"]),
        letter
    );
    assert_eq!(
        size(&[
            "render",
            "career-changer.json",
            "-o",
            "out.pdf",
            "-l",
            "a4.json"
        ]),
        a4
    );
    let wrong = resumepdf(&["render", german, "--paper", "legal"], &dir);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr(&wrong).contains("use a4 or letter"),
        "{}",
        stderr(&wrong)
    );
}

#[test]
fn an_input_with_nothing_to_print_is_refused_and_nothing_is_written() {
    let dir = scratch("nothing-to-print");
    let layout =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("layouts/classic.json"))
            .unwrap();
    let job = r#"{"title": "Support Lead", "company": "Acme", "type": "Full-time",
        "responsibilities": ["Lead the team"]}"#;
    let cases = [
        (
            "empty.json",
            "{}",
            "nothing to print: the file has no name and no section",
        ),
        (
            "layout.json",
            layout.as_str(),
            "this looks like a layout file, not a resume; give it with --layout",
        ),
        ("job.json", job, "this looks like a job description"),
        (
            "other.json",
            r#"{"foo": 1}"#,
            "none of its keys (foo) is part of a JSON Resume",
        ),
    ];
    for (name, text, message) in cases {
        std::fs::write(dir.join(name), text).unwrap();
        let output = resumepdf(&["render", name], &dir);
        assert_eq!(output.status.code(), Some(1), "{name}");
        assert!(
            stderr(&output).contains(message),
            "{name}: {}",
            stderr(&output)
        );
        assert!(
            stderr(&output).contains("resumepdf init"),
            "says how to start: {}",
            stderr(&output)
        );
        let pdf = dir.join(name).with_extension("pdf");
        assert!(!pdf.exists(), "{name}: nothing written");
    }
    // batch counts them as failures.
    let output = resumepdf(&["batch", ".", "--out", "out"], &dir);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("4 PDFs: 0 rendered, 0 up to date, 4 failed"),
        "{}",
        stderr(&output)
    );
    let written = std::fs::read_dir(dir.join("out"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "pdf"))
                .count()
        })
        .unwrap_or(0);
    assert_eq!(written, 0);
}

#[test]
fn strict_fails_on_any_warning_in_render_and_batch_and_writes_nothing() {
    let dir = scratch("strict-everywhere");
    let text = r#"{"basics": {"name": "Ann Strict"},
        "work": [{"name": "Acme", "position": "Lead", "startDate": "Summer 2019"}]}"#;
    std::fs::write(dir.join("me.json"), text).unwrap();
    let output = resumepdf(&["render", "me.json", "--strict"], &dir);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("$.work[0].startDate"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("--strict"), "{}", stderr(&output));
    assert!(!dir.join("me.pdf").exists());
    let output = resumepdf(&["batch", "me.json", "--out", "out", "--strict"], &dir);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("1 PDFs: 0 rendered, 0 up to date, 1 failed"));
    assert!(!dir.join("out/me--classic.pdf").exists());
    // Without --strict both write the PDF and warn.
    let output = resumepdf(&["render", "me.json"], &dir);
    assert!(output.status.success());
    assert!(
        stderr(&output).contains("warning: $.work[0].startDate"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_resume_too_large_to_render_safely_is_refused_before_any_work() {
    let dir = scratch("too-large");
    let words = "Delivered results. ".repeat(17 * 1024 * 1024 / 19 + 1);
    let text = format!(r#"{{"basics": {{"name": "Ann Big", "summary": "{words}"}}}}"#);
    std::fs::write(dir.join("big.json"), &text).unwrap();
    let output = resumepdf(&["render", "big.json"], &dir);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("resumes up to 16 MiB are rendered"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.join("big.pdf").exists());
    // The help states the same limit.
    let help = resumepdf(&["render", "--help"], &dir);
    assert!(
        String::from_utf8_lossy(&help.stdout).contains("up to 16 MiB"),
        "render --help names the limit"
    );
}

/// Every file the program reads is a regular file under its limit: a FIFO or a link to
/// `/dev/zero` named as a font, a layout font, a job ad, a resume to validate or a batch input is
/// refused at once (it used to hang, or read until memory ran out).
#[cfg(unix)]
#[test]
fn pipes_and_devices_named_as_inputs_are_refused_without_hanging() {
    let dir = scratch("bounded-reads");
    std::fs::write(dir.join("me.json"), SAMPLE).unwrap();
    let status = Command::new("mkfifo").arg(dir.join("pipe")).status();
    assert!(status.is_ok_and(|s| s.success()), "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.ttf")).unwrap();
    std::fs::write(
        dir.join("pipefont.json"),
        r#"{"extends": "classic", "name": "p", "fonts": {"heading": "pipe.ttf", "body": "pipe.ttf"}}"#,
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.join("pipe"), dir.join("pipe.ttf")).unwrap();
    let cases: [(&[&str], &str); 7] = [
        (
            &["render", "me.json", "--font", "pipe"],
            "not a regular file (a named pipe)",
        ),
        (
            &["render", "me.json", "--font", "zero.ttf"],
            "not a regular file (a device)",
        ),
        (&["render", "me.json", "-l", "pipefont.json"], "pipe.ttf"),
        (
            &["check", "me.json", "--job", "pipe"],
            "not a regular file (a named pipe)",
        ),
        (
            &["check", "me.json", "--job", "zero.ttf"],
            "not a regular file (a device)",
        ),
        (&["validate", "pipe"], "not a regular file (a named pipe)"),
        (
            &["batch", "pipe", "me.json", "--out", "out"],
            "pipe is neither a file nor a folder",
        ),
    ];
    for (args, message) in cases {
        let mut child = Command::new(env!("CARGO_BIN_EXE_resumepdf"))
            .args(args)
            .current_dir(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let started = std::time::Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > std::time::Duration::from_secs(60) {
                let _ = child.kill();
                panic!("{args:?} hangs");
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        let output = child.wait_with_output().unwrap();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert_eq!(output.status.code(), Some(1), "{args:?}: {said}");
        assert!(said.contains(message), "{args:?}: {said}");
    }
}

#[test]
fn control_characters_from_the_input_never_reach_the_terminal_raw() {
    // A date carrying a "clear screen" escape sequence, and a layout name with one: every
    // message that quotes them shows the escape, never the raw control character.
    let dir = scratch("terminal-escapes");
    let resume = r#"{"basics": {"name": "Ada Quill"},
        "work": [{"name": "Loom", "position": "Engineer", "startDate": "2019-13\u001b[2J"}]}"#;
    std::fs::write(dir.join("me.json"), resume).unwrap();
    let cases: [&[&str]; 4] = [
        &["render", "me.json", "-o", "me.pdf"],
        &["check", "me.json"],
        &["validate", "me.json"],
        &["render", "me.json", "-l", "no\u{1b}[2Jsuch"],
    ];
    for args in cases {
        let output = resumepdf(args, &dir);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            stderr(&output)
        );
        assert!(!said.contains('\u{1b}'), "{args:?}: {said:?}");
        // Shown escaped: `\u{1b}`, or JSON's `\u001b` where a value is quoted as JSON.
        assert!(
            said.contains("\\u{1b}") || said.contains("\\u001b"),
            "{args:?}: {said:?}"
        );
    }
}
