use resumepdf::fonts::FontBook;
use resumepdf::pdf::{Meta, write};

fn main() {
    let fonts = FontBook::bundled();
    let layout = resumepdf::layout::load("classic", &fonts).unwrap();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap();
        let mut parsed = resumepdf::model::parse(&text).unwrap();
        resumepdf::model::normalize(&mut parsed.resume);
        let pages = resumepdf::typeset_resume(&parsed.resume, &layout, &fonts);
        let meta = Meta {
            title: "x".into(),
            creation_date: 1_700_000_000,
            ..Meta::default()
        };
        let n = 200;
        let t = std::time::Instant::now();
        let mut bytes = Vec::new();
        for _ in 0..n {
            bytes = write(&pages, &meta, &fonts).unwrap();
        }
        let ms = t.elapsed().as_secs_f64() * 1000.0 / n as f64;
        let words: usize = pages
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| {
                if let resumepdf::typeset::pages::Item::Text(r) = i {
                    Some(r.text.split_whitespace().count())
                } else {
                    None
                }
            })
            .sum();
        let out = format!(
            "/tmp/rp/{}.pdf",
            std::path::Path::new(&path)
                .file_stem()
                .unwrap()
                .to_str()
                .unwrap()
        );
        std::fs::write(&out, &bytes).unwrap();
        println!(
            "{out}: {} pages, {words} words, {} bytes, write {ms:.2} ms",
            pages.pages.len(),
            bytes.len()
        );
    }
}
