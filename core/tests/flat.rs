//! Spreadsheets: the flat layout, xlsx and CSV round trips, and cell-level errors.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::{json, Value};
use sifasuo::flat::{self, column_letters, layout, xlsx, Cell, ColumnKind, Sheet, SheetKind};
use sifasuo::validate::{self, ErrorCode, ValidationError};
use sifasuo::Parameters;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn sample() -> Vec<Value> {
    let mut out = Vec::new();
    for f in ["offices-2022", "offices-2023", "offices-2024", "districts"] {
        let text = std::fs::read_to_string(root().join(format!("data/sample/{f}.jsonl"))).unwrap();
        out.extend(text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()));
    }
    out
}

/// A record as the model serialises it (absent sections and `null`s dropped).
fn canonical(v: &Value) -> String {
    let rec = validate::from_value(v).unwrap_or_else(|e| panic!("invalid record: {e}"));
    serde_json::to_string(&rec).unwrap()
}

fn key(v: &Value) -> String {
    format!(
        "{}|{}|{}",
        v["format"],
        v.pointer("/office/code").or(v.get("district")).unwrap(),
        v["year"]
    )
}

fn by_key(records: &[Value]) -> BTreeMap<String, String> {
    records.iter().map(|r| (key(r), canonical(r))).collect()
}

fn township() -> Value {
    let text = std::fs::read_to_string(root().join("tests/examples/office-township-2023.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Every scalar path of a schema (`units.*.name` style), without `format`.
fn schema_fields(kind: &str) -> BTreeSet<String> {
    let s = sifasuo::api::schema(kind).unwrap();
    let defs = s["$defs"].clone();
    fn resolve(defs: &Value, n: &Value) -> Value {
        if let Some(r) = n.get("$ref").and_then(Value::as_str) {
            return resolve(defs, &defs[r.rsplit('/').next().unwrap()]);
        }
        if let Some(alts) = n.get("anyOf").and_then(Value::as_array) {
            let non_null: Vec<&Value> = alts.iter().filter(|a| a["type"] != "null").collect();
            if non_null.len() == 1 {
                return resolve(defs, non_null[0]);
            }
        }
        n.clone()
    }
    fn walk(defs: &Value, n: &Value, prefix: &str, out: &mut BTreeSet<String>) {
        let n = resolve(defs, n);
        if let Some(props) = n.get("properties").and_then(Value::as_object) {
            for (k, v) in props {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                walk(defs, v, &p, out);
            }
        } else if let Some(items) = n.get("items") {
            walk(defs, items, prefix, out);
        } else if prefix != "format" {
            out.insert(prefix.to_string());
        }
    }
    let mut out = BTreeSet::new();
    walk(&defs, &s, "", &mut out);
    out
}

#[test]
fn layout_has_one_column_per_field_with_unique_headers() {
    let lay = layout();
    let ids = |k: SheetKind| lay.columns(k).iter().map(|c| c.id.clone()).collect::<BTreeSet<_>>();
    let mut office_ids = ids(SheetKind::Offices);
    office_ids.extend(ids(SheetKind::Units));
    assert_eq!(office_ids, schema_fields("office"));
    assert_eq!(ids(SheetKind::Districts), schema_fields("district"));
    for kind in SheetKind::ALL {
        let cols = lay.columns(kind);
        let headers: BTreeSet<&str> = cols.iter().map(|c| c.header.as_str()).collect();
        assert_eq!(headers.len(), cols.len(), "{kind:?}: Chinese headers are not unique");
        assert_eq!(ids(kind).len(), cols.len(), "{kind:?}: ids are not unique");
        assert!(cols.iter().all(|c| !c.header.is_empty() && !c.header.contains('.')));
    }
    // the columns users look for first, and the link of the units sheet
    let first: Vec<&str> = lay.offices.iter().take(6).map(|c| c.id.as_str()).collect();
    assert_eq!(
        first,
        [
            "office.code",
            "office.name",
            "office.district",
            "office.subdistrict",
            "office.subdistrict_kind",
            "year"
        ]
    );
    // then the plan's order of headings, as the model declares them; notes and standard last
    let sections: Vec<&str> = lay
        .offices
        .iter()
        .skip(6)
        .map(|c| c.id.split('.').next().unwrap())
        .fold(Vec::new(), |mut acc, s| {
            if acc.last() != Some(&s) {
                acc.push(s);
            }
            acc
        });
    assert_eq!(
        sections,
        [
            "political",
            "administration",
            "mediation",
            "legal_education",
            "community_correction",
            "resettlement",
            "public_legal_service",
            "staffing",
            "support",
            "notes",
            "standard"
        ]
    );
    let support: Vec<&str> = lay
        .offices
        .iter()
        .filter(|c| c.id.starts_with("support.premises."))
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(
        support,
        [
            "support.premises.total_area_m2",
            "support.premises.business_area_m2",
            "support.premises.archive",
            "support.premises.built_or_renovated",
            "support.premises.signage_compliant"
        ]
    );
    assert_eq!(lay.units[0].id, "office.code");
    assert_eq!(lay.units[1].id, "year");
    assert_eq!(lay.units[2].id, "units.name");
    let area = lay
        .offices
        .iter()
        .find(|c| c.id == "support.premises.total_area_m2")
        .unwrap();
    assert_eq!(area.header, "用房：用房面积（平方米）");
    assert_eq!(area.description, "司法所用房面积不低于120平方米");
    assert_eq!(area.section, "保障能力建设");
    assert!(matches!(area.kind, ColumnKind::Number { min, max } if min == 0.0 && max == 100_000.0));
    let kind = lay.offices.iter().find(|c| c.id == "office.subdistrict_kind").unwrap();
    let ColumnKind::Choice { choices } = &kind.kind else {
        panic!()
    };
    let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["街道", "乡镇"]);
    let archive = lay.offices.iter().find(|c| c.id == "support.premises.archive").unwrap();
    let ColumnKind::Choice { choices } = &archive.kind else {
        panic!()
    };
    let labels: Vec<&str> = choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["独立档案室", "独立区域", "无"]);
}

#[test]
fn every_sample_record_round_trips_through_xlsx() {
    let records = sample();
    let bytes = xlsx::workbook(&flat::sheets_of(&records), &[]).unwrap();
    let sheets = xlsx::read_xlsx(&bytes).unwrap();
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["填表说明", "司法所", "社区（村）", "区司法局"]);
    let mut import = flat::import("sample.xlsx", &sheets, false);
    import.check(&sheets);
    let errors: Vec<&ValidationError> = import.items.iter().flat_map(|i| &i.errors).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let back: Vec<Value> = import.items.iter().map(|i| i.record.clone().unwrap()).collect();
    assert_eq!(back.len(), records.len());
    let (a, b) = (by_key(&records), by_key(&back));
    let differ: Vec<&String> = a.keys().filter(|k| a.get(*k) != b.get(*k)).collect();
    assert!(
        differ.is_empty(),
        "{} records differ, first {:?}",
        differ.len(),
        differ.first()
    );
    // office rows come first, in order, then districts
    assert_eq!(import.items[0].source.file, "[sample.xlsx]司法所");
    assert_eq!(import.items[0].source.line, 3);
}

#[test]
fn every_sample_record_round_trips_through_csv() {
    let records = sample();
    let sheets = flat::sheets_of(&records);
    let texts: Vec<(String, String)> = sheets
        .iter()
        .map(|s| (format!("{}.csv", s.name), flat::write_csv(s)))
        .collect();
    let read: Vec<Sheet> = texts
        .iter()
        .map(|(n, t)| flat::read_csv(n, t.as_bytes()).unwrap())
        .collect();
    let files: Vec<(&str, &[Sheet], bool)> = texts
        .iter()
        .zip(&read)
        .map(|((n, _), s)| (n.as_str(), std::slice::from_ref(s), true))
        .collect();
    let import = flat::import_many(&files);
    let back: Vec<Value> = import.items.iter().map(|i| i.record.clone().unwrap()).collect();
    assert_eq!(by_key(&records), by_key(&back));
}

#[test]
fn the_template_has_headers_only_and_reads_as_no_records() {
    let bytes = xlsx::template().unwrap();
    let sheets = xlsx::read_xlsx(&bytes).unwrap();
    let office = sheets.iter().find(|s| s.name == "司法所").unwrap();
    assert_eq!(office.rows.len(), 2);
    assert_eq!(office.rows[0][0], Cell::Text("司法所代码".into()));
    assert_eq!(office.rows[1][0], Cell::Text("office.code".into()));
    let import = flat::import("t.xlsx", &sheets, false);
    assert!(import.items.is_empty(), "{:?}", import.items);
}

/// The office sheet of the township example with some cells replaced (by field id).
fn office_sheets(edits: &[(&str, Cell)]) -> Vec<Sheet> {
    let mut sheets = flat::sheets_of(&[township()]);
    let cols = &layout().offices;
    for (id, cell) in edits {
        let i = cols.iter().position(|c| c.id == *id).unwrap();
        sheets[0].rows[2][i] = cell.clone();
    }
    sheets
}

fn col(kind: SheetKind, id: &str) -> String {
    column_letters(layout().columns(kind).iter().position(|c| c.id == id).unwrap())
}

fn checked(sheets: &[Sheet]) -> flat::Import {
    let mut import = flat::import("f.xlsx", sheets, false);
    import.check(sheets);
    import
}

#[test]
fn bad_cells_are_errors_naming_sheet_cell_column_and_content() {
    let sheets = office_sheets(&[
        ("support.premises.total_area_m2", Cell::Text("一百二十".into())),
        ("political.party_life", Cell::Text("也许".into())),
        ("office.district", Cell::Text("通州".into())),
        ("mediation.disputes.resolved", Cell::Number(500.0)),
        ("notes", Cell::Text("联系人13912345678".into())),
    ]);
    let import = checked(&sheets);
    assert_eq!(import.items.len(), 1);
    let errors = &import.items[0].errors;
    let by_field: BTreeMap<&str, &ValidationError> = errors
        .iter()
        .map(|e| (e.location.as_ref().unwrap().field.as_str(), e))
        .collect();
    let area = by_field["support.premises.total_area_m2"];
    assert_eq!(area.code, ErrorCode::TypeError);
    assert_eq!(area.path, "/support/premises/total_area_m2");
    let loc = area.location.as_ref().unwrap();
    assert_eq!(loc.sheet, "司法所");
    assert_eq!(
        loc.cell,
        format!("{}3", col(SheetKind::Offices, "support.premises.total_area_m2"))
    );
    assert_eq!(loc.column, "用房：用房面积（平方米）");
    assert_eq!(loc.value.as_deref(), Some("一百二十"));
    assert_eq!(
        area.to_string(),
        format!(
            "司法所!{} 用房：用房面积（平方米）: expected a number, found a string (cell holds \"一百二十\") [type_error]",
            loc.cell
        )
    );
    assert_eq!(by_field["political.party_life"].code, ErrorCode::TypeError);
    let d = by_field["office.district"];
    assert_eq!(d.code, ErrorCode::UnknownDistrict);
    assert_eq!(d.ctx["suggestion"], "通州区");
    // part > whole points at the part's cell
    let p = by_field["mediation.disputes.resolved"];
    assert_eq!(p.code, ErrorCode::PartExceedsWhole);
    // personal data: flagged, and the cell's content is masked
    let pii = by_field["notes"];
    assert_eq!(pii.code, ErrorCode::PersonalData);
    let shown = serde_json::to_string(pii).unwrap();
    assert!(!shown.contains("13912345678"), "{shown}");
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn cells_mean_what_a_spreadsheet_user_means() {
    let sheets = office_sheets(&[
        ("office.code", Cell::Number(110_112_107.0)),
        ("political.study_mechanism", Cell::Text("是".into())),
        ("political.party_life", Cell::Bool(false)),
        ("political.three_provisions", Cell::Text("TRUE".into())),
        ("administration.pre_meeting_law_study", Cell::Number(0.0)),
        ("political.discipline_violations", Cell::Text(" 2 ".into())),
        ("support.premises.total_area_m2", Cell::Text("".into())),
        ("office.subdistrict_kind", Cell::Text("乡镇".into())),
        ("support.premises.archive", Cell::Text("独立区域".into())),
        ("mediation.mediators", Cell::Empty),
    ]);
    let import = checked(&sheets);
    assert!(import.items[0].errors.is_empty(), "{:?}", import.items[0].errors);
    let r = import.items[0].record.as_ref().unwrap();
    assert_eq!(r["office"]["code"], "110112107");
    assert_eq!(r["political"]["study_mechanism"], true);
    assert_eq!(r["political"]["party_life"], false);
    assert_eq!(r["political"]["three_provisions"], true);
    assert_eq!(r["administration"]["pre_meeting_law_study"], false);
    assert_eq!(r["political"]["discipline_violations"], 2);
    assert_eq!(r["office"]["subdistrict_kind"], "township");
    assert_eq!(r["support"]["premises"]["archive"], "area");
    // empty cells are "not reported", not zero
    assert!(r.pointer("/support/premises/total_area_m2").is_none());
    assert!(r.pointer("/mediation/mediators").is_none());
    let Ok(sifasuo::Record::Office(o)) = validate::from_value(r) else {
        panic!()
    };
    let rep = sifasuo::score::score(&o, &Parameters::default());
    assert_eq!(rep.finding("t13-total-area").unwrap().status.as_str(), "missing_data");
}

#[test]
fn unit_rows_join_their_office_and_errors_point_at_unit_rows() {
    let mut sheets = office_sheets(&[]);
    let units = &mut sheets[1];
    let name_col = layout().units.iter().position(|c| c.id == "units.name").unwrap();
    let savvy_col = layout()
        .units
        .iter()
        .position(|c| c.id == "units.legal_savvy_persons")
        .unwrap();
    let n_units = units.rows.len() - 2;
    // a duplicate name on the 2nd unit row, a fraction on the 3rd, and a row for an unknown office
    let first_name = units.rows[2][name_col].clone();
    units.rows[3][name_col] = first_name;
    units.rows[4][savvy_col] = Cell::Number(2.5);
    let mut orphan = units.rows[2].clone();
    orphan[0] = Cell::Text("999999999".into());
    units.rows.push(orphan);
    let import = checked(&sheets);
    assert_eq!(import.items.len(), 2, "one office, one unmatched unit row");
    let office = &import.items[0];
    assert_eq!(
        office.record.as_ref().unwrap()["units"].as_array().unwrap().len(),
        n_units
    );
    let at: BTreeSet<(ErrorCode, String, String)> = office
        .errors
        .iter()
        .map(|e| {
            let l = e.location.as_ref().unwrap();
            (e.code, l.sheet.clone(), l.cell.clone())
        })
        .collect();
    let savvy = column_letters(savvy_col);
    assert_eq!(
        at,
        BTreeSet::from([
            (
                ErrorCode::DuplicateUnit,
                "社区（村）".to_string(),
                format!("{}4", column_letters(name_col))
            ),
            (ErrorCode::TypeError, "社区（村）".to_string(), format!("{savvy}5")),
        ]),
        "{:#?}",
        office.errors
    );
    let orphan = &import.items[1];
    assert!(orphan.record.is_none());
    assert_eq!(orphan.errors[0].code, ErrorCode::UnmatchedUnit);
    assert_eq!(orphan.errors[0].ctx["code"], "999999999");
    let loc = orphan.errors[0].location.as_ref().unwrap();
    assert_eq!((loc.sheet.as_str(), loc.row), ("社区（村）", n_units + 3));
    assert_eq!(orphan.source.file, "[f.xlsx]社区（村）");
}

#[test]
fn unknown_and_repeated_columns_are_errors_of_the_sheet() {
    let mut sheets = office_sheets(&[]);
    sheets[0].rows[1][3] = Cell::Text("office.subdistrct".into());
    let import = checked(&sheets);
    let e = &import.items[0].errors[0];
    assert_eq!(e.code, ErrorCode::UnknownField);
    assert_eq!(e.ctx["suggestion"], "office.subdistrict");
    assert_eq!(e.location.as_ref().unwrap().cell, "D2");
    assert!(import.items[0].record.is_none());

    let mut sheets = office_sheets(&[]);
    sheets[0].rows[1][3] = Cell::Text("office.code".into());
    let e = &checked(&sheets).items[0].errors[0];
    assert_eq!(e.code, ErrorCode::DuplicateKey);
}

#[test]
fn header_rows_may_be_chinese_ids_or_both_in_one_cell() {
    let records = vec![township()];
    let full = flat::sheets_of(&records);
    let cols = &layout().offices;
    for header in [
        cols.iter().map(|c| Cell::Text(c.id.clone())).collect::<Vec<_>>(),
        cols.iter().map(|c| Cell::Text(c.header.clone())).collect(),
        cols.iter().map(|c| Cell::Text(c.header_with_id())).collect(),
    ] {
        let sheet = Sheet {
            name: "offices.csv".into(),
            rows: std::iter::once(header)
                .chain(full[0].rows[2..].iter().cloned())
                .collect(),
        };
        let import = flat::import("offices.csv", std::slice::from_ref(&sheet), true);
        assert_eq!(import.items.len(), 1);
        let r = import.items[0].record.as_ref().unwrap();
        assert_eq!(r["office"]["code"], "110112107");
        assert_eq!(r["support"]["premises"]["total_area_m2"], 110.0);
    }
}

#[test]
fn csv_reader_handles_quotes_bom_and_refuses_gbk() {
    let text = "\u{feff}office.code,notes\r\n\"1,2\",\"say \"\"hi\"\"\nnext line\"\r\n3,\n";
    let s = flat::read_csv("x.csv", text.as_bytes()).unwrap();
    assert_eq!(
        s.rows[1],
        vec![Cell::Text("1,2".into()), Cell::Text("say \"hi\"\nnext line".into())]
    );
    assert_eq!(s.rows[2], vec![Cell::Text("3".into()), Cell::Empty]);
    // 司法所 in GBK
    let gbk = b"office.code\n\xcb\xbe\xb7\xa8\xcb\xf9\n";
    let e = flat::read_csv("x.csv", gbk).unwrap_err();
    assert_eq!(e.code, ErrorCode::InvalidJson);
    assert!(e.message_en.contains("UTF-8"), "{}", e.message_en);
    assert!(flat::read_csv("x.csv", b"a,\"open").is_err());
    // a CSV written by write_csv reads back cell for cell
    let sheet = Sheet {
        name: "x.csv".into(),
        rows: vec![vec![
            Cell::Text(" a ".into()),
            Cell::Number(1.5),
            Cell::Text("x,\"y\"".into()),
        ]],
    };
    let back = flat::read_csv("x.csv", flat::write_csv(&sheet).as_bytes()).unwrap();
    assert_eq!(
        back.rows[0],
        vec![
            Cell::Text(" a ".into()),
            Cell::Text("1.5".into()),
            Cell::Text("x,\"y\"".into())
        ]
    );
}

#[test]
fn garbage_workbooks_are_errors_not_panics() {
    for bytes in [&b""[..], b"PK\x03\x04garbage", b"not a zip at all", &[0u8; 1000]] {
        assert!(xlsx::read_xlsx(bytes).is_err());
    }
    // a sheet that is not ours
    let sheets = vec![Sheet {
        name: "Sheet1".into(),
        rows: vec![vec![Cell::Text("hello".into()), Cell::Text("world".into())]],
    }];
    let import = flat::import("x.xlsx", &sheets, false);
    assert_eq!(import.items.len(), 1);
    assert_eq!(import.items[0].errors[0].code, ErrorCode::UnknownFormat);
}

#[test]
fn scoring_sheets_gives_a_row_per_record_with_cells_on_errors() {
    let mut records = sample();
    records.truncate(40);
    let mut sheets = flat::sheets_of(&records);
    let area = layout()
        .offices
        .iter()
        .position(|c| c.id == "support.premises.total_area_m2")
        .unwrap();
    sheets[0].rows[5][area] = Cell::Text("n/a".into());
    let import = flat::import("s.xlsx", &sheets, false);
    let rows = import.score(&sheets, &Parameters::default());
    assert_eq!(rows.len(), 40);
    let invalid: Vec<_> = rows
        .iter()
        .filter_map(|r| match &r.outcome {
            sifasuo::batch::Outcome::Invalid { errors } => Some((r.source.line, errors)),
            _ => None,
        })
        .collect();
    assert_eq!(invalid.len(), 1);
    assert_eq!(invalid[0].0, 6);
    let loc = invalid[0].1[0].location.as_ref().unwrap();
    assert_eq!(loc.cell, format!("{}6", column_letters(area)));
    assert_eq!(json!(loc.value), json!("n/a"));
}

mod csv_props {
    use proptest::prelude::*;
    use sifasuo::flat::{self, Cell, Sheet};

    fn cell() -> impl Strategy<Value = Cell> {
        prop_oneof![
            Just(Cell::Empty),
            "[a-z ,\"\r\n\u{4e00}-\u{4e10}]{0,12}".prop_map(Cell::Text),
            (-1.0e6f64..1.0e6).prop_map(Cell::Number),
        ]
    }

    /// What a cell reads back as from CSV: text (numbers as written), empty text as empty.
    fn as_read(c: &Cell) -> Cell {
        match c {
            Cell::Empty => Cell::Empty,
            Cell::Text(s) if s.is_empty() => Cell::Empty,
            other => Cell::Text(other.text()),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn written_csv_reads_back_cell_for_cell(rows in prop::collection::vec(prop::collection::vec(cell(), 1..6), 1..8)) {
            let sheet = Sheet { name: "p.csv".into(), rows: rows.clone() };
            let back = flat::read_csv("p.csv", flat::write_csv(&sheet).as_bytes()).unwrap();
            let want: Vec<Vec<Cell>> = rows.iter().map(|r| r.iter().map(as_read).collect()).collect();
            prop_assert_eq!(back.rows, want);
        }

        #[test]
        fn any_text_reads_without_panic(text in "[a-z0-9,\"\r\n .\u{4e00}-\u{4e05}]{0,200}") {
            if let Ok(sheet) = flat::read_csv("x.csv", text.as_bytes()) {
                let mut import = flat::import("x.csv", std::slice::from_ref(&sheet), true);
                import.check(std::slice::from_ref(&sheet));
            }
        }
    }
}

#[test]
fn errors_of_a_second_workbook_show_that_workbook_s_cell() {
    let good = office_sheets(&[]);
    let mut street: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/examples/office-street-2023.json")).unwrap())
            .unwrap();
    street["notes"] = json!("x");
    let mut bad = flat::sheets_of(&[street]);
    let notes = layout().offices.iter().position(|c| c.id == "notes").unwrap();
    let area = layout()
        .offices
        .iter()
        .position(|c| c.id == "support.premises.total_area_m2")
        .unwrap();
    bad[0].rows[2][area] = Cell::Text("大约120".into());
    // the same cell of the first workbook holds something else
    let mut good = good;
    good[0].rows[2][notes] = Cell::Text("first".into());
    let files: Vec<(&str, &[Sheet], bool)> = vec![("a.xlsx", &good, false), ("b.xlsx", &bad, false)];
    let mut import = flat::import_many(&files);
    let all: Vec<Sheet> = good.iter().chain(bad.iter()).cloned().collect();
    import.check(&all);
    let errors: Vec<&ValidationError> = import.items.iter().flat_map(|i| &i.errors).collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let loc = errors[0].location.as_ref().unwrap();
    assert_eq!(loc.file, "b.xlsx");
    assert_eq!(loc.value.as_deref(), Some("大约120"));
}
