//! `resumepdf watch`: render, then render again on every save of the resume, the layout file, a
//! `--font` file or the photo, so a PDF viewer that reloads shows the edit at once.
//!
//! Each render is exactly `render` (the same [`super::render::render_file`]: one library call, the
//! same output checks, an atomic write), so a render that fails leaves the last good PDF in place.
//! The folders of the watched files are watched rather than the files, because editors save by
//! writing a new file and renaming it over the old one. Events are debounced: one save that
//! touches a file several times renders once.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime};

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use super::is_stdio;
use super::render::{self, RenderArgs};

/// How long the files must be quiet before a render starts.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Arguments of `watch`.
#[derive(Debug, clap::Args)]
pub(super) struct WatchArgs {
    /// The same arguments as `render` (the resume must be a file, the output too).
    #[command(flatten)]
    render: RenderArgs,
    /// Stop after this many renders (for tests and scripts).
    #[arg(long, value_name = "N", hide = true)]
    max_renders: Option<usize>,
}

/// Renders, then renders again whenever an input changes, until Ctrl-C (or `--max-renders`).
pub(super) fn command(args: &WatchArgs) -> Result<(), String> {
    if is_stdio(&args.render.input) {
        return Err("watch needs a resume file to watch, not standard input".to_string());
    }
    if args.render.output.as_deref().is_some_and(is_stdio) {
        return Err("watch writes a file; name it with -o FILE.pdf, not -o -".to_string());
    }
    let (sender, events) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer =
        new_debouncer(DEBOUNCE, sender).map_err(|e| format!("cannot watch files: {e}"))?;
    let mut watched_folders = HashSet::new();
    let mut renders = 0;
    let mut inputs = Vec::new();
    loop {
        let mut before = stamps(&watched_files(&args.render, &inputs));
        let files = render_once(&args.render, &mut inputs);
        // Files the render found (a photo) are compared from now on.
        for file in &files {
            before.entry(file.clone()).or_insert_with(|| stamp(file));
        }
        renders += 1;
        for folder in files.iter().filter_map(|f| f.parent()) {
            if watched_folders.insert(folder.to_path_buf()) {
                debouncer
                    .watcher()
                    .watch(folder, RecursiveMode::NonRecursive)
                    .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
            }
        }
        if renders == 1 {
            eprintln!("watching for changes; Ctrl-C stops");
        }
        if args.max_renders.is_some_and(|max| renders >= max) {
            return Ok(());
        }
        if !wait_for_change(&events, &files, &before) {
            return Ok(());
        }
    }
}

/// Renders once, printing the summary line or the errors, and returns the absolute paths of the
/// files to watch. `inputs` keeps the last good render's inputs (its photo), so that a failed
/// render still watches them.
fn render_once(args: &RenderArgs, inputs: &mut Vec<PathBuf>) -> Vec<PathBuf> {
    let started = Instant::now();
    match render::render_file(args) {
        Ok(written) => {
            eprintln!("{}", written.summary(started));
            *inputs = written.inputs;
        }
        Err(message) => eprintln!(
            "error: {} (the last good PDF is kept)",
            resumepdf::diagnostic::escape_lines(&message)
        ),
    }
    watched_files(args, inputs)
}

/// The absolute paths of the resume, a layout file, the `--font` files and `inputs`.
fn watched_files(args: &RenderArgs, inputs: &[PathBuf]) -> Vec<PathBuf> {
    let mut files: Vec<&Path> = vec![&args.input];
    let layout = Path::new(&args.layout);
    if layout.is_file() {
        files.push(layout);
    }
    files.extend(args.tuning.fonts.iter().map(PathBuf::as_path));
    files.extend(inputs.iter().map(PathBuf::as_path));
    files.into_iter().filter_map(absolute).collect()
}

/// `path` made absolute with its folder's real path (which is what the watcher reports), if the
/// folder exists. The file itself need not: an editor may be between deleting and renaming it.
fn absolute(path: &Path) -> Option<PathBuf> {
    let folder = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path.file_name()?;
    let folder = std::fs::canonicalize(folder).ok()?;
    Some(folder.join(name))
}

/// When and how big a file was (`None` when it cannot be read).
type Stamp = Option<(SystemTime, u64)>;

/// The stamps of `files`, by path.
type Stamps = HashMap<PathBuf, Stamp>;

fn stamp(file: &Path) -> Stamp {
    let metadata = std::fs::metadata(file).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}

fn stamps(files: &[PathBuf]) -> Stamps {
    files
        .iter()
        .map(|file| (file.clone(), stamp(file)))
        .collect()
}

/// Whether a file of `before` now has another stamp.
fn changed(before: &Stamps) -> bool {
    before.iter().any(|(file, old)| stamp(file) != *old)
}

/// Waits until one of `files` differs from `before` (in time or size); false when the watcher
/// stopped. Comparing stamps, not trusting events alone, matters: the watcher also reports that
/// a file was opened or read, and the render itself reads the resume.
fn wait_for_change(
    events: &mpsc::Receiver<DebounceEventResult>,
    files: &[PathBuf],
    before: &Stamps,
) -> bool {
    // A save during the render, or before the folders were watched, has no event to wait for.
    if changed(before) {
        return true;
    }
    loop {
        match events.recv() {
            Ok(Ok(changes)) => {
                let ours = changes.iter().any(|change| files.contains(&change.path));
                if ours && changed(before) {
                    return true;
                }
            }
            Ok(Err(e)) => eprintln!("warning: watching files: {e}"),
            Err(_) => return false,
        }
    }
}
