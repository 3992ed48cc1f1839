//! `resumepdf render`: one resume to one PDF.

use std::path::{Path, PathBuf};

use resumepdf::fonts::FontBook;
use resumepdf::layout::{self, Layout, PaperSize};
use resumepdf::{RenderError, Request, Source};

use super::output::{self, Inputs, Replace};
use super::{is_stdio, read_input, report_notes, resume_folder};

/// Options that `render` and `batch` share.
#[derive(Debug, clap::Args)]
pub(super) struct Tuning {
    /// A font file (.ttf, .otf, .ttc) for characters the layout's fonts lack, such as Chinese or
    /// Arabic; repeat for several. A bold or italic file of a family given before it draws that
    /// family's bold or italic text (else they are simulated). System fonts are searched after
    /// these.
    #[arg(long = "font", value_name = "PATH")]
    pub(super) fonts: Vec<PathBuf>,
    /// The font family of the whole resume (body and headings), instead of the layout's: a
    /// bundled family (Carlito, Liberation Sans, Liberation Serif) or an installed one by name,
    /// such as "DejaVu Sans", drawn with its real bold and italic faces (`fc-list : family`
    /// lists the installed families). A name that is neither is refused, with close names.
    #[arg(long, value_name = "NAME")]
    pub(super) font_family: Option<String>,
    /// Fit on at most N pages: gaps, line spacing, margins and then font sizes are tightened, each
    /// only as far as the layout rules allow, and no further than needed.
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub(super) pages: Option<u16>,
    /// Language of headings, month names and "Present" (a BCP 47 tag such as de, fr, pt-BR, zh);
    /// overrides meta.language in the resume. Default: meta.language, else the language the
    /// resume's script tells (Chinese, Japanese, Korean, Russian, Arabic, Persian, Hebrew), else
    /// English.
    #[arg(long, value_name = "TAG")]
    pub(super) lang: Option<String>,
    /// Paper: `a4` or `letter` (any case). Default: the layout's paper if it names one (no
    /// built-in layout does), else the resume's country (`basics.location.countryCode`) or
    /// language region decides: Letter for the US, Canada, Mexico, the Philippines and a few
    /// others, A4 for the rest.
    #[arg(long, value_name = "SIZE", value_parser = parse_paper)]
    pub(super) paper: Option<PaperSize>,
    /// The standards the PDF meets and claims, comma-separated: ua-1 (PDF/UA-1, accessible),
    /// a-2a (PDF/A-2a, archivable and tagged) or a-2b (PDF/A-2b); or none (an untagged PDF).
    #[arg(long, value_name = "LIST", default_value = "ua-1,a-2a")]
    pub(super) pdf_standard: resumepdf::pdf::Standard,
}

impl Tuning {
    /// Adds to `fonts` the `--font-family` family and what rendering `sources` in `layouts`
    /// needs (see [`resumepdf::prepare_fonts`]), with the layouts as that family changes them.
    pub(super) fn prepare_fonts(
        &self,
        fonts: &mut FontBook,
        layouts: &[&Layout],
        sources: &[Source<'_>],
    ) -> Result<(), String> {
        let with_family: Vec<Layout> = match &self.font_family {
            Some(family) => {
                resumepdf::fonts::fallback::add_installed_family(fonts, family)
                    .map_err(|e| format!("--font-family: {e}"))?;
                layouts
                    .iter()
                    .map(|layout| resumepdf::with_font_family(layout, family))
                    .collect()
            }
            None => Vec::new(),
        };
        let layouts: Vec<&Layout> = if with_family.is_empty() {
            layouts.to_vec()
        } else {
            with_family.iter().collect()
        };
        let language = self.lang.as_deref();
        resumepdf::prepare_fonts(fonts, &layouts, sources, language, &self.fonts)
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

/// Reads `--paper`.
fn parse_paper(name: &str) -> Result<PaperSize, String> {
    PaperSize::from_name(name)
        .ok_or_else(|| format!("`{name}` is not a paper size: use a4 or letter"))
}

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub(super) struct RenderArgs {
    /// The resume: a JSON Resume file in JSON or YAML (UTF-8 or UTF-16), or `-` to read standard
    /// input; up to 16 MiB.
    pub(super) input: PathBuf,
    /// A built-in layout name (see `resumepdf layouts`) or a path to a layout file (.json).
    #[arg(short, long, default_value = "classic")]
    pub(super) layout: String,
    /// Where to write the PDF; `-` writes standard output (never a terminal). Default: the
    /// input's name with .pdf, beside it (standard output when the input is standard input). A
    /// folder in the path that does not exist is created.
    #[arg(short, long)]
    pub(super) output: Option<PathBuf>,
    /// Also show notes that lose nothing (old key names, repaired dates).
    #[arg(short, long)]
    pub(super) verbose: bool,
    /// Fonts, page budget and language.
    #[command(flatten)]
    pub(super) tuning: Tuning,
    /// Fail instead of warning when characters have no glyph or the page budget cannot be met.
    #[arg(long)]
    pub(super) strict: bool,
    /// Replace the output even when it exists and is not a PDF.
    #[arg(long)]
    pub(super) force: bool,
    /// Print nothing on success (no `wrote cv.pdf — 1 page, 9 ms` line); warnings still show.
    #[arg(short, long)]
    pub(super) quiet: bool,
}

/// What one render wrote, and the files it read (which `watch` watches).
pub(super) struct Written {
    /// Where the PDF went (`-` for standard output).
    pub(super) output: PathBuf,
    /// Its page count.
    pub(super) pages: usize,
    /// The resume, a layout file, font files and the photo, as far as they are files.
    pub(super) inputs: Vec<PathBuf>,
}

impl Written {
    /// `wrote cv.pdf — 2 pages, 9 ms`.
    pub(super) fn summary(&self, started: std::time::Instant) -> String {
        let name = if is_stdio(&self.output) {
            "standard output".to_string()
        } else {
            self.output.display().to_string()
        };
        let pages = if self.pages == 1 { "page" } else { "pages" };
        format!(
            "wrote {name} — {} {pages}, {} ms",
            self.pages,
            started.elapsed().as_millis()
        )
    }
}

/// Renders the resume `args` names, writes the PDF and says so on standard error.
pub(super) fn command(args: &RenderArgs) -> Result<(), String> {
    let started = std::time::Instant::now();
    let written = render_file(args)?;
    if !args.quiet {
        eprintln!("{}", written.summary(started));
    }
    Ok(())
}

/// Renders the resume `args` names and writes the PDF: the one path `render` and `watch` share.
pub(super) fn render_file(args: &RenderArgs) -> Result<Written, String> {
    let source_name = if is_stdio(&args.input) {
        "<stdin>".to_string()
    } else {
        args.input.display().to_string()
    };
    let text = read_input(&args.input).map_err(|e| format!("cannot read {source_name}: {e}"))?;
    let mut fonts = FontBook::bundled();
    let layout = layout::load(&args.layout, &fonts).map_err(|e| e.to_string())?;
    let language = args.tuning.lang.as_deref();
    // Parsed once: for the fonts and for the render.
    let source = Source::read(&text);
    args.tuning
        .prepare_fonts(&mut fonts, &[&layout], std::slice::from_ref(&source))?;
    let photo_dir = resume_folder(&args.input);
    let budget = args.tuning.pages.map(usize::from);
    let request = Request {
        language,
        paper: args.tuning.paper,
        font_family: args.tuning.font_family.as_deref(),
        standard: args.tuning.pdf_standard,
        max_pages: budget,
        photo_dir: Some(photo_dir),
        strict: args.strict,
        ..Request::from_source(&source, &layout, &fonts)
    };
    let budget = budget.or(layout.max_pages).unwrap_or(1);
    let rendered = match resumepdf::render(&request) {
        Ok(rendered) => rendered,
        Err(RenderError::Parse(e)) => return Err(super::located(&source_name, &e)),
        Err(RenderError::Strict(notes)) => {
            report_notes(&source_name, &notes, args.verbose, true, budget);
            return Err(format!(
                "{source_name}: no PDF written: --strict turns every warning into an error"
            ));
        }
        Err(
            e @ (RenderError::Pdf(_)
            | RenderError::NothingToPrint(_)
            | RenderError::TooLarge(_)
            | RenderError::FontFamily(_)),
        ) => {
            return Err(format!("{source_name}: {e}"));
        }
    };
    report_notes(&source_name, &rendered.notes, args.verbose, false, budget);
    let output = match &args.output {
        Some(path) => path.clone(),
        None if is_stdio(&args.input) => PathBuf::from("-"),
        None => args.input.with_extension("pdf"),
    };
    let mut inputs = Inputs::default();
    inputs.add(&args.input);
    inputs.add(Path::new(&args.layout));
    for path in layout_font_files(&layout) {
        inputs.add(path);
    }
    for font in &args.tuning.fonts {
        inputs.add(font);
    }
    if let Some(photo) = &rendered.photo_path {
        inputs.add(photo);
    }
    let written = Written {
        output: output.clone(),
        pages: rendered.pages,
        inputs: inputs.paths(),
    };
    if is_stdio(&output) {
        use std::io::{IsTerminal, Write};
        let mut stdout = std::io::stdout().lock();
        if stdout.is_terminal() {
            return Err(format!(
                "not writing PDF bytes to the terminal; name a file with -o {}, or redirect \
                 standard output: … > resume.pdf",
                if is_stdio(&args.input) {
                    "resume.pdf"
                } else {
                    "FILE.pdf"
                }
            ));
        }
        stdout
            .write_all(&rendered.pdf)
            .map_err(|e| format!("cannot write to standard output: {e}"))?;
        return Ok(written);
    }
    output::create_parent(&output)?;
    let replace = if args.force {
        Replace::AnyFile
    } else {
        Replace::PdfOnly
    };
    output::check_destination(&output, &inputs, replace)?;
    if !output
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("pdf"))
    {
        eprintln!(
            "{}: warning: the name does not end in .pdf; the file is a PDF all the same",
            output.display()
        );
    }
    output::write_atomically(&output, &rendered.pdf)
        .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
    Ok(written)
}

/// The font files a layout names (regular, bold, italic, bold italic of each family): inputs a
/// watch or batch notices changing.
pub(super) fn layout_font_files(layout: &Layout) -> impl Iterator<Item = &Path> {
    layout.fonts.families().into_iter().flat_map(|family| {
        let regular = resumepdf::fonts::is_font_path(&family.name).then_some(family.name.as_str());
        regular
            .into_iter()
            .chain(family.style_files().map(|(_, _, file)| file))
            .map(Path::new)
    })
}
