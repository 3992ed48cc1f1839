//! Writing output files safely.
//!
//! A PDF (or the batch manifest) is only ever written to a regular file: a device, FIFO, socket
//! or folder named as the output is refused, because renaming a file over `/dev/null` replaces the
//! device node. An output that is one of the run's inputs (the same file, also through a link or
//! a hard link) is refused, and a file that exists but is not a PDF is only replaced when the user
//! says `--force`. The bytes go to a temporary file created exclusively (a random name in the
//! same folder, so a planted link there is never followed), which then replaces the target; the
//! replaced file's permission bits are kept.

use std::collections::hash_map::RandomState;
use std::fs::{File, Metadata, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The files a run reads, identified by device and inode so that links and hard links to them are
/// recognised as the same file.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    files: Vec<(FileId, PathBuf)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    device: u64,
    inode: u64,
}

impl FileId {
    #[cfg(unix)]
    fn of(metadata: &Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some(FileId {
            device: metadata.dev(),
            inode: metadata.ino(),
        })
    }

    #[cfg(not(unix))]
    fn of(_metadata: &Metadata) -> Option<FileId> {
        None
    }
}

impl Inputs {
    /// Remembers `path` as an input (nothing happens for `-` or a path that does not exist).
    pub fn add(&mut self, path: &Path) {
        if let Some(id) = std::fs::metadata(path).ok().as_ref().and_then(FileId::of) {
            self.files.push((id, path.to_path_buf()));
        }
    }

    /// The input that `metadata` (of an existing output) is, if any.
    fn find(&self, metadata: &Metadata, output: &Path) -> Option<&Path> {
        match FileId::of(metadata) {
            Some(id) => self
                .files
                .iter()
                .find(|(input, _)| *input == id)
                .map(|(_, path)| path.as_path()),
            // Without inode numbers, compare canonical paths.
            None => {
                let output = std::fs::canonicalize(output).ok()?;
                self.files
                    .iter()
                    .find(|(_, path)| std::fs::canonicalize(path).ok().as_ref() == Some(&output))
                    .map(|(_, path)| path.as_path())
            }
        }
    }
}

/// What an output file may replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Only a PDF (or an empty file).
    PdfOnly,
    /// Any regular file (`--force`, or a file the program owns such as the batch manifest).
    AnyFile,
}

/// Checks that `path` may be written: it does not exist, or it is a regular file that is none of
/// `inputs` and that `replace` allows. The message says what to do instead.
pub fn check_destination(path: &Path, inputs: &Inputs, replace: Replace) -> Result<(), String> {
    let shown = path.display();
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("cannot write {shown}: {e}")),
    };
    if !metadata.is_file() {
        return Err(format!(
            "cannot write {shown}: it is {}, not a regular file; name a file such as out.pdf \
             (or `-o -` for standard output)",
            file_kind(&metadata)
        ));
    }
    if let Some(input) = inputs.find(&metadata, path) {
        return Err(format!(
            "cannot write {shown}: it is the input {}; name another output with -o",
            input.display()
        ));
    }
    if replace == Replace::PdfOnly && metadata.len() > 0 && !starts_like_a_pdf(path) {
        return Err(format!(
            "cannot write {shown}: the file exists and is not a PDF; name another output with \
             -o, or pass --force to replace it"
        ));
    }
    Ok(())
}

/// Whether the file at `path` begins with the PDF header.
fn starts_like_a_pdf(path: &Path) -> bool {
    let mut head = [0u8; 5];
    File::open(path)
        .and_then(|mut file| file.read_exact(&mut head))
        .is_ok_and(|()| &head == b"%PDF-")
}

/// A phrase naming what kind of file system object `metadata` describes.
fn file_kind(metadata: &Metadata) -> &'static str {
    if metadata.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// How many random temporary names are tried before giving up.
const TEMP_ATTEMPTS: usize = 16;

/// Writes `bytes` to `path` through a temporary file that replaces it: readers never see a
/// partial file, and on failure an old file stays as it was. Call [`check_destination`] first.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output.pdf".to_string());
    let old = std::fs::metadata(path).ok().filter(Metadata::is_file);
    let (temp, mut file) = create_temp(&dir, &name)?;
    let result = file
        .write_all(bytes)
        .and_then(|()| file.sync_all())
        .and_then(|()| keep_permissions(&file, old.as_ref()))
        .and_then(|()| std::fs::rename(&temp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Creates a new temporary file `.NAME.RANDOM.tmp` in `dir`, failing rather than opening
/// anything that already exists there (a file or a planted link).
fn create_temp(dir: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..TEMP_ATTEMPTS {
        let temp = dir.join(format!(".{name}.{:016x}.tmp", random()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// A random number from the standard library's per-process random hash keys.
fn random() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u32(std::process::id());
    hasher.finish()
}

/// Gives the new file the permission bits of the file it replaces.
fn keep_permissions(file: &File, old: Option<&Metadata>) -> io::Result<()> {
    match old {
        Some(old) => file.set_permissions(old.permissions()),
        None => Ok(()),
    }
}
