//! `score`, `districts`, `ledger`, `report` and `rules`: the batch commands.

use super::sheets::{error_line, located_line, SheetInput};
use clap::{Args, ValueEnum};
use sifasuo::batch::{self, BatchOptions, Outcome, Row};
use sifasuo::flat::is_sheet_path as is_sheet;
use sifasuo::params::Parameters;
use sifasuo::report::Grade;
use sifasuo::rules::Dimension;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Language of human-readable output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// 中文
    Zh,
    /// English
    En,
}

/// Output of `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// Score, grade and problem list per record, for people.
    Table,
    /// One JSON array of rows.
    Json,
    /// One JSON row per input record (full report or errors).
    Jsonl,
    /// One CSV line per input record: code, name, district, year, score, grade, dimensions, problems.
    Csv,
}

/// Output of `districts` and `ledger`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// For people.
    Table,
    /// JSON.
    Json,
    /// CSV.
    Csv,
}

/// Arguments shared by the batch commands.
#[derive(Debug, Args)]
pub struct Common {
    /// Record files: JSON lines (`.jsonl`), `.json` with one record or an array, filled
    /// templates (`.xlsx`) or CSV files in the template's layout; `-` reads stdin.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Parameters override (JSON); default: the edition's defaults.
    #[arg(long)]
    pub params: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
}

/// `sifasuo score`
#[derive(Debug, Args)]
pub struct ScoreArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
    pub format: ScoreFormat,
    /// Language of the table.
    #[arg(long, value_enum, default_value_t = Lang::Zh)]
    pub lang: Lang,
    /// Write here instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

/// `sifasuo districts`
#[derive(Debug, Args)]
pub struct DistrictsArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
}

/// `sifasuo ledger`
#[derive(Debug, Args)]
pub struct LedgerArgs {
    #[command(flatten)]
    pub common: Common,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TableFormat::Table)]
    pub format: TableFormat,
    /// List every office's items, not only the tallies.
    #[arg(long)]
    pub items: bool,
}

/// `sifasuo report`
#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub common: Common,
    /// The HTML file to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// A note shown under the title (e.g. that the data is synthetic).
    #[arg(long)]
    pub note: Option<String>,
}

/// Output of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// Markdown tables (docs/rules.md).
    Markdown,
    /// JSON.
    Json,
}

/// `sifasuo rules`
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Markdown)]
    pub format: RulesFormat,
    /// Parameters override (JSON).
    #[arg(long)]
    pub params: Option<PathBuf>,
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("sifasuo: {msg}");
    ExitCode::from(2)
}

/// Loads parameters, or says why not.
pub fn load_params(path: Option<&PathBuf>) -> Result<Parameters, String> {
    let Some(p) = path else {
        return Ok(Parameters::default());
    };
    let text = std::fs::read_to_string(p).map_err(|e| format!("cannot read `{}`: {e}", p.display()))?;
    Parameters::from_override_json(&text).map_err(|e| format!("`{}`: {e}", p.display()))
}

/// Standard input is read once into a temporary buffer so that both passes can see it.
fn materialise_stdin(files: &[PathBuf]) -> Result<(Vec<PathBuf>, Option<tempfile_like::Temp>), String> {
    if !files.iter().any(|f| f.as_os_str() == "-") {
        return Ok((files.to_vec(), None));
    }
    let temp = tempfile_like::Temp::from_stdin().map_err(|e| format!("cannot read stdin: {e}"))?;
    let files = files
        .iter()
        .map(|f| {
            if f.as_os_str() == "-" {
                temp.path.clone()
            } else {
                f.clone()
            }
        })
        .collect();
    Ok((files, Some(temp)))
}

mod tempfile_like {
    use std::path::PathBuf;

    /// A file in the temp directory, removed on drop.
    pub struct Temp {
        pub path: PathBuf,
    }

    impl Temp {
        pub fn from_stdin() -> std::io::Result<Temp> {
            let path = std::env::temp_dir().join(format!("sifasuo-stdin-{}.jsonl", std::process::id()));
            let mut f = std::fs::File::create(&path)?;
            std::io::copy(&mut std::io::stdin().lock(), &mut f)?;
            Ok(Temp { path })
        }
    }

    impl Drop for Temp {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Runs the batch over files; every row goes to `sink`. Returns (rows, invalid rows).
fn run_batch(
    common: &Common,
    params: &Parameters,
    progress: bool,
    sink: impl FnMut(Row),
) -> Result<(usize, usize), String> {
    run_batch_map(common, params, progress, |row| row, sink)
}

/// [`run_batch`] with `render` applied to every row on the worker threads (after an invalid
/// row's errors are located in their spreadsheet cells); `sink` gets the results in input order.
fn run_batch_map<T: Send>(
    common: &Common,
    params: &Parameters,
    progress: bool,
    render: impl Fn(Row) -> T + Sync,
    mut sink: impl FnMut(T),
) -> Result<(usize, usize), String> {
    let (files, _temp) = materialise_stdin(&common.files)?;
    let sheets = SheetInput::load(&files)?;
    let records: Vec<PathBuf> = files.iter().filter(|p| !is_sheet(p)).cloned().collect();
    // open every file once up front so that a missing file is a usage error, not a row
    drop(batch::files_items(&records).map_err(|e| e.to_string())?);
    let opts = BatchOptions {
        threads: common.threads,
        ..BatchOptions::default()
    };
    let mut invalid = 0usize;
    let mut n = 0usize;
    let show = progress && std::io::stderr().is_terminal();
    let render = |mut row: Row| {
        let bad = matches!(row.outcome, Outcome::Invalid { .. });
        if bad {
            sheets.locate_row(&mut row);
        }
        (bad, render(row))
    };
    let sink = |(bad, t): (bool, T)| {
        invalid += usize::from(bad);
        n += 1;
        if show && n.is_multiple_of(1000) {
            eprint!("\r已评分 {n} 条记录…");
        }
        sink(t);
    };
    let total = if files.iter().any(|p| is_sheet(p)) {
        batch::score_stream_map(
            || {
                // files in the order given; spreadsheets were read up front
                let parts: Vec<Box<dyn Iterator<Item = batch::Item>>> = files
                    .iter()
                    .map(|p| {
                        if is_sheet(p) {
                            Box::new(sheets.items_of(p).into_iter()) as Box<dyn Iterator<Item = batch::Item>>
                        } else {
                            batch::file_items(p).unwrap_or_else(|_| Box::new(std::iter::empty()))
                        }
                    })
                    .collect();
                parts.into_iter().flatten()
            },
            params,
            &opts,
            render,
            sink,
        )
    } else {
        // JSON files only: the first pass reads each file in parts at once
        batch::score_files_map(&files, params, &opts, render, sink).map_err(|e| e.to_string())?
    };
    if show && n >= 1000 {
        eprintln!("\r已评分 {n} 条记录。     ");
    }
    Ok((total, invalid))
}

fn collect(common: &Common, params: &Parameters) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    run_batch(common, params, true, |r| rows.push(r))?;
    Ok(rows)
}

/// Scores every record of the files with the parameters given, in memory.
fn rows_of(common: &Common) -> Result<Vec<Row>, String> {
    load_params(common.params.as_ref()).and_then(|p| collect(common, &p))
}

/// Exit code of a command that wrote its output (a closed pipe is not an error).
fn finish(written: std::io::Result<()>) -> ExitCode {
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(e),
    }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn csv_header() -> String {
    let mut h = vec![
        "file", "line", "valid", "kind", "code", "name", "district", "year", "score", "grade", "grade_zh",
    ];
    let dims: Vec<String> = Dimension::OFFICE.iter().map(|d| format!("score_{}", d.id())).collect();
    h.extend(dims.iter().map(String::as_str));
    h.extend(["problems", "errors"]);
    h.join(",")
}

fn csv_row(row: &Row) -> String {
    let src = [csv_field(&row.source.file), row.source.line.to_string()];
    let mut f: Vec<String> = src.to_vec();
    let empty_dims = || Dimension::OFFICE.iter().map(|_| String::new()).collect::<Vec<_>>();
    match &row.outcome {
        Outcome::Office { report: r } => {
            f.extend([
                "true".into(),
                "office".into(),
                csv_field(&r.office.code),
                csv_field(&r.office.name),
            ]);
            f.extend([
                r.office.district.name_zh().into(),
                r.year.to_string(),
                format!("{:.1}", r.score),
            ]);
            f.extend([r.grade.as_str().into(), r.grade_zh.to_string()]);
            f.extend(
                r.dimensions
                    .iter()
                    .map(|d| d.score.map_or(String::new(), |s| format!("{s:.1}"))),
            );
            f.extend([
                r.findings.iter().filter(|x| x.is_problem()).count().to_string(),
                String::new(),
            ]);
        }
        Outcome::District { report: r } => {
            f.extend([
                "true".into(),
                "district".into(),
                String::new(),
                r.district.name_zh().into(),
            ]);
            f.extend([
                r.district.name_zh().into(),
                r.year.to_string(),
                format!("{:.1}", r.score),
            ]);
            f.extend([r.grade.as_str().into(), r.grade_zh.to_string()]);
            f.extend(empty_dims());
            let problems = r.findings.iter().filter(|x| x.is_problem()).count();
            f.extend([problems.to_string(), String::new()]);
        }
        Outcome::Invalid { errors } => {
            f.extend([
                "false".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
            f.extend([String::new(), String::new(), String::new()]);
            f.extend(empty_dims());
            let codes: Vec<String> = errors
                .iter()
                .map(|e| match &e.location {
                    Some(l) => format!("{}@{}@{}!{}", e.code, e.path, l.sheet, l.cell),
                    None => format!("{}@{}", e.code, e.path),
                })
                .collect();
            f.extend([String::new(), csv_field(&codes.join(" "))]);
        }
    }
    f.join(",")
}

fn table_row(out: &mut dyn Write, row: &Row, lang: Lang) -> std::io::Result<()> {
    let at = format!("{}:{}", row.source.file, row.source.line);
    match &row.outcome {
        Outcome::Office { report: r } => {
            let grade = if lang == Lang::Zh {
                r.grade.name_zh()
            } else {
                r.grade.name_en()
            };
            writeln!(
                out,
                "{at}  {} {}  {}年  {:.1}分  {grade}",
                r.office.code, r.office.name, r.year, r.score
            )?;
            for p in r.problems() {
                let msg = if lang == Lang::Zh { &p.message } else { &p.message_en };
                writeln!(
                    out,
                    "    〔{}〕{}  [{}，-{}分]",
                    p.clause,
                    msg,
                    p.rule,
                    sifasuo::score::show_number(p.points_lost)
                )?;
            }
        }
        Outcome::District { report: r } => {
            let grade = if lang == Lang::Zh {
                r.grade.name_zh()
            } else {
                r.grade.name_en()
            };
            writeln!(
                out,
                "{at}  {}司法局  {}年  {:.1}分  {grade}",
                r.district.name_zh(),
                r.year,
                r.score
            )?;
            for f in r.findings.iter().filter(|f| f.is_problem()) {
                let msg = if lang == Lang::Zh { &f.message } else { &f.message_en };
                writeln!(out, "    〔{}〕{}  [{}]", f.clause, msg, f.rule)?;
            }
            if let Some(o) = &r.offices {
                writeln!(
                    out,
                    "    所辖司法所{}个，平均{}分，达标率{}",
                    o.count,
                    o.mean_score.map_or("—".into(), |m| format!("{m:.1}")),
                    o.compliance_rate.map_or("—".into(), |c| format!("{:.1}%", c * 100.0))
                )?;
            }
        }
        Outcome::Invalid { errors } => {
            let label = if lang == Lang::Zh {
                "未评分：数据有误"
            } else {
                "not scored: invalid record"
            };
            writeln!(out, "{at}  {label}")?;
            for e in errors {
                writeln!(out, "    {}", error_line(e, lang == Lang::Zh))?;
            }
        }
    }
    Ok(())
}

pub(super) fn open_output(path: Option<&PathBuf>) -> Result<Box<dyn Write>, String> {
    match path {
        None => Ok(Box::new(std::io::BufWriter::new(std::io::stdout().lock()))),
        Some(p) => std::fs::File::create(p)
            .map(|f| Box::new(std::io::BufWriter::new(f)) as Box<dyn Write>)
            .map_err(|e| format!("cannot write `{}`: {e}", p.display())),
    }
}

/// `sifasuo score`
pub fn score(a: &ScoreArgs) -> ExitCode {
    let params = match load_params(a.common.params.as_ref()) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let mut out = match open_output(a.output.as_ref()) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let mut io_err: Option<std::io::Error> = None;
    let mut first = true;
    if a.format == ScoreFormat::Csv {
        io_err = writeln!(out, "{}", csv_header()).err();
    }
    if a.format == ScoreFormat::Json {
        io_err = write!(out, "[").err();
    }
    // each row is rendered on the worker threads; this thread only writes, in input order
    let render = |row: Row| -> std::io::Result<Vec<u8>> {
        let mut buf = Vec::with_capacity(512);
        match a.format {
            ScoreFormat::Table => table_row(&mut buf, &row, a.lang)?,
            ScoreFormat::Jsonl | ScoreFormat::Json => {
                serde_json::to_writer(&mut buf, &row).map_err(std::io::Error::other)?
            }
            ScoreFormat::Csv => buf.extend_from_slice(csv_row(&row).as_bytes()),
        }
        if matches!(a.format, ScoreFormat::Jsonl | ScoreFormat::Csv) {
            buf.push(b'\n');
        }
        Ok(buf)
    };
    let res = run_batch_map(&a.common, &params, !a.quiet, render, |text| {
        if io_err.is_some() {
            return;
        }
        let r = text.and_then(|t| {
            if a.format == ScoreFormat::Json {
                out.write_all(if first { b"\n" } else { b",\n" })?;
            }
            out.write_all(&t)
        });
        first = false;
        io_err = r.err();
    });
    if a.format == ScoreFormat::Json && io_err.is_none() {
        io_err = writeln!(out, "\n]").err();
    }
    if io_err.is_none() {
        io_err = out.flush().err();
    }
    match (res, io_err) {
        (Err(e), _) => fail(e),
        (_, Some(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (_, Some(e)) => fail(format!("cannot write output: {e}")),
        (Ok((_, 0)), None) => ExitCode::SUCCESS,
        (Ok(_), None) => ExitCode::from(1),
    }
}

/// `sifasuo districts`
pub fn districts(a: &DistrictsArgs) -> ExitCode {
    let rows = match rows_of(&a.common) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let sums = batch::district_summaries(&rows);
    let mut out = std::io::stdout().lock();
    let r = match a.format {
        TableFormat::Json => serde_json::to_string_pretty(&sums)
            .map_err(std::io::Error::other)
            .and_then(|s| writeln!(out, "{s}")),
        TableFormat::Csv => (|| {
            let grades: Vec<&str> = Grade::ALL.iter().map(|g| g.as_str()).collect();
            writeln!(
                out,
                "year,district,offices,mean_score,compliance_rate,{},bureau_score,top_problem",
                grades.join(",")
            )?;
            for s in &sums {
                let g: Vec<String> = Grade::ALL
                    .iter()
                    .map(|g| s.offices.grades.get(*g).to_string())
                    .collect();
                writeln!(
                    out,
                    "{},{},{},{},{},{},{},{}",
                    s.year,
                    s.district.map_or("全市", |d| d.name_zh()),
                    s.offices.count,
                    s.offices.mean_score.map_or(String::new(), |m| format!("{m:.1}")),
                    s.offices.compliance_rate.map_or(String::new(), |c| format!("{c:.4}")),
                    g.join(","),
                    s.bureau_score.map_or(String::new(), |b| format!("{b:.1}")),
                    s.offices.problems.first().map_or(String::new(), |p| p.rule.to_string())
                )?;
            }
            Ok(())
        })(),
        TableFormat::Table => (|| {
            writeln!(out, "年度  区                  司法所  平均分  达标率   示范 达标 基本达标 不达标 待补充  区局得分  最常见问题")?;
            for s in &sums {
                let g: Vec<String> = Grade::ALL
                    .iter()
                    .map(|g| format!("{:>4}", s.offices.grades.get(*g)))
                    .collect();
                writeln!(
                    out,
                    "{}  {:<18}  {:>5}  {:>6}  {:>6}  {}  {:>7}  {}",
                    s.year,
                    s.district.map_or("全市", |d| d.name_zh()),
                    s.offices.count,
                    s.offices.mean_score.map_or("—".into(), |m| format!("{m:.1}")),
                    s.offices
                        .compliance_rate
                        .map_or("—".into(), |c| format!("{:.1}%", c * 100.0)),
                    g.join(" "),
                    s.bureau_score.map_or("—".into(), |b| format!("{b:.1}")),
                    s.offices
                        .problems
                        .iter()
                        .take(3)
                        .map(|p| format!("{}({})", p.rule, p.offices))
                        .collect::<Vec<_>>()
                        .join(" ")
                )?;
            }
            Ok(())
        })(),
    };
    finish(r)
}

/// `sifasuo ledger`
pub fn ledger(a: &LedgerArgs) -> ExitCode {
    let rows = match rows_of(&a.common) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    for r in &rows {
        if let Outcome::Invalid { errors } = &r.outcome {
            for e in errors {
                eprintln!("{}", located_line(&r.source.file, r.source.line, e, true));
            }
        }
    }
    let l = match sifasuo::api::ledger(&rows) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let mut out = std::io::stdout().lock();
    let r = match a.format {
        TableFormat::Json => serde_json::to_string_pretty(&l)
            .map_err(std::io::Error::other)
            .and_then(|s| writeln!(out, "{s}")),
        TableFormat::Csv | TableFormat::Table => {
            (|| {
                let csv = a.format == TableFormat::Csv;
                if csv {
                    writeln!(out, "scope,code,name,district,from_year,to_year,problems_before,closed,open,regressed,new,closure_rate")?;
                } else {
                    writeln!(
                        out,
                        "范围            年度        上年问题  已销号  未整改  反弹  新增  销号率"
                    )?;
                }
                let rate = |r: Option<f64>, csv: bool| match (r, csv) {
                    (Some(x), true) => format!("{x:.4}"),
                    (Some(x), false) => format!("{:.1}%", x * 100.0),
                    (None, true) => String::new(),
                    (None, false) => "—".into(),
                };
                // from_year,to_year and the tally, as CSV
                let tally_csv = |from: i32, to: i32, t: &sifasuo::ledger::Tally| {
                    format!(
                        "{from},{to},{},{},{},{},{},{}",
                        t.problems_before,
                        t.closed,
                        t.open,
                        t.regressed,
                        t.new,
                        rate(t.closure_rate, true)
                    )
                };
                for x in l.city.iter().chain(&l.districts) {
                    let t = &x.tally;
                    let scope = x.district.map_or("全市", |d| d.name_zh());
                    if csv {
                        writeln!(
                            out,
                            "{},,,{scope},{}",
                            if x.district.is_some() { "district" } else { "city" },
                            tally_csv(x.from_year, x.to_year, t)
                        )?;
                    } else {
                        writeln!(
                            out,
                            "{scope:<14}  {}→{}  {:>8}  {:>6}  {:>6}  {:>4}  {:>4}  {:>6}",
                            x.from_year,
                            x.to_year,
                            t.problems_before,
                            t.closed,
                            t.open,
                            t.regressed,
                            t.new,
                            rate(t.closure_rate, false)
                        )?;
                    }
                }
                for o in &l.offices {
                    let t = &o.tally;
                    if csv {
                        writeln!(
                            out,
                            "office,{},{},{},{}",
                            csv_field(&o.code),
                            csv_field(&o.name),
                            o.district.name_zh(),
                            tally_csv(o.from_year, o.to_year, t)
                        )?;
                    } else if a.items {
                        writeln!(
                            out,
                            "{} {}  {}→{}  销号率{}",
                            o.code,
                            o.name,
                            o.from_year,
                            o.to_year,
                            rate(t.closure_rate, false)
                        )?;
                        for i in &o.items {
                            writeln!(out, "    {}  〔{}〕{}", i.movement.name_zh(), i.clause, i.message)?;
                        }
                    }
                }
                Ok(())
            })()
        }
    };
    finish(r)
}

/// `sifasuo report`
pub fn report(a: &ReportArgs) -> ExitCode {
    let rows = match rows_of(&a.common) {
        Ok(r) => r,
        Err(e) => return fail(e),
    };
    let ledger = match sifasuo::api::ledger(&rows) {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let sources: Vec<String> = a.common.files.iter().map(|f| f.display().to_string()).collect();
    let html = sifasuo::html::render(&rows, Some(&ledger), &sources, a.note.as_deref());
    if let Err(e) = std::fs::write(&a.output, html) {
        return fail(format!("cannot write `{}`: {e}", a.output.display()));
    }
    let invalid = rows
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Invalid { .. }))
        .count();
    eprintln!(
        "已写入 {}：{} 条记录，{} 条未通过校验",
        a.output.display(),
        rows.len(),
        invalid
    );
    ExitCode::SUCCESS
}

/// `sifasuo rules`
pub fn rules(a: &RulesArgs) -> ExitCode {
    let params = match load_params(a.params.as_ref()) {
        Ok(p) => p,
        Err(e) => return fail(e),
    };
    let text = match a.format {
        RulesFormat::Json => serde_json::to_string_pretty(&sifasuo::rules::catalogue(&params)).unwrap_or_default(),
        RulesFormat::Markdown => sifasuo::docs::rules_markdown(&params),
    };
    println!("{text}");
    ExitCode::SUCCESS
}
