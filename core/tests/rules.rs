//! Every rule of the catalogue: pass, fail and (where the method allows) partial, not_applicable
//! and missing_data, on the spec's example records edited with serde_json; and the spec's edge cases.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::{json, Value};
use sifasuo::report::{Finding, Grade, Report};
use sifasuo::rules::{catalogue, district_rules, office_rules, Dimension, Severity, Status};
use sifasuo::score::{score, score_district, score_with};
use sifasuo::{DistrictRecord, OfficeRecord, Parameters, Record};

// ---------------------------------------------------------------------------------------------
// helpers

const ABSENT: Value = Value::Null;

fn example(name: &str) -> Value {
    let path = format!("{}/../tests/examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn street() -> Value {
    example("office-street-2023")
}

fn township() -> Value {
    example("office-township-2023")
}

fn district() -> Value {
    example("district-2023")
}

/// Sets the value at a JSON Pointer, creating objects on the way; `ABSENT` removes the key.
fn set(v: &mut Value, ptr: &str, x: Value) {
    let tokens: Vec<&str> = ptr.trim_start_matches('/').split('/').collect();
    let (last, parents) = tokens.split_last().unwrap();
    let mut cur = v;
    for t in parents {
        cur = match cur {
            Value::Array(a) => &mut a[t.parse::<usize>().unwrap()],
            Value::Object(o) => o.entry(t.to_string()).or_insert_with(|| json!({})),
            _ => panic!("cannot descend into {ptr}"),
        };
    }
    match cur {
        Value::Array(a) => a[last.parse::<usize>().unwrap()] = x,
        Value::Object(o) if x.is_null() => {
            o.remove(*last);
        }
        Value::Object(o) => {
            o.insert(last.to_string(), x);
        }
        _ => panic!("cannot set {ptr}"),
    }
}

fn edit(mut v: Value, edits: &[(&str, Value)]) -> Value {
    for (p, x) in edits {
        set(&mut v, p, x.clone());
    }
    v
}

fn office(v: &Value) -> OfficeRecord {
    match sifasuo::validate::from_value(v) {
        Ok(Record::Office(o)) => *o,
        Ok(Record::District(_)) => panic!("not an office"),
        Err(e) => panic!("invalid test record: {e:?}"),
    }
}

fn district_record(v: &Value) -> DistrictRecord {
    match sifasuo::validate::from_value(v) {
        Ok(Record::District(d)) => d,
        Ok(Record::Office(_)) => panic!("not a district"),
        Err(e) => panic!("invalid test record: {e:?}"),
    }
}

fn report(v: &Value) -> Report {
    score(&office(v), &Parameters::default())
}

fn finding_of(r: &Report, rule: &str) -> Finding {
    r.finding(rule).unwrap_or_else(|| panic!("no finding {rule}")).clone()
}

/// Scores `v` and checks one rule's status and points.
#[track_caller]
fn expect(v: &Value, rule: &str, status: Status, points: f64) -> Finding {
    let f = finding_of(&report(v), rule);
    assert_eq!(f.status, status, "{rule}: {f:#?}");
    assert!(
        (f.points - points).abs() < 0.006,
        "{rule}: points {} ≠ {points}",
        f.points
    );
    assert!(!f.message.is_empty() && !f.message_en.is_empty());
    f
}

#[track_caller]
fn expect_missing(v: &Value, rule: &str, paths: &[&str]) -> Finding {
    let r = report(v);
    let f = finding_of(&r, rule);
    assert_eq!(f.status, Status::MissingData, "{rule}: {f:#?}");
    assert_eq!(f.points, 0.0);
    assert_eq!(f.paths, paths, "{rule}");
    for p in paths {
        assert!(
            r.missing_fields.iter().any(|m| m == p),
            "{rule}: {p} not in missing_fields"
        );
        assert!(
            f.message.contains(p) && f.message_en.contains(p),
            "{rule}: message names {p}"
        );
    }
    f
}

fn max_points(rule: &str) -> f64 {
    Parameters::default().rule(rule).unwrap().points
}

/// An all-or-nothing yes/no rule: true passes, false fails, absent is missing.
#[track_caller]
fn flag_rule(rule: &str, path: &str) {
    let pts = max_points(rule);
    let f = expect(&edit(street(), &[(path, json!(true))]), rule, Status::Pass, pts);
    assert_eq!(f.max_points, pts);
    assert_eq!(f.paths, [path]);
    assert!(f.message.ends_with("符合要求"), "{}", f.message);
    let f = expect(&edit(street(), &[(path, json!(false))]), rule, Status::Fail, 0.0);
    assert_eq!((f.observed, f.expected), (Some(json!(false)), Some(json!(true))));
    assert_eq!(f.paths, [path]);
    expect_missing(&edit(street(), &[(path, ABSENT)]), rule, &[path]);
}

/// A coverage rule: whole `w`; part = whole passes, part < whole partial, part 0 fails, whole 0
/// is not applicable, an absent part is missing. `keep` edits keep the record valid (other parts
/// of the same whole), `zero` edits go with a whole of 0.
#[track_caller]
fn coverage_rule(rule: &str, part: &str, whole: &str, w: u32, keep: &[(&str, Value)], zero: &[(&str, Value)]) {
    let pts = max_points(rule);
    let with = |p: u32| {
        let mut edits = vec![(whole, json!(w)), (part, json!(p))];
        edits.extend(keep.iter().cloned());
        edit(street(), &edits)
    };
    let f = expect(&with(w), rule, Status::Pass, pts);
    assert_eq!(f.shortfall, None);
    let f = expect(
        &with(w - 1),
        rule,
        Status::Partial,
        pts * f64::from(w - 1) / f64::from(w),
    );
    assert_eq!(f.shortfall, Some(1.0));
    assert_eq!(
        (f.observed, f.expected),
        (Some(json!(f64::from(w - 1))), Some(json!(f64::from(w))))
    );
    assert!(f.message.contains(&format!("{}/{w}", w - 1)), "{}", f.message);
    let f = expect(&with(0), rule, Status::Fail, 0.0);
    assert_eq!(f.shortfall, Some(f64::from(w)));
    let mut edits = vec![(whole, json!(0)), (part, json!(0))];
    edits.extend(zero.iter().cloned());
    let f = expect(&edit(street(), &edits), rule, Status::NotApplicable, 0.0);
    assert!(f.message.contains("不适用"));
    let r = report(&edit(street(), &edits));
    assert!(
        r.problems().iter().all(|p| p.rule != rule),
        "not_applicable is no problem"
    );
    let mut edits = vec![(whole, json!(w)), (part, ABSENT)];
    edits.extend(keep.iter().cloned());
    expect_missing(&edit(street(), &edits), rule, &[part]);
}

/// A target rule: at or above target passes, half partial, 0 fails, absent missing.
#[track_caller]
fn target_rule(base: Value, rule: &str, path: &str, target: u32, score_it: impl Fn(&Value) -> Finding) {
    let pts = max_points(rule);
    let check = |n: Option<u32>, status: Status, points: f64| {
        let v = edit(base.clone(), &[(path, n.map_or(ABSENT, |n| json!(n)))]);
        let f = score_it(&v);
        assert_eq!(f.status, status, "{rule} with {n:?}");
        assert!((f.points - points).abs() < 0.006, "{rule} with {n:?}: {}", f.points);
        f
    };
    check(Some(target), Status::Pass, pts);
    check(Some(target * 3), Status::Pass, pts);
    if target >= 2 {
        let f = check(
            Some(target / 2),
            Status::Partial,
            pts * f64::from(target / 2) / f64::from(target),
        );
        assert_eq!(f.shortfall, Some(f64::from(target - target / 2)));
        assert_eq!(f.expected, Some(json!(f64::from(target))));
    }
    let f = check(Some(0), Status::Fail, 0.0);
    assert_eq!(f.shortfall, Some(f64::from(target)));
    let f = check(None, Status::MissingData, 0.0);
    assert_eq!(f.paths, [path]);
}

// ---------------------------------------------------------------------------------------------
// the catalogue as a whole

#[test]
fn dimension_totals_are_those_of_the_plan() {
    let p = Parameters::default();
    let sum = |d: Dimension| -> f64 {
        catalogue(&p)
            .iter()
            .filter(|r| r.dimension == d && r.severity != Severity::Bonus)
            .map(|r| r.points)
            .sum()
    };
    assert_eq!(sum(Dimension::Political), 10.0);
    assert_eq!(sum(Dimension::Business), 50.0);
    assert_eq!(sum(Dimension::Staffing), 15.0);
    assert_eq!(sum(Dimension::Support), 25.0);
    let by_task = |t: u8| -> f64 {
        catalogue(&p)
            .iter()
            .filter(|r| r.applies_to == "office" && r.task == t && r.severity != Severity::Bonus)
            .map(|r| r.points)
            .sum()
    };
    assert_eq!([4, 5, 6, 7, 8, 9].map(by_task), [10.0, 8.0, 8.0, 10.0, 7.0, 7.0]);
    let bonus: Vec<&str> = office_rules()
        .filter(|r| r.severity == Severity::Bonus)
        .map(|r| r.id)
        .collect();
    assert_eq!(bonus, ["t09-reconsideration-intake", "t14-self-service"]);
    let veto: Vec<&str> = office_rules()
        .filter(|r| r.severity == Severity::Veto)
        .map(|r| r.id)
        .collect();
    assert_eq!(veto, ["t07-no-loss-of-supervision", "t08-no-serious-reoffence"]);
    for year in 2022..=2024 {
        let total: f64 = district_rules()
            .filter(|r| r.year.is_none_or(|y| y == year))
            .map(|r| r.points)
            .sum();
        assert_eq!(total, 100.0, "district rules of {year}");
    }
}

#[test]
fn report_dimensions_follow_the_plan() {
    let r = report(&township());
    let ids: Vec<&str> = r.dimensions.iter().map(|d| d.id.id()).collect();
    assert_eq!(ids, ["political", "business", "staffing", "support"]);
    let maxima: Vec<f64> = r.dimensions.iter().map(|d| d.max_points).collect();
    assert_eq!(maxima, [10.0, 50.0, 15.0, 25.0]);
    // Findings come in catalogue order, one per office rule.
    let rules: Vec<&str> = office_rules().map(|r| r.id).collect();
    let found: Vec<&str> = r.findings.iter().map(|f| &*f.rule).collect();
    assert_eq!(found, rules);
}

#[test]
fn mandatory_rules_are_the_plans_explicit_numbers() {
    let mandatory: Vec<&str> = office_rules()
        .filter(|r| r.severity == Severity::Mandatory)
        .map(|r| r.id)
        .collect();
    assert_eq!(
        mandatory,
        [
            "t04-normative-document-review",
            "t04-major-decision-review",
            "t05-subdistrict-committee",
            "t05-unit-committees",
            "t06-legal-savvy-persons",
            "t06-subdistrict-culture-site",
            "t06-unit-culture-sites",
            "t10-legal-professional",
            "t10-dedicated-legal-post",
            "t13-total-area",
            "t13-business-area",
            "t13-archive",
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// 二（一）政治建设

#[test]
fn t01_study_mechanism() {
    flag_rule("t01-study-mechanism", "/political/study_mechanism");
}

#[test]
fn t02_party_life() {
    flag_rule("t02-party-life", "/political/party_life");
}

#[test]
fn t03_discipline() {
    let rule = "t03-discipline";
    expect(&street(), rule, Status::Pass, 3.0);
    let f = expect(
        &edit(street(), &[("/political/three_provisions", json!(false))]),
        rule,
        Status::Partial,
        1.5,
    );
    assert_eq!(f.shortfall, Some(1.0));
    assert!(f.message.contains("三个规定"), "{}", f.message);
    let f = expect(
        &edit(street(), &[("/political/discipline_violations", json!(2))]),
        rule,
        Status::Partial,
        1.5,
    );
    assert!(f.message.contains("违反纪律作风问题2起"), "{}", f.message);
    assert!(f.message_en.contains("2 discipline violations"), "{}", f.message_en);
    let f = expect(
        &edit(street(), &[("/political/discipline_violations", json!(1))]),
        rule,
        Status::Partial,
        1.5,
    );
    assert!(f.message_en.contains("1 discipline violation ("), "{}", f.message_en);
    let v = edit(
        street(),
        &[
            ("/political/three_provisions", json!(false)),
            ("/political/discipline_violations", json!(1)),
        ],
    );
    expect(&v, rule, Status::Fail, 0.0);
    expect_missing(
        &edit(street(), &[("/political/discipline_violations", ABSENT)]),
        rule,
        &["/political/discipline_violations"],
    );
    let v = edit(street(), &[("/political", json!({}))]);
    expect_missing(
        &v,
        rule,
        &["/political/three_provisions", "/political/discipline_violations"],
    );
}

// ---------------------------------------------------------------------------------------------
// 二（二）4 依法行政

#[test]
fn t04_normative_document_review() {
    coverage_rule(
        "t04-normative-document-review",
        "/administration/normative_documents/reviewed",
        "/administration/normative_documents/total",
        5,
        &[],
        &[],
    );
}

#[test]
fn t04_major_decision_review() {
    coverage_rule(
        "t04-major-decision-review",
        "/administration/major_decisions/reviewed",
        "/administration/major_decisions/total",
        2,
        &[],
        &[],
    );
}

#[test]
fn t04_enforcement_decision_review() {
    coverage_rule(
        "t04-enforcement-decision-review",
        "/administration/enforcement_decisions/reviewed",
        "/administration/enforcement_decisions/total",
        10,
        &[],
        &[],
    );
}

#[test]
fn t04_office_meetings() {
    coverage_rule(
        "t04-office-meetings",
        "/administration/office_meetings/attended",
        "/administration/office_meetings/total",
        24,
        &[],
        &[],
    );
    let f = expect(&street(), "t04-office-meetings", Status::Partial, 22.0 / 24.0);
    assert_eq!(
        f.message,
        "所长列席街道主任（乡镇长）办公会：22/24次，覆盖率91.7%，还差2次"
    );
    assert_eq!(
        f.message_en,
        "director attending subdistrict office meetings: 22 of 24 times (91.7%): 2 times short"
    );
}

#[test]
fn t04_pre_meeting_law_study() {
    flag_rule("t04-pre-meeting-law-study", "/administration/pre_meeting_law_study");
}

#[test]
fn t04_reconsideration_litigation() {
    coverage_rule(
        "t04-reconsideration-litigation",
        "/administration/reconsideration_litigation/handled",
        "/administration/reconsideration_litigation/total",
        3,
        &[],
        &[],
    );
}

#[test]
fn coverage_needs_both_part_and_whole() {
    let rule = "t04-normative-document-review";
    expect_missing(
        &edit(street(), &[("/administration/normative_documents/total", ABSENT)]),
        rule,
        &["/administration/normative_documents/total"],
    );
    expect_missing(
        &edit(street(), &[("/administration/normative_documents", ABSENT)]),
        rule,
        &[
            "/administration/normative_documents/reviewed",
            "/administration/normative_documents/total",
        ],
    );
    // Whole 0 → not applicable; part 0 of a positive whole → fail (and mandatory: grade capped).
    let v = edit(
        street(),
        &[
            ("/administration/normative_documents/total", json!(0)),
            ("/administration/normative_documents/reviewed", json!(0)),
        ],
    );
    let r = report(&v);
    assert_eq!(finding_of(&r, rule).status, Status::NotApplicable);
    assert_eq!(r.grade, Grade::Exemplary);
    let v = edit(street(), &[("/administration/normative_documents/reviewed", json!(0))]);
    let r = report(&v);
    assert_eq!(finding_of(&r, rule).status, Status::Fail);
    assert_eq!(r.grade, Grade::BasicallyCompliant);
}

// ---------------------------------------------------------------------------------------------
// 二（二）5 矛盾纠纷化解

#[test]
fn t05_subdistrict_committee() {
    flag_rule("t05-subdistrict-committee", "/mediation/subdistrict_committee");
}

#[test]
fn t05_unit_committees() {
    let rule = "t05-unit-committees";
    expect(&street(), rule, Status::Pass, 2.0);
    let f = expect(&township(), rule, Status::Partial, 2.0 * 6.0 / 7.0);
    assert_eq!(f.units_failing.len(), 1);
    assert_eq!(f.units_failing[0].name, "马头村");
    assert_eq!(f.units_failing[0].observed, json!(false));
    assert_eq!(f.paths, ["/units/6/mediation_committee"]);
    assert_eq!(f.shortfall, Some(1.0));
    assert_eq!(
        f.message_en,
        "community/village mediation committees: 1 of 7 units without a lawfully established mediation committee: 马头村"
    );
    let mut v = street();
    for i in 0..3 {
        set(&mut v, &format!("/units/{i}/mediation_committee"), json!(false));
    }
    let f = expect(&v, rule, Status::Fail, 0.0);
    assert_eq!(f.units_failing.len(), 3);
    per_unit_edge_cases(rule, "mediation_committee");
}

#[test]
fn t05_work_system() {
    flag_rule("t05-work-system", "/mediation/work_system");
}

#[test]
fn t05_pre_litigation() {
    flag_rule("t05-pre-litigation", "/mediation/pre_litigation");
}

#[test]
fn t05_administrative_mediation() {
    flag_rule("t05-administrative-mediation", "/mediation/administrative_mediation");
}

#[test]
fn t05_local_resolution() {
    coverage_rule(
        "t05-local-resolution",
        "/mediation/disputes/resolved_locally",
        "/mediation/disputes/total",
        120,
        &[("/mediation/disputes/resolved", json!(120))],
        &[("/mediation/disputes/resolved", json!(0))],
    );
}

/// Units absent → missing `/units`; `[]` → not applicable; a unit lacking the field → missing
/// naming that unit's path.
#[track_caller]
fn per_unit_edge_cases(rule: &str, field: &str) {
    expect_missing(&edit(street(), &[("/units", ABSENT)]), rule, &["/units"]);
    let f = expect(
        &edit(street(), &[("/units", json!([]))]),
        rule,
        Status::NotApplicable,
        0.0,
    );
    assert!(f.message.contains("没有社区（村）"), "{}", f.message);
    let path = format!("/units/1/{field}");
    expect_missing(&edit(street(), &[(&path, ABSENT)]), rule, &[&path]);
}

// ---------------------------------------------------------------------------------------------
// 二（二）6 普法依法治理

#[test]
fn t06_legal_savvy_persons() {
    let rule = "t06-legal-savvy-persons";
    let f = expect(&township(), rule, Status::Partial, 2.0);
    let names: Vec<&str> = f.units_failing.iter().map(|u| u.name.as_str()).collect();
    assert_eq!(names, ["南阳村", "军屯村"]);
    assert_eq!(f.units_failing[0].observed, json!(1));
    assert_eq!(f.units_failing[1].observed, json!(2));
    assert_eq!(
        f.paths,
        ["/units/3/legal_savvy_persons", "/units/5/legal_savvy_persons"]
    );
    assert_eq!(
        (f.observed.clone(), f.expected.clone()),
        (Some(json!(4)), Some(json!(6)))
    );
    assert_eq!(f.shortfall, Some(2.0));
    assert_eq!(
        f.message,
        "乡村“法律明白人”培养：6个行政村中2个不足3名“法律明白人”：南阳村（1）、军屯村（2）"
    );
    assert_eq!(
        f.message_en,
        "legal-savvy persons in villages: 2 of 6 villages below 3 legal-savvy persons: 南阳村 (1), 军屯村 (2)"
    );
    // Communities are not counted: the community with 0 does not fail.
    let v = edit(
        township(),
        &[
            ("/units/3/legal_savvy_persons", json!(3)),
            ("/units/5/legal_savvy_persons", json!(5)),
        ],
    );
    expect(&v, rule, Status::Pass, 3.0);
    let mut v = township();
    for i in 1..7 {
        set(&mut v, &format!("/units/{i}/legal_savvy_persons"), json!(2));
    }
    let f = expect(&v, rule, Status::Fail, 0.0);
    assert_eq!(f.units_failing.len(), 6);
    // No villages (street): not applicable, and the dimension is rescaled, not penalised.
    let r = report(&street());
    let f = finding_of(&r, rule);
    assert_eq!(f.status, Status::NotApplicable);
    assert!(f.message.contains("没有行政村"), "{}", f.message);
    assert_eq!(
        f.message_en,
        "legal-savvy persons in villages: not applicable (no villages)"
    );
    let business = r.dimensions.iter().find(|d| d.id == Dimension::Business).unwrap();
    assert_eq!(business.max_points, 47.0);
    // A community lacking the count does not matter; a village lacking it is missing.
    expect(
        &edit(township(), &[("/units/0/legal_savvy_persons", ABSENT)]),
        rule,
        Status::Partial,
        2.0,
    );
    expect_missing(
        &edit(township(), &[("/units/3/legal_savvy_persons", ABSENT)]),
        rule,
        &["/units/3/legal_savvy_persons"],
    );
    // A unit whose kind is unknown might be a village: missing, naming its kind.
    expect_missing(
        &edit(township(), &[("/units/2/kind", ABSENT)]),
        rule,
        &["/units/2/kind"],
    );
    expect_missing(&edit(township(), &[("/units", ABSENT)]), rule, &["/units"]);
    expect(
        &edit(township(), &[("/units", json!([]))]),
        rule,
        Status::NotApplicable,
        0.0,
    );
    // A stricter threshold is applied and named.
    let p = Parameters::from_override_json(r#"{"id": "x", "thresholds": {"legal_savvy_persons": 4}}"#).unwrap();
    let f = finding_of(&score(&office(&township()), &p), rule);
    assert_eq!(f.units_failing.len(), 5);
    assert!(f.message.contains("不足4名"), "{}", f.message);
}

#[test]
fn t06_subdistrict_culture_site() {
    let rule = "t06-subdistrict-culture-site";
    let path = "/legal_education/subdistrict_culture_sites";
    expect(&street(), rule, Status::Pass, 1.0);
    expect(&edit(street(), &[(path, json!(3))]), rule, Status::Pass, 1.0);
    let f = expect(&edit(street(), &[(path, json!(0))]), rule, Status::Fail, 0.0);
    assert_eq!(f.shortfall, Some(1.0));
    assert_eq!(f.message, "街道（乡镇）法治文化阵地0个，低于1个，还差1个");
    assert_eq!(
        f.message_en,
        "subdistrict rule-of-law culture sites: 0 units, below the 1 unit minimum: 1 unit short"
    );
    expect_missing(&edit(street(), &[(path, ABSENT)]), rule, &[path]);
}

#[test]
fn t06_unit_culture_sites() {
    let rule = "t06-unit-culture-sites";
    expect(&street(), rule, Status::Pass, 2.0);
    let f = expect(&township(), rule, Status::Partial, 2.0 * 6.0 / 7.0);
    assert_eq!(f.units_failing.len(), 1);
    assert_eq!(f.units_failing[0].name, "军屯村");
    assert_eq!(f.units_failing[0].observed, json!(0));
    assert_eq!(f.paths, ["/units/5/culture_sites"]);
    let mut v = street();
    for i in 0..3 {
        set(&mut v, &format!("/units/{i}/culture_sites"), json!(0));
    }
    expect(&v, rule, Status::Fail, 0.0);
    per_unit_edge_cases(rule, "culture_sites");
}

#[test]
fn t06_responsibility_system() {
    flag_rule("t06-responsibility-system", "/legal_education/responsibility_system");
}

#[test]
fn t06_democracy_demo() {
    let rule = "t06-democracy-demo";
    let f = expect(&street(), rule, Status::Pass, 1.0);
    assert_eq!(f.observed, Some(json!(1)));
    // One demo unit is enough, even when another unit did not report.
    expect(
        &edit(street(), &[("/units/1/democracy_demo", ABSENT)]),
        rule,
        Status::Pass,
        1.0,
    );
    // No demo unit: fail…
    let f = expect(
        &edit(street(), &[("/units/0/democracy_demo", json!(false))]),
        rule,
        Status::Fail,
        0.0,
    );
    assert_eq!(f.shortfall, Some(1.0));
    assert_eq!(f.observed, Some(json!(0)));
    // …unless a unit did not report, then missing naming it.
    let v = edit(
        street(),
        &[
            ("/units/0/democracy_demo", json!(false)),
            ("/units/2/democracy_demo", ABSENT),
        ],
    );
    expect_missing(&v, rule, &["/units/2/democracy_demo"]);
    expect_missing(&edit(street(), &[("/units", ABSENT)]), rule, &["/units"]);
    expect(
        &edit(street(), &[("/units", json!([]))]),
        rule,
        Status::NotApplicable,
        0.0,
    );
}

// ---------------------------------------------------------------------------------------------
// 二（二）7 社区矫正

/// No persons under community correction this year (every count of them 0).
fn no_subjects() -> Vec<(&'static str, Value)> {
    ["subjects", "with_team", "with_plan", "with_archive", "nine_clear"]
        .map(|k| match k {
            "subjects" => ("/community_correction/subjects", json!(0)),
            "with_team" => ("/community_correction/with_team", json!(0)),
            "with_plan" => ("/community_correction/with_plan", json!(0)),
            "with_archive" => ("/community_correction/with_archive", json!(0)),
            _ => ("/community_correction/nine_clear", json!(0)),
        })
        .to_vec()
}

#[test]
fn t07_correction_committee() {
    flag_rule("t07-correction-committee", "/community_correction/committee");
}

#[test]
fn t07_announcement_venue() {
    let rule = "t07-announcement-venue";
    let base = "/community_correction/announcement_venue";
    expect(&street(), rule, Status::Pass, 2.0);
    let f = expect(
        &edit(street(), &[(&format!("{base}/it_equipment"), json!(false))]),
        rule,
        Status::Partial,
        4.0 / 3.0,
    );
    assert_eq!(f.message, "社区矫正宣告场所：未配备信息化设备（2/3项符合）");
    assert_eq!(f.message_en, "announcement venue: no IT equipment (2 of 3 items met)");
    assert_eq!(
        (f.observed, f.expected, f.shortfall),
        (Some(json!(2)), Some(json!(3)), Some(1.0))
    );
    let v = edit(
        street(),
        &[(
            base,
            json!({"standardized": false, "office_facilities": false, "it_equipment": false}),
        )],
    );
    expect(&v, rule, Status::Fail, 0.0);
    let path = format!("{base}/office_facilities");
    expect_missing(&edit(street(), &[(&path, ABSENT)]), rule, &[&path]);
}

#[test]
fn t07_supervision_measures() {
    let rule = "t07-supervision-measures";
    let c = "/community_correction";
    expect(&street(), rule, Status::Pass, 2.0);
    // The lesser of teams and plans counts.
    let v = edit(
        street(),
        &[
            (&format!("{c}/with_team"), json!(7)),
            (&format!("{c}/with_plan"), json!(6)),
        ],
    );
    let f = expect(&v, rule, Status::Partial, 1.5);
    assert_eq!(f.shortfall, Some(2.0));
    expect(
        &edit(street(), &[(&format!("{c}/with_plan"), json!(0))]),
        rule,
        Status::Fail,
        0.0,
    );
    // No daily assessment and classification: nothing.
    let f = expect(
        &edit(street(), &[(&format!("{c}/assessment_classification"), json!(false))]),
        rule,
        Status::Fail,
        0.0,
    );
    assert!(f.message.contains("分类管理"));
    let f = expect(&edit(street(), &no_subjects()), rule, Status::NotApplicable, 0.0);
    assert!(f.message.contains("无社区矫正对象"));
    expect_missing(
        &edit(street(), &[(&format!("{c}/with_team"), ABSENT)]),
        rule,
        &["/community_correction/with_team"],
    );
    expect_missing(
        &edit(street(), &[(&format!("{c}/assessment_classification"), ABSENT)]),
        rule,
        &["/community_correction/assessment_classification"],
    );
}

#[test]
fn t07_nine_clear() {
    coverage_rule(
        "t07-nine-clear",
        "/community_correction/nine_clear",
        "/community_correction/subjects",
        8,
        &[],
        &no_subjects(),
    );
    // Subjects 0: not applicable even when the count is not reported.
    let mut v = edit(street(), &no_subjects());
    set(&mut v, "/community_correction/nine_clear", ABSENT);
    expect(&v, "t07-nine-clear", Status::NotApplicable, 0.0);
    expect_missing(
        &edit(street(), &[("/community_correction/subjects", ABSENT)]),
        "t07-nine-clear",
        &["/community_correction/subjects"],
    );
}

#[test]
fn t07_archives() {
    coverage_rule(
        "t07-archives",
        "/community_correction/with_archive",
        "/community_correction/subjects",
        8,
        &[],
        &no_subjects(),
    );
}

#[test]
fn t07_analysis_meetings() {
    let rule = "t07-analysis-meetings";
    let m = "/community_correction/analysis_meetings";
    target_rule(street(), rule, &format!("{m}/held"), 12, |v| {
        finding_of(&report(v), rule)
    });
    // `required` absent → the edition's default of 12.
    let f = expect(
        &edit(
            street(),
            &[(&format!("{m}/required"), ABSENT), (&format!("{m}/held"), json!(6))],
        ),
        rule,
        Status::Partial,
        0.5,
    );
    assert_eq!(f.expected, Some(json!(12.0)));
    assert_eq!(
        f.message_en,
        "dynamic analysis meetings: 6 against a target of 12: 6 short"
    );
    expect(
        &edit(street(), &[(&format!("{m}/required"), ABSENT)]),
        rule,
        Status::Pass,
        1.0,
    );
    // A record's own `required` wins.
    expect(
        &edit(
            street(),
            &[(&format!("{m}/required"), json!(4)), (&format!("{m}/held"), json!(4))],
        ),
        rule,
        Status::Pass,
        1.0,
    );
    // `required` 0 → not applicable.
    expect(
        &edit(
            street(),
            &[(&format!("{m}/required"), json!(0)), (&format!("{m}/held"), json!(0))],
        ),
        rule,
        Status::NotApplicable,
        0.0,
    );
    // The township example reports no meetings at all.
    expect_missing(&township(), rule, &["/community_correction/analysis_meetings/held"]);
    // The default target is a parameter.
    let p = Parameters::from_override_json(r#"{"id": "x", "targets": {"analysis_meetings": 24}}"#).unwrap();
    let v = edit(street(), &[(&format!("{m}/required"), ABSENT)]);
    let f = finding_of(&score(&office(&v), &p), rule);
    assert_eq!(f.status, Status::Partial);
    assert_eq!(f.points, 0.5);
}

#[test]
fn t07_platform_records() {
    coverage_rule(
        "t07-platform-records",
        "/community_correction/platform_records/timely",
        "/community_correction/platform_records/total",
        96,
        &[],
        &[],
    );
}

#[test]
fn t07_police_station() {
    let rule = "t07-police-station";
    let base = "/community_correction/police_station";
    expect(&street(), rule, Status::Pass, 1.0);
    let v = edit(
        street(),
        &[
            (&format!("{base}/joint_control"), json!(false)),
            (&format!("{base}/information_sharing"), json!(false)),
        ],
    );
    let f = expect(&v, rule, Status::Partial, 1.0 / 3.0);
    assert_eq!(
        f.message,
        "与派出所工作制度：未建立信息通报制度；未建立联合管控制度（1/3项符合）"
    );
    assert_eq!(
        f.message_en,
        "arrangements with the police station: no information sharing; no joint control (1 of 3 items met)"
    );
    let v = edit(
        street(),
        &[(
            base,
            json!({"information_sharing": false, "regular_consultation": false, "joint_control": false}),
        )],
    );
    expect(&v, rule, Status::Fail, 0.0);
    let path = format!("{base}/regular_consultation");
    expect_missing(&edit(street(), &[(&path, ABSENT)]), rule, &[&path]);
}

#[test]
fn t07_no_loss_of_supervision_is_a_veto() {
    let rule = "t07-no-loss-of-supervision";
    let c = "/community_correction";
    let f = expect(&street(), rule, Status::Pass, 0.0);
    assert_eq!(f.max_points, 0.0);
    let r = report(&edit(street(), &[(&format!("{c}/escaped_supervision"), json!(1))]));
    let f = finding_of(&r, rule);
    assert_eq!(f.status, Status::Fail);
    assert_eq!(f.message, "社区矫正对象脱管漏管：发生脱管1人");
    assert_eq!(
        f.message_en,
        "correction subjects escaping or missed by supervision: 1 person escaped supervision"
    );
    assert_eq!(r.grade, Grade::NonCompliant);
    assert!(r.score > 99.0, "the veto does not cost points: {}", r.score);
    assert_eq!(r.problems()[0].rule, rule, "veto problems come first");
    let v = edit(
        street(),
        &[
            (&format!("{c}/escaped_supervision"), json!(2)),
            (&format!("{c}/missed_supervision"), json!(1)),
        ],
    );
    let f = expect(&v, rule, Status::Fail, 0.0);
    assert_eq!(f.shortfall, Some(3.0));
    assert_eq!(f.message_en, "correction subjects escaping or missed by supervision: 2 persons escaped supervision, 1 person missed by supervision");
    let r = report(&edit(street(), &[(&format!("{c}/missed_supervision"), ABSENT)]));
    assert_eq!(finding_of(&r, rule).paths, ["/community_correction/missed_supervision"]);
    assert_eq!(r.grade, Grade::Incomplete);
}

// ---------------------------------------------------------------------------------------------
// 二（二）8 安置帮教

#[test]
fn t08_ledger() {
    flag_rule("t08-ledger", "/resettlement/ledger");
}

#[test]
fn t08_key_person_plans() {
    coverage_rule(
        "t08-key-person-plans",
        "/resettlement/key_person_plans",
        "/resettlement/key_persons",
        2,
        &[],
        &[],
    );
}

#[test]
fn t08_emergency_plan() {
    flag_rule("t08-emergency-plan", "/resettlement/emergency_plan");
}

#[test]
fn t08_real_name_groups() {
    coverage_rule(
        "t08-real-name-groups",
        "/resettlement/real_name_groups",
        "/resettlement/persons",
        15,
        &[],
        &[
            ("/resettlement/key_persons", json!(0)),
            ("/resettlement/key_person_plans", json!(0)),
        ],
    );
}

#[test]
fn t08_no_serious_reoffence_is_a_veto() {
    let rule = "t08-no-serious-reoffence";
    let path = "/resettlement/serious_reoffences";
    expect(&street(), rule, Status::Pass, 1.0);
    let r = report(&edit(street(), &[(path, json!(1))]));
    let f = finding_of(&r, rule);
    assert_eq!((f.status, f.points, f.shortfall), (Status::Fail, 0.0, Some(1.0)));
    assert_eq!(f.message_en, "serious or vicious reoffences: 1 case");
    assert_eq!(r.grade, Grade::NonCompliant);
    let r = report(&edit(street(), &[(path, ABSENT)]));
    assert_eq!(finding_of(&r, rule).status, Status::MissingData);
    assert_eq!(r.grade, Grade::Incomplete);
}

// ---------------------------------------------------------------------------------------------
// 二（二）9 公共法律服务

#[test]
fn t09_service_station() {
    flag_rule("t09-service-station", "/public_legal_service/station/established");
}

#[test]
fn t09_station_layout() {
    flag_rule("t09-station-layout", "/public_legal_service/station/functional_zoning");
}

#[test]
fn t09_integration() {
    flag_rule(
        "t09-integration",
        "/public_legal_service/station/integrated_with_office",
    );
}

#[test]
fn t09_legal_advisors() {
    let rule = "t09-legal-advisors";
    expect(&street(), rule, Status::Pass, 1.0);
    let f = expect(
        &edit(street(), &[("/units/2/legal_advisor", json!(false))]),
        rule,
        Status::Partial,
        2.0 / 3.0,
    );
    assert_eq!(f.units_failing[0].name, "光华里社区");
    assert_eq!(f.paths, ["/units/2/legal_advisor"]);
    assert_eq!(
        f.message,
        "村（居）法律顾问：3个社区（村）中1个未配备法律顾问：光华里社区"
    );
    let mut v = street();
    for i in 0..3 {
        set(&mut v, &format!("/units/{i}/legal_advisor"), json!(false));
    }
    expect(&v, rule, Status::Fail, 0.0);
    per_unit_edge_cases(rule, "legal_advisor");
}

#[test]
fn t09_one_stop() {
    flag_rule("t09-one-stop", "/public_legal_service/one_stop");
}

#[test]
fn t09_special_campaigns() {
    let rule = "t09-special-campaigns";
    target_rule(street(), rule, "/public_legal_service/special_campaigns", 2, |v| {
        finding_of(&report(v), rule)
    });
    let f = expect(
        &edit(street(), &[("/public_legal_service/special_campaigns", json!(1))]),
        rule,
        Status::Partial,
        0.5,
    );
    assert_eq!(f.message, "专项法律服务活动：1次，目标2次，还差1次");
    assert_eq!(
        f.message_en,
        "special legal-service campaigns: 1 against a target of 2: 1 short"
    );
    let p = Parameters::from_override_json(r#"{"id": "x", "targets": {"special_campaigns": 0}}"#).unwrap();
    let f = finding_of(&score(&office(&street()), &p), rule);
    assert_eq!(f.status, Status::NotApplicable, "a target of 0 does not apply");
}

#[test]
fn t09_reconsideration_intake_is_a_bonus() {
    bonus_rule(
        "t09-reconsideration-intake",
        "/public_legal_service/reconsideration_intake",
    );
}

/// A bonus rule: met adds its points on top (capped at 100); not met is a 0-point `fail` that
/// never lowers the score or the grade and is not a problem.
#[track_caller]
fn bonus_rule(rule: &str, path: &str) {
    let off = report(&edit(township(), &[(path, json!(false))]));
    let on = report(&edit(township(), &[(path, json!(true))]));
    let f = finding_of(&off, rule);
    assert_eq!((f.status, f.points, f.severity), (Status::Fail, 0.0, Severity::Bonus));
    assert!(off.problems().iter().all(|p| p.rule != rule));
    assert_eq!(finding_of(&on, rule).status, Status::Pass);
    assert_eq!(off.bonus, 0.0);
    assert_eq!(on.bonus, 1.0);
    assert_eq!(on.base_score, off.base_score, "bonus is outside the base score");
    assert!((on.score - off.score - 1.0).abs() < 0.051);
    assert!(on.grade <= off.grade, "a met bonus never worsens the grade");
    let absent = report(&edit(township(), &[(path, ABSENT)]));
    assert_eq!(absent.score, off.score);
    assert_eq!(absent.grade, off.grade);
    // Dimension scores never include the bonus.
    assert_eq!(on.dimensions, off.dimensions);
}

// ---------------------------------------------------------------------------------------------
// 二（三）干部队伍建设

#[test]
fn t10_director() {
    flag_rule("t10-director", "/staffing/director_in_post");
    let f = expect(
        &edit(street(), &[("/staffing/director_in_post", json!(false))]),
        "t10-director",
        Status::Fail,
        0.0,
    );
    assert_eq!(f.message, "所长在岗：所长不在岗");
}

#[test]
fn t10_legal_professional() {
    let rule = "t10-legal-professional";
    let path = "/staffing/legal_professionals";
    expect(&street(), rule, Status::Pass, 3.0);
    let r = report(&edit(street(), &[(path, json!(0))]));
    let f = finding_of(&r, rule);
    assert_eq!((f.status, f.shortfall), (Status::Fail, Some(1.0)));
    assert_eq!(f.message, "法律专业人员0人，低于1人，还差1人");
    assert_eq!(
        f.message_en,
        "legal professionals: 0 persons, below the 1 person minimum: 1 person short"
    );
    assert_eq!(r.grade, Grade::BasicallyCompliant);
    expect_missing(&edit(street(), &[(path, ABSENT)]), rule, &[path]);
}

#[test]
fn t10_dedicated_legal_post() {
    flag_rule("t10-dedicated-legal-post", "/staffing/dedicated_legal_post");
}

#[test]
fn t10_qualification_trend() {
    let rule = "t10-qualification-trend";
    let s = "/staffing";
    // 2/4 = 0.5 > 0.25
    let f = expect(&street(), rule, Status::Pass, 1.0);
    assert_eq!((f.observed, f.expected), (Some(json!(0.5)), Some(json!(0.25))));
    // 1/3 < 0.5
    let f = expect(&township(), rule, Status::Fail, 0.0);
    assert_eq!(
        f.message_en,
        "share of staff with the legal qualification: this year's share 33.3% is not above last year's 50.0%"
    );
    assert_eq!(f.shortfall, Some(0.17));
    // Equal and below 1: fail; ratio 1: pass even when last year was 1.
    expect(
        &edit(street(), &[(&format!("{s}/previous_qualification_ratio"), json!(0.5))]),
        rule,
        Status::Fail,
        0.0,
    );
    let v = edit(
        street(),
        &[
            (&format!("{s}/legal_qualification"), json!(4)),
            (&format!("{s}/previous_qualification_ratio"), json!(1.0)),
        ],
    );
    expect(&v, rule, Status::Pass, 1.0);
    // Staff 0: not applicable.
    let v = edit(
        street(),
        &[
            (&format!("{s}/staff"), json!(0)),
            (&format!("{s}/legal_qualification"), json!(0)),
            (&format!("{s}/legal_professionals"), json!(0)),
            (&format!("{s}/new_staff"), json!(0)),
            (&format!("{s}/new_staff_trained"), json!(0)),
        ],
    );
    expect(&v, rule, Status::NotApplicable, 0.0);
    // No previous ratio, neither in the record nor from the batch: missing.
    let no_prev = edit(street(), &[(&format!("{s}/previous_qualification_ratio"), ABSENT)]);
    expect_missing(&no_prev, rule, &["/staffing/previous_qualification_ratio"]);
    // Last year's record in the batch gives the ratio…
    let rec = office(&no_prev);
    let p = Parameters::default();
    assert_eq!(finding_of(&score_with(&rec, &p, Some(0.25)), rule).status, Status::Pass);
    assert_eq!(finding_of(&score_with(&rec, &p, Some(0.75)), rule).status, Status::Fail);
    // …but the record's own field wins.
    assert_eq!(
        finding_of(&score_with(&office(&street()), &p, Some(0.75)), rule).status,
        Status::Pass
    );
    expect_missing(
        &edit(street(), &[(&format!("{s}/legal_qualification"), ABSENT)]),
        rule,
        &["/staffing/legal_qualification"],
    );
}

#[test]
fn t10_staffing_level() {
    let rule = "t10-staffing-level";
    let s = "/staffing";
    expect(&street(), rule, Status::Pass, 1.0);
    let f = expect(&township(), rule, Status::Partial, 0.75);
    assert_eq!(f.message, "编制内人员配备：3/4人，覆盖率75.0%，还差1人");
    assert_eq!(f.message_en, "posts filled: 3 of 4 persons (75.0%): 1 person short");
    // More staff than posts is full coverage, not more.
    expect(
        &edit(street(), &[(&format!("{s}/staff"), json!(6))]),
        rule,
        Status::Pass,
        1.0,
    );
    let f = expect(
        &edit(street(), &[(&format!("{s}/authorized_posts"), json!(0))]),
        rule,
        Status::NotApplicable,
        0.0,
    );
    assert!(f.message.contains("不适用"));
    let v = edit(
        street(),
        &[
            (&format!("{s}/staff"), json!(0)),
            (&format!("{s}/legal_qualification"), json!(0)),
            (&format!("{s}/legal_professionals"), json!(0)),
            (&format!("{s}/new_staff"), json!(0)),
            (&format!("{s}/new_staff_trained"), json!(0)),
        ],
    );
    expect(&v, rule, Status::Fail, 0.0);
    expect_missing(
        &edit(street(), &[(&format!("{s}/authorized_posts"), ABSENT)]),
        rule,
        &["/staffing/authorized_posts"],
    );
}

#[test]
fn t10_social_workforce() {
    let rule = "t10-social-workforce";
    expect(&street(), rule, Status::Pass, 1.0);
    let f = expect(
        &edit(street(), &[("/mediation/mediators", json!(0))]),
        rule,
        Status::Partial,
        0.5,
    );
    assert_eq!(
        f.message,
        "人民调解员、社区矫正社会工作力量：未落实人民调解员（1/2项符合）"
    );
    let v = edit(
        street(),
        &[
            ("/mediation/mediators", json!(0)),
            ("/staffing/correction_social_workers", json!(0)),
        ],
    );
    expect(&v, rule, Status::Fail, 0.0);
    // No correction subjects: the social-worker item is dropped.
    let mut v = edit(street(), &no_subjects());
    set(&mut v, "/staffing/correction_social_workers", json!(0));
    let f = expect(&v, rule, Status::Pass, 1.0);
    assert_eq!(f.expected, Some(json!(1)));
    set(&mut v, "/staffing/correction_social_workers", ABSENT);
    expect(&v, rule, Status::Pass, 1.0);
    set(&mut v, "/mediation/mediators", json!(0));
    expect(&v, rule, Status::Fail, 0.0);
    // With subjects, the workers count is needed; without a subjects count we cannot tell.
    expect_missing(
        &edit(street(), &[("/staffing/correction_social_workers", ABSENT)]),
        rule,
        &["/staffing/correction_social_workers"],
    );
    expect_missing(
        &edit(street(), &[("/mediation/mediators", ABSENT)]),
        rule,
        &["/mediation/mediators"],
    );
    expect_missing(
        &edit(street(), &[("/community_correction", ABSENT)]),
        rule,
        &["/community_correction/subjects"],
    );
}

#[test]
fn t11_pre_job_training() {
    coverage_rule(
        "t11-pre-job-training",
        "/staffing/new_staff_trained",
        "/staffing/new_staff",
        4,
        &[],
        &[],
    );
}

#[test]
fn t11_director_training() {
    flag_rule("t11-director-training", "/staffing/director_city_training");
}

#[test]
fn t11_business_training() {
    let rule = "t11-business-training";
    target_rule(street(), rule, "/staffing/training_sessions", 4, |v| {
        finding_of(&report(v), rule)
    });
}

// ---------------------------------------------------------------------------------------------
// 二（四）保障能力建设

#[test]
fn t12_management_rules() {
    flag_rule("t12-management-rules", "/support/management_rules");
}

#[test]
fn t12_affairs_openness() {
    flag_rule("t12-affairs-openness", "/support/affairs_openness");
}

#[test]
fn t13_total_area() {
    let rule = "t13-total-area";
    let path = "/support/premises/total_area_m2";
    expect(&street(), rule, Status::Pass, 5.0);
    expect(&edit(street(), &[(path, json!(120))]), rule, Status::Pass, 5.0);
    let r = report(&township());
    let f = finding_of(&r, rule);
    assert_eq!((f.status, f.points, f.max_points), (Status::Fail, 0.0, 5.0));
    assert_eq!(
        (f.observed.clone(), f.expected.clone(), f.shortfall),
        (Some(json!(110.0)), Some(json!(120.0)), Some(10.0))
    );
    assert_eq!(f.unit, "m2");
    assert_eq!(f.paths, [path]);
    assert_eq!(f.message, "司法所用房面积110平方米，低于120平方米，还差10平方米");
    assert_eq!(
        f.message_en,
        "office premises: 110 m², below the 120 m² minimum: 10 m² short"
    );
    assert_eq!(f.clause, "二（四）13");
    assert_eq!(f.quote, "司法所用房面积不低于120平方米");
    let f = expect(&edit(street(), &[(path, json!(119.5))]), rule, Status::Fail, 0.0);
    assert_eq!(f.shortfall, Some(0.5));
    assert!(f.message.contains("还差0.5平方米"));
    expect_missing(&edit(street(), &[(path, ABSENT)]), rule, &[path]);
}

#[test]
fn t13_business_area() {
    let rule = "t13-business-area";
    let path = "/support/premises/business_area_m2";
    expect(&street(), rule, Status::Pass, 4.0);
    expect(&edit(street(), &[(path, json!(30))]), rule, Status::Pass, 4.0);
    let f = expect(&edit(street(), &[(path, json!(25))]), rule, Status::Fail, 0.0);
    assert_eq!(f.shortfall, Some(5.0));
    expect_missing(&edit(street(), &[(path, ABSENT)]), rule, &[path]);
}

#[test]
fn t13_archive() {
    let rule = "t13-archive";
    let path = "/support/premises/archive";
    expect(&street(), rule, Status::Pass, 2.0);
    expect(&edit(street(), &[(path, json!("area"))]), rule, Status::Pass, 2.0);
    let r = report(&edit(street(), &[(path, json!("none"))]));
    let f = finding_of(&r, rule);
    assert_eq!((f.status, f.observed.clone()), (Status::Fail, Some(json!("none"))));
    assert_eq!(r.grade, Grade::BasicallyCompliant);
    let r = report(&edit(street(), &[(path, ABSENT)]));
    assert_eq!(finding_of(&r, rule).status, Status::MissingData);
    assert_eq!(r.grade, Grade::Incomplete);
}

#[test]
fn t13_signage() {
    let rule = "t13-signage";
    let p = "/support/premises";
    let f = expect(&street(), rule, Status::NotApplicable, 0.0);
    assert_eq!(f.message, "标识标牌：不适用（未新改扩建）");
    let built = |sign: Value| {
        edit(
            street(),
            &[
                (&format!("{p}/built_or_renovated"), json!(true)),
                (&format!("{p}/signage_compliant"), sign),
            ],
        )
    };
    expect(&built(json!(true)), rule, Status::Pass, 1.0);
    let f = expect(&built(json!(false)), rule, Status::Fail, 0.0);
    assert_eq!(f.message, "标识标牌：不符合司法部《司法所外观标识规范》");
    expect_missing(&built(ABSENT), rule, &["/support/premises/signage_compliant"]);
    expect_missing(
        &edit(street(), &[(&format!("{p}/built_or_renovated"), ABSENT)]),
        rule,
        &["/support/premises/built_or_renovated"],
    );
    // Not built: the signage answer does not matter.
    expect(
        &edit(street(), &[(&format!("{p}/signage_compliant"), json!(false))]),
        rule,
        Status::NotApplicable,
        0.0,
    );
}

#[test]
fn t14_unified_platform() {
    flag_rule("t14-unified-platform", "/support/information/unified_platform");
}

#[test]
fn t14_mobile_apps() {
    flag_rule("t14-mobile-apps", "/support/information/mobile_apps");
}

#[test]
fn t14_self_service_is_a_bonus() {
    bonus_rule("t14-self-service", "/support/information/self_service");
}

#[test]
fn t15_allowance() {
    coverage_rule(
        "t15-allowance",
        "/support/allowance/paid",
        "/support/allowance/eligible",
        3,
        &[],
        &[],
    );
}

// ---------------------------------------------------------------------------------------------
// scoring edge cases

#[test]
fn not_applicable_rescales_score_and_dimension() {
    let r = report(&street());
    // Street: no villages (3 points) and no signage requirement (1 point) do not count.
    let business = r.dimensions.iter().find(|d| d.id == Dimension::Business).unwrap();
    let support = r.dimensions.iter().find(|d| d.id == Dimension::Support).unwrap();
    assert_eq!((business.max_points, support.max_points), (47.0, 24.0));
    let earned: f64 = r
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Bonus)
        .map(|f| f.points)
        .sum();
    let max: f64 = r
        .findings
        .iter()
        .filter(|f| f.status != Status::NotApplicable && f.severity != Severity::Bonus)
        .map(|f| f.max_points)
        .sum();
    assert_eq!(max, 96.0);
    assert!((r.base_score - (100.0 * earned / max * 10.0).round() / 10.0).abs() < 0.051);
}

#[test]
fn missing_data_earns_nothing_of_its_maximum() {
    let v = edit(street(), &[("/political/party_life", ABSENT)]);
    let r = report(&v);
    let political = &r.dimensions[0];
    assert_eq!(
        (political.points, political.max_points, political.score),
        (7.0, 10.0, Some(70.0))
    );
    assert_eq!(r.missing_fields, ["/political/party_life"]);
    assert_eq!(r.counts.missing_data, 1);
    // A standard rule's missing data is a problem but does not make the grade incomplete.
    assert_ne!(r.grade, Grade::Incomplete);
    assert!(r
        .problems()
        .iter()
        .any(|p| p.rule == "t02-party-life" && p.status == Status::MissingData));
}

#[test]
fn dimension_without_applicable_rule_is_null_and_skipped_by_exemplary() {
    // Rules weighted 0 leave their heading nothing to score.
    let mut over = serde_json::Map::new();
    for r in office_rules().filter(|r| r.dimension == Dimension::Political) {
        over.insert(r.id.into(), json!({"points": 0}));
    }
    let p = Parameters::from_override(&json!({"id": "no-political", "rules": over})).unwrap();
    let r = score(&office(&edit(street(), &[("/political/party_life", json!(false))])), &p);
    let political = &r.dimensions[0];
    assert_eq!(political.score, None);
    assert_eq!(political.max_points, 0.0);
    assert_eq!(r.grade, Grade::Exemplary);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["dimensions"][0]["score"], Value::Null);
}

#[test]
fn mandatory_partial_caps_the_grade() {
    // One community without a culture site: a partial result of a mandatory rule.
    let r = report(&edit(street(), &[("/units/1/culture_sites", json!(0))]));
    assert_eq!(finding_of(&r, "t06-unit-culture-sites").status, Status::Partial);
    assert!(r.score >= 90.0, "{}", r.score);
    assert_eq!(r.grade, Grade::BasicallyCompliant);
    // The same shortfall on a standard rule leaves the grade alone.
    let r = report(&edit(street(), &[("/units/1/legal_advisor", json!(false))]));
    assert_eq!(finding_of(&r, "t09-legal-advisors").status, Status::Partial);
    assert_eq!(r.grade, Grade::Exemplary);
}

#[test]
fn bonus_never_lowers_and_total_is_capped_at_100() {
    let perfect = edit(
        street(),
        &[
            ("/administration/office_meetings/attended", json!(24)),
            ("/mediation/disputes/resolved_locally", json!(110)),
            ("/mediation/disputes/resolved", json!(110)),
            ("/mediation/disputes/total", json!(110)),
        ],
    );
    let r = report(&perfect);
    assert_eq!((r.base_score, r.score, r.bonus), (100.0, 100.0, 0.0));
    let both = edit(
        perfect,
        &[
            ("/public_legal_service/reconsideration_intake", json!(true)),
            ("/support/information/self_service", json!(true)),
        ],
    );
    let r = report(&both);
    assert_eq!(
        (r.base_score, r.score, r.bonus),
        (100.0, 100.0, 0.0),
        "capped: no room for a bonus"
    );
    assert_eq!(r.grade, Grade::Exemplary);
    // Below 100 the bonus is added in full.
    let r = report(&edit(
        street(),
        &[("/public_legal_service/reconsideration_intake", json!(true))],
    ));
    assert_eq!(r.score, 100.0);
    assert!(r.bonus > 0.0 && r.bonus <= 1.0);
    let r = report(&edit(
        township(),
        &[
            ("/public_legal_service/reconsideration_intake", json!(true)),
            ("/support/information/self_service", json!(true)),
        ],
    ));
    assert_eq!(r.bonus, 2.0);
    assert!((r.score - r.base_score - 2.0).abs() < 0.051);
}

#[test]
fn bonus_raises_the_score_across_a_band() {
    // Base 89.3 without bonus (every heading ≥ 80 %); +2 bonus → 91.3 → exemplary.
    let v = edit(
        street(),
        &[
            ("/resettlement/ledger", json!(false)),
            ("/resettlement/real_name_groups", json!(0)),
            ("/public_legal_service/station/established", json!(false)),
            ("/staffing/training_sessions", json!(0)),
            ("/support/information/mobile_apps", json!(false)),
        ],
    );
    let r = report(&v);
    assert_eq!(r.grade, Grade::Compliant, "{}", r.score);
    let v = edit(
        v,
        &[
            ("/public_legal_service/reconsideration_intake", json!(true)),
            ("/support/information/self_service", json!(true)),
        ],
    );
    let r2 = report(&v);
    assert!(r2.score >= 90.0 && r2.score > r.score);
    assert_eq!(r2.grade, Grade::Exemplary);
}

#[test]
fn veto_beats_a_high_score_and_incomplete_beats_veto() {
    let veto = edit(street(), &[("/resettlement/serious_reoffences", json!(1))]);
    let r = report(&veto);
    assert_eq!(r.grade, Grade::NonCompliant);
    assert!(r.score > 95.0);
    let r = report(&edit(veto, &[("/support/premises/total_area_m2", ABSENT)]));
    assert_eq!(r.grade, Grade::Incomplete);
}

#[test]
fn problem_list_orders_by_points_lost() {
    let r = report(&township());
    let problems = r.problems();
    let lost: Vec<f64> = problems.iter().map(|p| p.points_lost).collect();
    assert!(lost.windows(2).all(|w| w[0] >= w[1]), "{lost:?}");
    assert_eq!(problems[0].rule, "t13-total-area");
    assert_eq!(problems[0].shortfall, Some(10.0));
    assert!(problems.iter().all(|p| p.severity != Severity::Bonus));
    assert!(problems
        .iter()
        .any(|p| p.rule == "t07-analysis-meetings" && p.status == Status::MissingData));
}

#[test]
fn exemplary_uses_exact_dimension_shares() {
    // Support 19.19/24 = 79.96 %: shown as 80.0, but below 80 %, so not exemplary.
    let v = edit(
        street(),
        &[
            ("/support/information/mobile_apps", json!(false)),
            ("/support/allowance/eligible", json!(400)),
            ("/support/allowance/paid", json!(119)),
        ],
    );
    let r = report(&v);
    let support = r.dimensions.iter().find(|d| d.id == Dimension::Support).unwrap();
    assert_eq!(support.score, Some(80.0));
    assert_eq!(support.points, 19.19);
    assert!(r.score >= 90.0, "{}", r.score);
    assert_eq!(r.grade, Grade::Compliant);
    // At 80 % exactly it is.
    let v = edit(
        street(),
        &[
            ("/support/information/mobile_apps", json!(false)),
            ("/support/allowance/eligible", json!(10)),
            ("/support/allowance/paid", json!(3)),
        ],
    );
    let r = report(&v);
    let support = r.dimensions.iter().find(|d| d.id == Dimension::Support).unwrap();
    assert_eq!((support.points, support.score), (19.2, Some(80.0)));
    assert_eq!(r.grade, Grade::Exemplary);
}

// ---------------------------------------------------------------------------------------------
// district rules

fn district_report(v: &Value, offices: Option<&[Report]>) -> sifasuo::DistrictReport {
    score_district(&district_record(v), &Parameters::default(), offices)
}

#[test]
fn each_year_rule_applies_only_in_its_year() {
    for (year, rule) in [
        (2022, "y2022-survey"),
        (2023, "y2023-ledger"),
        (2024, "y2024-typical-experiences"),
    ] {
        let r = district_report(&edit(district(), &[("/year", json!(year))]), None);
        let ids: Vec<&str> = r.findings.iter().map(|f| &*f.rule).collect();
        assert_eq!(
            ids,
            [
                "t16-report-to-leadership",
                "t17-implementation-plan",
                "t17-inspections",
                "t11-district-training",
                "t18-self-assessment",
                "t18-experience-promotion",
                rule
            ],
            "{year}"
        );
        assert_eq!((r.score, r.grade), (100.0, Grade::Exemplary), "{year}");
        assert_eq!(r.year, year);
    }
}

fn district_finding(v: &Value, rule: &str) -> Finding {
    district_report(v, None)
        .findings
        .into_iter()
        .find(|f| f.rule == rule)
        .unwrap()
}

#[test]
fn district_flag_rules() {
    for (rule, path, pts) in [
        ("t16-report-to-leadership", "/reported_to_leadership", 10.0),
        ("t17-implementation-plan", "/implementation_plan", 20.0),
        ("t18-self-assessment", "/self_assessment", 20.0),
        ("y2023-ledger", "/rectification_ledger", 20.0),
    ] {
        let f = district_finding(&edit(district(), &[(path, json!(true))]), rule);
        assert_eq!((f.status, f.points), (Status::Pass, pts), "{rule}");
        let f = district_finding(&edit(district(), &[(path, json!(false))]), rule);
        assert_eq!((f.status, f.points), (Status::Fail, 0.0), "{rule}");
        let f = district_finding(&edit(district(), &[(path, ABSENT)]), rule);
        assert_eq!(
            (f.status, f.paths.clone()),
            (Status::MissingData, vec![sifasuo::report::Text::from(path)]),
            "{rule}"
        );
    }
}

#[test]
fn district_target_rules() {
    for (rule, path, target, year) in [
        ("t17-inspections", "/inspections", 4, 2023),
        ("t11-district-training", "/staff_training_sessions", 4, 2023),
        ("t18-experience-promotion", "/experiences_promoted", 1, 2023),
        ("y2024-typical-experiences", "/typical_experiences", 1, 2024),
    ] {
        let base = edit(district(), &[("/year", json!(year))]);
        target_rule(base, rule, path, target, |v| district_finding(v, rule));
    }
}

#[test]
fn district_y2022_survey_checklist() {
    let rule = "y2022-survey";
    let y = edit(district(), &[("/year", json!(2022))]);
    assert_eq!(district_finding(&y, rule).status, Status::Pass);
    let f = district_finding(&edit(y.clone(), &[("/problem_list", json!(false))]), rule);
    assert_eq!((f.status, f.points), (Status::Partial, 10.0));
    assert_eq!(f.message, "专项调研和“法治体检”、问题清单：未明确问题清单（1/2项符合）");
    let f = district_finding(
        &edit(
            y.clone(),
            &[("/problem_list", json!(false)), ("/survey_and_checkup", json!(false))],
        ),
        rule,
    );
    assert_eq!((f.status, f.points), (Status::Fail, 0.0));
    let f = district_finding(&edit(y, &[("/survey_and_checkup", ABSENT)]), rule);
    assert_eq!(f.status, Status::MissingData);
    // In 2023 the 2022 fields do not matter.
    let r = district_report(
        &edit(
            district(),
            &[("/survey_and_checkup", ABSENT), ("/typical_experiences", ABSENT)],
        ),
        None,
    );
    assert_eq!(r.counts.missing_data, 0);
}

#[test]
fn district_grades() {
    let r = district_report(&edit(district(), &[("/implementation_plan", ABSENT)]), None);
    assert_eq!(r.grade, Grade::Incomplete);
    assert_eq!(r.missing_fields, ["/implementation_plan"]);
    let r = district_report(&edit(district(), &[("/self_assessment", json!(false))]), None);
    assert_eq!((r.score, r.grade), (80.0, Grade::BasicallyCompliant));
    let r = district_report(&edit(district(), &[("/reported_to_leadership", json!(false))]), None);
    assert_eq!((r.score, r.grade), (90.0, Grade::Exemplary));
    let r = district_report(
        &edit(
            district(),
            &[("/reported_to_leadership", json!(false)), ("/inspections", json!(2))],
        ),
        None,
    );
    assert_eq!((r.score, r.grade), (85.0, Grade::Compliant));
    let v = edit(
        district(),
        &[
            ("/rectification_ledger", json!(false)),
            ("/inspections", json!(0)),
            ("/staff_training_sessions", json!(0)),
            ("/experiences_promoted", json!(0)),
        ],
    );
    let r = district_report(&v, None);
    assert_eq!((r.score, r.grade), (50.0, Grade::NonCompliant));
}

#[test]
fn district_rolls_up_its_offices_of_the_same_year() {
    let p = Parameters::default();
    let street_report = report(&street());
    let small = report(&edit(
        street(),
        &[
            ("/office/code", json!("110105005")),
            ("/support/premises/total_area_m2", json!(100)),
        ],
    ));
    let no_site = report(&edit(
        street(),
        &[
            ("/office/code", json!("110105006")),
            ("/support/premises/total_area_m2", json!(90)),
            ("/legal_education/subdistrict_culture_sites", json!(0)),
        ],
    ));
    let other_district = report(&township());
    let other_year = report(&edit(
        street(),
        &[("/year", json!(2022)), ("/office/code", json!("110105007"))],
    ));
    let offices = vec![
        street_report.clone(),
        small.clone(),
        no_site.clone(),
        other_district,
        other_year,
    ];
    let r = score_district(&district_record(&district()), &p, Some(offices.as_slice()));
    let roll = r.offices.unwrap();
    assert_eq!(roll.count, 3);
    assert_eq!(roll.grades.exemplary, 1);
    assert_eq!(roll.grades.basically_compliant, 2);
    assert_eq!(roll.grades.total(), 3);
    assert_eq!(roll.compliance_rate, Some(0.3333));
    let mean = ((street_report.score + small.score + no_site.score) / 3.0 * 10.0).round() / 10.0;
    assert_eq!(roll.mean_score, Some(mean));
    // Every office of the street example attends 22 of 24 meetings: the most frequent problem.
    assert_eq!(roll.problems[0].rule, "t04-office-meetings");
    assert_eq!(roll.problems[0].office_codes, ["110105004", "110105005", "110105006"]);
    let area = roll.problems.iter().find(|p| p.rule == "t13-total-area").unwrap();
    assert_eq!(area.offices, 2);
    assert_eq!(area.office_codes, ["110105005", "110105006"]);
    assert_eq!(area.points_lost, 10.0);
    let site = roll
        .problems
        .iter()
        .find(|p| p.rule == "t06-subdistrict-culture-site")
        .unwrap();
    assert_eq!(site.office_codes, ["110105006"]);
    // Problems of the set: most frequent first.
    let counts: Vec<usize> = roll.problems.iter().map(|p| p.offices).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    // Without offices there is no roll-up; with none of its own, an empty one.
    assert!(score_district(&district_record(&district()), &p, None)
        .offices
        .is_none());
    let empty = score_district(&district_record(&district()), &p, Some(&[][..]))
        .offices
        .unwrap();
    assert_eq!((empty.count, empty.mean_score, empty.compliance_rate), (0, None, None));
}
