//! `resumepdf validate`: its arguments and the run from files to a printed report.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::{is_stdio, read_input};
use resumepdf::Diagnostic;
use resumepdf::validate::{file_error, json_report, passes, text_report, validate_text};

const AFTER_LONG_HELP: &str = "\
What is checked:
  - the file is JSON or YAML and its top level is an object (a syntax error is given with
    line:column; YAML problems are located in the YAML file);
  - the JSON Resume schema (1.x, draft-07): a value of the wrong type, or a date not written as
    YYYY, YYYY-MM or YYYY-MM-DD, is an error; a URL or e-mail address the schema would not accept
    as one is a warning;
  - what the renderer needs: a date that is not on the calendar (2019-13, 2019-02-30) is an error;
    pre-1.0 key names (company, website, picture, …), values that are converted or skipped,
    an image given as a web address (skipped: images are not downloaded) and a missing name are
    warnings.

Every problem is reported, not just the first:
  resume.json:14:20: error: $.work[2].startDate: \"2019-13\" is not a date (expected YYYY,
    YYYY-MM or YYYY-MM-DD): month 13 is not between 1 and 12
  resume.json:31:9: warning: $.education[0].gpa: pre-1.0 key `gpa`; use `score`
  resume.json: invalid: 1 error, 1 warning

For an entry that is still going on, leave endDate out: \"Present\" is not a date in the schema.

Exit status: 0 when every file passes (no errors; with --strict, no warnings either),
1 when any file does not, or cannot be read.

Examples:
  resumepdf validate resume.json
  resumepdf validate --strict resume.json resume.de.json
  resumepdf validate --format json resume.json | jq '.[] | select(.severity == \"error\")'
  cat resume.json | resumepdf validate -";

/// Check JSON Resume files against the schema and against what the renderer needs.
#[derive(Debug, clap::Args)]
#[command(after_long_help = AFTER_LONG_HELP)]
pub(super) struct ValidateArgs {
    /// The resume files to check; `-` reads standard input.
    ///
    /// JSON Resume 1.x; files using pre-1.0 key names (`company`, `website`, …) are checked too,
    /// with a warning for each old key.
    #[arg(required = true, value_name = "FILE")]
    pub(super) files: Vec<PathBuf>,

    /// How to report problems: `text` for people, `json` for tools.
    ///
    /// `text` prints one `file:line:col: severity: $.path: message` line per problem, then a
    /// verdict line per file (`valid`, `valid, 2 warnings`, `fails --strict: …`, `invalid: …`).
    /// `json` prints one JSON array for the whole run, one record per line, each with the fields
    /// file, line, column, path, severity (error/warning), check (json/schema/render) and message;
    /// line, column and path are null when unknown.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text, value_name = "FORMAT")]
    pub(super) format: OutputFormat,

    /// Fail on warnings too: exit 1 unless every file is free of errors and warnings.
    ///
    /// Warnings are things that do not break the schema but that you probably want to fix: old
    /// key names, values the renderer converts or skips, URLs that are not URLs, an image given as
    /// a web address. Useful in CI to keep a resume tidy.
    #[arg(long)]
    pub(super) strict: bool,
}

/// The report formats of `validate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(super) enum OutputFormat {
    /// Lines for people: `file:line:col: severity: $.path: message`, and a verdict per file.
    Text,
    /// One JSON array of problem records for the whole run (one record per line), for tools.
    Json,
}

/// Runs `validate` and returns its exit code: success when every file passes.
///
/// # Errors
///
/// Only when the report cannot be written to standard output; problems in the files, including
/// files that cannot be read, are part of the report.
pub(super) fn command(args: &ValidateArgs) -> Result<ExitCode, String> {
    let mut stdout = std::io::stdout().lock();
    let passed =
        run(args, &mut stdout).map_err(|e| format!("cannot write to standard output: {e}"))?;
    Ok(if passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Checks every file of `args` and writes the report to `out`; returns whether every file passes.
///
/// # Errors
///
/// When writing to `out` fails.
fn run(args: &ValidateArgs, out: &mut dyn Write) -> std::io::Result<bool> {
    let files: Vec<(String, Vec<Diagnostic>)> = args
        .files
        .iter()
        .map(|path| {
            let name = if is_stdio(path) {
                "<stdin>".to_string()
            } else {
                path.display().to_string()
            };
            // Read as render reads: UTF-16 is decoded, other encodings are explained.
            let problems = match read_input(path) {
                Ok(text) => validate_text(&text),
                Err(e) => vec![file_error(format!("cannot read the file: {e}"))],
            };
            (name, problems)
        })
        .collect();
    let passed = files
        .iter()
        .all(|(_, problems)| passes(problems, args.strict));
    let report = match args.format {
        OutputFormat::Text => text_report(&files, args.strict),
        OutputFormat::Json => json_report(&files),
    };
    out.write_all(report.as_bytes())?;
    out.flush()?;
    Ok(passed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, Parser, Subcommand};

    #[derive(Debug, Parser)]
    #[command(name = "resumepdf")]
    struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Debug, Subcommand)]
    enum Command {
        /// Check JSON Resume files.
        Validate(ValidateArgs),
    }

    #[test]
    fn arguments_parse_as_documented() {
        let parse = |args: &[&str]| {
            Cli::try_parse_from(args).map(|cli| match cli.command {
                Command::Validate(args) => args,
            })
        };
        let args = parse(&[
            "resumepdf",
            "validate",
            "a.json",
            "b.json",
            "--format",
            "json",
            "--strict",
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            args.files,
            vec![PathBuf::from("a.json"), PathBuf::from("b.json")]
        );
        assert_eq!(args.format, OutputFormat::Json);
        assert!(args.strict);
        let args = parse(&["resumepdf", "validate", "-"]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((args.format, args.strict), (OutputFormat::Text, false));
        assert!(
            parse(&["resumepdf", "validate"]).is_err(),
            "a file is required"
        );
        assert!(parse(&["resumepdf", "validate", "--format", "yaml", "a.json"]).is_err());

        let mut command = Cli::command();
        let help = command
            .find_subcommand_mut("validate")
            .map(|c| c.render_long_help().to_string())
            .unwrap_or_default();
        for needle in [
            "--strict",
            "--format",
            "text",
            "json",
            "Exit status",
            "leave endDate out",
        ] {
            assert!(help.contains(needle), "help lacks {needle:?}:\n{help}");
        }
    }
}
