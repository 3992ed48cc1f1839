//! Running the `resumepdf` binary from integration tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `resumepdf ARGS` in `dir`, with no `SOURCE_DATE_EPOCH` leaking in from the environment.
pub fn resumepdf(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_resumepdf"))
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the binary runs")
}

/// A fresh, empty folder for one test: unique to this process and to this call, so that tests
/// of different modules may use the same name.
pub fn scratch(name: &str) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "resumepdf-tests-{}-{call}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

/// What the command wrote to standard error.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
