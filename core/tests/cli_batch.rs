//! The batch commands of the `sifasuo` binary: score, districts, ledger, report, rules, schema parameters.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

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

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn score_table_shows_grade_and_problems_in_chinese() {
    let o = run(&["score", "tests/examples/office-township-2023.json"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("通州区漷县镇司法所") && out.contains("基本达标"), "{out}");
    assert!(
        out.contains("〔二（四）13〕司法所用房面积110平方米，低于120平方米，还差10平方米"),
        "{out}"
    );
    let en = stdout(&run(&[
        "score",
        "--lang",
        "en",
        "tests/examples/office-township-2023.json",
    ]));
    assert!(en.contains("basically compliant") && en.contains("10 m² short"), "{en}");
}

#[test]
fn score_jsonl_and_csv_give_one_row_per_input_and_exit_1_on_invalid_rows() {
    let dir = std::env::temp_dir().join(format!("sifasuo-cli-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(root().join("tests/examples/office-street-2023.json")).unwrap();
    let good: serde_json::Value = serde_json::from_str(&good).unwrap();
    let file = dir.join("mixed.jsonl");
    std::fs::write(
        &file,
        format!("{good}\n{{\"format\": \"sifasuo.office/1\"}}\nnot json\n"),
    )
    .unwrap();
    let f = file.to_str().unwrap();

    let o = run(&["score", "--format", "jsonl", f]);
    assert_eq!(o.status.code(), Some(1), "some rows are invalid");
    let rows: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["kind"], "office");
    assert_eq!(rows[0]["report"]["format"], "sifasuo.report/1");
    assert_eq!(rows[1]["kind"], "invalid");
    assert_eq!(rows[2]["source"]["line"], 3);

    let o = run(&["score", "--format", "csv", f]);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "header and one line per record: {out}");
    assert!(lines[0].starts_with("file,line,valid,kind,code,name,district,year,score,grade"));
    assert!(lines[1].contains(",true,office,110105004,朝阳区建外街道司法所,朝阳区,2023,"));
    assert!(lines[3].contains(",false,") && lines[3].contains("invalid_json"));

    let o = run(&["score", "--format", "json", "tests/examples/office-street-2023.json"]);
    assert_eq!(o.status.code(), Some(0));
    let all: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(all.len(), 1);
}

#[test]
fn params_override_changes_the_score_and_is_named_in_the_report() {
    let dir = std::env::temp_dir().join(format!("sifasuo-cli-params-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join("strict.json");
    std::fs::write(&p, r#"{"id": "朝阳区/严格", "thresholds": {"total_area_m2": 200}}"#).unwrap();
    let o = run(&[
        "score",
        "--format",
        "jsonl",
        "--params",
        p.to_str().unwrap(),
        "tests/examples/office-street-2023.json",
    ]);
    let row: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(row["report"]["parameters"], "朝阳区/严格");
    let area = row["report"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "t13-total-area")
        .unwrap();
    assert_eq!(area["status"], "fail");
    assert_eq!(area["shortfall"], 50.0);

    std::fs::write(&p, r#"{"rules": {"t13-total-area": {"points": -1}}}"#).unwrap();
    let o = run(&[
        "score",
        "--params",
        p.to_str().unwrap(),
        "tests/examples/office-street-2023.json",
    ]);
    assert_eq!(o.status.code(), Some(2), "an invalid override is a usage error");
}

#[test]
fn districts_ledger_and_report_on_the_sample() {
    let files: Vec<String> = [
        "offices-2022.jsonl",
        "offices-2023.jsonl",
        "offices-2024.jsonl",
        "districts.jsonl",
    ]
    .iter()
    .map(|f| format!("data/sample/{f}"))
    .collect();
    let mut args = vec!["districts", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let o = run(&args);
    assert_eq!(o.status.code(), Some(0));
    let sums: Vec<serde_json::Value> = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(sums.len(), 3 * 18, "17 districts and the city, three years");

    let mut args = vec!["ledger", "--format", "csv"];
    args.extend(files.iter().map(String::as_str));
    let out = stdout(&run(&args));
    assert!(
        out.lines().any(|l| l.starts_with("city,,,全市,2022,2023,")),
        "{}",
        &out[..out.len().min(500)]
    );

    let html = std::env::temp_dir().join(format!("sifasuo-report-{}.html", std::process::id()));
    let mut args = vec!["report", "-o", html.to_str().unwrap()];
    args.extend(files.iter().map(String::as_str));
    assert_eq!(run(&args).status.code(), Some(0));
    let text = std::fs::read_to_string(&html).unwrap();
    assert!(text.contains("北京经济技术开发区") && text.contains("<svg"));
}

#[test]
fn rules_and_parameters_schema() {
    let md = stdout(&run(&["rules"]));
    assert_eq!(
        md.trim(),
        std::fs::read_to_string(root().join("docs/rules.md")).unwrap().trim()
    );
    let json: Vec<serde_json::Value> = serde_json::from_str(&stdout(&run(&["rules", "--format", "json"]))).unwrap();
    assert!(json
        .iter()
        .any(|r| r["id"] == "t13-total-area" && r["quote"] == "司法所用房面积不低于120平方米"));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&run(&["schema", "parameters"]))).unwrap();
    assert!(schema["properties"]["thresholds"].is_object(), "{schema}");
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let o = run(&["score", "no/such/file.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no/such/file.jsonl"));
}
