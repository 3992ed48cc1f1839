//! `resumepdf batch`: every input × layout in parallel, skipping outputs that are up to date.
//!
//! Fonts and layouts are parsed once for the whole batch. Each output is named
//! `OUT/<input-stem>--<layout>.pdf` and written atomically. A manifest in the output folder
//! (`.resumepdf-batch.json`) remembers, for each output, a content hash of what produced it, the
//! photo it showed and the output's own size and hash: a second run renders only what changed, or
//! what was damaged or deleted since. Runs into one folder at the same time merge their entries.

use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use resumepdf::fonts::FontBook;
use resumepdf::layout::{self, Layout};
use resumepdf::{RenderError, Request, Source};

use super::output::{self, Inputs, Replace};
use super::render::Tuning;
use super::{located, note_lines, read_input};

/// Name of the manifest file kept in the output folder.
const MANIFEST: &str = ".resumepdf-batch.json";

/// Arguments of `batch`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Outputs are named OUT/<input-name>--<layout>.pdf. A manifest in OUT \
(.resumepdf-batch.json) records a content hash of each output's input, photo, layout and settings \
and of the renderer itself, so running the same batch again renders only what changed (everything, \
after an update of resumepdf), and renders again an output that was deleted or changed.\n\n\
On a terminal a progress bar runs; at the end come the warnings of every input (unless --quiet), \
the failures, and one summary line. --format json prints one record per output on standard output \
for scripts.\n\nExample: resumepdf batch samples --all-layouts --out samples/pdf"
)]
pub(super) struct BatchArgs {
    /// Resume files, or folders to search (recursively) for *.json, *.yaml and *.yml files.
    #[arg(required = true)]
    pub(super) inputs: Vec<PathBuf>,
    /// A layout to render each input in; repeat for several. Default: classic.
    #[arg(short, long = "layout", value_name = "NAME")]
    pub(super) layouts: Vec<String>,
    /// Render each input in every built-in layout.
    #[arg(long, conflicts_with = "layouts")]
    pub(super) all_layouts: bool,
    /// The folder to write PDFs into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub(super) out: PathBuf,
    /// How many PDFs to render at once. Default: one per CPU core.
    #[arg(short, long, value_name = "N")]
    pub(super) jobs: Option<usize>,
    /// Render every output again, even those that are up to date, and replace outputs that exist
    /// but are not PDFs.
    #[arg(long)]
    pub(super) force: bool,
    /// Fail every output that has a warning (input, photo, glyphs, page budget): no PDF is
    /// written for it.
    #[arg(long)]
    pub(super) strict: bool,
    /// Print no warnings, only failures and the summary line.
    #[arg(short, long)]
    pub(super) quiet: bool,
    /// `json` also prints one record per output on standard output: input, layout, output,
    /// outcome (rendered, up-to-date, failed), warnings and error.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(super) format: Format,
    /// Fonts, page budget and language.
    #[command(flatten)]
    pub(super) tuning: Tuning,
}

/// Report formats of `batch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum Format {
    /// Warnings, failures and a summary line on standard error.
    Text,
    /// The same, plus one JSON record per output on standard output.
    Json,
}

/// One output to produce.
#[derive(Debug, Clone)]
struct Job {
    /// The resume file.
    input: PathBuf,
    /// Index into the batch's layouts.
    layout: usize,
    /// The PDF to write.
    output: PathBuf,
}

/// What happened to one job.
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    /// The PDF was written; the lines that tell what the render noted or warned about, and
    /// whether any of them is a warning (something lost or not done as asked).
    Rendered { warnings: Vec<String>, warned: bool },
    /// The output was up to date.
    Skipped,
    /// The job failed, with a reason for people.
    Failed(String),
}

/// The layouts of a batch with the text that identifies each (for the content hash).
struct Layouts {
    /// Name as given on the command line, used in output names.
    names: Vec<String>,
    /// The validated layouts.
    layouts: Vec<Layout>,
    /// A fingerprint of each layout's definition.
    fingerprints: Vec<Vec<u8>>,
}

impl Layouts {
    /// Loads each named layout once.
    fn load(names: &[String], fonts: &FontBook) -> Result<Layouts, String> {
        let mut layouts = Vec::with_capacity(names.len());
        let mut fingerprints = Vec::with_capacity(names.len());
        let mut output_names = Vec::with_capacity(names.len());
        for name in names {
            let layout = layout::load(name, fonts).map_err(|e| e.to_string())?;
            fingerprints.push(layout::fingerprint(name).map_err(|e| e.to_string())?);
            output_names.push(
                Path::new(name)
                    .file_stem()
                    .map_or_else(|| name.clone(), |s| s.to_string_lossy().into_owned()),
            );
            layouts.push(layout);
        }
        Ok(Layouts {
            names: output_names,
            layouts,
            fingerprints,
        })
    }
}

/// Every `*.json`, `*.yaml` and `*.yml` file named or found (recursively, hidden ones excluded)
/// under the named folders, sorted, each once.
fn discover(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut found = Vec::new();
    for input in inputs {
        if input.is_dir() {
            collect_json(input, &mut found)
                .map_err(|e| format!("cannot read folder {}: {e}", input.display()))?;
        } else if input.is_file() {
            found.push(input.clone());
        } else {
            return Err(format!(
                "{} is neither a file nor a folder",
                input.display()
            ));
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

/// Collects `*.json`, `*.yaml` and `*.yml` files under `dir`, skipping hidden files and folders (names starting with
/// `.`, such as the batch manifest) so a batch can write its output inside its input folder.
fn collect_json(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_json(&path, found)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "json" || e == "yaml" || e == "yml")
        {
            found.push(path);
        }
    }
    Ok(())
}

/// Plans the jobs: each input × each layout, named `<stem>--<layout>.pdf` in `out`.
/// Two inputs with the same file stem would overwrite each other: that is an error.
fn plan(inputs: &[PathBuf], layouts: &Layouts, out: &Path) -> Result<Vec<Job>, String> {
    let mut stems: HashMap<String, &Path> = HashMap::new();
    let mut jobs = Vec::with_capacity(inputs.len() * layouts.names.len());
    for input in inputs {
        let stem = input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(other) = stems.insert(stem.clone(), input) {
            return Err(format!(
                "{} and {} would both write {stem}--*.pdf; rename one of them",
                other.display(),
                input.display()
            ));
        }
        for (index, name) in layouts.names.iter().enumerate() {
            jobs.push(Job {
                input: input.clone(),
                layout: index,
                output: out.join(format!("{stem}--{name}.pdf")),
            });
        }
    }
    Ok(jobs)
}

/// How every job of a batch is rendered, and what they share.
struct Context<'a> {
    layouts: &'a Layouts,
    fonts: &'a FontBook,
    /// Render even outputs that are up to date; replace outputs that are not PDFs.
    force: bool,
    /// Any warning fails the output.
    strict: bool,
    /// A page budget for every output.
    max_pages: Option<usize>,
    /// A language tag overriding each resume's `meta.language`.
    lang: Option<&'a str>,
    /// A paper overriding each layout's and resume's.
    paper: Option<resumepdf::layout::PaperSize>,
    /// A font family overriding each layout's.
    font_family: Option<&'a str>,
    /// The standards every PDF is written to.
    standard: resumepdf::pdf::Standard,
    /// Each resume as read and parsed before the jobs ran (to find their fonts): a job whose
    /// file still holds that text renders from this model rather than parsing it again.
    sources: &'a HashMap<&'a Path, &'a Source<'a>>,
    /// Every file the batch reads: no output may be one of them.
    inputs: &'a Inputs,
    /// What besides its input, photo and layout decides an output's bytes (see [`fingerprint`]).
    fingerprint: String,
}

/// What besides its input, photo and layout decides an output's bytes, part of every content
/// hash: the settings, the fallback fonts found for the batch and `SOURCE_DATE_EPOCH` (the
/// document date when a resume gives none).
fn fingerprint(context: &Context<'_>) -> String {
    let Context {
        max_pages,
        lang,
        paper,
        standard,
        fonts,
        font_family,
        ..
    } = context;
    // Only a given family is written, so that manifests of batches without one stay current.
    let family = font_family.map_or(String::new(), |f| format!(";family={f}"));
    format!(
        "pages={max_pages:?};lang={lang:?};paper={paper:?};standard={standard};fallbacks={};\
         date={:?}{family}",
        fonts.fallback_fingerprint(),
        std::env::var("SOURCE_DATE_EPOCH").ok()
    )
}

/// Runs `batch`: loads the layouts and fonts once, renders every job on a pool of `--jobs`
/// threads and prints a summary.
pub(super) fn command(args: &BatchArgs) -> Result<(), String> {
    let mut fonts = FontBook::bundled();
    let names: Vec<String> = if args.all_layouts {
        layout::builtin_names()
            .iter()
            .map(|s| s.to_string())
            .collect()
    } else if args.layouts.is_empty() {
        vec!["classic".to_string()]
    } else {
        args.layouts.clone()
    };
    let layouts = Layouts::load(&names, &fonts)?;
    let resumes = discover(&args.inputs)?;
    if resumes.is_empty() {
        return Err(
            "no *.json, *.yaml or *.yml resume files found in the given inputs".to_string(),
        );
    }
    let jobs = plan(&resumes, &layouts, &args.out)?;
    // Every character any output may show: the resumes' own, and their languages' headings.
    let texts: Vec<(&Path, String)> = resumes
        .iter()
        .filter_map(|path| Some((path.as_path(), read_input(path).ok()?)))
        .collect();
    let sources: Vec<Source<'_>> = texts.iter().map(|(_, text)| Source::read(text)).collect();
    let source_of: HashMap<&Path, &Source<'_>> = texts
        .iter()
        .zip(&sources)
        .map(|((path, _), source)| (*path, source))
        .collect();
    let layout_refs: Vec<&Layout> = layouts.layouts.iter().collect();
    let lang = args.tuning.lang.as_deref();
    args.tuning
        .prepare_fonts(&mut fonts, &layout_refs, &sources)?;
    let mut inputs = Inputs::default();
    for path in inputs_of_batch(&resumes, &names, &layouts, &args.tuning.fonts) {
        inputs.add(path);
    }
    let max_pages = args.tuning.pages.map(usize::from);
    let mut context = Context {
        layouts: &layouts,
        fonts: &fonts,
        force: args.force,
        strict: args.strict,
        max_pages,
        lang,
        paper: args.tuning.paper,
        font_family: args.tuning.font_family.as_deref(),
        standard: args.tuning.pdf_standard,
        sources: &source_of,
        inputs: &inputs,
        fingerprint: String::new(),
    };
    context.fingerprint = fingerprint(&context);
    let total = jobs.len() as u64;
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} PDFs  {per_sec}  {elapsed_precise}  {msg}",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let progress = |_: &Job, _: &Outcome| {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let (results, elapsed) = pool.install(|| run(jobs, &context, &args.out, &progress))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    if args.format == Format::Json {
        print_records(&results, &layouts.names)?;
    }
    if !args.quiet {
        print_warnings(&results);
    }
    summarize(&results, elapsed)
}

/// Prints each input's warnings once, in input order, however many layouts repeat them.
fn print_warnings(results: &[(Job, Outcome)]) {
    let mut shown: Vec<(&Path, &str)> = Vec::new();
    let mut err = std::io::stderr().lock();
    for (job, outcome) in results {
        if let Outcome::Rendered { warnings, .. } = outcome {
            for line in warnings {
                if !shown.contains(&(job.input.as_path(), line.as_str())) {
                    shown.push((job.input.as_path(), line));
                    let _ = writeln!(err, "{line}");
                }
            }
        }
    }
}

/// One JSON record per output on standard output.
fn print_records(results: &[(Job, Outcome)], layout_names: &[String]) -> Result<(), String> {
    let records: Vec<serde_json::Value> = results
        .iter()
        .map(|(job, outcome)| {
            let (state, warnings, error) = match outcome {
                Outcome::Rendered { warnings, .. } => ("rendered", warnings.clone(), None),
                Outcome::Skipped => ("up-to-date", Vec::new(), None),
                Outcome::Failed(reason) => ("failed", Vec::new(), Some(reason.clone())),
            };
            serde_json::json!({
                "input": job.input,
                "layout": layout_names[job.layout],
                "output": job.output,
                "outcome": state,
                "warnings": warnings,
                "error": error,
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&records).map_err(|e| e.to_string())?;
    text.push('\n');
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// Prints the summary line (`60 PDFs: 12 rendered, 48 up to date, 0 failed — 0.40 s`) and the
/// failures; an error when any job failed.
fn summarize(results: &[(Job, Outcome)], elapsed: Duration) -> Result<(), String> {
    let count = |pred: fn(&Outcome) -> bool| results.iter().filter(|(_, o)| pred(o)).count();
    let rendered = count(|o| matches!(o, Outcome::Rendered { .. }));
    let skipped = count(|o| matches!(o, Outcome::Skipped));
    let failed = count(|o| matches!(o, Outcome::Failed(_)));
    let with_warnings = count(|o| matches!(o, Outcome::Rendered { warned: true, .. }));
    let seconds = elapsed.as_secs_f64();
    let rate = if rendered > 0 && seconds > 0.0 {
        format!(" ({:.0} PDFs/s)", rendered as f64 / seconds)
    } else {
        String::new()
    };
    let warned = if with_warnings > 0 {
        format!(" ({with_warnings} with warnings)")
    } else {
        String::new()
    };
    eprintln!(
        "{} PDFs: {rendered} rendered{warned}, {skipped} up to date, {failed} failed — \
         {seconds:.2} s{rate}",
        results.len()
    );
    let failures: Vec<String> = results
        .iter()
        .filter_map(|(job, o)| match o {
            Outcome::Failed(reason) => Some(format!("  {}: {reason}", job.input.display())),
            _ => None,
        })
        .collect();
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} of {} failed:\n{}",
            failures.len(),
            results.len(),
            failures.join("\n")
        ))
    }
}

/// Every file a batch reads: the resumes, layout files and their font files, and `--font` files.
fn inputs_of_batch<'a>(
    resumes: &'a [PathBuf],
    layout_names: &'a [String],
    layouts: &'a Layouts,
    fonts: &'a [PathBuf],
) -> impl Iterator<Item = &'a Path> {
    let layout_fonts = layouts
        .layouts
        .iter()
        .flat_map(super::render::layout_font_files);
    resumes
        .iter()
        .map(PathBuf::as_path)
        .chain(layout_names.iter().map(Path::new))
        .chain(layout_fonts)
        .chain(fonts.iter().map(PathBuf::as_path))
}

/// Runs `jobs` on the current rayon pool; `progress` is called after each job. Returns each job
/// with its outcome, in job order, and the wall time.
fn run(
    jobs: Vec<Job>,
    context: &Context<'_>,
    out: &Path,
    progress: &(dyn Fn(&Job, &Outcome) + Sync),
) -> Result<(Vec<(Job, Outcome)>, Duration), String> {
    let start = Instant::now();
    std::fs::create_dir_all(out)
        .map_err(|e| format!("cannot create output folder {}: {e}", out.display()))?;
    let manifest_path = out.join(MANIFEST);
    let old = if context.force {
        Manifest::new()
    } else {
        read_manifest(&manifest_path)
    };
    let new = Mutex::new(Manifest::new());
    let results: Vec<(Job, Outcome)> = jobs
        .into_par_iter()
        .map(|job| {
            let outcome = run_job(&job, context, &old, &new);
            progress(&job, &outcome);
            (job, outcome)
        })
        .collect();
    // Another run may have written the manifest meanwhile: merge into what is there now.
    let mut manifest = read_manifest(&manifest_path);
    manifest.extend(new.into_inner().unwrap_or_default());
    write_manifest(&manifest_path, &manifest)?;
    Ok((results, start.elapsed()))
}

/// The manifest: an entry per output file name.
type Manifest = BTreeMap<String, Entry>;

/// What produced one output, and what it was when written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    /// Hex BLAKE3 digest of the renderer, settings, layout and input (see [`content_hash`]).
    source: String,
    /// The photo the output shows, with the hex BLAKE3 digest of its file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    photo: Option<(PathBuf, String)>,
    /// The output's size in bytes.
    size: u64,
    /// Hex BLAKE3 digest of the output. (A manifest of an older release, with SHA-256 digests,
    /// does not read, and every output is written again once.)
    blake3: String,
}

impl Entry {
    /// Whether the output `entry` describes is still there, unchanged, from the same sources.
    fn is_current(&self, source: &str, output: &Path) -> bool {
        let photo_unchanged = match &self.photo {
            Some((path, hash)) => file_hash(path).as_deref() == Some(hash.as_str()),
            None => true,
        };
        self.source == source
            && photo_unchanged
            && std::fs::metadata(output).is_ok_and(|m| m.is_file() && m.len() == self.size)
            && file_hash(output).as_deref() == Some(self.blake3.as_str())
    }
}

fn output_key(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn run_job(job: &Job, context: &Context<'_>, old: &Manifest, new: &Mutex<Manifest>) -> Outcome {
    let text = match read_input(&job.input) {
        Ok(text) => text,
        Err(e) => return Outcome::Failed(format!("cannot read {}: {e}", job.input.display())),
    };
    let layout = &context.layouts.layouts[job.layout];
    let key = output_key(&job.output);
    let source = content_hash(
        &text,
        &context.layouts.fingerprints[job.layout],
        &context.fingerprint,
    );
    if old
        .get(&key)
        .is_some_and(|entry| entry.is_current(&source, &job.output))
    {
        return Outcome::Skipped;
    }
    let request = Request {
        language: context.lang,
        paper: context.paper,
        font_family: context.font_family,
        standard: context.standard,
        max_pages: context.max_pages,
        strict: context.strict,
        photo_dir: Some(job.input.parent().unwrap_or(Path::new("."))),
        ..match context.sources.get(job.input.as_path()) {
            Some(source) if source.text == text => {
                Request::from_source(source, layout, context.fonts)
            }
            _ => Request::new(&text, layout, context.fonts),
        }
    };
    let rendered = match resumepdf::render(&request) {
        Ok(rendered) => rendered,
        Err(RenderError::Parse(e)) => {
            return Outcome::Failed(located(&job.input.display().to_string(), &e));
        }
        Err(RenderError::Strict(notes)) => {
            let budget = context.max_pages.or(layout.max_pages).unwrap_or(1);
            let shown = job.input.display().to_string();
            let lines = note_lines(&shown, &notes, false, true, budget);
            return Outcome::Failed(format!(
                "--strict and warnings:\n    {}",
                lines.join("\n    ")
            ));
        }
        Err(e) => return Outcome::Failed(e.to_string()),
    };
    let replace = if context.force {
        Replace::AnyFile
    } else {
        Replace::PdfOnly
    };
    if let Err(message) = output::check_destination(&job.output, context.inputs, replace) {
        return Outcome::Failed(message);
    }
    if let Err(e) = output::write_atomically(&job.output, &rendered.pdf) {
        return Outcome::Failed(format!("cannot write {}: {e}", job.output.display()));
    }
    let photo = rendered
        .photo_path
        .as_ref()
        .and_then(|path| Some((path.clone(), file_hash(path)?)));
    let entry = Entry {
        source,
        photo,
        size: rendered.pdf.len() as u64,
        blake3: hex_digest(&rendered.pdf),
    };
    if let Ok(mut new) = new.lock() {
        new.insert(key, entry);
    }
    let budget = context.max_pages.or(layout.max_pages).unwrap_or(1);
    let shown = job.input.display().to_string();
    Outcome::Rendered {
        warnings: note_lines(&shown, &rendered.notes, false, false, budget),
        warned: rendered.notes.has_warnings(),
    }
}

include!(concat!(env!("OUT_DIR"), "/renderer.rs"));

/// Hex BLAKE3 digest of the tool version and what it was built from, the settings, the layout's
/// fingerprint and the input: a PDF is rendered again whenever any of them changes, the renderer
/// included.
fn content_hash(input: &str, layout: &[u8], settings: &str) -> String {
    let mut hasher = blake3::Hasher::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(RENDERER.as_bytes());
    hasher.update(settings.as_bytes());
    hasher.update(&(layout.len() as u64).to_le_bytes());
    hasher.update(layout);
    hasher.update(&(input.len() as u64).to_le_bytes());
    hasher.update(input.as_bytes());
    hex(hasher.finalize().as_bytes())
}

/// Hex BLAKE3 digest of a file's bytes, `None` when it cannot be read.
fn file_hash(path: &Path) -> Option<String> {
    std::fs::read(path).ok().map(|bytes| hex_digest(&bytes))
}

/// Hex BLAKE3 digest of `bytes`. BLAKE3, not SHA-256: about 2 M fewer instructions per PDF of
/// a batch on a processor without SHA instructions (and under callgrind, which hides them).
fn hex_digest(bytes: &[u8]) -> String {
    hex(blake3::hash(bytes).as_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The manifest in `path`; empty when there is none or it is unreadable (everything renders).
fn read_manifest(path: &Path) -> Manifest {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn write_manifest(path: &Path, manifest: &Manifest) -> Result<(), String> {
    let mut text = serde_json::to_string_pretty(manifest).map_err(|e| e.to_string())?;
    text.push('\n');
    output::check_destination(path, &Inputs::default(), Replace::AnyFile)?;
    output::write_atomically(path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
