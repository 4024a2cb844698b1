//! 二（二）8 认真协调落实安置帮教措施.

use super::eval::{all_zero, coverage, flag};
use super::{Dimension::Business, Measure, Method::*, RuleDef, Severity::*};
use crate::model::OfficeRecord;

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t08-ledger",
        task: 8,
        clause: "二（二）8",
        quote: "安置帮教人员台账清楚，分类明确",
        method: AllOrNothing,
        severity: Standard,
        points: 2.0,
        dimension: Business,
        fields: &["/resettlement/ledger"],
        label_zh: "安置帮教人员台账",
        label_en: "resettlement ledger",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.resettlement.ledger, "/resettlement/ledger"),
    },
    RuleDef {
        id: "t08-key-person-plans",
        task: 8,
        clause: "二（二）8",
        quote: "重点人帮教工作方案（措施）、突发事件应急处置预案完善",
        method: Coverage,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/resettlement/key_persons", "/resettlement/key_person_plans"],
        label_zh: "重点人帮教工作方案（措施）",
        label_en: "assistance plans for key persons",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| {
            let s = &r.resettlement;
            coverage(
                (s.key_person_plans, "/resettlement/key_person_plans"),
                (s.key_persons, "/resettlement/key_persons"),
                Measure::Persons,
            )
        },
    },
    RuleDef {
        id: "t08-emergency-plan",
        task: 8,
        clause: "二（二）8",
        quote: "重点人帮教工作方案（措施）、突发事件应急处置预案完善",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/resettlement/emergency_plan"],
        label_zh: "突发事件应急处置预案",
        label_en: "emergency response plan",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.resettlement.emergency_plan, "/resettlement/emergency_plan"),
    },
    RuleDef {
        id: "t08-real-name-groups",
        task: 8,
        clause: "二（二）8",
        quote: "实名制帮教小组真实有效",
        method: Coverage,
        severity: Standard,
        points: 2.0,
        dimension: Business,
        fields: &["/resettlement/persons", "/resettlement/real_name_groups"],
        label_zh: "实名制帮教小组",
        label_en: "real-name assistance groups",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| {
            let s = &r.resettlement;
            coverage(
                (s.real_name_groups, "/resettlement/real_name_groups"),
                (s.persons, "/resettlement/persons"),
                Measure::Persons,
            )
        },
    },
    RuleDef {
        id: "t08-no-serious-reoffence",
        task: 8,
        clause: "二（二）8",
        quote: "特别要防止重大、恶性重新犯罪案事件发生",
        method: AllOrNothing,
        severity: Veto,
        points: 1.0,
        dimension: Business,
        fields: &["/resettlement/serious_reoffences"],
        label_zh: "重大、恶性重新犯罪案事件",
        label_en: "serious or vicious reoffences",
        measure: Measure::Items,
        year: None,
        eval: |r, _| {
            all_zero(
                &[(
                    r.resettlement.serious_reoffences,
                    "/resettlement/serious_reoffences",
                    "",
                    ("case", "cases"),
                )],
                Measure::Items,
            )
        },
    },
];
