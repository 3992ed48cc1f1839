//! The command line: argument parsing, messages for people, exit codes. A thin shell over the library.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::fonts::{FontBook, fallback};
use crate::layout;
use crate::model;
use crate::output;

const ABOUT: &str =
    "Turn a JSON Resume (jsonresume.org, schema 1.x) into a polished, ATS-readable PDF.";

const LONG_ABOUT: &str =
    "Turn a JSON Resume (jsonresume.org, schema 1.x) into a polished, ATS-readable PDF.

Layouts are named data files that enforce good resume typography: one or two font families,
10-12 pt body text, clear headings, margins of at least half an inch, reverse chronological order.
The PDF has a real text layer (copy-paste and applicant tracking systems read it), embedded subset
fonts and clickable links.

Examples:
  resumepdf render resume.json                     writes resume.pdf beside it (layout: classic)
  resumepdf render resume.json -l classic -o cv.pdf
  cat resume.json | resumepdf render - > resume.pdf
  resumepdf render resume.json --pages 1           fits it on one page, within the layout rules
  resumepdf batch samples --all-layouts --out pdf  renders every sample in every layout, in parallel
  resumepdf validate resume.json                   lists every schema problem with line:column
  resumepdf check resume.json --job ad.txt         reviews content and keyword fit to a job ad
  resumepdf layouts                                lists the built-in layouts";

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(name = "resumepdf", version, about = ABOUT, long_about = LONG_ABOUT)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render a JSON Resume file to PDF.
    Render(RenderArgs),
    /// List the built-in layouts with a line about each.
    Layouts,
    /// Render many resumes in one or more layouts at once: in parallel, skipping unchanged outputs.
    Batch(BatchArgs),
    /// Check resume files against the JSON Resume schema and what the renderer needs.
    Validate(crate::validate::ValidateArgs),
    /// Review a resume against resume best practice, and against a job ad with --job.
    Check(crate::check::CheckArgs),
}

/// Arguments of `batch`.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Outputs are named OUT/<input-name>--<layout>.pdf. A manifest in OUT \
(.resumepdf-batch.json) records a content hash of each output's input, photo, layout and settings \
and of the renderer itself, so running the same batch again renders only what changed (everything, \
after an update of resumepdf).\n\nExample: resumepdf batch samples --all-layouts --out samples/pdf"
)]
pub struct BatchArgs {
    /// Resume files, or folders to search (recursively) for *.json files.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// A layout to render each input in; repeat for several. Default: classic.
    #[arg(short, long = "layout", value_name = "NAME")]
    pub layouts: Vec<String>,
    /// Render each input in every built-in layout.
    #[arg(long, conflicts_with = "layouts")]
    pub all_layouts: bool,
    /// The folder to write PDFs into (created if missing).
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,
    /// How many PDFs to render at once. Default: one per CPU core.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Render every output again, even those that are up to date, and replace outputs that exist
    /// but are not PDFs.
    #[arg(long)]
    pub force: bool,
    /// Fonts, page budget and language.
    #[command(flatten)]
    pub tuning: Tuning,
}

/// Options that `render` and `batch` share.
#[derive(Debug, clap::Args)]
pub struct Tuning {
    /// A font file (.ttf, .otf, .ttc) for characters the layout's fonts lack, such as Chinese or
    /// Arabic; repeat for several. A bold or italic file of a family given before it draws that
    /// family's bold or italic text (else they are simulated). System fonts are searched after
    /// these.
    #[arg(long = "font", value_name = "PATH")]
    pub fonts: Vec<PathBuf>,
    /// Fit on at most N pages: gaps, line spacing, margins and then font sizes are tightened, each
    /// only as far as the layout rules allow, and no further than needed.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub pages: Option<u16>,
    /// Language of headings, month names and "Present" (a BCP 47 tag such as de, fr, pt-BR, zh);
    /// overrides meta.language in the resume. Default: meta.language, else the language the
    /// resume's script tells (Chinese, Japanese, Korean, Russian, Arabic, Persian, Hebrew), else
    /// English.
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    /// The standards the PDF meets and claims, comma-separated: ua-1 (PDF/UA-1, accessible),
    /// a-2a (PDF/A-2a, archivable and tagged) or a-2b (PDF/A-2b); or none (an untagged PDF).
    #[arg(long, value_name = "LIST", default_value = "ua-1,a-2a")]
    pub pdf_standard: crate::pdf::Standard,
}

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The resume: a JSON Resume file, or `-` to read standard input.
    pub input: PathBuf,
    /// A built-in layout name (see `resumepdf layouts`) or a path to a layout file (.json).
    #[arg(short, long, default_value = "classic")]
    pub layout: String,
    /// Where to write the PDF; `-` writes standard output. Default: the input's name with .pdf,
    /// beside it (standard output when the input is standard input).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Also show notes that lose nothing (old key names, repaired dates).
    #[arg(short, long)]
    pub verbose: bool,
    /// Fonts, page budget and language.
    #[command(flatten)]
    pub tuning: Tuning,
    /// Fail instead of warning when characters have no glyph or the page budget cannot be met.
    #[arg(long)]
    pub strict: bool,
    /// Replace the output even when it exists and is not a PDF.
    #[arg(long)]
    pub force: bool,
}

/// Parses the process arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render(&args).map(|()| ExitCode::SUCCESS),
        Command::Layouts => list_layouts().map(|()| ExitCode::SUCCESS),
        Command::Batch(args) => batch(&args).map(|()| ExitCode::SUCCESS),
        Command::Validate(args) => crate::validate::command(&args),
        Command::Check(args) => crate::check::command(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}

fn list_layouts() -> Result<(), String> {
    let fonts = FontBook::bundled();
    let mut out = std::io::stdout().lock();
    for name in layout::builtin_names() {
        let layout = layout::load(name, &fonts).map_err(|e| e.to_string())?;
        writeln!(out, "{name:<12} {}", layout.description).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Whether a path argument is `-` (standard input or output).
pub(crate) fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn render(args: &RenderArgs) -> Result<(), String> {
    let source_name = if is_stdio(&args.input) {
        "<stdin>".to_string()
    } else {
        args.input.display().to_string()
    };
    let text = read_input(&args.input).map_err(|e| format!("cannot read {source_name}: {e}"))?;
    let mut fonts = FontBook::bundled();
    let layout = layout::load(&args.layout, &fonts).map_err(|e| e.to_string())?;
    let mut parsed = model::parse(&text).map_err(|e| located(&source_name, &e))?;
    print_warnings(&source_name, &parsed.warnings, args.verbose);
    model::normalize(&mut parsed.resume);
    if let Some(tag) = &args.tuning.lang {
        if crate::i18n::Locale::lookup(tag).is_none() {
            eprintln!(
                "warning: no translation table for `{tag}`; headings and dates stay in English. Available: {}",
                crate::i18n::Locale::available().join(", ")
            );
        }
        parsed.resume.meta.language = Some(tag.clone());
    }
    let language = parsed.resume.meta.language.as_deref();
    crate::add_fallback_fonts(&mut fonts, &layout, &text, language, &args.tuning.fonts)
        .map_err(|e| e.to_string())?;
    let folder = match args.input.parent() {
        Some(dir) if !is_stdio(&args.input) && !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let output = render_output(args, &layout, parsed.resume.basics.image.as_deref(), folder)?;
    let photo = crate::layout_photo(&parsed.resume, &layout, folder).unwrap_or_else(|warning| {
        eprintln!("{source_name}: warning: {warning}");
        None
    });
    let budget = args.tuning.pages.map(usize::from);
    let options = crate::RenderOptions {
        max_pages: budget,
        standard: args.tuning.pdf_standard,
    };
    let (rendered, fitted) =
        crate::render_with(&parsed.resume, &layout, &fonts, photo.as_ref(), &options)
            .map_err(|e| format!("{source_name}: cannot write the PDF: {e}"))?;
    if let Some(fitted) = &fitted
        && let Some(message) = fit_message(fitted, budget.or(layout.max_pages).unwrap_or(1))
    {
        match &fitted.overflow {
            Some(_) if args.strict => return Err(format!("{source_name}: {message}")),
            Some(_) => eprintln!("{source_name}: warning: {message}"),
            None if args.verbose => eprintln!("{source_name}: {message}"),
            None => {}
        }
    }
    if !rendered.missing.is_empty() {
        let message = missing_glyphs(&rendered.missing);
        if args.strict {
            return Err(format!("{source_name}: {message}"));
        }
        eprintln!("{source_name}: warning: {message}");
    }
    let pdf = rendered.pdf;
    if is_stdio(&output) {
        std::io::stdout()
            .lock()
            .write_all(&pdf)
            .map_err(|e| format!("cannot write to standard output: {e}"))
    } else {
        output::write_atomically(&output, &pdf)
            .map_err(|e| format!("cannot write {}: {e}", output.display()))
    }
}

/// Where `render` writes, checked before anything is rendered: never a device or an input.
fn render_output(
    args: &RenderArgs,
    layout: &layout::Layout,
    photo: Option<&str>,
    folder: &Path,
) -> Result<PathBuf, String> {
    let output = match &args.output {
        Some(path) => path.clone(),
        None if is_stdio(&args.input) => return Ok(PathBuf::from("-")),
        None => args.input.with_extension("pdf"),
    };
    if is_stdio(&output) {
        return Ok(output);
    }
    let mut inputs = output::Inputs::default();
    inputs.add(&args.input);
    inputs.add(Path::new(&args.layout));
    for family in [&layout.fonts.heading, &layout.fonts.body] {
        if crate::fonts::is_font_path(family) {
            inputs.add(Path::new(family));
        }
    }
    for font in &args.tuning.fonts {
        inputs.add(font);
    }
    if let Some(photo) = photo {
        inputs.add(&folder.join(photo));
    }
    let replace = if args.force {
        output::Replace::AnyFile
    } else {
        output::Replace::PdfOnly
    };
    output::check_destination(&output, &inputs, replace)?;
    Ok(output)
}

/// `file:line:col: message`, or `file: message` when the error has no position.
pub(crate) fn located(source_name: &str, error: &model::ParseError) -> String {
    match error.position() {
        Some(_) => format!("{source_name}:{error}"),
        None => format!("{source_name}: {error}"),
    }
}

/// Most warnings printed for one file; `resumepdf validate` lists them all.
const MAX_WARNINGS_SHOWN: usize = 50;

/// Prints a file's warnings (and with `verbose` its notes), at most [`MAX_WARNINGS_SHOWN`].
fn print_warnings(source_name: &str, warnings: &[model::Warning], verbose: bool) {
    let shown: Vec<&model::Warning> = warnings
        .iter()
        .filter(|w| w.is_warning() || verbose)
        .collect();
    let mut err = std::io::stderr().lock();
    for warning in shown.iter().take(MAX_WARNINGS_SHOWN) {
        let _ = writeln!(err, "{source_name}:{warning}");
    }
    if shown.len() > MAX_WARNINGS_SHOWN {
        let _ = writeln!(
            err,
            "{source_name}: … and {} more; `resumepdf validate {source_name}` lists them all",
            shown.len() - MAX_WARNINGS_SHOWN
        );
    }
}

/// What fitting to a page budget did: the knobs that moved, or by how much the content overflows.
fn fit_message(fitted: &crate::fit::Fit, budget: usize) -> Option<String> {
    if let Some(overflow) = &fitted.overflow {
        return Some(format!(
            "does not fit {budget} page(s): it needs {:.1} pages at the smallest allowed size; \
             remove about {} lines",
            overflow.pages_needed, overflow.lines_over
        ));
    }
    if fitted.changes.is_empty() {
        return None;
    }
    let moved: Vec<String> = fitted
        .changes
        .iter()
        .map(|c| format!("{} {:.2} → {:.2}", c.field, c.from, c.to))
        .collect();
    Some(format!("fitted to {budget} page(s): {}", moved.join(", ")))
}

/// A message about characters no font could draw, naming them and how to fix it.
pub fn missing_glyphs(missing: &std::collections::BTreeSet<char>) -> String {
    const SHOWN: usize = 12;
    let listed: Vec<String> = missing
        .iter()
        .take(SHOWN)
        .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
        .collect();
    let more = if missing.len() > SHOWN {
        format!(" and {} more", missing.len() - SHOWN)
    } else {
        String::new()
    };
    format!(
        "{} character(s) have no glyph in the layout's fonts or any installed font: {}{more}. \
         They print as blank boxes. Install a font that has them (for Chinese, Japanese and \
         Korean: fonts-noto-cjk) or name one with --font PATH",
        missing.len(),
        listed.join(", ")
    )
}

/// Largest input file read, in bytes.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a text file, or standard input for `-`: at most [`MAX_INPUT_BYTES`], regular files only.
pub(crate) fn read_input(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind};
    let reader: Box<dyn Read> = if is_stdio(path) {
        Box::new(std::io::stdin().lock())
    } else {
        if !std::fs::metadata(path)?.is_file() {
            return Err(Error::new(ErrorKind::InvalidInput, "not a regular file"));
        }
        Box::new(std::fs::File::open(path)?)
    };
    let mut bytes = Vec::new();
    reader.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(Error::new(
            ErrorKind::InvalidData,
            format!("larger than {} MB", MAX_INPUT_BYTES / (1024 * 1024)),
        ));
    }
    String::from_utf8(bytes)
        .map_err(|_| Error::new(ErrorKind::InvalidData, "stream did not contain valid UTF-8"))
}

fn batch(args: &BatchArgs) -> Result<(), String> {
    use crate::batch::{self, Outcome};
    use std::io::IsTerminal;

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
    let layouts = batch::Layouts::load(&names, &fonts)?;
    let inputs_found = batch::discover(&args.inputs)?;
    if inputs_found.is_empty() {
        return Err("no *.json resume files found in the given inputs".to_string());
    }
    let jobs = batch::plan(&inputs_found, &layouts, &args.out)?;
    // Every character any output may show: the resumes' own, and their languages' headings and
    // dates (the language each gives or its script tells, or the one --lang sets for all).
    let mut chars = std::collections::BTreeSet::new();
    for input in &inputs_found {
        if let Ok(text) = std::fs::read_to_string(input) {
            chars.extend(fallback::json_string_chars(&text));
            let language = match &args.tuning.lang {
                Some(tag) => Some(tag.clone()),
                None => model::parse(&text)
                    .ok()
                    .and_then(|p| p.resume.meta.language),
            };
            chars.extend(crate::i18n::Locale::for_tag(language.as_deref()).characters());
        }
    }
    for layout in &layouts.layouts {
        crate::add_layout_fonts(&mut fonts, layout).map_err(|e| e.to_string())?;
    }
    let families: Vec<&str> = layouts
        .layouts
        .iter()
        .flat_map(|l| [l.fonts.body.as_str(), l.fonts.heading.as_str()])
        .collect();
    fallback::prepare(&mut fonts, &families, &chars, &args.tuning.fonts)
        .map_err(|e| e.to_string())?;
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
    let progress = |job: &batch::Job, outcome: &Outcome| match &bar {
        Some(bar) => {
            if let Outcome::Failed(reason) = outcome {
                bar.println(format!("failed {}: {reason}", job.output.display()));
            }
            bar.inc(1);
        }
        None => match outcome {
            Outcome::Rendered { .. } => eprintln!("rendered {}", job.output.display()),
            Outcome::Skipped => eprintln!("up to date {}", job.output.display()),
            Outcome::Failed(reason) => eprintln!("failed {}: {reason}", job.output.display()),
        },
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start worker threads: {e}"))?;
    let mut inputs = output::Inputs::default();
    for path in inputs_of_batch(&inputs_found, &names, &layouts, &args.tuning.fonts) {
        inputs.add(path);
    }
    let settings = batch::Settings {
        force: args.force,
        max_pages: args.tuning.pages.map(usize::from),
        lang: args.tuning.lang.clone(),
        standard: args.tuning.pdf_standard,
        inputs,
    };
    let summary =
        pool.install(|| batch::run(jobs, &layouts, &fonts, &args.out, &settings, &progress))?;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let seconds = summary.elapsed.as_secs_f64();
    let rendered = summary.rendered();
    let rate = if rendered > 0 && seconds > 0.0 {
        format!(" ({:.0} PDFs/s)", rendered as f64 / seconds)
    } else {
        String::new()
    };
    eprintln!(
        "rendered {rendered}, skipped {}, failed {} in {seconds:.2} s{rate}",
        summary.skipped(),
        summary.failed(),
    );
    let with_warnings = summary
        .results
        .iter()
        .filter(|(_, o)| {
            matches!(o, Outcome::Rendered { warnings, missing } if *warnings + *missing > 0)
        })
        .count();
    if with_warnings > 0 {
        eprintln!(
            "{with_warnings} PDF(s) rendered with input warnings; `resumepdf render FILE` shows them"
        );
    }
    let failures: Vec<String> = summary
        .results
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
            "{} of {total} failed:\n{}",
            failures.len(),
            failures.join("\n")
        ))
    }
}

/// Every file a batch reads: the resumes, layout files and their font files, and `--font` files.
fn inputs_of_batch<'a>(
    resumes: &'a [PathBuf],
    layout_names: &'a [String],
    layouts: &'a crate::batch::Layouts,
    fonts: &'a [PathBuf],
) -> impl Iterator<Item = &'a Path> {
    let layout_fonts = layouts
        .layouts
        .iter()
        .flat_map(|layout| [&layout.fonts.heading, &layout.fonts.body])
        .filter(|family| crate::fonts::is_font_path(family))
        .map(|family| Path::new(family.as_str()));
    resumes
        .iter()
        .map(PathBuf::as_path)
        .chain(layout_names.iter().map(Path::new))
        .chain(layout_fonts)
        .chain(fonts.iter().map(PathBuf::as_path))
}
