//! `sifasuo`: validate and score judicial-office records from the command line.
//!
//! The library has no command-line dependency: everything here is in the binary.

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
