//! Spreadsheet inputs (`.xlsx`, `.csv`) for every command, and `template`, `import`, `export`.

use super::batch_cmds::{load_params, open_output};
use super::fail;
use clap::Args;
use serde_json::Value;
use sifasuo::batch::{self, Item, Outcome, Row, Source};
use sifasuo::flat::{self, is_sheet_path as is_sheet, xlsx, Cell, Import, Sheet};
use sifasuo::report::Report;
use sifasuo::validate::{self, ValidationError};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The spreadsheets of a command line, read together (a units CSV joins the offices CSV).
#[derive(Default)]
pub struct SheetInput {
    sheets: Vec<Sheet>,
    import: Import,
    /// (source file, line) → item
    by_source: HashMap<(String, usize), usize>,
    /// input path → its items, in order
    per_file: Vec<(PathBuf, Vec<usize>)>,
}

impl SheetInput {
    /// Reads the spreadsheet paths among `paths`.
    ///
    /// # Errors
    /// A message when a file cannot be read or is not a workbook / CSV.
    pub fn load(paths: &[PathBuf]) -> Result<SheetInput, String> {
        let names: Vec<PathBuf> = paths.iter().filter(|p| is_sheet(p)).cloned().collect();
        let (import, sheets) = flat::import_files(&names)?;
        let mut by_source = HashMap::new();
        let mut per_file: Vec<(PathBuf, Vec<usize>)> = names.into_iter().map(|p| (p, Vec::new())).collect();
        for (i, item) in import.items.iter().enumerate() {
            by_source.insert((item.source.file.clone(), item.source.line), i);
            if let Some((_, list)) = per_file.get_mut(item.input) {
                list.push(i);
            }
        }
        Ok(SheetInput {
            sheets,
            import,
            by_source,
            per_file,
        })
    }

    /// The batch items of one spreadsheet path (empty when it is not one).
    pub fn items_of(&self, path: &Path) -> Vec<Item> {
        let Some((_, list)) = self.per_file.iter().find(|(p, _)| p == path) else {
            return Vec::new();
        };
        list.iter()
            .filter_map(|&i| self.import.items.get(i))
            .map(flat::Imported::item)
            .collect()
    }

    /// Points the errors of a row read from a spreadsheet at their cells.
    pub fn locate(&self, source: &Source, errors: &mut [ValidationError]) {
        let Some(item) = self
            .by_source
            .get(&(source.file.clone(), source.line))
            .and_then(|&i| self.import.items.get(i))
        else {
            return;
        };
        self.import.locate_with_values(&item.cells, &self.sheets, errors);
    }

    /// [`SheetInput::locate`] on a batch row.
    pub fn locate_row(&self, row: &mut Row) {
        if let Outcome::Invalid { errors } = &mut row.outcome {
            self.locate(&row.source, errors);
        }
    }
}

/// One error as a line: `司法所!F12 用房面积（平方米）: message [code]`, or `/path: message [code]`.
pub fn error_line(e: &ValidationError, zh: bool) -> String {
    match &e.location {
        Some(loc) => format!("{loc}: {} [{}]", e.located_message(zh), e.code),
        None => {
            let at = if e.path.is_empty() { "/" } else { &e.path };
            let msg = if zh { &e.message } else { &e.message_en };
            format!("{at}: {msg} [{}]", e.code)
        }
    }
}

/// An error with where it is: `book.xlsx: 司法所!F12 …` for a cell, else `FILE:LINE: /path: …`.
pub fn located_line(file: &str, line: usize, e: &ValidationError, zh: bool) -> String {
    match &e.location {
        Some(loc) => format!("{}: {}", loc.file, error_line(e, zh)),
        None => format!("{file}:{line}: {}", error_line(e, zh)),
    }
}

/// `sifasuo template`
#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// The workbook to write.
    #[arg(short, long, default_value = xlsx::TEMPLATE_NAME)]
    pub output: PathBuf,
    /// Print the column layout (JSON) instead of writing a workbook.
    #[arg(long)]
    pub columns: bool,
}

/// `sifasuo template`: the data-collection workbook.
pub fn template(a: &TemplateArgs) -> ExitCode {
    if a.columns {
        let text = serde_json::to_string_pretty(flat::layout()).unwrap_or_default();
        println!("{text}");
        return ExitCode::SUCCESS;
    }
    match xlsx::template() {
        Err(e) => fail(format!("cannot build the workbook: {e}")),
        Ok(bytes) => match std::fs::write(&a.output, bytes) {
            Ok(()) => {
                eprintln!("已写出模板 {}", a.output.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(format!("cannot write `{}`: {e}", a.output.display())),
        },
    }
}

/// `sifasuo import`
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Filled workbooks (`.xlsx`) or CSV files in the template's layout.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// JSON-lines file to write (default: standard output).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// English messages.
    #[arg(long)]
    pub en: bool,
}

/// `sifasuo import`: spreadsheet rows → JSON lines. Valid records are written; every invalid
/// row is listed on stderr with its cells, and the exit code is 1.
pub fn import(a: &ImportArgs) -> ExitCode {
    if let Some(p) = a.files.iter().find(|p| !is_sheet(p)) {
        return fail(format!("`{}` is not a .xlsx or .csv file", p.display()));
    }
    let mut input = match SheetInput::load(&a.files) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    input.import.check(&input.sheets);
    let mut out = match open_output(a.output.as_ref()) {
        Ok(o) => o,
        Err(e) => return fail(e),
    };
    let (mut written, mut invalid) = (0usize, 0usize);
    for item in &input.import.items {
        if item.errors.is_empty() {
            if let Some(r) = &item.record {
                if let Err(e) = writeln!(out, "{r}") {
                    return fail(format!("cannot write output: {e}"));
                }
                written += 1;
            }
            continue;
        }
        invalid += 1;
        for e in &item.errors {
            eprintln!("{}", located_line(&item.source.file, item.source.line, e, !a.en));
        }
    }
    if let Err(e) = out.flush() {
        return fail(format!("cannot write output: {e}"));
    }
    if a.en {
        eprintln!("{written} record(s) written, {invalid} row(s) with errors not written");
    } else {
        eprintln!("已导出{written}条记录，{invalid}行有误未导出");
    }
    if invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `sifasuo export`
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Record files (JSON lines, JSON, or spreadsheets).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// The workbook to write (`.xlsx`).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Add the scores (评分结果) and problem lists (问题清单) as sheets.
    #[arg(long)]
    pub scores: bool,
    /// Parameters override (JSON) for `--scores`.
    #[arg(long)]
    pub params: Option<PathBuf>,
}

fn status_zh(s: &str) -> &'static str {
    match s {
        "pass" => "达标",
        "partial" => "部分达标",
        "fail" => "不达标",
        "not_applicable" => "不适用",
        _ => "缺少数据",
    }
}

fn text(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn score_sheets(rows: &[Row]) -> Vec<Sheet> {
    let reports: Vec<&Report> = batch::office_reports(rows).collect();
    let dims: Vec<String> = reports
        .first()
        .map(|r| r.dimensions.iter().map(|d| d.name_zh.to_string()).collect())
        .unwrap_or_default();
    let mut head = vec![
        text("司法所代码"),
        text("司法所名称"),
        text("所属区"),
        text("街道（乡镇）"),
        text("评估年度"),
        text("得分"),
        text("等级"),
    ];
    head.extend(dims.iter().map(|d| text(format!("{d}得分"))));
    head.push(text("问题数"));
    let mut scores = vec![head];
    let mut problems = vec![vec![
        text("司法所代码"),
        text("司法所名称"),
        text("评估年度"),
        text("条款"),
        text("规则"),
        text("结果"),
        text("扣分"),
        text("问题"),
        text("方案原文"),
    ]];
    for r in &reports {
        let ps = r.problems();
        let mut row = vec![
            text(&r.office.code),
            text(&r.office.name),
            text(r.office.district.name_zh()),
            text(&r.office.subdistrict),
            Cell::Number(f64::from(r.year)),
            Cell::Number(r.score),
            text(&*r.grade_zh),
        ];
        row.extend(r.dimensions.iter().map(|d| d.score.map_or(Cell::Empty, Cell::Number)));
        row.push(Cell::Number(ps.len() as f64));
        scores.push(row);
        for p in ps {
            problems.push(vec![
                text(&r.office.code),
                text(&r.office.name),
                Cell::Number(f64::from(r.year)),
                text(p.clause.as_ref()),
                text(&*p.rule),
                text(status_zh(p.status.as_str())),
                Cell::Number(p.points_lost),
                text(&*p.message),
                text(p.quote.as_ref()),
            ]);
        }
    }
    vec![
        Sheet {
            name: "评分结果".into(),
            rows: scores,
        },
        Sheet {
            name: "问题清单".into(),
            rows: problems,
        },
    ]
}

/// `sifasuo export`: records → a workbook in the template's layout (and, with `--scores`, the
/// scores and problem lists). Invalid records are listed on stderr and left out (exit 1).
pub fn export(a: &ExportArgs) -> ExitCode {
    if !a
        .output
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
    {
        return fail(format!("`{}`: the output must be a .xlsx file", a.output.display()));
    }
    let sheet_input = match SheetInput::load(&a.files) {
        Ok(i) => i,
        Err(e) => return fail(e),
    };
    let mut values: Vec<Value> = Vec::new();
    let mut invalid = 0usize;
    for path in &a.files {
        let items: Vec<Item> = if is_sheet(path) {
            sheet_input.items_of(path)
        } else {
            match batch::file_items(path) {
                Ok(i) => i.collect(),
                Err(e) => return fail(e),
            }
        };
        for (source, text) in items {
            let parsed = text
                .map_err(|e| vec![e])
                .and_then(|t| validate::parse(&t).map_err(|e| e.0));
            match parsed {
                Ok(rec) => values.push(serde_json::to_value(&rec).unwrap_or(Value::Null)),
                Err(mut errors) => {
                    invalid += 1;
                    sheet_input.locate(&source, &mut errors);
                    for e in &errors {
                        eprintln!("{}", located_line(&source.file, source.line, e, true));
                    }
                }
            }
        }
    }
    let extra = if a.scores {
        let params = match load_params(a.params.as_ref()) {
            Ok(p) => p,
            Err(e) => return fail(e),
        };
        score_sheets(&batch::score_values(&values, &params))
    } else {
        Vec::new()
    };
    let bytes = match xlsx::workbook(&flat::sheets_of(&values), &extra) {
        Ok(b) => b,
        Err(e) => return fail(format!("cannot build the workbook: {e}")),
    };
    if let Err(e) = std::fs::write(&a.output, bytes) {
        return fail(format!("cannot write `{}`: {e}", a.output.display()));
    }
    eprintln!("已写出{}条记录到 {}", values.len(), a.output.display());
    if invalid > 0 {
        eprintln!("{invalid}条记录有误，未写出");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
