//! Grades: every grade is reached, the spec's order holds, and parameter overrides move the bands
//! (and name themselves in the report); invalid overrides are rejected.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::{json, Value};
use sifasuo::params::{ParametersError, CUSTOM_ID, DEFAULT_ID};
use sifasuo::report::{Grade, Report};
use sifasuo::rules::Severity;
use sifasuo::score::score;
use sifasuo::{OfficeRecord, Parameters, Record};

fn street() -> Value {
    let path = format!(
        "{}/../tests/examples/office-street-2023.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn set(v: &mut Value, ptr: &str, x: Value) {
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    let obj = v.pointer_mut(parent).unwrap().as_object_mut().unwrap();
    if x.is_null() {
        obj.remove(key);
    } else {
        obj.insert(key.into(), x);
    }
}

fn with(edits: &[(&str, Value)]) -> OfficeRecord {
    let mut v = street();
    for (p, x) in edits {
        set(&mut v, p, x.clone());
    }
    match sifasuo::validate::from_value(&v) {
        Ok(Record::Office(o)) => *o,
        other => panic!("{other:?}"),
    }
}

fn grade(edits: &[(&str, Value)]) -> Report {
    score(&with(edits), &Parameters::default())
}

const LOW: [(&str, bool); 9] = [
    ("/political/study_mechanism", false),
    ("/political/party_life", false),
    ("/resettlement/ledger", false),
    ("/public_legal_service/station/established", false),
    ("/support/management_rules", false),
    ("/support/information/unified_platform", false),
    ("/support/information/mobile_apps", false),
    ("/staffing/director_in_post", false),
    ("/support/affairs_openness", false),
];

fn low_edits(n: usize) -> Vec<(&'static str, Value)> {
    LOW.iter().take(n).map(|(p, b)| (*p, json!(b))).collect()
}

/// Standard requirements only, enough of them missed for a score below 60.
fn very_low() -> Vec<(&'static str, Value)> {
    let mut edits = low_edits(9);
    edits.extend([
        ("/staffing/training_sessions", json!(0)),
        ("/support/allowance/paid", json!(0)),
        ("/mediation/work_system", json!(false)),
        ("/mediation/pre_litigation", json!(false)),
        ("/mediation/administrative_mediation", json!(false)),
        ("/public_legal_service/one_stop", json!(false)),
        ("/public_legal_service/station/functional_zoning", json!(false)),
        ("/public_legal_service/station/integrated_with_office", json!(false)),
        ("/legal_education/responsibility_system", json!(false)),
        ("/resettlement/real_name_groups", json!(0)),
        ("/staffing/new_staff_trained", json!(0)),
        (
            "/community_correction/announcement_venue",
            json!({"standardized": false, "office_facilities": false, "it_equipment": false}),
        ),
    ]);
    edits
}

#[test]
fn every_grade_is_reached() {
    let r = grade(&[]);
    assert_eq!((r.grade, &*r.grade_zh), (Grade::Exemplary, "示范"));
    let r = grade(&low_edits(2));
    assert_eq!((r.grade, &*r.grade_zh), (Grade::Compliant, "达标"), "{}", r.score);
    let r = grade(&low_edits(7));
    assert!(r.score >= 60.0 && r.score < 80.0, "{}", r.score);
    assert_eq!((r.grade, &*r.grade_zh), (Grade::BasicallyCompliant, "基本达标"));
    let r = grade(&very_low());
    assert!(r.score < 60.0, "{}", r.score);
    assert_eq!((r.grade, &*r.grade_zh), (Grade::NonCompliant, "不达标"));
    let r = grade(&[("/staffing/legal_professionals", Value::Null)]);
    assert_eq!((r.grade, &*r.grade_zh), (Grade::Incomplete, "待补充"));
}

#[test]
fn band_edges_are_inclusive_from_below() {
    // Grades compare the exact score with the bands, not the one-decimal score shown.
    let p = |bands: Value| Parameters::from_override(&json!({"id": "bands", "grades": bands})).unwrap();
    // 90.898/96 = 94.686, shown as 94.7.
    let rec = with(&[
        ("/support/information/mobile_apps", json!(false)),
        ("/support/allowance/eligible", json!(400)),
        ("/support/allowance/paid", json!(119)),
    ]);
    let s = score(&rec, &Parameters::default()).score;
    assert_eq!(s, 94.7);
    let r = score(&rec, &p(json!({"compliant_from": 94.7, "exemplary_from": 95})));
    assert_eq!(
        r.grade,
        Grade::BasicallyCompliant,
        "the exact score is below the shown {s}"
    );
    let r = score(&rec, &p(json!({"compliant_from": 94.68, "exemplary_from": 95})));
    assert_eq!(r.grade, Grade::Compliant);
    let r = score(
        &rec,
        &p(json!({"non_compliant_below": 94.69, "compliant_from": 95, "exemplary_from": 99})),
    );
    assert_eq!(r.grade, Grade::NonCompliant);
    let r = score(
        &rec,
        &p(json!({"non_compliant_below": 94.68, "compliant_from": 95, "exemplary_from": 99})),
    );
    assert_eq!(r.grade, Grade::BasicallyCompliant);
}

#[test]
fn grade_order_incomplete_then_veto_then_mandatory() {
    let veto = ("/community_correction/escaped_supervision", json!(1));
    let mandatory_fail = ("/support/premises/business_area_m2", json!(20));
    let mandatory_missing = ("/support/premises/archive", Value::Null);
    let veto_missing = ("/resettlement/serious_reoffences", Value::Null);
    // incomplete beats veto, and a missing veto rule is itself incomplete
    assert_eq!(
        grade(&[veto.clone(), mandatory_missing.clone()]).grade,
        Grade::Incomplete
    );
    assert_eq!(grade(&[veto_missing]).grade, Grade::Incomplete);
    // veto beats mandatory and a high score
    let r = grade(&[veto.clone(), mandatory_fail.clone()]);
    assert_eq!(r.grade, Grade::NonCompliant);
    assert!(r.score > 90.0);
    // a score below 60 beats a mandatory failure
    let mut edits = very_low();
    edits.push(mandatory_fail.clone());
    assert_eq!(grade(&edits).grade, Grade::NonCompliant);
    // mandatory caps a high score at basically compliant
    let r = grade(&[mandatory_fail]);
    assert!(r.score > 90.0);
    assert_eq!(r.grade, Grade::BasicallyCompliant);
    // a standard rule missing is not incomplete
    assert_eq!(grade(&[("/political/party_life", Value::Null)]).grade, Grade::Compliant);
    // a bonus rule missing changes nothing
    let r = grade(&[("/support/information/self_service", Value::Null)]);
    assert_eq!((r.grade, r.score), (Grade::Exemplary, grade(&[]).score));
}

#[test]
fn grades_serialise_as_snake_case_with_chinese_names() {
    for (g, id, zh) in [
        (Grade::Exemplary, "exemplary", "示范"),
        (Grade::Compliant, "compliant", "达标"),
        (Grade::BasicallyCompliant, "basically_compliant", "基本达标"),
        (Grade::NonCompliant, "non_compliant", "不达标"),
        (Grade::Incomplete, "incomplete", "待补充"),
    ] {
        assert_eq!(serde_json::to_value(g).unwrap(), json!(id));
        assert_eq!((g.as_str(), g.name_zh()), (id, zh));
    }
    assert!(Grade::Exemplary.is_compliant() && Grade::Compliant.is_compliant());
    assert!(!Grade::BasicallyCompliant.is_compliant());
}

#[test]
fn default_parameters_are_valid_and_named() {
    let p = Parameters::default();
    assert!(p.check().is_empty());
    assert_eq!(p.id, DEFAULT_ID);
    assert_eq!(score(&with(&[]), &p).parameters, "BJ-2022-42/default");
    // Serialisable and round-trips.
    let v = serde_json::to_value(&p).unwrap();
    assert_eq!(serde_json::from_value::<Parameters>(v.clone()).unwrap(), p);
    assert_eq!(Parameters::from_override(&json!({})).unwrap().id, CUSTOM_ID);
    assert_eq!(
        Parameters::from_override(&v).unwrap(),
        p,
        "the defaults as an override are the defaults"
    );
}

#[test]
fn override_changes_thresholds_and_names_itself() {
    let p = Parameters::from_override_json(r#"{"id": "朝阳区/2023", "thresholds": {"total_area_m2": 160}}"#).unwrap();
    assert_eq!(p.thresholds.total_area_m2, 160.0);
    assert_eq!(p.thresholds.business_area_m2, 30.0);
    let r = score(&with(&[]), &p);
    assert_eq!(r.parameters, "朝阳区/2023");
    let area = r.finding("t13-total-area").unwrap();
    assert_eq!(
        (area.shortfall, area.expected.clone()),
        (Some(10.0), Some(json!(160.0)))
    );
    assert!(area.message.contains("低于160平方米"));
    assert_eq!(r.grade, Grade::BasicallyCompliant);
    // Without an id: the custom id.
    let p = Parameters::from_override_json(r#"{"grades": {"exemplary_from": 100}}"#).unwrap();
    let r = score(&with(&[]), &p);
    assert_eq!((r.parameters.as_str(), r.grade), (CUSTOM_ID, Grade::Compliant));
}

#[test]
fn override_changes_points_and_severities() {
    let p = Parameters::from_override_json(
        r#"{"id": "x", "rules": {"t14-mobile-apps": {"severity": "veto"}, "t01-study-mechanism": {"points": 8}}}"#,
    )
    .unwrap();
    assert_eq!(p.rule("t01-study-mechanism").unwrap().points, 8.0);
    assert_eq!(p.rule("t01-study-mechanism").unwrap().severity, Severity::Standard);
    assert_eq!(p.rule("t14-mobile-apps").unwrap().points, 2.0);
    let r = score(&with(&[("/political/study_mechanism", json!(false))]), &p);
    let political = &r.dimensions[0];
    assert_eq!((political.points, political.max_points), (6.0, 14.0));
    let r = score(&with(&[("/support/information/mobile_apps", json!(false))]), &p);
    assert_eq!(r.grade, Grade::NonCompliant);
    assert_eq!(r.finding("t14-mobile-apps").unwrap().severity, Severity::Veto);
    // The catalogue reports the override's points and severities.
    let info = sifasuo::rules::catalogue(&p);
    assert_eq!(info.iter().find(|r| r.id == "t01-study-mechanism").unwrap().points, 8.0);
}

fn invalid(text: &str) -> ParametersError {
    Parameters::from_override_json(text).expect_err(text)
}

#[test]
fn invalid_overrides_are_rejected() {
    for text in [
        "not json",
        "[1, 2]",
        "42",
        r#"{"thresholds": {"total_area": 150}}"#,
        r#"{"thresholds": {"total_area_m2": "150"}}"#,
        r#"{"rules": {"t13-total-area": {"points": 5, "weight": 1}}}"#,
        r#"{"rules": {"t13-total-area": {"severity": "fatal"}}}"#,
        r#"{"rules": 5}"#,
        r#"{"standard": "BJ-2099-1"}"#,
        r#"{"colour": "red"}"#,
    ] {
        assert!(matches!(invalid(text), ParametersError::Malformed(_)), "{text}");
    }
    let cases = [
        (
            r#"{"rules": {"t13-total-area": {"points": -1}}}"#,
            "/rules/t13-total-area/points",
        ),
        (
            r#"{"rules": {"t13-total-area": {"points": 1e300}}}"#,
            "/rules/t13-total-area/points",
        ),
        (r#"{"rules": {"t99-nothing": {"points": 1}}}"#, "/rules/t99-nothing"),
        (r#"{"thresholds": {"total_area_m2": -5}}"#, "/thresholds/total_area_m2"),
        (
            r#"{"targets": {"training_sessions": -1}}"#,
            "/targets/training_sessions",
        ),
        (r#"{"grades": {"compliant_from": 50}}"#, "/grades"),
        (r#"{"grades": {"exemplary_from": 101}}"#, "/grades"),
        (
            r#"{"grades": {"exemplary_dimension_share": 1.5}}"#,
            "/grades/exemplary_dimension_share",
        ),
        (r#"{"id": ""}"#, "/id"),
        (
            r#"{"id": "BJ-2022-42/default", "thresholds": {"total_area_m2": 150}}"#,
            "/id",
        ),
    ];
    for (text, path) in cases {
        match invalid(text) {
            ParametersError::Invalid(issues) => {
                assert!(issues.iter().any(|i| i.path == path), "{text}: {issues:?}");
                let msg = ParametersError::Invalid(issues).to_string();
                assert!(msg.contains(path), "{msg}");
            }
            other => panic!("{text}: {other:?}"),
        }
    }
    // Every problem is reported, not only the first.
    match invalid(r#"{"thresholds": {"total_area_m2": -1, "business_area_m2": -1}, "grades": {"exemplary_from": 101}}"#)
    {
        ParametersError::Invalid(issues) => assert_eq!(issues.len(), 3, "{issues:?}"),
        other => panic!("{other:?}"),
    }
    // Claiming the default id with the default values is fine.
    assert!(Parameters::from_override_json(r#"{"id": "BJ-2022-42/default"}"#).is_ok());
}

#[test]
fn parameters_schema_describes_the_override_shape() {
    let schema = Parameters::schema();
    let text = schema.to_string();
    for key in [
        "thresholds",
        "targets",
        "grades",
        "rules",
        "total_area_m2",
        "exemplary_dimension_share",
    ] {
        assert!(text.contains(key), "{key}");
    }
}
