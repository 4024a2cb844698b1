//! Batch scoring, district roll-ups and the rectification ledger.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::{json, Value};
use sifasuo::batch::{self, Outcome, Row};
use sifasuo::ledger::Movement;
use sifasuo::params::Parameters;
use sifasuo::rules::Status;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn example(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join("tests/examples").join(name)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn sample_files() -> Vec<PathBuf> {
    [
        "offices-2022.jsonl",
        "offices-2023.jsonl",
        "offices-2024.jsonl",
        "districts.jsonl",
    ]
    .iter()
    .map(|f| root().join("data/sample").join(f))
    .collect()
}

fn score_files(files: &[PathBuf], threads: usize) -> Vec<Row> {
    let mut rows = Vec::new();
    let opts = batch::BatchOptions { threads, chunk: 97 };
    batch::score_stream(
        || batch::files_items(files).unwrap(),
        &Parameters::default(),
        &opts,
        |r| rows.push(r),
    );
    rows
}

fn report(row: &Row) -> &sifasuo::Report {
    match &row.outcome {
        Outcome::Office { report } => report,
        other => panic!("expected an office report, got {other:?}"),
    }
}

#[test]
fn sample_dataset_scores_without_errors_and_counts_match() {
    let files = sample_files();
    let lines: usize = files
        .iter()
        .map(|f| {
            std::fs::read_to_string(f)
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count()
        })
        .sum();
    let rows = score_files(&files, 0);
    assert_eq!(rows.len(), lines);
    let invalid: Vec<&Row> = rows
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::Invalid { .. }))
        .collect();
    assert!(invalid.is_empty(), "invalid sample rows: {invalid:?}");
    let districts = rows
        .iter()
        .filter(|r| matches!(r.outcome, Outcome::District { .. }))
        .count();
    assert_eq!(districts, 51);
    // every district report is rolled up with its offices of the same year
    for r in &rows {
        if let Outcome::District { report } = &r.outcome {
            let roll = report.offices.as_ref().unwrap();
            assert!(roll.count > 0, "{:?} {} has no offices", report.district, report.year);
        }
    }
}

#[test]
fn parallel_and_sequential_give_the_same_rows() {
    let files = sample_files();
    let a = score_files(&files, 1);
    let b = score_files(&files, 2);
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    // more workers than cores: the pipelined chunks still come out in input order
    let c = score_files(&files, 5);
    assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&c).unwrap());
}

/// `score_stream_map` maps each row on the workers (here: to its JSON text) and hands the results
/// over in input order; district rows are mapped last, with their roll-up complete.
#[test]
fn rows_mapped_on_the_workers_equal_rows_mapped_afterwards() {
    let files = sample_files();
    let expected: Vec<String> = score_files(&files, 1)
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    assert!(
        expected
            .iter()
            .any(|t| t.contains("\"kind\":\"district\"") && t.contains("\"mean_score\"")),
        "the sample has district rows with roll-ups"
    );
    for threads in [1, 2, 5] {
        let mut got = Vec::new();
        let opts = batch::BatchOptions { threads, chunk: 97 };
        let n = batch::score_stream_map(
            || batch::files_items(&files).unwrap(),
            &Parameters::default(),
            &opts,
            |row| serde_json::to_string(&row).unwrap(),
            |text| got.push(text),
        );
        assert_eq!(n, expected.len(), "{threads} threads");
        assert!(got == expected, "{threads} threads: mapped rows differ");
    }
}

#[test]
fn a_bad_line_never_stops_the_run() {
    let good = example("office-street-2023.json").to_string();
    let mut other = example("office-township-2023.json");
    other["year"] = json!(2024);
    let text = format!("{good}\nnot json\n\n{{\"format\":\"sifasuo.office/1\"}}\n{}\n", other);
    let dir = std::env::temp_dir().join(format!("sifasuo-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("mixed.jsonl");
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(b"\xff\xfe broken utf-8\n");
    std::fs::write(&path, bytes).unwrap();
    let rows = score_files(&[path], 2);
    assert_eq!(rows.len(), 5, "one row per non-blank line");
    let lines: Vec<usize> = rows.iter().map(|r| r.source.line).collect();
    assert_eq!(lines, vec![1, 2, 4, 5, 6]);
    assert!(matches!(rows[0].outcome, Outcome::Office { .. }));
    assert!(matches!(&rows[1].outcome, Outcome::Invalid { errors } if errors[0].code.as_str() == "invalid_json"));
    assert!(
        matches!(&rows[2].outcome, Outcome::Invalid { errors } if errors.iter().any(|e| e.code.as_str() == "required"))
    );
    assert!(matches!(rows[3].outcome, Outcome::Office { .. }));
    assert!(matches!(&rows[4].outcome, Outcome::Invalid { errors } if errors[0].code.as_str() == "invalid_json"));
}

#[test]
fn duplicate_office_in_one_year_is_an_error_for_every_copy() {
    let a = example("office-street-2023.json");
    let rows = sifasuo::api::score_many(
        &[a.clone(), example("office-township-2023.json"), a],
        &Parameters::default(),
    );
    assert_eq!(rows.len(), 3);
    for i in [0, 2] {
        match &rows[i].outcome {
            Outcome::Invalid { errors } => {
                assert_eq!(errors[0].code.as_str(), "duplicate_record");
                assert_eq!(errors[0].ctx["first"], json!(1));
            }
            other => panic!("row {i}: {other:?}"),
        }
    }
    assert!(matches!(rows[1].outcome, Outcome::Office { .. }));
}

#[test]
fn ledger_refuses_two_reports_of_one_office_in_one_year() {
    let a = example("office-street-2023.json");
    let Ok(sifasuo::Record::Office(o)) = sifasuo::validate::from_value(&a) else {
        panic!()
    };
    let r = sifasuo::score::score(&o, &Parameters::default());
    let err = sifasuo::ledger::ledger([&r, &r]).unwrap_err();
    assert!(err.to_string().contains("more than one record for 2023"));
}

#[test]
fn previous_year_ratio_comes_from_the_batch() {
    let mut y2022 = example("office-street-2023.json");
    y2022["year"] = json!(2022);
    y2022["staffing"]["legal_qualification"] = json!(1); // 1/4 = 0.25
    let mut y2023 = example("office-street-2023.json");
    y2023["staffing"]
        .as_object_mut()
        .unwrap()
        .remove("previous_qualification_ratio");
    y2023["staffing"]["legal_qualification"] = json!(2); // 0.5 > 0.25
    let rows = sifasuo::api::score_many(&[y2022.clone(), y2023.clone()], &Parameters::default());
    let f = report(&rows[1]).finding("t10-qualification-trend").unwrap();
    assert_eq!(f.status, Status::Pass);
    assert_eq!(f.expected, Some(json!(0.25)));
    // alone, the 2023 record lacks last year's ratio
    let rows = sifasuo::api::score_many(&[y2023], &Parameters::default());
    assert_eq!(
        report(&rows[0]).finding("t10-qualification-trend").unwrap().status,
        Status::MissingData
    );
}

#[test]
fn ledger_classifies_closed_open_regressed_and_new() {
    let mut y1 = example("office-township-2023.json");
    y1["year"] = json!(2022);
    let mut y2 = example("office-township-2023.json");
    // closed: premises enlarged
    y2["support"]["premises"]["total_area_m2"] = json!(130.0);
    // open: legal-savvy persons still short (unchanged)
    // regressed: the responsibility system passed in 2022, fails in 2023
    y2["legal_education"]["responsibility_system"] = json!(false);
    // new: signage not applicable in 2022 (not renovated), failing in 2023
    y1["support"]["premises"]["built_or_renovated"] = json!(false);
    let rows = sifasuo::api::score_many(&[y1, y2], &Parameters::default());
    let l = sifasuo::api::ledger(&rows).unwrap();
    assert_eq!(l.offices.len(), 1);
    let o = &l.offices[0];
    let movement = |rule: &str| o.items.iter().find(|i| i.rule == rule).map(|i| i.movement);
    assert_eq!(movement("t13-total-area"), Some(Movement::Closed));
    assert_eq!(movement("t06-legal-savvy-persons"), Some(Movement::Open));
    assert_eq!(movement("t06-responsibility-system"), Some(Movement::Regressed));
    assert_eq!(movement("t13-signage"), Some(Movement::New));
    assert_eq!(movement("t01-study-mechanism"), None);
    let t = &o.tally;
    assert_eq!(t.closed + t.open, t.problems_before);
    assert_eq!(
        t.closure_rate,
        Some(((t.closed as f64 / t.problems_before as f64) * 10_000.0).round() / 10_000.0)
    );
    assert_eq!(l.city.len(), 1);
    assert_eq!(l.city[0].tally, o.tally);
    assert_eq!(l.districts[0].district, Some(sifasuo::model::District::Tongzhou));
}

#[test]
fn sample_ledger_closes_problems_over_the_three_years() {
    let rows = score_files(&sample_files(), 0);
    let l = sifasuo::api::ledger(&rows).unwrap();
    let pairs: Vec<(i32, i32)> = l.city.iter().map(|c| (c.from_year, c.to_year)).collect();
    assert_eq!(pairs, vec![(2022, 2023), (2022, 2024), (2023, 2024)]);
    for c in &l.city {
        assert!(c.tally.closure_rate.unwrap() > 0.0);
        assert!(
            c.tally.closed > 0 && c.tally.open > 0 && c.tally.regressed > 0 && c.tally.new > 0,
            "{c:?}"
        );
    }
}

#[test]
fn district_summaries_cover_every_district_and_the_city() {
    let rows = score_files(&sample_files(), 0);
    let sums = batch::district_summaries(&rows);
    for year in 2022..=2024 {
        let of_year: Vec<_> = sums.iter().filter(|s| s.year == year).collect();
        assert_eq!(of_year.len(), 18, "17 districts and the city");
        let city = of_year.iter().find(|s| s.district.is_none()).unwrap();
        let sum: usize = of_year
            .iter()
            .filter(|s| s.district.is_some())
            .map(|s| s.offices.count)
            .sum();
        assert_eq!(city.offices.count, sum);
        assert!(of_year
            .iter()
            .filter(|s| s.district.is_some())
            .all(|s| s.bureau_score.is_some()));
    }
    let mean = |y: i32| {
        sums.iter()
            .find(|s| s.year == y && s.district.is_none())
            .unwrap()
            .offices
            .mean_score
            .unwrap()
    };
    assert!(
        mean(2022) < mean(2023) && mean(2023) < mean(2024),
        "the sample improves year on year"
    );
}

#[test]
fn html_report_is_self_contained_and_names_every_district() {
    let rows = score_files(&sample_files(), 0);
    let l = sifasuo::api::ledger(&rows).unwrap();
    let html = sifasuo::html::render(&rows, Some(&l), &["data/sample".into()], Some("合成示例数据"));
    for d in sifasuo::model::District::ALL {
        assert!(html.contains(d.name_zh()), "{d:?} missing");
    }
    assert!(!html.contains("<script"), "no scripts");
    assert!(
        !html.contains("http://")
            || html
                .matches("http://")
                .all(|_| html.contains("http://www.w3.org/2000/svg"))
    );
    assert!(!html.contains("https://"), "no external resources");
    assert!(html.contains("<svg"), "grade chart");
    assert!(
        html.contains("2022→2023") && html.contains("2023→2024"),
        "closure rates"
    );
}
