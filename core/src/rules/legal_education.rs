//! 二（二）6 加强普法依法治理工作.

use super::eval::{at_least, flag, fmt_num, missing, not_applicable, per_unit, Applies, Eval, UnitText};
use super::{Dimension::Business, Measure, Method::*, RuleDef, Severity::*};
use crate::model::{OfficeRecord, UnitKind};
use serde_json::json;

fn democracy_demo(r: &OfficeRecord) -> Eval {
    let Some(units) = r.units.as_deref() else {
        return missing(["/units"]);
    };
    if units.is_empty() {
        return not_applicable("没有社区（村）", "no communities or villages");
    }
    let demos = units.iter().filter(|u| u.democracy_demo == Some(true)).count();
    if demos > 0 {
        return flag(Some(true), "").values(json!(demos), json!(1));
    }
    let absent: Vec<String> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.democracy_demo.is_none())
        .map(|(i, _)| format!("/units/{i}/democracy_demo"))
        .collect();
    if !absent.is_empty() {
        return missing(absent);
    }
    let mut e = flag(Some(false), "").values(json!(0), json!(1));
    e.shortfall = Some(1.0);
    e.detail("没有民主法治示范社区（村）", "no democracy-and-rule-of-law model unit")
}

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t06-legal-savvy-persons",
        task: 6,
        clause: "二（二）6",
        quote: "每个行政村至少培养3名乡村“法律明白人”",
        method: PerUnit,
        severity: Mandatory,
        points: 3.0,
        dimension: Business,
        fields: &["/units/*/legal_savvy_persons", "/units/*/kind"],
        label_zh: "乡村“法律明白人”培养",
        label_en: "legal-savvy persons in villages",
        measure: Measure::Units,
        year: None,
        eval: |r, c| {
            let min = c.params.thresholds.legal_savvy_persons;
            per_unit(
                r.units.as_deref(),
                "legal_savvy_persons",
                |u| match u.kind {
                    Some(UnitKind::Village) => Applies::Yes,
                    Some(UnitKind::Community) => Applies::No,
                    None => Applies::Unknown("kind"),
                },
                |u| u.legal_savvy_persons.map(|n| (f64::from(n.0) >= min, json!(n.0))),
                &UnitText {
                    noun_zh: "行政村",
                    noun_en: ("village", "villages"),
                    fail_zh: format!("不足{}名“法律明白人”", fmt_num(min)),
                    fail_en: format!(
                        "below {} legal-savvy {}",
                        fmt_num(min),
                        if min == 1.0 { "person" } else { "persons" }
                    ),
                    show_observed: true,
                },
            )
        },
    },
    RuleDef {
        id: "t06-subdistrict-culture-site",
        task: 6,
        clause: "二（二）6",
        quote: "每个街道（乡镇）和社区（村）至少建设1个法治文化阵地",
        method: AllOrNothing,
        severity: Mandatory,
        points: 1.0,
        dimension: Business,
        fields: &["/legal_education/subdistrict_culture_sites"],
        label_zh: "街道（乡镇）法治文化阵地",
        label_en: "subdistrict rule-of-law culture sites",
        measure: Measure::Units,
        year: None,
        eval: |r, c| {
            at_least(
                r.legal_education.subdistrict_culture_sites.map(|n| n.as_f64()),
                c.params.thresholds.culture_sites,
                "/legal_education/subdistrict_culture_sites",
                Measure::Units,
            )
        },
    },
    RuleDef {
        id: "t06-unit-culture-sites",
        task: 6,
        clause: "二（二）6",
        quote: "每个街道（乡镇）和社区（村）至少建设1个法治文化阵地",
        method: PerUnit,
        severity: Mandatory,
        points: 2.0,
        dimension: Business,
        fields: &["/units/*/culture_sites"],
        label_zh: "社区（村）法治文化阵地",
        label_en: "culture sites in communities/villages",
        measure: Measure::Units,
        year: None,
        eval: |r, c| {
            let min = c.params.thresholds.culture_sites;
            per_unit(
                r.units.as_deref(),
                "culture_sites",
                |_| Applies::Yes,
                |u| u.culture_sites.map(|n| (f64::from(n.0) >= min, json!(n.0))),
                &UnitText {
                    noun_zh: "社区（村）",
                    noun_en: ("unit", "units"),
                    fail_zh: format!("不足{}个法治文化阵地", fmt_num(min)),
                    fail_en: format!(
                        "below {} rule-of-law culture {}",
                        fmt_num(min),
                        if min == 1.0 { "site" } else { "sites" }
                    ),
                    show_observed: true,
                },
            )
        },
    },
    RuleDef {
        id: "t06-responsibility-system",
        task: 6,
        clause: "二（二）6",
        quote: "推动落实“谁执法谁普法”“谁管理谁普法”“谁服务谁普法”普法责任制",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/legal_education/responsibility_system"],
        label_zh: "普法责任制",
        label_en: "legal-education responsibility system",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag(
                r.legal_education.responsibility_system,
                "/legal_education/responsibility_system",
            )
        },
    },
    RuleDef {
        id: "t06-democracy-demo",
        task: 6,
        clause: "二（二）6",
        quote: "推进民主法治示范社区（村）建设并加强动态管理",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/units/*/democracy_demo"],
        label_zh: "民主法治示范社区（村）建设",
        label_en: "democracy-and-rule-of-law model units",
        measure: Measure::Units,
        year: None,
        eval: |r, _| democracy_demo(r),
    },
];
