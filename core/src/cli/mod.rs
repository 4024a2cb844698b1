//! The command line: one clap `Cli` with a subcommand per file.
//!
//! Exit codes: 0 everything valid, 1 some record invalid, 2 usage or I/O error.

mod batch_cmds;
pub mod input;
mod schema;
pub mod sheets;
mod validate;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

pub use batch_cmds::Lang;

/// Rules as code for the Beijing judicial-office standardisation plan (京司发〔2022〕42号).
#[derive(Debug, Parser)]
#[command(name = "sifasuo", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check record files and list every problem of every record.
    Validate(validate::ValidateArgs),
    /// Print the JSON Schema of a record kind.
    Schema(schema::SchemaArgs),
    /// Score records: points, grade and problem list of every office and district bureau.
    Score(batch_cmds::ScoreArgs),
    /// Roll-ups per district and for the whole city.
    Districts(batch_cmds::DistrictsArgs),
    /// Rectification ledger: last year's problems closed, open, regressed and new.
    Ledger(batch_cmds::LedgerArgs),
    /// Write a self-contained HTML report.
    Report(batch_cmds::ReportArgs),
    /// List the rule catalogue.
    Rules(batch_cmds::RulesArgs),
    /// Write the Excel data-collection template (司法所规范化数据模板.xlsx).
    Template(sheets::TemplateArgs),
    /// Read filled templates (.xlsx) or CSV files into JSON-lines records.
    Import(sheets::ImportArgs),
    /// Write records (and optionally their scores and problem lists) to a workbook.
    Export(sheets::ExportArgs),
}

/// Prints `sifasuo: msg` to stderr and returns exit code 2.
pub(crate) fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("sifasuo: {msg}");
    ExitCode::from(2)
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // --help and --version are not errors
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match &cli.command {
        Command::Validate(a) => validate::run(a),
        Command::Schema(a) => schema::run(a),
        Command::Score(a) => batch_cmds::score(a),
        Command::Districts(a) => batch_cmds::districts(a),
        Command::Ledger(a) => batch_cmds::ledger(a),
        Command::Report(a) => batch_cmds::report(a),
        Command::Rules(a) => batch_cmds::rules(a),
        Command::Template(a) => sheets::template(a),
        Command::Import(a) => sheets::import(a),
        Command::Export(a) => sheets::export(a),
    }
}
