//! Scoring: findings, points, dimensions and grade, exactly as `docs/rules.md` specifies.

use crate::model::{DistrictRecord, OfficeRecord};
use crate::params::Parameters;
use crate::report::{
    rollup, round1, round2, Counts, DimensionScore, DistrictReport, Finding, Grade, OfficeRef, Report, Text,
    DISTRICT_REPORT_FORMAT, REPORT_FORMAT,
};
use crate::rules::eval::{fmt_num, Status};
use crate::rules::{district_rules, office_rules, Dimension, Eval, EvalCtx, RuleDef, Severity};
use std::borrow::Cow;
use std::sync::OnceLock;

/// Totals of a set of findings.
struct Totals {
    earned: f64,
    max: f64,
    bonus: f64,
}

/// Concatenates parts into one exactly-sized string (cheaper than `format!` on this hot path:
/// one allocation, no formatting machinery).
fn concat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    parts.iter().for_each(|p| s.push_str(p));
    s
}

/// Joins `items` with `sep` after `head` and before `tail`.
fn join_between(head: &str, items: &[Text], sep: &str, tail: &str) -> String {
    let len = head.len() + tail.len() + items.iter().map(|i| i.len() + sep.len()).sum::<usize>();
    let mut s = String::with_capacity(len);
    s.push_str(head);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(item);
    }
    s.push_str(tail);
    s
}

/// A rule's pass messages (`label：符合要求`, `label: requirement met`).
type PassMessages = (String, String);

fn pass_of<R>(r: &RuleDef<R>) -> PassMessages {
    (
        concat(&[r.label_zh, "：符合要求"]),
        concat(&[r.label_en, ": requirement met"]),
    )
}

/// The pass messages of every office rule, in catalogue order, built once: most findings pass,
/// and their messages are then borrowed instead of allocated for every report.
fn office_pass() -> &'static [PassMessages] {
    static PASS: OnceLock<Vec<PassMessages>> = OnceLock::new();
    PASS.get_or_init(|| office_rules().map(pass_of).collect())
}

/// The same for the district rules.
fn district_pass() -> &'static [PassMessages] {
    static PASS: OnceLock<Vec<PassMessages>> = OnceLock::new();
    PASS.get_or_init(|| district_rules().map(pass_of).collect())
}

fn message<R>(rule: &RuleDef<R>, e: &Eval, pass: &'static PassMessages) -> (Text, Text) {
    let (l, le) = (rule.label_zh, rule.label_en);
    match e.status {
        Status::Pass => (Text::Borrowed(pass.0.as_str()), Text::Borrowed(pass.1.as_str())),
        Status::MissingData => (
            join_between(&concat(&[l, "：未填报，请补充 "]), &e.missing, "、", "").into(),
            join_between(&concat(&[le, ": not reported, fill in "]), &e.missing, ", ", "").into(),
        ),
        Status::NotApplicable => (
            concat(&[l, "：不适用（", &e.detail_zh, "）"]).into(),
            concat(&[le, ": not applicable (", &e.detail_en, ")"]).into(),
        ),
        Status::Fail | Status::Partial => {
            let zh = if e.joined {
                concat(&[l, &e.detail_zh])
            } else {
                concat(&[l, "：", &e.detail_zh])
            };
            (zh.into(), concat(&[le, ": ", &e.detail_en]).into())
        }
    }
}

/// The points `e` earns out of `points` (exact; the finding shows them rounded).
fn earned(e: &Eval, points: f64) -> f64 {
    match e.status {
        Status::Pass | Status::Partial | Status::Fail => points * e.fraction.clamp(0.0, 1.0),
        Status::NotApplicable | Status::MissingData => 0.0,
    }
}

/// The finding of `rule`, worth `points` with `severity` (from the parameters), of which it earned
/// `earned`.
fn finding<R>(
    rule: &RuleDef<R>,
    pass: &'static PassMessages,
    e: Eval,
    (points, severity): (f64, Severity),
    earned: f64,
) -> Finding {
    let (message, message_en) = message(rule, &e, pass);
    let paths = if e.status == Status::MissingData {
        e.missing
    } else if let Some(p) = e.paths {
        p
    } else {
        rule.fields.iter().map(|s| Text::Borrowed(s)).collect()
    };
    Finding {
        rule: Text::Borrowed(rule.id),
        task: rule.task,
        dimension: rule.dimension,
        status: e.status,
        severity,
        method: rule.method,
        points: round2(earned),
        max_points: points,
        observed: e.observed,
        expected: e.expected,
        shortfall: e.shortfall.map(round2),
        unit: Text::Borrowed(rule.measure.id()),
        units_failing: e.units_failing,
        paths,
        message,
        message_en,
        clause: Cow::Borrowed(rule.clause),
        quote: Cow::Borrowed(rule.quote),
    }
}

/// Sums findings in catalogue order (exact f64, fixed order).
fn totals<'a>(findings: impl Iterator<Item = (&'a Finding, f64)>) -> Totals {
    let mut t = Totals {
        earned: 0.0,
        max: 0.0,
        bonus: 0.0,
    };
    for (f, exact) in findings {
        if f.status == Status::NotApplicable {
            continue;
        }
        if f.severity == Severity::Bonus {
            t.bonus += exact;
        } else {
            t.earned += exact;
            t.max += f.max_points;
        }
    }
    t
}

fn base_score(t: &Totals) -> f64 {
    if t.max > 0.0 {
        100.0 * t.earned / t.max
    } else {
        100.0
    }
}

/// Applies the grade order of the spec. `dims` are the exact dimension scores (`None`: no
/// applicable rule, skipped), never the rounded ones shown in the report.
fn grade(findings: &[Finding], total: f64, dims: &[Option<f64>], p: &Parameters) -> Grade {
    let hard = |f: &&Finding| matches!(f.severity, Severity::Veto | Severity::Mandatory);
    let failing = |f: &&Finding| matches!(f.status, Status::Fail | Status::Partial);
    let b = &p.grades;
    if findings.iter().filter(hard).any(|f| f.status == Status::MissingData) {
        Grade::Incomplete
    } else if findings.iter().any(|f| f.severity == Severity::Veto && failing(&f)) || total < b.non_compliant_below {
        Grade::NonCompliant
    } else if total < b.compliant_from
        || findings
            .iter()
            .any(|f| f.severity == Severity::Mandatory && failing(&f))
    {
        Grade::BasicallyCompliant
    } else if total >= b.exemplary_from
        && dims
            .iter()
            .all(|d| d.is_none_or(|s| s >= 100.0 * b.exemplary_dimension_share - 1e-9))
    {
        Grade::Exemplary
    } else {
        Grade::Compliant
    }
}

/// Points and severity of a rule under the parameters in force.
type Weight = (f64, Severity);

/// Evaluates rules (`at_most` of them); returns the findings and, beside them, their exact
/// earned points (kept apart so the findings are built in place and never moved again).
fn evaluate<'w, R: 'static>(
    rules: impl Iterator<Item = ((&'static RuleDef<R>, &'static PassMessages), &'w Weight)>,
    at_most: usize,
    rec: &R,
    ctx: &EvalCtx,
) -> (Vec<Finding>, Vec<f64>) {
    // sized up front: findings are large, and growing the vector would copy them several times
    let mut findings = Vec::with_capacity(at_most);
    let mut exact = Vec::with_capacity(at_most);
    for ((rule, pass), &(points, severity)) in rules {
        let e = (rule.eval)(rec, ctx);
        let x = earned(&e, points);
        exact.push(x);
        findings.push(finding(rule, pass, e, (points, severity), x));
    }
    (findings, exact)
}

/// The points and severity of each rule of `rules` under `params`, in catalogue order.
fn weights<'r, R: 'static>(rules: impl Iterator<Item = &'r RuleDef<R>>, params: &Parameters) -> Vec<Weight> {
    rules
        .map(|rule| {
            params
                .rule(rule.id)
                .map_or((rule.points, rule.severity), |r| (r.points, r.severity))
        })
        .collect()
}

/// Scores records under one set of parameters, with each rule's points and severity looked up
/// once instead of once per record: what a batch uses. [`score`], [`score_with`] and
/// [`score_district`] build one for a single record.
///
/// # Example
/// ```
/// use sifasuo::{params::Parameters, score::Scorer, validate, Record};
/// let text = std::fs::read_to_string("../tests/examples/office-township-2023.json").unwrap();
/// let Record::Office(office) = validate::parse(&text).unwrap() else { unreachable!() };
/// let params = Parameters::default();
/// let scorer = Scorer::new(&params);
/// assert_eq!(scorer.score(&office), sifasuo::score::score(&office, &params));
/// ```
#[derive(Debug, Clone)]
pub struct Scorer<'p> {
    params: &'p Parameters,
    office: Vec<Weight>,
    district: Vec<Weight>,
}

impl<'p> Scorer<'p> {
    /// Resolves every rule's points and severity under `params`.
    pub fn new(params: &'p Parameters) -> Scorer<'p> {
        Scorer {
            params,
            office: weights(office_rules(), params),
            district: weights(district_rules(), params),
        }
    }

    /// The parameters in force.
    pub fn params(&self) -> &'p Parameters {
        self.params
    }

    /// Scores one office ([`score`]).
    pub fn score(&self, rec: &OfficeRecord) -> Report {
        self.score_with(rec, None)
    }

    /// Scores one office with last year's qualification ratio from the batch ([`score_with`]).
    pub fn score_with(&self, rec: &OfficeRecord, previous_ratio: Option<f64>) -> Report {
        let params = self.params;
        let ctx = EvalCtx { params, previous_ratio };
        let rules = office_rules().zip(office_pass()).zip(&self.office);
        let (findings, exact) = evaluate(rules, office_pass().len(), rec, &ctx);
        let all = totals(findings.iter().zip(exact.iter().copied()));
        let (dimensions, exact_dims): (Vec<DimensionScore>, Vec<Option<f64>>) = Dimension::OFFICE
            .iter()
            .map(|d| {
                let t = totals(
                    findings
                        .iter()
                        .zip(exact.iter().copied())
                        .filter(|(f, _)| f.dimension == *d),
                );
                let exact = (t.max > 0.0).then(|| 100.0 * t.earned / t.max);
                let shown = DimensionScore {
                    id: *d,
                    name_zh: Text::Borrowed(d.name_zh()),
                    score: exact.map(round1),
                    points: round2(t.earned),
                    max_points: round2(t.max),
                };
                (shown, exact)
            })
            .unzip();
        let base = base_score(&all);
        let total = (base + all.bonus).min(100.0);
        let grade = grade(&findings, total, &exact_dims, params);
        let mut counts = Counts::default();
        findings.iter().for_each(|f| counts.add(f.status));
        Report {
            format: Text::Borrowed(REPORT_FORMAT),
            standard: rec.standard().id().into(),
            parameters: params.id.clone(),
            office: OfficeRef {
                code: rec.office.code.clone(),
                name: rec.office.name.clone(),
                district: rec.office.district,
                subdistrict: rec.office.subdistrict.clone(),
            },
            year: rec.year,
            score: round1(total),
            base_score: round1(base),
            bonus: round2(total - base.min(total)),
            grade,
            grade_zh: Text::Borrowed(grade.name_zh()),
            dimensions,
            missing_fields: missing_fields(&findings),
            findings,
            counts,
        }
    }

    /// Scores a district bureau ([`score_district`]).
    pub fn score_district(&self, rec: &DistrictRecord, offices: Option<&[Report]>) -> DistrictReport {
        let params = self.params;
        let ctx = EvalCtx {
            params,
            previous_ratio: None,
        };
        let rules = district_rules()
            .zip(district_pass())
            .zip(&self.district)
            .filter(|((r, _), _)| r.year.is_none_or(|y| y == rec.year));
        let (findings, exact) = evaluate(rules, district_pass().len(), rec, &ctx);
        let all = totals(findings.iter().zip(exact.iter().copied()));
        let total = (base_score(&all) + all.bonus).min(100.0);
        let grade = grade(&findings, total, &[], params);
        let mut counts = Counts::default();
        findings.iter().for_each(|f| counts.add(f.status));
        let offices = offices.map(|o| {
            let mine: Vec<&Report> = o
                .iter()
                .filter(|r| r.office.district == rec.district && r.year == rec.year)
                .collect();
            rollup(mine.iter().copied())
        });
        DistrictReport {
            format: Text::Borrowed(DISTRICT_REPORT_FORMAT),
            standard: rec.standard.unwrap_or_default().id().into(),
            parameters: params.id.clone(),
            district: rec.district,
            year: rec.year,
            score: round1(total),
            grade,
            grade_zh: Text::Borrowed(grade.name_zh()),
            missing_fields: missing_fields(&findings),
            findings,
            counts,
            offices,
        }
    }
}

fn missing_fields(findings: &[Finding]) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    for f in findings.iter().filter(|f| f.status == Status::MissingData) {
        for p in &f.paths {
            if !out.contains(p) {
                out.push(p.clone());
            }
        }
    }
    out
}

/// Scores one office.
///
/// # Example
/// ```
/// use sifasuo::{params::Parameters, validate, Record};
/// let text = std::fs::read_to_string("../tests/examples/office-township-2023.json").unwrap();
/// let Record::Office(office) = validate::parse(&text).unwrap() else { unreachable!() };
/// let report = sifasuo::score::score(&office, &Parameters::default());
/// let area = report.finding("t13-total-area").unwrap();
/// assert_eq!(area.shortfall, Some(10.0));
/// assert_eq!(report.grade_zh, "基本达标"); // mandatory t13-total-area fails: 限期整改
/// ```
pub fn score(rec: &OfficeRecord, params: &Parameters) -> Report {
    score_with(rec, params, None)
}

/// Scores one office, with last year's qualification ratio from the batch (used by
/// `t10-qualification-trend` when the record has no `previous_qualification_ratio`).
pub fn score_with(rec: &OfficeRecord, params: &Parameters, previous_ratio: Option<f64>) -> Report {
    Scorer::new(params).score_with(rec, previous_ratio)
}

/// Scores a district bureau: its own rules (the year rule of its year only) and, beside them,
/// the roll-up of `offices` (reports of its offices in the same year; others are ignored).
pub fn score_district(rec: &DistrictRecord, params: &Parameters, offices: Option<&[Report]>) -> DistrictReport {
    Scorer::new(params).score_district(rec, offices)
}

/// A number as shown in messages (110.0 → "110").
pub fn show_number(x: f64) -> String {
    fmt_num(x)
}
