//! The spreadsheet commands of the `sifasuo` binary (template, import, export) and `.xlsx` /
//! `.csv` inputs of validate, score, districts and ledger.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::Value;
use sifasuo::flat::{self, column_letters, layout, xlsx, Cell};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sifasuo"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

fn text(b: &[u8]) -> String {
    String::from_utf8(b.to_vec()).unwrap()
}

fn tmp(name: &str) -> PathBuf {
    let dir = root().join("target").join("test-sheets");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn township() -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("tests/examples/office-township-2023.json")).unwrap())
        .unwrap()
}

/// CSV files of the township example (offices, units) with the office row's cells edited.
fn csv_pair(prefix: &str, edits: &[(&str, &str)]) -> (PathBuf, PathBuf) {
    let mut sheets = flat::sheets_of(&[township()]);
    for (id, v) in edits {
        let i = layout().offices.iter().position(|c| c.id == *id).unwrap();
        sheets[0].rows[2][i] = Cell::Text((*v).into());
    }
    let offices = tmp(&format!("{prefix}-offices.csv"));
    let units = tmp(&format!("{prefix}-units.csv"));
    std::fs::write(&offices, flat::write_csv(&sheets[0])).unwrap();
    std::fs::write(&units, flat::write_csv(&sheets[1])).unwrap();
    (offices, units)
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn template_writes_the_workbook_and_lists_its_columns() {
    let out = tmp("模板.xlsx");
    let o = run(&["template", "-o", s(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let sheets = xlsx::read_xlsx(&std::fs::read(&out).unwrap()).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["填表说明", "司法所", "社区（村）", "区司法局"]);
    let o = run(&["template", "--columns"]);
    let cols: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(cols["offices"][0]["id"], "office.code");
    assert_eq!(cols["units"].as_array().unwrap().len(), layout().units.len());
}

#[test]
fn export_then_import_gives_the_records_back_with_scores_alongside() {
    let book = tmp("export.xlsx");
    let o = run(&[
        "export",
        "data/sample/offices-2023.jsonl",
        "data/sample/districts.jsonl",
        "-o",
        s(&book),
        "--scores",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let sheets = xlsx::read_xlsx(&std::fs::read(&book).unwrap()).unwrap();
    let scores = sheets.iter().find(|s| s.name == "评分结果").unwrap();
    let offices = std::fs::read_to_string(root().join("data/sample/offices-2023.jsonl")).unwrap();
    assert_eq!(scores.rows.len(), offices.lines().count() + 1);
    assert!(sheets.iter().any(|s| s.name == "问题清单" && s.rows.len() > 1));

    let back = tmp("back.jsonl");
    let o = run(&["import", s(&book), "-o", s(&back)]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let districts = std::fs::read_to_string(root().join("data/sample/districts.jsonl")).unwrap();
    let lines = std::fs::read_to_string(&back).unwrap();
    assert_eq!(
        lines.lines().count(),
        offices.lines().count() + districts.lines().count()
    );
    // the workbook scores like the JSON it came from
    let from_json = run(&["score", "data/sample/offices-2023.jsonl", "--format", "csv", "--quiet"]);
    let from_xlsx = run(&["score", s(&book), "--format", "csv", "--quiet"]);
    let scores_of = |o: &Output| {
        let mut v: Vec<String> = text(&o.stdout)
            .lines()
            .skip(1)
            .filter(|l| l.contains(",office,"))
            .map(|l| l.split(',').skip(4).collect::<Vec<_>>().join(","))
            .collect();
        v.sort();
        v
    };
    assert_eq!(scores_of(&from_json), scores_of(&from_xlsx));
    assert_eq!(scores_of(&from_json).len(), offices.lines().count());
}

#[test]
fn validate_names_the_cell_column_and_content_of_each_error() {
    let (offices, units) = csv_pair("bad", &[("support.premises.total_area_m2", "一百二十")]);
    let area = column_letters(
        layout()
            .offices
            .iter()
            .position(|c| c.id == "support.premises.total_area_m2")
            .unwrap(),
    );
    let o = run(&["validate", s(&offices), s(&units)]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    let name = offices.file_name().unwrap().to_str().unwrap();
    assert_eq!(
        out.trim_end(),
        format!(
            "{}: {name}!{area}3 用房：用房面积（平方米）: 应为数字，实际为字符串（单元格内容“一百二十”） [type_error]",
            offices.display()
        )
    );
    let o = run(&["validate", "--lang", "en", "--format", "json", s(&offices), s(&units)]);
    let row: Value = serde_json::from_str(text(&o.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(row["errors"][0]["location"]["cell"], format!("{area}3"));
    assert_eq!(row["errors"][0]["location"]["field"], "support.premises.total_area_m2");

    // score: the CSV error row names the cell; import: not written, exit 1
    let o = run(&["score", s(&offices), s(&units), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stdout).contains(&format!("type_error@/support/premises/total_area_m2@{name}!{area}3")),
        "{}",
        text(&o.stdout)
    );
    let o = run(&["import", s(&offices), s(&units)]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stdout).is_empty());
    assert!(
        text(&o.stderr).contains(&format!("{name}!{area}3")),
        "{}",
        text(&o.stderr)
    );
}

#[test]
fn good_csv_files_score_like_the_json_example() {
    let (offices, units) = csv_pair("good", &[]);
    let from_csv = run(&["score", s(&offices), s(&units), "--format", "jsonl"]);
    assert_eq!(from_csv.status.code(), Some(0), "{}", text(&from_csv.stderr));
    let from_json = run(&["score", "tests/examples/office-township-2023.json", "--format", "jsonl"]);
    let report = |o: &Output| {
        let v: Value = serde_json::from_str(text(&o.stdout).lines().next().unwrap()).unwrap();
        v["report"].clone()
    };
    assert_eq!(report(&from_csv), report(&from_json));
    assert_eq!(report(&from_csv)["grade_zh"], "基本达标");
    // the units file alone: every unit row is an error row, none dropped
    let o = run(&["score", s(&units), "--format", "csv", "--quiet"]);
    assert_eq!(o.status.code(), Some(1));
    let n_units = township()["units"].as_array().unwrap().len();
    let out = text(&o.stdout);
    assert_eq!(out.lines().skip(1).count(), n_units, "{out}");
    assert!(out.lines().skip(1).all(|l| l.contains("unmatched_unit")), "{out}");
}

#[test]
fn export_refuses_other_outputs_and_reports_bad_records() {
    let o = run(&[
        "export",
        "tests/examples/office-street-2023.json",
        "-o",
        s(&tmp("x.csv")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let bad = tmp("bad.jsonl");
    std::fs::write(&bad, "{\"format\": \"sifasuo.office/1\"}\n").unwrap();
    let o = run(&[
        "export",
        s(&bad),
        "tests/examples/office-street-2023.json",
        "-o",
        s(&tmp("y.xlsx")),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("required"), "{}", text(&o.stderr));
    let sheets = xlsx::read_xlsx(&std::fs::read(tmp("y.xlsx")).unwrap()).unwrap();
    assert_eq!(sheets.iter().find(|s| s.name == "司法所").unwrap().rows.len(), 3);
}
