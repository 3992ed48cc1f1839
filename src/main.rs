fn main() -> std::process::ExitCode {
    resumepdf::cli::run()
}
