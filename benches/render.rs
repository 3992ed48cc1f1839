//! `cargo bench`: render speed, batch throughput and output size (no criterion; plain timing).
//!
//! 1. In-process render of `bench/john-doe.resume.json` in every built-in layout, split into the
//!    pipeline stages of the public API (median of N after a warm-up).
//! 2. Batch throughput: every `samples/*.json` × every built-in layout, in process on the rayon pool
//!    (PDFs kept in memory), and with the release binary (`resumepdf batch … --force`, whole
//!    process: reading inputs, writing files and the manifest).
//! 3. Whole-process `resumepdf render` of the benchmark file: wall time and peak RSS.
//!
//! Knobs (environment): `BENCH_N` timed iterations per layout (default 100), `BENCH_ROUNDS` batch
//! rounds (default 7), `BENCH_WARMUP` warm-up iterations (default 10).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use resumepdf::fonts::FontBook;
use resumepdf::layout::{self, Layout};
use resumepdf::{Request, model, pdf};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_resumepdf");
const BENCH_FILE: &str = "bench/john-doe.resume.json";

fn knob(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(default)
}

fn median(samples: &mut [Duration]) -> Duration {
    samples.sort_unstable();
    let n = samples.len();
    if n % 2 == 1 {
        samples[n / 2]
    } else {
        (samples[n / 2 - 1] + samples[n / 2]) / 2
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// Times one stage-split render: parse+normalize, compose+typeset, PDF write.
fn staged(text: &str, layout: &Layout, fonts: &FontBook) -> ([Duration; 3], Vec<u8>, usize) {
    let t0 = Instant::now();
    let mut parsed = model::parse(text).expect("the benchmark file parses");
    model::normalize(&mut parsed.resume);
    let t1 = Instant::now();
    let pages = resumepdf::typeset_resume(&parsed.resume, layout, fonts);
    let t2 = Instant::now();
    let count = pages.pages.len();
    let bytes = pdf::write(pages, &resumepdf::document_meta(&parsed.resume), fonts)
        .expect("the benchmark file renders");
    let t3 = Instant::now();
    ([t1 - t0, t2 - t1, t3 - t2], bytes, count)
}

/// Renders one resume text as a batch job does (photo where the layout shows one, resolved
/// against `dir`; the layout's own page budget), minus reading and writing files.
fn render_text(text: &str, dir: &Path, layout: &Layout, fonts: &FontBook) -> Vec<u8> {
    let request = Request {
        photo_dir: Some(dir),
        ..Request::new(text, layout, fonts)
    };
    resumepdf::render(&request).expect("sample renders").pdf
}

/// The inputs of `resumepdf batch samples`: every `*.json` in `samples/`, sorted.
fn samples() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join("samples"))
        .expect("samples/ is readable")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    found.sort();
    found
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("resumepdf-bench-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn main() {
    let n = knob("BENCH_N", 100);
    let warmup = knob("BENCH_WARMUP", 10);
    let rounds = knob("BENCH_ROUNDS", 7);
    let threads = rayon::current_num_threads();
    println!(
        "resumepdf bench: {BENCH_FILE}, N={n} after {warmup} warm-up, {rounds} batch rounds, \
         {threads} rayon threads"
    );

    // ---- one-off costs of a process --------------------------------------------------------
    let mut book_times: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            black_box(FontBook::bundled());
            t.elapsed()
        })
        .collect();
    let fonts = FontBook::bundled();
    let names = layout::builtin_names();
    let mut layout_times: Vec<Duration> = (0..20)
        .map(|_| {
            let t = Instant::now();
            black_box(layout::load("classic", &fonts).expect("classic loads"));
            t.elapsed()
        })
        .collect();
    println!(
        "\nset-up: FontBook::bundled() {:.3} ms, layout::load(\"classic\") {:.3} ms (medians of 20)",
        ms(median(&mut book_times)),
        ms(median(&mut layout_times))
    );

    // ---- 1. in-process render per layout, by stage -----------------------------------------
    let text = std::fs::read_to_string(Path::new(ROOT).join(BENCH_FILE)).expect("bench file");
    println!("\n1. In-process render of {BENCH_FILE} (median ms of {n})\n");
    println!(
        "| layout    | parse+normalize | compose+typeset | pdf write |  total | pages | PDF bytes |"
    );
    println!(
        "|-----------|----------------:|----------------:|----------:|-------:|------:|----------:|"
    );
    for name in &names {
        let layout = layout::load(name, &fonts).expect("built-in layout loads");
        for _ in 0..warmup {
            black_box(staged(&text, &layout, &fonts));
        }
        let mut stages: [Vec<Duration>; 3] = Default::default();
        let mut totals = Vec::with_capacity(n);
        let mut last = (Vec::new(), 0);
        for _ in 0..n {
            let (times, bytes, pages) = staged(&text, &layout, &fonts);
            for (all, t) in stages.iter_mut().zip(times) {
                all.push(t);
            }
            totals.push(times.iter().sum());
            last = (bytes, pages);
        }
        // The stage-split pipeline must give exactly what `render` gives, every time.
        assert_eq!(
            last.0,
            render_text(&text, Path::new(ROOT), &layout, &fonts),
            "{name}: staged pipeline and resumepdf::render differ"
        );
        let [p, t, w] = stages.map(|mut s| ms(median(&mut s)));
        println!(
            "| {name:<9} | {p:>15.3} | {t:>15.3} | {w:>9.3} | {:>6.3} | {:>5} | {:>9} |",
            ms(median(&mut totals)),
            last.1,
            last.0.len()
        );
    }

    // ---- 2. batch throughput ---------------------------------------------------------------
    let inputs = samples();
    let texts: Vec<String> = inputs
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("sample readable"))
        .collect();
    let dirs: Vec<PathBuf> = inputs
        .iter()
        .map(|p| p.parent().unwrap_or(Path::new(".")).to_path_buf())
        .collect();
    let layouts: Vec<Layout> = names
        .iter()
        .map(|name| layout::load(name, &fonts).expect("built-in layout loads"))
        .collect();
    let jobs: Vec<(usize, usize)> = (0..texts.len())
        .flat_map(|i| (0..layouts.len()).map(move |l| (i, l)))
        .collect();
    let count = jobs.len();
    println!(
        "\n2. Batch: {} samples × {} layouts = {count} PDFs (median of {rounds} rounds)\n",
        texts.len(),
        layouts.len()
    );
    println!(
        "| how                                                            | wall ms | PDFs/s | CPU ms/PDF | PDF bytes |"
    );
    println!(
        "|----------------------------------------------------------------|--------:|-------:|-----------:|----------:|"
    );
    // CPU time is summed over the timed rounds (user + system, whole process or its children):
    // unlike wall time it does not grow when other programs compete for the cores.
    let row = |how: &str, mut walls: Vec<Duration>, cpu: Duration, bytes: usize| {
        let rounds = walls.len();
        let wall = median(&mut walls);
        println!(
            "| {how:<62} | {:>7.1} | {:>6.0} | {:>10.2} | {bytes:>9} |",
            ms(wall),
            count as f64 / wall.as_secs_f64(),
            ms(cpu) / (rounds * count) as f64
        );
    };

    let in_memory = |pool: &rayon::ThreadPool| -> (Vec<Duration>, Duration, usize) {
        let mut bytes = 0;
        let mut cpu = Duration::ZERO;
        let walls = (0..=rounds)
            .map(|round| {
                let (t, c) = (Instant::now(), cpu_time(false));
                let pdfs: Vec<Vec<u8>> = pool.install(|| {
                    jobs.par_iter()
                        .map(|&(i, l)| render_text(&texts[i], &dirs[i], &layouts[l], &fonts))
                        .collect()
                });
                let wall = t.elapsed();
                if round > 0 {
                    cpu += cpu_time(false).saturating_sub(c);
                }
                bytes = pdfs.iter().map(Vec::len).sum();
                wall
            })
            .skip(1) // warm-up round
            .collect();
        (walls, cpu, bytes)
    };
    let pool1 = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let (walls, cpu, bytes) = in_memory(&pool1);
    row("in process, in memory, 1 thread", walls, cpu, bytes);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    let (walls, cpu, bytes) = in_memory(&pool);
    row(
        &format!("in process, in memory, {threads} threads"),
        walls,
        cpu,
        bytes,
    );

    // The release binary, whole process (start-up, font book, layouts, fallback scan, files).
    let out = temp_dir("bin");
    let mut cpu = Duration::ZERO;
    let walls: Vec<Duration> = (0..=rounds)
        .map(|round| {
            let (t, c) = (Instant::now(), cpu_time(true));
            let status = Command::new(BIN)
                .current_dir(ROOT)
                .args(["batch", "samples", "--all-layouts", "--force", "--out"])
                .arg(&out)
                .stderr(std::process::Stdio::null())
                .status()
                .expect("the resumepdf binary runs");
            let wall = t.elapsed();
            if round > 0 {
                cpu += cpu_time(true).saturating_sub(c);
            }
            assert!(status.success(), "resumepdf batch failed");
            wall
        })
        .skip(1)
        .collect();
    let written = std::fs::read_dir(&out)
        .expect("batch output")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "pdf"))
        .filter_map(|path| std::fs::metadata(path).ok())
        .map(|m| m.len() as usize)
        .sum::<usize>();
    row(
        "process: resumepdf batch samples --all-layouts --force",
        walls,
        cpu,
        written,
    );
    let _ = std::fs::remove_dir_all(&out);

    // ---- 3. one render process -------------------------------------------------------------
    let out = temp_dir("render");
    let pdf_path = out.join("john-doe.pdf");
    let runs = n.min(50);
    let mut walls: Vec<Duration> = (0..runs + 3)
        .map(|_| {
            let t = Instant::now();
            let status = Command::new(BIN)
                .current_dir(ROOT)
                .args(["render", BENCH_FILE, "-o"])
                .arg(&pdf_path)
                .status()
                .expect("the resumepdf binary runs");
            let wall = t.elapsed();
            assert!(status.success(), "resumepdf render failed");
            wall
        })
        .skip(3)
        .collect();
    let size = std::fs::metadata(&pdf_path).map_or(0, |m| m.len());
    println!(
        "\n3. Process: resumepdf render {BENCH_FILE} (classic): median wall {:.2} ms of {runs}, \
         {size} bytes, peak RSS {}",
        ms(median(&mut walls)),
        peak_rss(&pdf_path)
    );
    let _ = std::fs::remove_dir_all(&out);
}

/// User + system CPU time of this process (all threads), or of its waited-for children, from
/// `/proc/self/stat` (clock ticks, assumed 100 per second as on every Linux build in use).
/// Zero where `/proc` is missing.
fn cpu_time(children: bool) -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    // Fields after the command name, which is in parentheses and may contain spaces.
    let fields: Vec<u64> = stat
        .rsplit_once(')')
        .map(|(_, rest)| rest)
        .unwrap_or_default()
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0))
        .collect();
    // utime, stime, cutime, cstime are fields 14-17 of the line: indices 11-14 after the name.
    let pick = if children { 13 } else { 11 };
    let ticks = fields.get(pick).copied().unwrap_or(0) + fields.get(pick + 1).copied().unwrap_or(0);
    Duration::from_millis(ticks * 10)
}

/// Peak RSS of one render process, measured with GNU time when it is installed.
fn peak_rss(pdf_path: &Path) -> String {
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        return "n/a (no /usr/bin/time)".to_string();
    }
    let output = Command::new(time)
        .current_dir(ROOT)
        .args(["-f", "%M", BIN, "render", BENCH_FILE, "-o"])
        .arg(pdf_path)
        .output();
    match output {
        Ok(output) => String::from_utf8_lossy(&output.stderr)
            .lines()
            .last()
            .and_then(|l| l.trim().parse::<f64>().ok())
            .map_or_else(
                || "n/a".to_string(),
                |kib| format!("{:.1} MiB", kib / 1024.0),
            ),
        Err(_) => "n/a".to_string(),
    }
}
