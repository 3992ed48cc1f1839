//! The command line: argument parsing, messages for people, exit codes. A thin shell over the
//! library; only the binary uses it, so clap stays out of the library's API.

mod batch;
mod check;
mod init;
mod output;
mod render;
mod validate;
mod watch;

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use resumepdf::diagnostic::escape;
use resumepdf::fonts::FontBook;
use resumepdf::{Diagnostic, Severity, layout, model};

const ABOUT: &str =
    "Turn a JSON Resume (jsonresume.org, schema 1.x) into a polished, ATS-readable PDF.";

const LONG_ABOUT: &str =
    "Turn a JSON Resume (jsonresume.org, schema 1.x), written in JSON or YAML, into a polished,
ATS-readable PDF.

Layouts are named data files that enforce good resume typography: one or two font families,
10-12 pt body text, clear headings, margins of at least half an inch, reverse chronological order.
The PDF has a real text layer (copy-paste and applicant tracking systems read it), embedded subset
fonts and clickable links.

Examples:
  resumepdf init me.yaml                           writes an example resume to edit (YAML)
  resumepdf render me.yaml                         writes me.pdf beside it (layout: classic)
  resumepdf watch me.yaml                          renders again on every save
  resumepdf render resume.json -l classic -o cv.pdf
  cat resume.json | resumepdf render - > resume.pdf
  resumepdf render resume.json --pages 1           fits it on one page, within the layout rules
  resumepdf batch samples --all-layouts --out pdf  renders every sample in every layout, in parallel
  resumepdf validate resume.json                   lists every schema problem with line:column
  resumepdf check resume.json --job ad.txt         reviews content and keyword fit to a job ad
  resumepdf layouts                                lists the built-in layouts
  resumepdf layouts show classic > mine.json       starts a layout of your own from a built-in one";

/// `0.1.0 (commit 1a2b3c4d5e6f)`: the commit comes from build.rs ("unknown" outside git).
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("RESUMEPDF_COMMIT"),
    ")"
);

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(name = "resumepdf", version = VERSION, about = ABOUT, long_about = LONG_ABOUT)]
struct Cli {
    /// What to do.
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Write a starter resume to edit (JSON, or YAML with --yaml or a .yaml name).
    Init(init::InitArgs),
    /// Render a JSON Resume file (JSON or YAML) to PDF.
    Render(render::RenderArgs),
    /// Render, then render again on every save of the resume, layout, fonts or photo.
    Watch(watch::WatchArgs),
    /// List the built-in layouts with a line about each; `show NAME` prints one, `schema` the
    /// schema of layout files.
    Layouts {
        /// What to print (default: the list).
        #[command(subcommand)]
        action: Option<LayoutsAction>,
    },
    /// Render many resumes in one or more layouts at once: in parallel, skipping unchanged outputs.
    Batch(batch::BatchArgs),
    /// Check resume files against the JSON Resume schema and what the renderer needs.
    Validate(validate::ValidateArgs),
    /// Review a resume against resume best practice, and against a job ad with --job.
    Check(check::CheckArgs),
    /// Print the JSON Resume schema that `validate` checks against (for editors and tools).
    Schema,
    /// Print a shell completion script, e.g. `resumepdf completions bash > ~/.local/share/bash-completion/completions/resumepdf`.
    Completions {
        /// The shell: bash, zsh, fish, elvish or powershell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff): `resumepdf man | man -l -`.
    Man,
}

/// `resumepdf layouts …`.
#[derive(Debug, Subcommand)]
enum LayoutsAction {
    /// Print a built-in layout's file, to start a layout of your own: `resumepdf layouts show
    /// classic > mine.json`, edit it (or keep only what you change, with "extends": "classic"),
    /// then `resumepdf render cv.json -l mine.json`.
    Show {
        /// The built-in layout (see `resumepdf layouts`).
        name: String,
    },
    /// Print the JSON Schema of layout files (for editors: every field, its unit and limits).
    Schema,
}

/// Parses the process arguments and runs the command.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Init(args) => init::command(&args).map(|()| ExitCode::SUCCESS),
        Command::Render(args) => render::command(&args).map(|()| ExitCode::SUCCESS),
        Command::Watch(args) => watch::command(&args).map(|()| ExitCode::SUCCESS),
        Command::Schema => init::schema().map(|()| ExitCode::SUCCESS),
        Command::Completions { shell } => {
            let mut command = Cli::command();
            clap_complete::generate(shell, &mut command, "resumepdf", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => man().map(|()| ExitCode::SUCCESS),
        Command::Layouts { action } => layouts(action).map(|()| ExitCode::SUCCESS),
        Command::Batch(args) => batch::command(&args).map(|()| ExitCode::SUCCESS),
        Command::Validate(args) => validate::command(&args),
        Command::Check(args) => check::command(&args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            // Messages quote what the user gave (paths, font names, values): nothing in them
            // reaches the terminal as a control sequence.
            eprintln!("error: {}", resumepdf::diagnostic::escape_lines(&message));
            ExitCode::from(1)
        }
    }
}

/// Writes the manual page, made from the same definitions as `--help`.
fn man() -> Result<(), String> {
    clap_mangen::Man::new(Cli::command())
        .render(&mut std::io::stdout().lock())
        .map_err(|e| format!("cannot write to standard output: {e}"))
}

/// Runs `layouts`: the list, one layout's file or the schema, on standard output.
fn layouts(action: Option<LayoutsAction>) -> Result<(), String> {
    let text = match action {
        None => return list_layouts(),
        Some(LayoutsAction::Schema) => layout::schema(),
        Some(LayoutsAction::Show { name }) => layout::builtin_source(&name)
            .ok_or_else(|| {
                format!(
                    "no built-in layout `{name}`; the built-in layouts are {}",
                    layout::builtin_names().join(", ")
                )
            })?
            .to_string(),
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .map_err(|e| format!("cannot write to standard output: {e}"))
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
fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The folder a resume's relative paths (its photo) are read from: the input file's folder, or
/// the working folder for standard input.
fn resume_folder(input: &Path) -> &Path {
    match input.parent() {
        Some(dir) if !is_stdio(input) && !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// `file:line:col: message`, or `file: message` when the error has no position.
fn located(source_name: &str, error: &model::ParseError) -> String {
    match error.position() {
        Some(_) => format!("{source_name}:{error}"),
        None => format!("{source_name}: {error}"),
    }
}

/// Most input warnings printed for one file; `resumepdf validate` lists them all.
const MAX_WARNINGS_SHOWN: usize = 50;

/// Prints what a render noticed (see [`note_lines`]) to standard error.
fn report_notes(
    source_name: &str,
    notes: &resumepdf::Notes,
    verbose: bool,
    strict: bool,
    budget: usize,
) {
    let mut err = std::io::stderr().lock();
    for line in note_lines(source_name, notes, verbose, strict, budget) {
        let _ = writeln!(err, "{line}");
    }
}

/// The lines that tell what a render noticed, each printed by [`Diagnostic::to_text`]: the
/// input's warnings (at most [`MAX_WARNINGS_SHOWN`]; with `verbose` also its notes and what
/// fitting changed), an unknown language, a photo that could not be used, a page budget that could
/// not be met, characters no font could draw. With `strict` the last four are errors, printed
/// as `error: FILE: …`.
fn note_lines(
    source_name: &str,
    notes: &resumepdf::Notes,
    verbose: bool,
    strict: bool,
    budget: usize,
) -> Vec<String> {
    let severity = if strict {
        Severity::Error
    } else {
        Severity::Warning
    };
    let shown: Vec<&Diagnostic> = notes
        .input
        .iter()
        .filter(|w| w.is_warning_or_worse() || verbose)
        .collect();
    let mut lines: Vec<String> = shown
        .iter()
        .take(MAX_WARNINGS_SHOWN)
        .map(|warning| warning.to_text(Some(source_name)))
        .collect();
    if shown.len() > MAX_WARNINGS_SHOWN {
        let shown_name = escape(source_name);
        lines.push(format!(
            "{shown_name}: … and {} more; `resumepdf validate {shown_name}` lists them all",
            shown.len() - MAX_WARNINGS_SHOWN
        ));
    }
    let mut found: Vec<Diagnostic> = Vec::new();
    if let Some(tag) = &notes.unknown_language {
        found.push(Diagnostic::new(
            severity,
            "language",
            "",
            format!(
                "no translation table for `{tag}`; headings and dates stay in English. \
                 Available: {}",
                resumepdf::i18n::Locale::available().join(", ")
            ),
        ));
    }
    if let Some(problem) = &notes.photo {
        found.push(Diagnostic::new(severity, "photo", "", problem.to_string()));
    }
    if let Some(fitted) = &notes.fit
        && let Some(message) = fit_message(fitted, budget)
    {
        if fitted.overflow.is_some() {
            // A layout's own page budget (compact's one page) is an aim, not a promise the
            // user asked for: missing it loses nothing, so it is a note.
            let severity = if notes.fit_requested {
                severity
            } else {
                Severity::Info
            };
            found.push(Diagnostic::new(severity, "fit", "", message));
        } else if verbose {
            found.push(Diagnostic::new(Severity::Info, "fit", "", message));
        }
    }
    if !notes.missing.is_empty() {
        found.push(Diagnostic::new(
            severity,
            "glyphs",
            "",
            missing_glyphs(&notes.missing),
        ));
    }
    if !notes.simulated.is_empty() {
        let styles: Vec<&str> = notes.simulated.iter().map(String::as_str).collect();
        found.push(Diagnostic::new(
            Severity::Info,
            "fonts",
            "",
            format!(
                "no face of its own for {}: drawn emboldened or slanted from the family's \
                 other faces; the layout's font files by style (\"bold\", \"italic\", \
                 \"bold_italic\" next to \"regular\"), or an installed family with its own \
                 bold and italic faces (see `fc-list : family style`), avoid it",
                styles.join(", ")
            ),
        ));
    }
    if let Some(standard) = notes.unclaimed {
        found.push(Diagnostic::new(
            severity,
            "standard",
            "",
            format!(
                "the PDF is tagged but does not claim {standard} (--pdf-standard): a character \
                 without a glyph cannot be shown as those standards require; add a font that \
                 has it"
            ),
        ));
    }
    lines.extend(found.iter().map(|d| {
        if d.is_error() {
            // A failed command's messages start with `error: `, as every other failure does.
            format!("error: {}: {}", escape(source_name), d.to_short_text())
        } else {
            d.to_text(Some(source_name))
        }
    }));
    lines
}

/// What fitting to a page budget did: the knobs that moved, or by how much the content overflows.
fn fit_message(fitted: &resumepdf::fit::Fit, budget: usize) -> Option<String> {
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
fn missing_glyphs(missing: &std::collections::BTreeSet<char>) -> String {
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

/// Reads a resume file (see [`resumepdf::read`]: a regular file under its limit), or standard
/// input for `-` (under the same limit), as text.
fn read_input(path: &Path) -> std::io::Result<String> {
    use std::io::{Error, ErrorKind};
    let limit = resumepdf::read::RESUME;
    let bytes = if is_stdio(path) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .take(limit.max_bytes + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit.max_bytes {
            return Err(Error::new(
                ErrorKind::InvalidData,
                format!("larger than {} MiB", limit.max_bytes / (1024 * 1024)),
            ));
        }
        bytes
    } else {
        resumepdf::read::read_file(path, limit)?
    };
    decode(bytes).map_err(|message| Error::new(ErrorKind::InvalidData, message))
}

/// The text of a file: UTF-8 (a byte-order mark is dropped later), or UTF-16 with a byte-order
/// mark, as Windows editors write "Unicode". Other bytes are refused with advice rather than
/// guessed, as a wrong guess would print a wrong name.
fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| {
                "the file starts like UTF-16 but is not valid UTF-16; save it as UTF-8".to_string()
            })
    };
    if let [first, second, ..] = bytes[..]
        && (first == 0) != (second == 0)
    {
        return Err(
            "the text looks like UTF-16 without a byte-order mark; save it as UTF-8".to_string(),
        );
    }
    match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => return utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => return utf16(rest, u16::from_be_bytes),
        _ => {}
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "the text is not UTF-8 (byte 0x{:02X} on line {line}); it is probably Latin-1 or \
             Windows-1252. Save it as UTF-8 (in most editors: Save As, Encoding: UTF-8), or \
             convert it: iconv -f WINDOWS-1252 -t UTF-8 FILE > FILE.utf8",
            bytes.get(at).copied().unwrap_or(0)
        )
    })
}
