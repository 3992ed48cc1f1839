//! Batch rendering: every input × layout in parallel, skipping outputs whose inputs are unchanged.
//!
//! Fonts and layouts are parsed once for the whole batch. Each output is named
//! `OUT/<input-stem>--<layout>.pdf` and written atomically. A manifest in the output folder
//! (`.resumepdf-batch.json`) remembers a content hash of what produced each output, so a second
//! run renders only what changed.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::fonts::FontBook;
use crate::layout::{self, Layout};
use crate::model;
use crate::output;
use crate::typeset::pages::{Image, ImageData};

/// Name of the manifest file kept in the output folder.
pub const MANIFEST: &str = ".resumepdf-batch.json";

/// One output to produce.
#[derive(Debug, Clone)]
pub struct Job {
    /// The resume file.
    pub input: PathBuf,
    /// Index into the batch's layouts.
    pub layout: usize,
    /// The PDF to write.
    pub output: PathBuf,
}

/// What happened to one job.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The PDF was written.
    Rendered {
        /// Warnings about skipped or repaired input values.
        warnings: usize,
        /// Characters no font could draw.
        missing: usize,
    },
    /// The output was up to date.
    Skipped,
    /// The job failed, with a reason for people.
    Failed(String),
}

/// The result of a batch.
#[derive(Debug, Default)]
pub struct Summary {
    /// Each job with its outcome, in job order.
    pub results: Vec<(Job, Outcome)>,
    /// Wall time of the whole batch.
    pub elapsed: Duration,
}

impl Summary {
    /// How many jobs ended with `pred`.
    pub fn count(&self, pred: impl Fn(&Outcome) -> bool) -> usize {
        self.results.iter().filter(|(_, o)| pred(o)).count()
    }

    /// Jobs that were rendered.
    pub fn rendered(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Rendered { .. }))
    }

    /// Jobs that were up to date.
    pub fn skipped(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Skipped))
    }

    /// Jobs that failed.
    pub fn failed(&self) -> usize {
        self.count(|o| matches!(o, Outcome::Failed(_)))
    }
}

/// The layouts of a batch with the text that identifies each (for the content hash).
pub struct Layouts {
    /// Name as given on the command line, used in output names.
    pub names: Vec<String>,
    /// The validated layouts.
    pub layouts: Vec<Layout>,
    /// A fingerprint of each layout's definition.
    fingerprints: Vec<Vec<u8>>,
}

impl Layouts {
    /// Loads each named layout once.
    pub fn load(names: &[String], fonts: &FontBook) -> Result<Layouts, String> {
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

/// Every `*.json` file named or found (recursively, hidden ones excluded) under the named
/// folders, sorted, each once.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
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

/// Collects `*.json` files under `dir`, skipping hidden files and folders (names starting with
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
        } else if path.extension().is_some_and(|e| e == "json") {
            found.push(path);
        }
    }
    Ok(())
}

/// Plans the jobs: each input × each layout, named `<stem>--<layout>.pdf` in `out`.
/// Two inputs with the same file stem would overwrite each other: that is an error.
pub fn plan(inputs: &[PathBuf], layouts: &Layouts, out: &Path) -> Result<Vec<Job>, String> {
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

/// How every job of a batch is rendered.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Render even outputs that are up to date.
    pub force: bool,
    /// A page budget for every output (see [`crate::fit`]).
    pub max_pages: Option<usize>,
    /// A language tag overriding each resume's `meta.language`.
    pub lang: Option<String>,
    /// The standards every PDF is written to.
    pub standard: crate::pdf::Standard,
    /// Every file the batch reads: no output may be one of them.
    pub inputs: output::Inputs,
}

impl Settings {
    /// What besides its input, photo and layout decides an output's bytes, part of every content
    /// hash: these settings, the fallback fonts found for the batch and `SOURCE_DATE_EPOCH` (the
    /// document date when a resume gives none).
    fn fingerprint(&self, fonts: &FontBook) -> String {
        format!(
            "pages={:?};lang={:?};standard={};fallbacks={};date={:?}",
            self.max_pages,
            self.lang,
            self.standard,
            fonts.fallback_fingerprint(),
            std::env::var("SOURCE_DATE_EPOCH").ok()
        )
    }
}

/// Runs `jobs` on the current rayon pool; `progress` is called after each job.
pub fn run(
    jobs: Vec<Job>,
    layouts: &Layouts,
    fonts: &FontBook,
    out: &Path,
    settings: &Settings,
    progress: &(dyn Fn(&Job, &Outcome) + Sync),
) -> Result<Summary, String> {
    let start = Instant::now();
    std::fs::create_dir_all(out)
        .map_err(|e| format!("cannot create output folder {}: {e}", out.display()))?;
    let manifest_path = out.join(MANIFEST);
    let old = if settings.force {
        BTreeMap::new()
    } else {
        read_manifest(&manifest_path)
    };
    let new = Mutex::new(BTreeMap::new());
    let fingerprint = settings.fingerprint(fonts);
    let results: Vec<(Job, Outcome)> = jobs
        .into_par_iter()
        .map(|job| {
            let context = Context {
                layouts,
                fonts,
                settings,
                fingerprint: &fingerprint,
            };
            let outcome = run_job(&job, &context, &old, &new);
            progress(&job, &outcome);
            (job, outcome)
        })
        .collect();
    let mut manifest = old;
    manifest.extend(new.into_inner().unwrap_or_default());
    write_manifest(&manifest_path, &manifest)?;
    Ok(Summary {
        results,
        elapsed: start.elapsed(),
    })
}

fn output_key(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What every job of a batch shares.
struct Context<'a> {
    layouts: &'a Layouts,
    fonts: &'a FontBook,
    settings: &'a Settings,
    /// [`Settings::fingerprint`], computed once.
    fingerprint: &'a str,
}

fn run_job(
    job: &Job,
    context: &Context<'_>,
    old: &BTreeMap<String, String>,
    new: &Mutex<BTreeMap<String, String>>,
) -> Outcome {
    let Context {
        layouts,
        fonts,
        settings,
        fingerprint,
    } = *context;
    let inputs = &settings.inputs;
    let replace = if settings.force {
        output::Replace::AnyFile
    } else {
        output::Replace::PdfOnly
    };
    let bytes = match std::fs::read(&job.input) {
        Ok(bytes) => bytes,
        Err(e) => return Outcome::Failed(format!("cannot read {}: {e}", job.input.display())),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => return Outcome::Failed("the file is not UTF-8 text".to_string()),
    };
    let mut parsed = match model::parse(&text) {
        Ok(parsed) => parsed,
        Err(e) => {
            return Outcome::Failed(crate::cli::located(&job.input.display().to_string(), &e));
        }
    };
    model::normalize(&mut parsed.resume);
    if let Some(lang) = &settings.lang {
        parsed.resume.meta.language = Some(lang.clone());
    }
    let layout = &layouts.layouts[job.layout];
    let folder = job.input.parent().unwrap_or(Path::new("."));
    let (photo, photo_warning) = match crate::layout_photo(&parsed.resume, layout, folder) {
        Ok(photo) => (photo, 0),
        Err(_) => (None, 1),
    };
    let key = output_key(&job.output);
    let hash = content_hash(
        &text,
        &layouts.fingerprints[job.layout],
        fingerprint,
        photo.as_deref(),
    );
    if job.output.is_file() && old.get(&key) == Some(&hash) {
        return Outcome::Skipped;
    }
    let options = crate::RenderOptions {
        max_pages: settings.max_pages,
        standard: settings.standard,
    };
    let fitted = crate::render_with(&parsed.resume, layout, fonts, photo.as_ref(), &options);
    let (rendered, fit) = match fitted {
        Ok(rendered) => rendered,
        Err(e) => return Outcome::Failed(format!("cannot write the PDF: {e}")),
    };
    if let Err(message) = output::check_destination(&job.output, inputs, replace) {
        return Outcome::Failed(message);
    }
    if let Err(e) = output::write_atomically(&job.output, &rendered.pdf) {
        return Outcome::Failed(format!("cannot write {}: {e}", job.output.display()));
    }
    if let Ok(mut new) = new.lock() {
        new.insert(key, hash);
    }
    Outcome::Rendered {
        warnings: parsed.real_warnings().count()
            + photo_warning
            + usize::from(fit.is_some_and(|f| f.overflow.is_some())),
        missing: rendered.missing.len(),
    }
}

include!(concat!(env!("OUT_DIR"), "/renderer.rs"));

/// Hex SHA-256 of the tool version and what it was built from, the settings, the layout's
/// fingerprint, the input and the photo it shows: a PDF is rendered again whenever any of them
/// changes, the renderer included.
fn content_hash(input: &str, layout: &[u8], settings: &str, photo: Option<&Image>) -> String {
    let mut hasher = Sha256::new();
    hasher.update(env!("CARGO_PKG_VERSION").as_bytes());
    hasher.update(RENDERER.as_bytes());
    hasher.update(settings.as_bytes());
    hasher.update((layout.len() as u64).to_le_bytes());
    hasher.update(layout);
    hasher.update((input.len() as u64).to_le_bytes());
    hasher.update(input.as_bytes());
    match photo.map(|p| &p.data) {
        Some(ImageData::Jpeg { bytes, .. }) => hasher.update(bytes),
        Some(ImageData::Rgba8(pixels)) => hasher.update(pixels),
        None => {}
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn read_manifest(path: &Path) -> BTreeMap<String, String> {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn write_manifest(path: &Path, manifest: &BTreeMap<String, String>) -> Result<(), String> {
    let mut text = serde_json::to_string_pretty(manifest).map_err(|e| e.to_string())?;
    text.push('\n');
    output::check_destination(path, &output::Inputs::default(), output::Replace::AnyFile)?;
    output::write_atomically(path, text.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", path.display()))
}
