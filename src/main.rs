//! The `resumepdf` command: a thin shell over the library (see `cli`).

mod cli;

/// mimalloc instead of the system allocator: a render makes about 15,000 small allocations,
/// and glibc's malloc and free took 4.5 M of john-doe's 31.4 M instructions (28.8 M with
/// mimalloc). Version 2 (`v2`) took fewer instructions and 8 % less memory than version 3 on a
/// 10 MB resume. Built without transparent huge pages (`no_thp`): with them, that resume spent
/// 2 s of system time faulting in freed and reused huge pages (2.8 s wall with `no_thp`, 3.3 s
/// with glibc).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
