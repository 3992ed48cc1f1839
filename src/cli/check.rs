//! `resumepdf check`: its arguments and the run from files to a printed report.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use resumepdf::check::today;
use resumepdf::fonts::FontBook;
use resumepdf::layout;
use resumepdf::{Request, Source, model};

use super::{is_stdio, read_input, resume_folder};

/// Report formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum OutputFormat {
    /// A readable report grouped by severity.
    #[default]
    Text,
    /// The same findings as JSON records.
    Json,
}

/// Arguments of `resumepdf check`.
#[derive(Debug, clap::Args)]
pub(super) struct CheckArgs {
    /// The resume to check: a JSON Resume file, or `-` to read standard input.
    pub(super) input: PathBuf,
    /// A job ad as plain text: report which of its key terms the resume uses, and which are
    /// missing.
    #[arg(short, long, value_name = "FILE")]
    pub(super) job: Option<PathBuf>,
    /// The layout that measures bullet lines and pages: a built-in name (see `resumepdf
    /// layouts`) or a path to a layout file (.json).
    #[arg(short, long, default_value = "classic")]
    pub(super) layout: String,
    /// Report format: `text` for people, `json` for tools.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Text)]
    pub(super) format: OutputFormat,
    /// Exit with status 1 when any finding is at error level (for scripts and CI).
    #[arg(long)]
    pub(super) strict: bool,
}

/// Runs `check`: reads the resume (and job ad), prints the model's notes and warnings to
/// standard error as `file:line:col: …`, checks with today's date and prints the report to
/// standard output.
///
/// Returns exit status 0, or 1 with `--strict` when a finding is at error level.
///
/// # Errors
///
/// A message for people when a file cannot be read, the resume is not JSON, the layout cannot be
/// loaded or the report cannot be written.
pub(super) fn command(args: &CheckArgs) -> Result<ExitCode, String> {
    let source_name = if is_stdio(&args.input) {
        "<stdin>".to_string()
    } else {
        args.input.display().to_string()
    };
    let text = read_input(&args.input).map_err(|e| format!("cannot read {source_name}: {e}"))?;
    let job = match &args.job {
        Some(path) => Some(
            resumepdf::read::read_text(path, resumepdf::read::JOB_AD)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        ),
        None => None,
    };
    let mut fonts = FontBook::bundled();
    let layout = layout::load(&args.layout, &fonts).map_err(|e| e.to_string())?;
    // Parsed once: for the checks, the fonts and the render that counts the pages.
    let source = Source::read(&text);
    let mut parsed = source
        .parsed
        .clone()
        .map_err(|e| format!("{source_name}:{e}"))?;
    for warning in &parsed.warnings {
        eprintln!("{}", warning.to_text(Some(&source_name)));
    }
    model::normalize(&mut parsed.resume);
    // The page count is that of the PDF `render` would write: same fonts, same photo.
    resumepdf::prepare_fonts(
        &mut fonts,
        &[&layout],
        std::slice::from_ref(&source),
        None,
        &[],
    )
    .map_err(|e| e.to_string())?;
    let photo_dir = resume_folder(&args.input);
    let request = Request {
        photo_dir: Some(photo_dir),
        ..Request::from_source(&source, &layout, &fonts)
    };
    let today = today();
    let length = resumepdf::check::measure_length(&request, &parsed.resume, today)
        .map_err(|e| format!("{source_name}: {e}"))?;
    let report = resumepdf::check::check(
        &parsed.resume,
        &text,
        job.as_deref(),
        &layout,
        &fonts,
        &length,
        today,
    );
    let output = match args.format {
        OutputFormat::Text => format!("Check of {source_name}\n{}", report.to_text()),
        OutputFormat::Json => {
            let mut json = report
                .to_json()
                .map_err(|e| format!("cannot write the report: {e}"))?;
            json.push('\n');
            json
        }
    };
    std::io::stdout()
        .lock()
        .write_all(output.as_bytes())
        .map_err(|e| format!("cannot write to standard output: {e}"))?;
    Ok(if args.strict && report.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, clap::Parser)]
    struct Wrapper {
        #[command(flatten)]
        args: CheckArgs,
    }

    #[test]
    fn arguments_parse() {
        use clap::{CommandFactory, Parser};
        Wrapper::command().debug_assert();
        let w = Wrapper::try_parse_from(["check", "cv.json", "--job", "ad.txt", "-f", "json"])
            .expect("parses");
        assert_eq!(w.args.input, PathBuf::from("cv.json"));
        assert_eq!(w.args.job, Some(PathBuf::from("ad.txt")));
        assert_eq!(w.args.format, OutputFormat::Json);
        assert_eq!(w.args.layout, "classic");
        assert!(!w.args.strict);
        let w =
            Wrapper::try_parse_from(["check", "-", "--strict", "-l", "modern"]).expect("parses");
        assert!(w.args.strict && w.args.job.is_none() && w.args.layout == "modern");
        assert_eq!(w.args.format, OutputFormat::Text);
        assert!(Wrapper::try_parse_from(["check", "cv.json", "--format", "pdf"]).is_err());
    }
}
