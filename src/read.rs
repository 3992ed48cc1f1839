//! Reading the files a user names, safely: every file the program opens (resume, layout, font,
//! photo, job ad, batch input) goes through [`read_file`].
//!
//! A path can name a FIFO, a device or a link to `/dev/zero`: opening a FIFO blocks until a writer
//! comes, and reading a device never ends. So the file is opened without blocking, must be a
//! regular file *on the opened handle* (no race between a check and the open), and is read only up
//! to a limit stated per kind of file.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// What a file is, with the most bytes read of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    /// Named in messages: "resume", "font", …
    pub name: &'static str,
    /// The largest file read, in bytes.
    pub max_bytes: u64,
}

const MIB: u64 = 1024 * 1024;

/// A resume (JSON or YAML): 64 MiB.
pub const RESUME: Kind = Kind {
    name: "resume",
    max_bytes: 64 * MIB,
};
/// A layout file: 1 MiB.
pub const LAYOUT: Kind = Kind {
    name: "layout",
    max_bytes: MIB,
};
/// A font file: 50 MiB (the largest CJK collections are about 30 MiB).
pub const FONT: Kind = Kind {
    name: "font",
    max_bytes: 50 * MIB,
};
/// A photo: 20 MB.
pub const PHOTO: Kind = Kind {
    name: "photo",
    max_bytes: 20 * 1000 * 1000,
};
/// A job ad: 1 MiB.
pub const JOB_AD: Kind = Kind {
    name: "job ad",
    max_bytes: MIB,
};

/// Reads the regular file at `path`, at most `kind.max_bytes` of it.
///
/// # Errors
///
/// The open or read error; `InvalidInput` when the path is not a regular file (a folder, a FIFO,
/// a device, a socket — also through a link), `InvalidData` when the file is larger than the
/// limit. Messages say what the file is and what the limit is.
pub fn read_file(path: &Path, kind: Kind) -> io::Result<Vec<u8>> {
    let file = open_without_blocking(path)?;
    let metadata = file.metadata()?;
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a regular file ({})", describe(&metadata)),
        ));
    }
    let too_large = || {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "larger than {}, the most a {} file may have",
                shown_size(kind.max_bytes),
                kind.name
            ),
        )
    };
    if metadata.len() > kind.max_bytes {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(kind.max_bytes + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > kind.max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

/// Reads a text file as [`read_file`] does; the text must be UTF-8 (a leading byte-order mark is
/// kept for the parser to skip).
///
/// # Errors
///
/// As [`read_file`], and `InvalidData` for text that is not UTF-8.
pub fn read_text(path: &Path, kind: Kind) -> io::Result<String> {
    String::from_utf8(read_file(path, kind)?).map_err(|_| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            "not UTF-8 text; save the file as UTF-8",
        )
    })
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// What kind of non-regular file `metadata` describes.
fn describe(metadata: &std::fs::Metadata) -> &'static str {
    if metadata.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = metadata.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a file"
}

/// `64 MiB`, `20 MB`: sizes as the limits are stated.
fn shown_size(bytes: u64) -> String {
    if bytes.is_multiple_of(MIB) {
        format!("{} MiB", bytes / MIB)
    } else {
        format!("{} MB", bytes / 1_000_000)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn scratch(name: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("resumepdf-read-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = scratch("fifo");
        let fifo = dir.join("pipe.json");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
        let err = read_file(&fifo, RESUME).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(err.to_string(), "not a regular file (a named pipe)");
    }

    #[test]
    fn a_link_to_a_device_is_refused() {
        let dir = scratch("device");
        let link = dir.join("font.ttf");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let err = read_file(&link, FONT).unwrap_err();
        assert_eq!(err.to_string(), "not a regular file (a device)");
        assert_eq!(
            read_file(&dir, LAYOUT).unwrap_err().to_string(),
            "not a regular file (a folder)"
        );
    }

    #[test]
    fn a_file_over_the_limit_is_refused_and_one_at_it_is_read() {
        let dir = scratch("limit");
        let path = dir.join("ad.txt");
        std::fs::write(&path, vec![b'a'; JOB_AD.max_bytes as usize + 1]).unwrap();
        let err = read_text(&path, JOB_AD).unwrap_err();
        assert_eq!(
            err.to_string(),
            "larger than 1 MiB, the most a job ad file may have"
        );
        std::fs::write(&path, vec![b'a'; JOB_AD.max_bytes as usize]).unwrap();
        assert_eq!(read_text(&path, JOB_AD).unwrap().len(), MIB as usize);
        assert_eq!(shown_size(PHOTO.max_bytes), "20 MB");
    }
}
