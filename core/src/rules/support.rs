//! 二（四）保障能力建设: tasks 12–15.

use super::eval::{at_least, coverage, flag, flag_or, missing, not_applicable, Eval};
use super::{Dimension::Support, Measure, Method::*, RuleDef, Severity::*};
use crate::model::{Archive, OfficeRecord};
use serde_json::json;

fn archive(r: &OfficeRecord) -> Eval {
    match r.support.premises.archive {
        None => missing(["/support/premises/archive"]),
        Some(a @ (Archive::Room | Archive::Area)) => flag(Some(true), "").values(json!(a), json!(["room", "area"])),
        Some(Archive::None) => flag(Some(false), "")
            .values(json!("none"), json!(["room", "area"]))
            .detail("未独立设置档案室或独立区域", "no separate archive room or area"),
    }
}

fn signage(r: &OfficeRecord) -> Eval {
    let p = &r.support.premises;
    match p.built_or_renovated {
        None => missing(["/support/premises/built_or_renovated"]),
        Some(false) => not_applicable("未新改扩建", "not built or renovated during the plan"),
        Some(true) => flag_or(
            p.signage_compliant,
            "/support/premises/signage_compliant",
            "不符合司法部《司法所外观标识规范》",
            "does not follow the Ministry of Justice's appearance standard",
        ),
    }
}

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t12-management-rules",
        task: 12,
        clause: "二（四）12",
        quote: "进一步完善、细化司法所管理制度机制",
        method: AllOrNothing,
        severity: Standard,
        points: 3.0,
        dimension: Support,
        fields: &["/support/management_rules"],
        label_zh: "司法所管理制度机制",
        label_en: "office management rules",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.support.management_rules, "/support/management_rules"),
    },
    RuleDef {
        id: "t12-affairs-openness",
        task: 12,
        clause: "二（四）12",
        quote: "深化所务公开制度",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Support,
        fields: &["/support/affairs_openness"],
        label_zh: "所务公开",
        label_en: "openness of office affairs",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.support.affairs_openness, "/support/affairs_openness"),
    },
    RuleDef {
        id: "t13-total-area",
        task: 13,
        clause: "二（四）13",
        quote: "司法所用房面积不低于120平方米",
        method: AllOrNothing,
        severity: Mandatory,
        points: 5.0,
        dimension: Support,
        fields: &["/support/premises/total_area_m2"],
        label_zh: "司法所用房面积",
        label_en: "office premises",
        measure: Measure::M2,
        year: None,
        eval: |r, c| {
            at_least(
                r.support.premises.total_area_m2.map(|a| a.0),
                c.params.thresholds.total_area_m2,
                "/support/premises/total_area_m2",
                Measure::M2,
            )
        },
    },
    RuleDef {
        id: "t13-business-area",
        task: 13,
        clause: "二（四）13",
        quote: "其中业务功能用房面积不低于30平方米",
        method: AllOrNothing,
        severity: Mandatory,
        points: 4.0,
        dimension: Support,
        fields: &["/support/premises/business_area_m2"],
        label_zh: "业务功能用房面积",
        label_en: "business rooms",
        measure: Measure::M2,
        year: None,
        eval: |r, c| {
            at_least(
                r.support.premises.business_area_m2.map(|a| a.0),
                c.params.thresholds.business_area_m2,
                "/support/premises/business_area_m2",
                Measure::M2,
            )
        },
    },
    RuleDef {
        id: "t13-archive",
        task: 13,
        clause: "二（四）13",
        quote: "独立设置档案室（或者独立区域）",
        method: AllOrNothing,
        severity: Mandatory,
        points: 2.0,
        dimension: Support,
        fields: &["/support/premises/archive"],
        label_zh: "独立档案室（或独立区域）",
        label_en: "archive room or area",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| archive(r),
    },
    RuleDef {
        id: "t13-signage",
        task: 13,
        clause: "二（四）13",
        quote: "新改扩建司法所应按照司法部《司法所外观标识规范》要求，规范设置标识标牌",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Support,
        fields: &[
            "/support/premises/built_or_renovated",
            "/support/premises/signage_compliant",
        ],
        label_zh: "标识标牌",
        label_en: "signage",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| signage(r),
    },
    RuleDef {
        id: "t14-unified-platform",
        task: 14,
        clause: "二（四）14",
        quote: "积极搭建统一的基层工作管理信息平台",
        method: AllOrNothing,
        severity: Standard,
        points: 3.0,
        dimension: Support,
        fields: &["/support/information/unified_platform"],
        label_zh: "统一的基层工作管理信息平台",
        label_en: "unified management platform",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag(
                r.support.information.unified_platform,
                "/support/information/unified_platform",
            )
        },
    },
    RuleDef {
        id: "t14-mobile-apps",
        task: 14,
        clause: "二（四）14",
        quote: "实现司法所工作移动化应用",
        method: AllOrNothing,
        severity: Standard,
        points: 2.0,
        dimension: Support,
        fields: &["/support/information/mobile_apps"],
        label_zh: "移动化应用",
        label_en: "mobile apps",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.support.information.mobile_apps, "/support/information/mobile_apps"),
    },
    RuleDef {
        id: "t14-self-service",
        task: 14,
        clause: "二（四）14",
        quote: "有条件的司法所可设置自助服务设备",
        method: AllOrNothing,
        severity: Bonus,
        points: 1.0,
        dimension: Support,
        fields: &["/support/information/self_service"],
        label_zh: "自助服务设备",
        label_en: "self-service terminals",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.support.information.self_service, "/support/information/self_service"),
    },
    RuleDef {
        id: "t15-allowance",
        task: 15,
        clause: "二（四）15",
        quote: "司法助理员岗位津贴待遇落实到位",
        method: Coverage,
        severity: Standard,
        points: 4.0,
        dimension: Support,
        fields: &["/support/allowance/eligible", "/support/allowance/paid"],
        label_zh: "司法助理员岗位津贴",
        label_en: "post allowance paid",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| {
            let a = &r.support.allowance;
            coverage(
                (a.paid, "/support/allowance/paid"),
                (a.eligible, "/support/allowance/eligible"),
                Measure::Persons,
            )
        },
    },
];
