//! 二（二）9 强化基层公共法律服务供给.

use super::eval::{flag, per_unit, target, Applies, UnitText};
use super::{Dimension::Business, Measure, Method::*, RuleDef, Severity::*};
use crate::model::OfficeRecord;
use serde_json::json;

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t09-service-station",
        task: 9,
        clause: "二（二）9",
        quote: "加强街道（乡镇）公共法律服务站建设",
        method: AllOrNothing,
        severity: Standard,
        points: 2.0,
        dimension: Business,
        fields: &["/public_legal_service/station/established"],
        label_zh: "街道（乡镇）公共法律服务站",
        label_en: "public legal service station",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag(
                r.public_legal_service.station.established,
                "/public_legal_service/station/established",
            )
        },
    },
    RuleDef {
        id: "t09-station-layout",
        task: 9,
        clause: "二（二）9",
        quote: "科学规范划分功能分区、配备装备设备",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/public_legal_service/station/functional_zoning"],
        label_zh: "服务站功能分区、装备设备",
        label_en: "station zoning and equipment",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag(
                r.public_legal_service.station.functional_zoning,
                "/public_legal_service/station/functional_zoning",
            )
        },
    },
    RuleDef {
        id: "t09-integration",
        task: 9,
        clause: "二（二）9",
        quote: "推动司法所与街道（乡镇）公共法律服务站一体规划、一体建设、资源共享",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/public_legal_service/station/integrated_with_office"],
        label_zh: "司法所与服务站一体建设",
        label_en: "office and station built as one",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag(
                r.public_legal_service.station.integrated_with_office,
                "/public_legal_service/station/integrated_with_office",
            )
        },
    },
    RuleDef {
        id: "t09-legal-advisors",
        task: 9,
        clause: "二（二）9",
        quote: "做好村（居）法律顾问沟通联络和监督考核工作",
        method: PerUnit,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/units/*/legal_advisor"],
        label_zh: "村（居）法律顾问",
        label_en: "legal advisors of communities/villages",
        measure: Measure::Units,
        year: None,
        eval: |r, _| {
            per_unit(
                r.units.as_deref(),
                "legal_advisor",
                |_| Applies::Yes,
                |u| u.legal_advisor.map(|b| (b, json!(b))),
                &UnitText {
                    noun_zh: "社区（村）",
                    noun_en: ("unit", "units"),
                    fail_zh: "未配备法律顾问".into(),
                    fail_en: "without a legal advisor".into(),
                    show_observed: false,
                },
            )
        },
    },
    RuleDef {
        id: "t09-one-stop",
        task: 9,
        clause: "二（二）9",
        quote: "实现“一站式”服务",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/public_legal_service/one_stop"],
        label_zh: "“一站式”服务",
        label_en: "one-stop service",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.public_legal_service.one_stop, "/public_legal_service/one_stop"),
    },
    RuleDef {
        id: "t09-special-campaigns",
        task: 9,
        clause: "二（二）9",
        quote: "开展专项法律服务活动",
        method: Target,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/public_legal_service/special_campaigns"],
        label_zh: "专项法律服务活动",
        label_en: "special legal-service campaigns",
        measure: Measure::Times,
        year: None,
        eval: |r, c| {
            target(
                (
                    r.public_legal_service.special_campaigns,
                    "/public_legal_service/special_campaigns",
                ),
                c.params.targets.special_campaigns,
                Measure::Times,
            )
        },
    },
    RuleDef {
        id: "t09-reconsideration-intake",
        task: 9,
        clause: "二（二）9",
        quote: "探索建立司法所代收行政复议申请等便民机制",
        method: AllOrNothing,
        severity: Bonus,
        points: 1.0,
        dimension: Business,
        fields: &["/public_legal_service/reconsideration_intake"],
        label_zh: "代收行政复议申请便民机制",
        label_en: "accepting reconsideration applications",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag(
                r.public_legal_service.reconsideration_intake,
                "/public_legal_service/reconsideration_intake",
            )
        },
    },
];
