//! The resume photo end to end: where layouts show it, how it is embedded, and when it is skipped.

use crate::common;

use common::run::scratch;

use std::path::{Path, PathBuf};
use std::process::Command;

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn render(layout: &str, out: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_resumepdf"))
        .args(["render", "with-photo.json", "-l", layout, "-o"])
        .arg(out)
        .current_dir(samples())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_jpeg_photo_is_embedded_byte_for_byte_where_the_layout_shows_it() {
    let dir = scratch("layouts");
    let jpeg = std::fs::read(samples().join("with-photo.jpg")).expect("sample photo");
    for (layout, shown) in [
        ("sidebar", true),
        ("modern", true),
        ("classic", false),
        ("ats", false),
    ] {
        let out = dir.join(format!("{layout}.pdf"));
        let output = render(layout, &out);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let pdf = common::read_pdf(&std::fs::read(&out).expect("PDF written"));
        if shown {
            assert_eq!(pdf.images.len(), 1, "{layout} shows one photo");
            let (page, image) = &pdf.images[0];
            assert_eq!(*page, 1);
            assert_eq!(image.filter.as_deref(), Some("DCTDecode"));
            assert!(
                image.stream == jpeg,
                "{layout}: the JPEG is embedded unchanged"
            );
            assert!(
                image.clip.is_some(),
                "{layout}: the photo is cropped to its shape"
            );
        } else {
            assert!(pdf.images.is_empty(), "{layout} shows no photo");
        }
    }
}

#[test]
fn a_missing_or_remote_photo_is_a_warning_and_the_pdf_still_renders() {
    let dir = scratch("missing");
    let resume = std::fs::read_to_string(samples().join("with-photo.json")).expect("sample");
    for (image, expected) in [
        ("nowhere.jpg", "cannot read"),
        ("https://example.com/me.jpg", "never downloads"),
    ] {
        std::fs::write(dir.join("me.json"), resume.replace("with-photo.jpg", image)).unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_resumepdf"))
            .args(["render", "me.json", "-l", "sidebar", "-o", "me.pdf"])
            .current_dir(&dir)
            .output()
            .expect("the binary runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{stderr}");
        assert!(
            stderr.contains("warning: $.basics.image") && stderr.contains(expected),
            "{stderr}"
        );
        let pdf = common::read_pdf(&std::fs::read(dir.join("me.pdf")).unwrap());
        assert!(pdf.images.is_empty());
        assert!(pdf.text[0].contains("Front Office"), "the rest renders");
    }
}

#[test]
fn the_library_render_request_embeds_the_photo_too() {
    let source = std::fs::read_to_string(samples().join("with-photo.json")).expect("sample");
    let fonts = resumepdf::fonts::FontBook::bundled();
    let layout = resumepdf::layout::load("modern", &fonts).expect("modern");
    let samples = samples();
    let request = resumepdf::Request {
        photo_dir: Some(&samples),
        ..resumepdf::Request::new(&source, &layout, &fonts)
    };
    let rendered = resumepdf::render(&request).expect("renders");
    assert!(rendered.notes.photo.is_none(), "{:?}", rendered.notes.photo);
    assert_eq!(rendered.photo_path, Some(samples.join("with-photo.jpg")));
    let jpeg = std::fs::read(samples.join("with-photo.jpg")).expect("sample photo");
    let pdf = common::read_pdf(&rendered.pdf);
    assert_eq!(pdf.images.len(), 1, "the photo is in the PDF");
    assert_eq!(pdf.images[0].1.stream, jpeg, "embedded byte for byte");
}
