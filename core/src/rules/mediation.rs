//! 二（二）5 深入推进矛盾纠纷化解工作.

use super::eval::{coverage, flag, per_unit, Applies, UnitText};
use super::{Dimension::Business, Measure, Method::*, RuleDef, Severity::*};
use crate::model::OfficeRecord;
use serde_json::json;

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t05-subdistrict-committee",
        task: 5,
        clause: "二（二）5",
        quote: "确保社区（村）、街道（乡镇）人民调解委员会依法规范设立",
        method: AllOrNothing,
        severity: Mandatory,
        points: 2.0,
        dimension: Business,
        fields: &["/mediation/subdistrict_committee"],
        label_zh: "街道（乡镇）人民调解委员会依法规范设立",
        label_en: "subdistrict people's mediation committee",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.mediation.subdistrict_committee, "/mediation/subdistrict_committee"),
    },
    RuleDef {
        id: "t05-unit-committees",
        task: 5,
        clause: "二（二）5",
        quote: "确保社区（村）、街道（乡镇）人民调解委员会依法规范设立",
        method: PerUnit,
        severity: Mandatory,
        points: 2.0,
        dimension: Business,
        fields: &["/units/*/mediation_committee"],
        label_zh: "社区（村）人民调解委员会依法规范设立",
        label_en: "community/village mediation committees",
        measure: Measure::Units,
        year: None,
        eval: |r, _| {
            per_unit(
                r.units.as_deref(),
                "mediation_committee",
                |_| Applies::Yes,
                |u| u.mediation_committee.map(|b| (b, json!(b))),
                &UnitText {
                    noun_zh: "社区（村）",
                    noun_en: ("unit", "units"),
                    fail_zh: "未依法规范设立人民调解委员会".into(),
                    fail_en: "without a lawfully established mediation committee".into(),
                    show_observed: false,
                },
            )
        },
    },
    RuleDef {
        id: "t05-work-system",
        task: 5,
        clause: "二（二）5",
        quote: "完善调解工作制度",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/mediation/work_system"],
        label_zh: "调解工作制度",
        label_en: "mediation work rules",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.mediation.work_system, "/mediation/work_system"),
    },
    RuleDef {
        id: "t05-pre-litigation",
        task: 5,
        clause: "二（二）5",
        quote: "积极参与街道（乡镇）未诉先办工作",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/mediation/pre_litigation"],
        label_zh: "参与街道（乡镇）未诉先办工作",
        label_en: "taking part in pre-litigation handling",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.mediation.pre_litigation, "/mediation/pre_litigation"),
    },
    RuleDef {
        id: "t05-administrative-mediation",
        task: 5,
        clause: "二（二）5",
        quote: "街道（乡镇）行政调解职责清晰",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/mediation/administrative_mediation"],
        label_zh: "行政调解职责清晰",
        label_en: "clear administrative mediation duties",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag(
                r.mediation.administrative_mediation,
                "/mediation/administrative_mediation",
            )
        },
    },
    RuleDef {
        id: "t05-local-resolution",
        task: 5,
        clause: "二（二）5",
        quote: "小事不出社区（村），大事不出街道（乡镇）",
        method: Coverage,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/mediation/disputes/total", "/mediation/disputes/resolved_locally"],
        label_zh: "矛盾纠纷就地化解",
        label_en: "disputes resolved locally",
        measure: Measure::Items,
        year: None,
        eval: |r, _| {
            let d = &r.mediation.disputes;
            coverage(
                (d.resolved_locally, "/mediation/disputes/resolved_locally"),
                (d.total, "/mediation/disputes/total"),
                Measure::Items,
            )
        },
    },
];
