//! `sifasuo schema`: print the JSON Schema of a record kind.

use clap::{Args, ValueEnum};
use sifasuo::schema::{schema, SchemaKind};
use std::io::Write;
use std::process::ExitCode;

/// Which schema to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// `sifasuo.office/1`: one judicial office in one year.
    Office,
    /// `sifasuo.district/1`: one district bureau in one year.
    District,
    /// A parameters file (`--params`): points, severities, thresholds, targets, grade bands.
    Parameters,
}

/// `sifasuo schema`
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The record kind.
    #[arg(value_enum)]
    pub kind: Kind,
}

/// Prints the schema as pretty JSON.
pub fn run(a: &SchemaArgs) -> ExitCode {
    let value = match a.kind {
        Kind::Office => schema(SchemaKind::Office),
        Kind::District => schema(SchemaKind::District),
        Kind::Parameters => sifasuo::params::Parameters::schema(),
    };
    let text = match serde_json::to_string_pretty(&value) {
        Ok(t) => t,
        Err(e) => return super::fail(format_args!("cannot write the schema: {e}")),
    };
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => super::fail(format_args!("cannot write output: {e}")),
    }
}
