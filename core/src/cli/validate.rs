//! `sifasuo validate`: check record files and list every problem of every record.

use super::input::{self, Step};
use super::sheets::{located_line, SheetInput};
use super::Lang;
use clap::{Args, ValueEnum};
use serde_json::json;
use sifasuo::flat::is_sheet_path as is_sheet;
use sifasuo::validate::ValidationError;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Output of `validate`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One line per error: `FILE:LINE: /path: message [code]`.
    Text,
    /// JSON lines, one object per record: `{"file", "line", "valid", "errors"}`.
    Json,
}

/// `sifasuo validate`
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Record files: a JSON document (one record, or an array of records: LINE is then the
    /// record's position) or JSON lines (`.jsonl`, `.ndjson`, or any file that is not one JSON
    /// value), filled templates (`.xlsx`: LINE is the sheet's row) or CSV files in the
    /// template's layout; `-` reads standard input.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Language of the messages (text output; JSON output has both).
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
}

/// What happened over all files.
#[derive(Debug, Default)]
struct Tally {
    records: usize,
    invalid: usize,
    unreadable: usize,
}

/// Writes the report of one record.
fn write_record(
    out: &mut dyn Write,
    a: &ValidateArgs,
    file: &str,
    line: usize,
    errors: &[ValidationError],
) -> std::io::Result<()> {
    match a.format {
        Format::Json => {
            let row = json!({ "file": file, "line": line, "valid": errors.is_empty(), "errors": errors });
            writeln!(out, "{row}")
        }
        Format::Text => {
            for e in errors {
                writeln!(out, "{}", located_line(file, line, e, a.lang == Lang::Zh))?;
            }
            Ok(())
        }
    }
}

fn check(
    out: &mut dyn Write,
    a: &ValidateArgs,
    step: Step,
    sheets: &SheetInput,
    tally: &mut Tally,
) -> std::io::Result<()> {
    match step {
        Err(e) => {
            tally.unreadable += 1;
            eprintln!("sifasuo: {e}");
            Ok(())
        }
        Ok((source, text)) => {
            let mut errors = match text {
                Ok(text) => sifasuo::validate::parse(&text).err().map(|e| e.0).unwrap_or_default(),
                Err(e) => vec![e],
            };
            sheets.locate(&source, &mut errors);
            tally.records += 1;
            if !errors.is_empty() {
                tally.invalid += 1;
            }
            write_record(out, a, &source.file, source.line, &errors)
        }
    }
}

/// Runs `sifasuo validate`: exit 0 when every record is valid, 1 when some record is not,
/// 2 when a file cannot be read.
pub fn run(a: &ValidateArgs) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut tally = Tally::default();
    let sheets = match SheetInput::load(&a.files) {
        Ok(s) => s,
        Err(e) => return super::fail(e),
    };
    let mut written = Ok(());
    'files: for path in &a.files {
        let steps: Box<dyn Iterator<Item = Step>> = if is_sheet(path) {
            Box::new(sheets.items_of(path).into_iter().map(Ok))
        } else {
            input::read(path)
        };
        for step in steps {
            written = check(&mut out, a, step, &sheets, &mut tally);
            if written.is_err() {
                break 'files;
            }
        }
    }
    let written = written.and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => return super::fail(format_args!("cannot write output: {e}")),
        Ok(()) => {}
    }
    if a.format == Format::Text {
        let Tally { records, invalid, .. } = tally;
        if a.lang == Lang::Zh {
            eprintln!("共{records}条记录，{invalid}条有误");
        } else {
            eprintln!("{records} record(s), {invalid} invalid");
        }
    }
    if tally.unreadable > 0 {
        ExitCode::from(2)
    } else if tally.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
