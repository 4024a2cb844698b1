//! `sifasuo`: validate and score judicial-office records from the command line.
//!
//! The library has no command-line dependency: everything here is in the binary.

mod cli;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
