//! The front door: starting a resume (`init`), YAML input, `watch`, and the everyday messages.

use crate::common;

use common::run::{resumepdf, scratch, stderr};

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The text of every page of the PDF at `path`.
fn pdf_text(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("the PDF was written");
    common::read_pdf(&bytes).text.join("\n")
}

#[test]
fn init_then_render_gives_a_clean_pdf_in_yaml_and_json() {
    let dir = scratch("init");
    for name in ["me.yaml", "me.json"] {
        let init = resumepdf(&["init", name], &dir);
        assert!(init.status.success(), "{}", stderr(&init));
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        assert!(text.contains("$schema"), "{text}");
        let render = resumepdf(&["render", name, "-o", &format!("{name}.pdf")], &dir);
        assert!(render.status.success(), "{}", stderr(&render));
        let said = stderr(&render);
        assert!(!said.contains("warning"), "{said}");
        assert!(said.starts_with(&format!("wrote {name}.pdf — ")), "{said}");
        let pdf = common::read_pdf(&std::fs::read(dir.join(format!("{name}.pdf"))).unwrap());
        assert!(
            (1..=2).contains(&pdf.page_count),
            "{} pages",
            pdf.page_count
        );
        let all = pdf.text.join("\n");
        for section in [
            "Robin Castellanos",
            "Northfield Freight",
            "University of Toledo",
        ] {
            assert!(all.contains(section), "{section} missing");
        }
        let validate = resumepdf(&["validate", "--strict", name], &dir);
        assert!(
            validate.status.success(),
            "{}",
            String::from_utf8_lossy(&validate.stdout)
        );
    }
    assert!(
        std::fs::read_to_string(dir.join("me.yaml"))
            .unwrap()
            .starts_with("# yaml-language-server: $schema="),
        "YAML names its schema for editors"
    );
}

#[test]
fn init_never_replaces_a_file_and_sets_the_language() {
    let dir = scratch("init-again");
    std::fs::write(dir.join("resume.json"), "mine").unwrap();
    let output = resumepdf(&["init"], &dir);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("never replaces"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("resume.json")).unwrap(),
        "mine"
    );
    let output = resumepdf(&["init", "--yaml", "--lang", "de"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(dir.join("resume.yaml")).unwrap();
    assert!(text.contains("language: \"de\""), "{text}");
    let render = resumepdf(&["render", "resume.yaml"], &dir);
    assert!(
        pdf_text(&dir.join("resume.pdf"))
            .to_lowercase()
            .contains("berufserfahrung"),
        "{}",
        stderr(&render)
    );
}

#[test]
fn yaml_problems_are_located_by_line_and_column() {
    let dir = scratch("yaml-validate");
    let text = "basics:\n  name: Ann Example\nwork:\n  - name: Acme\n    position: Engineer\n  - name: Initech\n    startDate: 2019-13\n";
    std::fs::write(dir.join("cv.yml"), text).unwrap();
    let output = resumepdf(&["validate", "cv.yml"], &dir);
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success());
    assert!(
        report.contains("cv.yml:7:16: error: $.work[1].startDate: \"2019-13\" is not a date"),
        "{report}"
    );
    let render = resumepdf(&["render", "cv.yml"], &dir);
    assert!(
        stderr(&render).contains("cv.yml:7:16: warning: $.work[1].startDate"),
        "{}",
        stderr(&render)
    );
    let broken = resumepdf(&["render", "-"], &dir);
    assert!(!broken.status.success());
}

#[test]
fn json_comments_and_encodings_get_a_message_that_says_what_to_do() {
    let dir = scratch("json-comments");
    std::fs::write(
        dir.join("c.json"),
        "{\n  // mine\n  \"basics\": {\"name\": \"A\"}\n}\n",
    )
    .unwrap();
    let output = resumepdf(&["render", "c.json"], &dir);
    assert!(
        stderr(&output).contains("c.json:2:3: JSON has no comments"),
        "{}",
        stderr(&output)
    );
    std::fs::write(
        dir.join("l1.json"),
        b"{\"basics\": {\"name\": \"Jos\xe9\"}}",
    )
    .unwrap();
    let output = resumepdf(&["render", "l1.json"], &dir);
    assert!(stderr(&output).contains("not UTF-8") && stderr(&output).contains("Save it as UTF-8"));
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "{\"basics\": {\"name\": \"Zoë Ortiz\"}}".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    std::fs::write(dir.join("u16.json"), utf16).unwrap();
    let output = resumepdf(&["render", "u16.json", "-q"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "-q is quiet");
    assert!(pdf_text(&dir.join("u16.pdf")).contains("Zoë Ortiz"));
}

#[test]
fn output_folders_are_created_and_other_extensions_warned() {
    let dir = scratch("output-folder");
    std::fs::write(
        dir.join("me.json"),
        "{\"basics\": {\"name\": \"Ann Example\"}}",
    )
    .unwrap();
    let output = resumepdf(&["render", "me.json", "-o", "out/new/me.pdf"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(pdf_text(&dir.join("out/new/me.pdf")).contains("Ann Example"));
    let output = resumepdf(&["render", "me.json", "-o", "me.html"], &dir);
    assert!(stderr(&output).contains("me.html: warning: the name does not end in .pdf"));
}

#[test]
fn completions_man_page_schema_and_version() {
    let dir = scratch("completions");
    for shell in ["bash", "zsh", "fish"] {
        let output = resumepdf(&["completions", shell], &dir);
        assert!(output.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&output.stdout);
        assert!(
            script.contains("resumepdf") && script.contains("watch"),
            "{shell}"
        );
    }
    let man = resumepdf(&["man"], &dir);
    let page = String::from_utf8_lossy(&man.stdout);
    assert!(
        page.starts_with(".ie") && page.contains(".TH resumepdf 1"),
        "{page}"
    );
    assert!(page.contains("watch") && page.contains("init"));
    let schema = resumepdf(&["schema"], &dir);
    let value: serde_json::Value = serde_json::from_slice(&schema.stdout).unwrap();
    assert!(value["properties"]["basics"].is_object());
    let version = String::from_utf8_lossy(&resumepdf(&["--version"], &dir).stdout).into_owned();
    assert!(
        version.starts_with(&format!("resumepdf {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
}

/// Saves `text` as an editor does: a new file renamed over the old one, so that the watcher never
/// sees a half-written file.
fn save(path: &Path, text: &str) {
    let temp = path.with_extension("saving");
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// A running `watch`, ended when the test ends however it ends.
struct Watch(std::process::Child);

impl Watch {
    fn start(args: &[&str], dir: &Path) -> Watch {
        let child = Command::new(env!("CARGO_BIN_EXE_resumepdf"))
            .arg("watch")
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        Watch(child)
    }

    /// Waits (at most a minute) for the process to stop by itself: its success and its messages.
    fn finish(&mut self) -> (bool, String) {
        let deadline = Instant::now() + Duration::from_secs(60);
        let status = loop {
            if let Some(status) = self.0.try_wait().unwrap() {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "watch did not stop after --max-renders"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        let mut said = String::new();
        if let Some(mut stderr) = self.0.stderr.take() {
            stderr.read_to_string(&mut said).unwrap();
        }
        (status.success(), said)
    }
}

impl Watch {
    /// Stops the process and returns its messages, for a failure report.
    fn stop(&mut self) -> String {
        let _ = self.0.kill();
        let _ = self.0.wait();
        let mut said = String::new();
        if let Some(mut stderr) = self.0.stderr.take() {
            let _ = stderr.read_to_string(&mut said);
        }
        said
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Waits (at most a minute) until `path` holds a PDF whose text contains `wanted`.
fn wait_for_pdf_with(path: &Path, wanted: &str) -> bool {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(bytes) = std::fs::read(path)
            && bytes.starts_with(b"%PDF-")
            && common::read_pdf(&bytes).text.join("\n").contains(wanted)
        {
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

#[test]
fn watch_renders_again_on_every_save() {
    let dir = scratch("watch");
    let resume = |name: &str| {
        format!("basics:\n  name: {name}\nwork:\n  - name: Acme\n    position: Engineer\n")
    };
    std::fs::write(dir.join("cv.yaml"), resume("First Version")).unwrap();
    let mut watch = Watch::start(&["cv.yaml", "-o", "out.pdf", "--max-renders", "3"], &dir);
    let out = dir.join("out.pdf");
    assert!(wait_for_pdf_with(&out, "First Version"), "first render");
    for name in ["Second Version", "Third Version"] {
        // Give the watcher time to start (the first time) and the previous save time to settle.
        std::thread::sleep(Duration::from_millis(500));
        save(&dir.join("cv.yaml"), &resume(name));
        if !wait_for_pdf_with(&out, name) {
            panic!("no render after saving {name}: {}", watch.stop());
        }
    }
    let (success, said) = watch.finish();
    assert!(success, "{said}");
    assert_eq!(
        said.matches("wrote out.pdf — 1 page, ").count(),
        3,
        "{said}"
    );
}

#[test]
fn watch_keeps_the_last_good_pdf_when_the_resume_breaks() {
    let dir = scratch("watch-broken");
    std::fs::write(
        dir.join("cv.json"),
        "{\"basics\": {\"name\": \"Good Version\"}}",
    )
    .unwrap();
    let mut watch = Watch::start(&["cv.json", "--max-renders", "2"], &dir);
    assert!(wait_for_pdf_with(&dir.join("cv.pdf"), "Good Version"));
    std::thread::sleep(Duration::from_millis(500));
    save(&dir.join("cv.json"), "{\"basics\": ");
    let (success, said) = watch.finish();
    assert!(success, "{said}");
    assert!(said.contains("the last good PDF is kept"), "{said}");
    assert!(pdf_text(&dir.join("cv.pdf")).contains("Good Version"));
}

#[test]
fn batch_finds_yaml_resumes() {
    let dir = scratch("batch-yaml");
    std::fs::create_dir_all(dir.join("in")).unwrap();
    std::fs::write(dir.join("in/a.yaml"), "basics:\n  name: Yaml Person\n").unwrap();
    std::fs::write(dir.join("in/b.yml"), "basics:\n  name: Yml Person\n").unwrap();
    let output = resumepdf(&["batch", "in", "--out", "out"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(pdf_text(&dir.join("out/a--classic.pdf")).contains("Yaml Person"));
    assert!(pdf_text(&dir.join("out/b--classic.pdf")).contains("Yml Person"));
}

#[test]
fn watch_renders_again_when_the_layout_file_is_saved() {
    let dir = scratch("watch-layout");
    std::fs::write(
        dir.join("cv.json"),
        "{\"basics\": {\"name\": \"Ann Example\"}, \"work\": [{\"name\": \"Acme\", \"position\": \"Engineer\"}]}",
    )
    .unwrap();
    let layout = |title: &str| {
        format!(
            "{{\"extends\": \"classic\", \"name\": \"mine\", \"sections\": {{\"titles\": {{\"work\": \"{title}\"}}}}}}"
        )
    };
    std::fs::write(dir.join("mine.json"), layout("Jobs Held")).unwrap();
    let mut watch = Watch::start(&["cv.json", "-l", "mine.json", "--max-renders", "2"], &dir);
    assert!(wait_for_pdf_with(&dir.join("cv.pdf"), "Ann Example"));
    std::thread::sleep(Duration::from_millis(500));
    save(&dir.join("mine.json"), &layout("Places Worked"));
    let (success, said) = watch.finish();
    assert!(success, "{said}");
    let text = pdf_text(&dir.join("cv.pdf")).to_lowercase();
    assert!(text.contains("places worked"), "{said}\n{text}");
}

#[test]
fn layouts_show_and_schema_print_the_shipped_files() {
    let dir = scratch("layouts-show");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for name in ["classic", "Sidebar"] {
        let output = resumepdf(&["layouts", "show", name], &dir);
        assert!(output.status.success(), "{}", stderr(&output));
        let file = root.join(format!("layouts/{}.json", name.to_lowercase()));
        assert_eq!(
            String::from_utf8_lossy(&output.stdout),
            std::fs::read_to_string(file).unwrap()
        );
    }
    let output = resumepdf(&["layouts", "schema"], &dir);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        std::fs::read_to_string(root.join("layouts/layout.schema.json")).unwrap()
    );
    let output = resumepdf(&["layouts", "show", "nope"], &dir);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("the built-in layouts are ats, classic"),
        "{}",
        stderr(&output)
    );
}

/// The fonts of the PDF at `path`, without their subset tags (`ABCDEF+Carlito-Bold` reads
/// `Carlito-Bold`).
fn embedded_fonts(path: &Path) -> Vec<String> {
    let read = common::read_pdf(&std::fs::read(path).expect("the PDF was written"));
    read.fonts
        .iter()
        .map(|f| {
            f.base_font
                .split_once('+')
                .map_or(&*f.base_font, |(_, name)| name)
                .to_string()
        })
        .collect()
}

#[test]
fn a_layout_may_give_its_font_files_by_style() {
    let dir = scratch("font-files-by-style");
    std::fs::write(
        dir.join("me.json"),
        include_str!("../samples/new-graduate.json"),
    )
    .unwrap();
    let fonts = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    std::fs::create_dir_all(dir.join("type")).unwrap();
    for file in ["Carlito-Regular.ttf", "Carlito-Bold.ttf"] {
        std::fs::copy(fonts.join(file), dir.join("type").join(file)).unwrap();
    }
    // Paths relative to the layout file; a plain string still names one file or a family.
    std::fs::write(
        dir.join("own.json"),
        r#"{"extends": "classic", "name": "own",
            "fonts": {"heading": "type/Carlito-Bold.ttf",
                      "body": {"regular": "type/Carlito-Regular.ttf", "bold": "type/Carlito-Bold.ttf"}}}"#,
    )
    .unwrap();
    let output = resumepdf(
        &["render", "me.json", "-l", "own.json", "-o", "me.pdf", "-v"],
        &dir,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let names = embedded_fonts(&dir.join("me.pdf"));
    assert!(names.iter().any(|n| n == "Carlito"), "{names:?}");
    assert!(names.iter().any(|n| n == "Carlito-Bold"), "{names:?}");
    // Bold is the file's own; italic has no file, so it is simulated, and the note says so.
    let said = stderr(&output);
    assert!(
        said.contains("Carlito-Regular.ttf italic") && !said.contains("Carlito-Regular.ttf bold"),
        "{said}"
    );
    // A style file that is not a font is refused, naming its field.
    std::fs::write(
        dir.join("broken.json"),
        r#"{"extends": "classic", "name": "broken",
            "fonts": {"body": {"regular": "type/Carlito-Regular.ttf", "italic": "me.json"}}}"#,
    )
    .unwrap();
    let output = resumepdf(
        &["render", "me.json", "-l", "broken.json", "-o", "b.pdf"],
        &dir,
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("fonts.body.italic:"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn font_family_sets_the_family_of_the_whole_resume() {
    let dir = scratch("font-family");
    std::fs::write(
        dir.join("me.json"),
        include_str!("../samples/new-graduate.json"),
    )
    .unwrap();
    // A bundled family, in any case: the classic layout's Liberation Serif gives way to it.
    let output = resumepdf(
        &[
            "render",
            "me.json",
            "--font-family",
            "liberation sans",
            "-o",
            "sans.pdf",
        ],
        &dir,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let names = embedded_fonts(&dir.join("sans.pdf"));
    assert!(
        names.iter().all(|n| n.starts_with("LiberationSans")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n == "LiberationSans-Bold"),
        "{names:?}"
    );
    // An installed family, with its real bold face. .ci/run installs DejaVu.
    assert!(
        resumepdf::fonts::fallback::system_has_family("DejaVu Sans"),
        "this test needs the DejaVu Sans family installed (Debian: fonts-dejavu-core)"
    );
    let output = resumepdf(
        &[
            "batch",
            "me.json",
            "--font-family",
            "DejaVu Sans",
            "--out",
            "out",
        ],
        &dir,
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let names = embedded_fonts(&dir.join("out/me--classic.pdf"));
    assert!(names.iter().any(|n| n == "DejaVuSans-Bold"), "{names:?}");
    assert!(names.iter().any(|n| n == "DejaVuSans"), "{names:?}");
    // A name that is not installed is refused with the close names.
    let output = resumepdf(
        &[
            "render",
            "me.json",
            "--font-family",
            "DejaVu Sanz",
            "-o",
            "x.pdf",
        ],
        &dir,
    );
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(
        said.contains("--font-family: no font family `DejaVu Sanz` is bundled or installed")
            && said.contains("close names: ")
            && said.contains("DejaVu Sans"),
        "{said}"
    );
    assert!(!dir.join("x.pdf").exists());
}

#[test]
fn a_layout_may_name_an_installed_family_and_gets_its_real_bold_face() {
    let dir = scratch("installed-family");
    std::fs::write(
        dir.join("me.json"),
        include_str!("../samples/new-graduate.json"),
    )
    .unwrap();
    std::fs::write(
        dir.join("dejavu.json"),
        r#"{"extends": "classic", "name": "dejavu",
            "fonts": {"heading": "DejaVu Sans", "body": "DejaVu Sans"}}"#,
    )
    .unwrap();
    let installed = resumepdf::fonts::fallback::system_has_family("dejavu sans");
    let output = resumepdf(
        &["render", "me.json", "-l", "dejavu.json", "-o", "me.pdf"],
        &dir,
    );
    if installed {
        assert!(output.status.success(), "{}", stderr(&output));
        let read = common::read_pdf(&std::fs::read(dir.join("me.pdf")).unwrap());
        let names: Vec<&str> = read.fonts.iter().map(|f| f.base_font.as_str()).collect();
        // Subset names: `ABCDEF+DejaVuSans-Bold`; the bold face is the family's own, not a
        // simulated one.
        assert!(
            names.iter().any(|n| n.ends_with("+DejaVuSans-Bold")),
            "{names:?}"
        );
        assert!(
            names.iter().any(|n| n.ends_with("+DejaVuSans")),
            "{names:?}"
        );
    } else {
        eprintln!("note: DejaVu Sans is not installed; the layout must be refused");
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("no font family `DejaVu Sans` is bundled or installed"),
            "{}",
            stderr(&output)
        );
    }
}
