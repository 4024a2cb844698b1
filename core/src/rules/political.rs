//! 二（一）政治建设: tasks 1–3.

use super::eval::{checklist, flag, Check};
use super::{Dimension::Political, Measure, Method::*, RuleDef, Severity::*};
use crate::model::OfficeRecord;

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t01-study-mechanism",
        task: 1,
        clause: "二（一）1",
        quote: "建立学习党的二十大精神、习近平法治思想常态化机制",
        method: AllOrNothing,
        severity: Standard,
        points: 4.0,
        dimension: Political,
        fields: &["/political/study_mechanism"],
        label_zh: "学习党的二十大精神、习近平法治思想常态化机制",
        label_en: "standing study mechanism",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.political.study_mechanism, "/political/study_mechanism"),
    },
    RuleDef {
        id: "t02-party-life",
        task: 2,
        clause: "二（一）2",
        quote: "严格落实党的组织生活制度，参加“三会一课”",
        method: AllOrNothing,
        severity: Standard,
        points: 3.0,
        dimension: Political,
        fields: &["/political/party_life"],
        label_zh: "参加“三会一课”",
        label_en: "Party organisational life (three meetings, one lesson)",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.political.party_life, "/political/party_life"),
    },
    RuleDef {
        id: "t03-discipline",
        task: 3,
        clause: "二（一）3",
        quote: "落实好防止干预司法“三个规定”",
        method: Checklist,
        severity: Standard,
        points: 3.0,
        dimension: Political,
        fields: &["/political/three_provisions", "/political/discipline_violations"],
        label_zh: "纪律作风建设",
        label_en: "discipline and conduct",
        measure: Measure::Checks,
        year: None,
        eval: |r, _| {
            let p = &r.political;
            let n = p.discipline_violations.map_or(0, |c| c.0);
            let violations_zh = format!("发生违反纪律作风问题{n}起");
            let violations_en = format!("{n} discipline {}", if n == 1 { "violation" } else { "violations" });
            checklist(&[
                Check {
                    value: p.three_provisions,
                    path: "/political/three_provisions",
                    zh: "未落实防止干预司法“三个规定”",
                    en: "the three provisions against interference in justice not applied",
                },
                Check {
                    value: p.discipline_violations.map(|c| c.0 == 0),
                    path: "/political/discipline_violations",
                    zh: &violations_zh,
                    en: &violations_en,
                },
            ])
        },
    },
];
