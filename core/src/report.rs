//! Reports (`sifasuo.report/1`): score, grade, findings, and problem lists.

use crate::model::District;
use crate::rules::{eval::Status, Dimension, Method, Severity, UnitFailing};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;

/// Text of a report: borrowed from the rule catalogue when it is fixed (rule ids, units, clause,
/// quote, the pass message of each rule, JSON Pointers of its fields), owned when it depends on the
/// record. Serialized as a plain string either way.
pub type Text = Cow<'static, str>;

/// The `format` of an office report.
pub const REPORT_FORMAT: &str = "sifasuo.report/1";
/// The `format` of a district report.
pub const DISTRICT_REPORT_FORMAT: &str = "sifasuo.district-report/1";

/// Grade of an office or district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// 示范
    Exemplary,
    /// 达标
    Compliant,
    /// 基本达标 (限期整改)
    BasicallyCompliant,
    /// 不达标
    NonCompliant,
    /// 待补充: a mandatory or veto rule lacks data.
    Incomplete,
}

impl Grade {
    /// All grades, best first.
    pub const ALL: [Grade; 5] = [
        Grade::Exemplary,
        Grade::Compliant,
        Grade::BasicallyCompliant,
        Grade::NonCompliant,
        Grade::Incomplete,
    ];

    /// snake_case id.
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Exemplary => "exemplary",
            Grade::Compliant => "compliant",
            Grade::BasicallyCompliant => "basically_compliant",
            Grade::NonCompliant => "non_compliant",
            Grade::Incomplete => "incomplete",
        }
    }

    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Grade::Exemplary => "示范",
            Grade::Compliant => "达标",
            Grade::BasicallyCompliant => "基本达标",
            Grade::NonCompliant => "不达标",
            Grade::Incomplete => "待补充",
        }
    }

    /// English name.
    pub fn name_en(self) -> &'static str {
        match self {
            Grade::Exemplary => "exemplary",
            Grade::Compliant => "compliant",
            Grade::BasicallyCompliant => "basically compliant",
            Grade::NonCompliant => "non-compliant",
            Grade::Incomplete => "incomplete",
        }
    }

    /// 达标 or 示范.
    pub fn is_compliant(self) -> bool {
        matches!(self, Grade::Exemplary | Grade::Compliant)
    }
}

/// Who a report is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OfficeRef {
    /// Office code.
    pub code: String,
    /// Office name.
    pub name: String,
    /// District.
    pub district: District,
    /// Street or township.
    pub subdistrict: String,
}

/// Score of one heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DimensionScore {
    /// Dimension id.
    pub id: Dimension,
    /// Chinese name.
    pub name_zh: Text,
    /// 0..=100 over its applicable rules; `null` when none applies.
    pub score: Option<f64>,
    /// Points earned.
    pub points: f64,
    /// Applicable maximum.
    pub max_points: f64,
}

/// The outcome of one rule in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// Rule id.
    pub rule: Text,
    /// Task number.
    pub task: u8,
    /// Dimension.
    pub dimension: Dimension,
    /// Outcome.
    pub status: Status,
    /// Severity.
    pub severity: Severity,
    /// Method.
    pub method: Method,
    /// Points earned.
    pub points: f64,
    /// Points available.
    pub max_points: f64,
    /// Observed value.
    pub observed: Option<Value>,
    /// Expected value.
    pub expected: Option<Value>,
    /// How much is missing, in `unit`.
    pub shortfall: Option<f64>,
    /// Unit of observed, expected and shortfall.
    pub unit: Text,
    /// Units failing a per-unit rule.
    pub units_failing: Vec<UnitFailing>,
    /// Fields involved (JSON Pointers); for missing_data, the fields to fill in.
    pub paths: Vec<Text>,
    /// Message in Chinese.
    pub message: Text,
    /// Message in English.
    pub message_en: Text,
    /// Clause of the plan (borrowed from the rule catalogue when the report was scored here).
    pub clause: Text,
    /// Verbatim quote of the plan (borrowed from the rule catalogue when scored here).
    pub quote: Text,
}

impl Finding {
    /// Points lost on this rule.
    pub fn points_lost(&self) -> f64 {
        match self.status {
            Status::NotApplicable => 0.0,
            _ => (self.max_points - self.points).max(0.0),
        }
    }

    /// A problem to fix: failed, partial or missing, and not a bonus rule.
    pub fn is_problem(&self) -> bool {
        self.severity != Severity::Bonus && matches!(self.status, Status::Fail | Status::Partial | Status::MissingData)
    }
}

/// How many findings of each status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Counts {
    /// pass
    pub pass: usize,
    /// partial
    pub partial: usize,
    /// fail
    pub fail: usize,
    /// not_applicable
    pub not_applicable: usize,
    /// missing_data
    pub missing_data: usize,
}

impl Counts {
    pub(crate) fn add(&mut self, s: Status) {
        match s {
            Status::Pass => self.pass += 1,
            Status::Partial => self.partial += 1,
            Status::Fail => self.fail += 1,
            Status::NotApplicable => self.not_applicable += 1,
            Status::MissingData => self.missing_data += 1,
        }
    }
}

/// The report of one office in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Report {
    /// Always `sifasuo.report/1`.
    pub format: Text,
    /// Edition.
    pub standard: Text,
    /// Id of the parameters used.
    pub parameters: String,
    /// The office.
    pub office: OfficeRef,
    /// Assessment year.
    pub year: i32,
    /// 0..=100, bonus included, capped; one decimal.
    pub score: f64,
    /// Score before bonus.
    pub base_score: f64,
    /// Bonus points added.
    pub bonus: f64,
    /// Grade.
    pub grade: Grade,
    /// Grade in Chinese.
    pub grade_zh: Text,
    /// Per heading.
    pub dimensions: Vec<DimensionScore>,
    /// One per rule, in catalogue order.
    pub findings: Vec<Finding>,
    /// Fields to fill in.
    pub missing_fields: Vec<Text>,
    /// Findings per status.
    pub counts: Counts,
}

/// One entry of a problem list (问题清单).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Problem {
    /// Rule id.
    pub rule: Text,
    /// Clause.
    pub clause: Text,
    /// Quote.
    pub quote: Text,
    /// fail, partial or missing_data.
    pub status: Status,
    /// Severity.
    pub severity: Severity,
    /// Points lost.
    pub points_lost: f64,
    /// Shortfall in `unit`.
    pub shortfall: Option<f64>,
    /// Unit.
    pub unit: Text,
    /// Units failing.
    pub units_failing: Vec<UnitFailing>,
    /// Message in Chinese.
    pub message: Text,
    /// Message in English.
    pub message_en: Text,
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Veto => 0,
        Severity::Mandatory => 1,
        Severity::Standard => 2,
        Severity::Bonus => 3,
    }
}

/// Problems among findings: veto failures first, then most points lost, then catalogue order.
pub fn problems_of(findings: &[Finding]) -> Vec<Problem> {
    let mut p: Vec<(usize, &Finding)> = findings.iter().enumerate().filter(|(_, f)| f.is_problem()).collect();
    p.sort_by(|(ia, a), (ib, b)| {
        let va = u8::from(a.severity != Severity::Veto);
        let vb = u8::from(b.severity != Severity::Veto);
        va.cmp(&vb)
            .then(b.points_lost().total_cmp(&a.points_lost()))
            .then(severity_rank(a.severity).cmp(&severity_rank(b.severity)))
            .then(ia.cmp(ib))
    });
    p.into_iter()
        .map(|(_, f)| Problem {
            rule: f.rule.clone(),
            clause: f.clause.clone(),
            quote: f.quote.clone(),
            status: f.status,
            severity: f.severity,
            points_lost: f.points_lost(),
            shortfall: f.shortfall,
            unit: f.unit.clone(),
            units_failing: f.units_failing.clone(),
            message: f.message.clone(),
            message_en: f.message_en.clone(),
        })
        .collect()
}

impl Report {
    /// The office's problem list (问题清单): failed, partial and missing rules, veto first, then most
    /// points lost.
    pub fn problems(&self) -> Vec<Problem> {
        problems_of(&self.findings)
    }

    /// The finding of a rule.
    pub fn finding(&self, rule: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.rule == rule)
    }

    /// Canonical JSON of the report (fixed key order, no extra whitespace).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Count of offices per grade.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct GradeCounts {
    /// 示范
    pub exemplary: usize,
    /// 达标
    pub compliant: usize,
    /// 基本达标
    pub basically_compliant: usize,
    /// 不达标
    pub non_compliant: usize,
    /// 待补充
    pub incomplete: usize,
}

impl GradeCounts {
    /// Adds one office of grade `g`.
    pub fn add(&mut self, g: Grade) {
        match g {
            Grade::Exemplary => self.exemplary += 1,
            Grade::Compliant => self.compliant += 1,
            Grade::BasicallyCompliant => self.basically_compliant += 1,
            Grade::NonCompliant => self.non_compliant += 1,
            Grade::Incomplete => self.incomplete += 1,
        }
    }

    /// Count of one grade.
    pub fn get(&self, g: Grade) -> usize {
        match g {
            Grade::Exemplary => self.exemplary,
            Grade::Compliant => self.compliant,
            Grade::BasicallyCompliant => self.basically_compliant,
            Grade::NonCompliant => self.non_compliant,
            Grade::Incomplete => self.incomplete,
        }
    }

    /// Total offices.
    pub fn total(&self) -> usize {
        Grade::ALL.iter().map(|g| self.get(*g)).sum()
    }
}

/// One rule of a set's problem list: how many offices fail it, and which.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RuleProblem {
    /// Rule id.
    pub rule: Text,
    /// Clause.
    pub clause: Text,
    /// Quote.
    pub quote: Text,
    /// Severity.
    pub severity: Severity,
    /// Offices with the problem.
    pub offices: usize,
    /// Their codes, in input order.
    pub office_codes: Vec<String>,
    /// Points lost in all.
    pub points_lost: f64,
}

/// The problem list of a set of offices: per rule, most frequent first (ties: catalogue order).
pub fn set_problems<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Vec<RuleProblem> {
    let mut by_rule: Vec<RuleProblem> = Vec::new();
    let mut order: Vec<Text> = Vec::new();
    // points lost per rule, summed in a fixed order at the end (the batch order must not matter)
    let mut lost: Vec<Vec<f64>> = Vec::new();
    for r in reports {
        for f in r.findings.iter().filter(|f| f.is_problem()) {
            let idx = match order.iter().position(|x| *x == f.rule) {
                Some(i) => i,
                None => {
                    order.push(f.rule.clone());
                    by_rule.push(RuleProblem {
                        rule: f.rule.clone(),
                        clause: f.clause.clone(),
                        quote: f.quote.clone(),
                        severity: f.severity,
                        offices: 0,
                        office_codes: Vec::new(),
                        points_lost: 0.0,
                    });
                    lost.push(Vec::new());
                    order.len() - 1
                }
            };
            if let (Some(p), Some(l)) = (by_rule.get_mut(idx), lost.get_mut(idx)) {
                p.offices += 1;
                p.office_codes.push(r.office.code.clone());
                l.push(f.points_lost());
            }
        }
    }
    for (p, l) in by_rule.iter_mut().zip(lost) {
        p.points_lost = sorted_sum(l);
    }
    let catalogue: Vec<&str> = crate::rules::office_rules().map(|r| r.id).collect();
    let pos = |id: &str| catalogue.iter().position(|c| *c == id).unwrap_or(usize::MAX);
    by_rule.sort_by(|a, b| b.offices.cmp(&a.offices).then(pos(&a.rule).cmp(&pos(&b.rule))));
    for p in &mut by_rule {
        p.points_lost = (p.points_lost * 100.0).round() / 100.0;
    }
    by_rule
}

/// Roll-up of a set of office reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Rollup {
    /// Offices.
    pub count: usize,
    /// Mean score (one decimal); `null` with no offices.
    pub mean_score: Option<f64>,
    /// Offices per grade.
    pub grades: GradeCounts,
    /// Share 达标 or 示范, 0..=1 (four decimals); `null` with no offices.
    pub compliance_rate: Option<f64>,
    /// Problem list of the set.
    pub problems: Vec<RuleProblem>,
}

/// Rolls up office reports.
pub fn rollup<'a>(reports: impl IntoIterator<Item = &'a Report> + Clone) -> Rollup {
    let mut grades = GradeCounts::default();
    let mut scores: Vec<f64> = Vec::new();
    for r in reports.clone() {
        grades.add(r.grade);
        scores.push(r.score);
    }
    let count = scores.len();
    // summed in a fixed order, so the mean does not depend on the order of the batch
    let sum = sorted_sum(scores);
    let compliant = grades.exemplary + grades.compliant;
    Rollup {
        count,
        mean_score: (count > 0).then(|| round1(sum / count as f64)),
        grades,
        compliance_rate: (count > 0).then(|| ((compliant as f64 / count as f64) * 10_000.0).round() / 10_000.0),
        problems: set_problems(reports),
    }
}

/// The report of one district bureau in one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DistrictReport {
    /// Always `sifasuo.district-report/1`.
    pub format: Text,
    /// Edition.
    pub standard: Text,
    /// Id of the parameters used.
    pub parameters: String,
    /// District.
    pub district: District,
    /// Assessment year.
    pub year: i32,
    /// The bureau's own score, 0..=100.
    pub score: f64,
    /// Grade of the bureau's own rules.
    pub grade: Grade,
    /// Grade in Chinese.
    pub grade_zh: Text,
    /// Findings of the district rules (the year rule of this year only).
    pub findings: Vec<Finding>,
    /// Fields to fill in.
    pub missing_fields: Vec<Text>,
    /// Findings per status.
    pub counts: Counts,
    /// Roll-up of the district's offices of the same year, when given.
    pub offices: Option<Rollup>,
}

/// The sum of `xs` in ascending order: the same whatever order they came in.
fn sorted_sum(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs.iter().sum()
}

/// Rounds to one decimal (scores).
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Rounds to two decimals (points).
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}
