//! Parameters of an edition: points, severities, thresholds, targets and grade bands.
//!
//! Numbers written in the plan (120 m², 30 m², 3 legal-savvy persons, 1 culture site, 1 legal
//! professional) are the plan's; every weight, target and grade band is a **project default**
//! (marked † in `docs/rules.md`) that a district may override with a JSON file. An override is
//! validated, and its `id` appears in every report it produced.

use crate::model::Standard;
use crate::rules::{district_rules, office_rules, Severity};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Points and severity of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleParams {
    /// Points (≥ 0; bonus rules add them on top). Project default.
    pub points: f64,
    /// Severity. Project default.
    pub severity: Severity,
}

/// Thresholds a value must reach (from the plan's text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// 司法所用房面积不低于120平方米.
    pub total_area_m2: f64,
    /// 业务功能用房面积不低于30平方米.
    pub business_area_m2: f64,
    /// 每个行政村至少培养3名乡村“法律明白人”.
    pub legal_savvy_persons: f64,
    /// 每个街道（乡镇）和社区（村）至少建设1个法治文化阵地.
    pub culture_sites: f64,
    /// 司法所至少有1名法律专业人员.
    pub legal_professionals: f64,
}

/// Targets of `target` rules (project defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Targets {
    /// Dynamic analysis meetings a year when the record gives no `required` (monthly: 12).
    pub analysis_meetings: f64,
    /// Special legal-service campaigns a year.
    pub special_campaigns: f64,
    /// Business training sessions a year.
    pub training_sessions: f64,
    /// District: surveys, inspections and visits a year.
    pub district_inspections: f64,
    /// District: training sessions a year.
    pub district_training_sessions: f64,
    /// District: good practices promoted a year.
    pub experiences_promoted: f64,
    /// District, 2024: typical experiences.
    pub typical_experiences: f64,
}

/// Grade bands (project defaults).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GradeBands {
    /// Below this total: 不达标.
    pub non_compliant_below: f64,
    /// From this total: 达标 (below it: 基本达标).
    pub compliant_from: f64,
    /// From this total, with every dimension at `exemplary_dimension_share`: 示范.
    pub exemplary_from: f64,
    /// Share of its maximum every dimension needs for 示范.
    pub exemplary_dimension_share: f64,
}

/// Everything the scoring of one edition depends on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "评分参数",
    description = "京司发〔2022〕42号评分参数；标†者为项目默认值，可由配置覆盖"
)]
pub struct Parameters {
    /// Identifier written into every report, e.g. `BJ-2022-42/default`.
    pub id: String,
    /// The edition.
    pub standard: Standard,
    /// Points and severity per rule id.
    pub rules: BTreeMap<String, RuleParams>,
    /// Thresholds.
    pub thresholds: Thresholds,
    /// Targets.
    pub targets: Targets,
    /// Grade bands.
    pub grades: GradeBands,
}

/// One problem of a parameters file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParamIssue {
    /// JSON Pointer inside the parameters.
    pub path: String,
    /// What is wrong (English).
    pub message: String,
}

/// Why parameters could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ParametersError {
    /// Not JSON, or not the shape of [`Parameters`].
    #[error("parameters are not valid: {0}")]
    Malformed(String),
    /// Well-formed but out of bounds.
    #[error("parameters are not valid: {}", .0.iter().map(|i| format!("{}: {}", i.path, i.message)).collect::<Vec<_>>().join("; "))]
    Invalid(Vec<ParamIssue>),
}

/// The id of the default parameters.
pub const DEFAULT_ID: &str = "BJ-2022-42/default";
/// The id given to an override that does not name itself.
pub const CUSTOM_ID: &str = "BJ-2022-42/custom";

impl Default for Parameters {
    fn default() -> Self {
        let rules = office_rules()
            .map(|r| (r.id, r.points, r.severity))
            .chain(district_rules().map(|r| (r.id, r.points, r.severity)))
            .map(|(id, points, severity)| (id.to_string(), RuleParams { points, severity }))
            .collect();
        Parameters {
            id: DEFAULT_ID.into(),
            standard: Standard::Bj2022_42,
            rules,
            thresholds: Thresholds {
                total_area_m2: 120.0,
                business_area_m2: 30.0,
                legal_savvy_persons: 3.0,
                culture_sites: 1.0,
                legal_professionals: 1.0,
            },
            targets: Targets {
                analysis_meetings: 12.0,
                special_campaigns: 2.0,
                training_sessions: 4.0,
                district_inspections: 4.0,
                district_training_sessions: 4.0,
                experiences_promoted: 1.0,
                typical_experiences: 1.0,
            },
            grades: GradeBands {
                non_compliant_below: 60.0,
                compliant_from: 80.0,
                exemplary_from: 90.0,
                exemplary_dimension_share: 0.8,
            },
        }
    }
}

fn merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) if slot.is_object() && v.is_object() => merge(slot, v),
                    _ => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

impl Parameters {
    /// Points and severity of a rule.
    pub fn rule(&self, id: &str) -> Option<&RuleParams> {
        self.rules.get(id)
    }

    /// The defaults with a partial JSON override applied, validated.
    ///
    /// Only the keys given change; an override that names no `id` gets `BJ-2022-42/custom`.
    ///
    /// # Errors
    /// [`ParametersError`] when the text is not JSON, has unknown keys or wrong types, or
    /// breaks a bound (negative points, unordered grade bands, unknown rule ids…).
    ///
    /// # Example
    /// ```
    /// let p = sifasuo::params::Parameters::from_override_json(
    ///     r#"{"id": "朝阳区/2023", "thresholds": {"total_area_m2": 150}}"#).unwrap();
    /// assert_eq!(p.thresholds.total_area_m2, 150.0);
    /// assert_eq!(p.thresholds.business_area_m2, 30.0);
    /// assert!(sifasuo::params::Parameters::from_override_json(r#"{"rules": {"t13-total-area": {"points": -1}}}"#).is_err());
    /// ```
    pub fn from_override_json(text: &str) -> Result<Parameters, ParametersError> {
        let over = crate::validate::parse_value(text).map_err(|e| ParametersError::Malformed(e.message_en))?;
        Self::from_override(&over)
    }

    /// Like [`from_override_json`](Self::from_override_json), from a JSON value.
    ///
    /// # Errors
    /// See [`from_override_json`](Self::from_override_json).
    pub fn from_override(over: &Value) -> Result<Parameters, ParametersError> {
        if !over.is_object() {
            return Err(ParametersError::Malformed("expected a JSON object".into()));
        }
        let mut issues = Vec::new();
        let mut over = over.clone();
        if let Some(Value::Object(rules)) = over.get_mut("rules") {
            let known = Parameters::default();
            // Unknown ids are reported (with every other problem) and left out, so they do not
            // hide the rest behind a shape error.
            rules.retain(|id, _| {
                let ok = known.rule(id).is_some();
                if !ok {
                    issues.push(ParamIssue {
                        path: format!("/rules/{}", crate::validate::reader::escape(id)),
                        message: "unknown rule id".into(),
                    });
                }
                ok
            });
        }
        let mut base =
            serde_json::to_value(Parameters::default()).map_err(|e| ParametersError::Malformed(e.to_string()))?;
        if over.get("id").is_none() {
            merge(&mut base, &serde_json::json!({"id": CUSTOM_ID}));
        }
        merge(&mut base, &over);
        let p: Parameters = serde_json::from_value(base).map_err(|e| ParametersError::Malformed(e.to_string()))?;
        issues.extend(p.check());
        if issues.is_empty() {
            Ok(p)
        } else {
            Err(ParametersError::Invalid(issues))
        }
    }

    /// Every bound these parameters break (empty when valid).
    pub fn check(&self) -> Vec<ParamIssue> {
        let mut out = Vec::new();
        let mut bad = |path: String, message: &str| {
            out.push(ParamIssue {
                path,
                message: message.into(),
            })
        };
        if self.id.trim().is_empty() || self.id.chars().count() > 200 {
            bad("/id".into(), "must be 1–200 characters");
        } else if self.id == DEFAULT_ID && *self != Parameters::default() {
            bad(
                "/id".into(),
                "`BJ-2022-42/default` names the default parameters only; give the override its own id",
            );
        }
        for (id, r) in &self.rules {
            if !(r.points.is_finite() && (0.0..=1000.0).contains(&r.points)) {
                bad(format!("/rules/{id}/points"), "must be a finite number 0..=1000");
            }
        }
        let t = &self.thresholds;
        for (k, v) in [
            ("total_area_m2", t.total_area_m2),
            ("business_area_m2", t.business_area_m2),
            ("legal_savvy_persons", t.legal_savvy_persons),
            ("culture_sites", t.culture_sites),
            ("legal_professionals", t.legal_professionals),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                bad(format!("/thresholds/{k}"), "must be a finite number ≥ 0");
            }
        }
        let g = &self.targets;
        for (k, v) in [
            ("analysis_meetings", g.analysis_meetings),
            ("special_campaigns", g.special_campaigns),
            ("training_sessions", g.training_sessions),
            ("district_inspections", g.district_inspections),
            ("district_training_sessions", g.district_training_sessions),
            ("experiences_promoted", g.experiences_promoted),
            ("typical_experiences", g.typical_experiences),
        ] {
            if !(v.is_finite() && v >= 0.0) {
                bad(format!("/targets/{k}"), "must be a finite number ≥ 0");
            }
        }
        let b = &self.grades;
        let ordered = 0.0 <= b.non_compliant_below
            && b.non_compliant_below <= b.compliant_from
            && b.compliant_from <= b.exemplary_from
            && b.exemplary_from <= 100.0;
        if !ordered {
            bad(
                "/grades".into(),
                "need 0 ≤ non_compliant_below ≤ compliant_from ≤ exemplary_from ≤ 100",
            );
        }
        if !(0.0..=1.0).contains(&b.exemplary_dimension_share) {
            bad("/grades/exemplary_dimension_share".into(), "must be within 0..=1");
        }
        out
    }

    /// The JSON Schema of a parameters file.
    pub fn schema() -> Value {
        schemars::schema_for!(Parameters).to_value()
    }
}
