//! 二（二）7 依法开展社区矫正工作.

use super::eval::{all_zero, checklist, coverage, coverage_of, flag, missing, not_applicable, target, Check, Eval};
use super::{Dimension::Business, Measure, Method::*, RuleDef, Severity::*};
use crate::model::{Count, OfficeRecord};

const SUBJECTS: &str = "/community_correction/subjects";

/// Coverage over the year's correction subjects; none → not applicable.
fn over_subjects(r: &OfficeRecord, part: Option<Count>, path: &'static str) -> Eval {
    if r.community_correction.subjects == Some(Count(0)) {
        return not_applicable(
            "本年度无社区矫正对象",
            "no persons under community correction this year",
        );
    }
    coverage(
        (part, path),
        (r.community_correction.subjects, SUBJECTS),
        Measure::Persons,
    )
}

fn supervision_measures(r: &OfficeRecord) -> Eval {
    let c = &r.community_correction;
    if c.subjects == Some(Count(0)) {
        return not_applicable(
            "本年度无社区矫正对象",
            "no persons under community correction this year",
        );
    }
    let absent: Vec<&str> = [
        (c.subjects.is_none(), SUBJECTS),
        (c.with_team.is_none(), "/community_correction/with_team"),
        (c.with_plan.is_none(), "/community_correction/with_plan"),
        (
            c.assessment_classification.is_none(),
            "/community_correction/assessment_classification",
        ),
    ]
    .into_iter()
    .filter(|x| x.0)
    .map(|x| x.1)
    .collect();
    let (Some(s), Some(t), Some(p), Some(a)) = (c.subjects, c.with_team, c.with_plan, c.assessment_classification)
    else {
        return missing(absent);
    };
    if !a {
        let e = flag(Some(false), "");
        return e.detail(
            "未落实日常考核、分类管理",
            "daily assessment and classified management not in place",
        );
    }
    coverage_of(t.min(p).as_f64(), s.as_f64(), Measure::Persons)
}

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t07-correction-committee",
        task: 7,
        clause: "二（二）7",
        quote: "充分依托街道（乡镇）社区矫正委员会统筹协调和指导本地区社区矫正工作",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/community_correction/committee"],
        label_zh: "街道（乡镇）社区矫正委员会",
        label_en: "subdistrict community-correction committee",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.community_correction.committee, "/community_correction/committee"),
    },
    RuleDef {
        id: "t07-announcement-venue",
        task: 7,
        clause: "二（二）7",
        quote: "规范设置社区矫正宣告场所，配备相关办公设施和信息化设备",
        method: Checklist,
        severity: Standard,
        points: 2.0,
        dimension: Business,
        fields: &[
            "/community_correction/announcement_venue/standardized",
            "/community_correction/announcement_venue/office_facilities",
            "/community_correction/announcement_venue/it_equipment",
        ],
        label_zh: "社区矫正宣告场所",
        label_en: "announcement venue",
        measure: Measure::Checks,
        year: None,
        eval: |r, _| {
            let v = &r.community_correction.announcement_venue;
            checklist(&[
                Check {
                    value: v.standardized,
                    path: "/community_correction/announcement_venue/standardized",
                    zh: "宣告场所未规范设置",
                    en: "venue not up to standard",
                },
                Check {
                    value: v.office_facilities,
                    path: "/community_correction/announcement_venue/office_facilities",
                    zh: "未配备办公设施",
                    en: "no office facilities",
                },
                Check {
                    value: v.it_equipment,
                    path: "/community_correction/announcement_venue/it_equipment",
                    zh: "未配备信息化设备",
                    en: "no IT equipment",
                },
            ])
        },
    },
    RuleDef {
        id: "t07-supervision-measures",
        task: 7,
        clause: "二（二）7",
        quote: "严格落实矫正小组、矫正方案及日常考核、分类管理等措施",
        method: Coverage,
        severity: Standard,
        points: 2.0,
        dimension: Business,
        fields: &[
            "/community_correction/subjects",
            "/community_correction/with_team",
            "/community_correction/with_plan",
            "/community_correction/assessment_classification",
        ],
        label_zh: "矫正小组、矫正方案及日常考核、分类管理",
        label_en: "correction teams, plans, assessment and classification",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| supervision_measures(r),
    },
    RuleDef {
        id: "t07-nine-clear",
        task: 7,
        clause: "二（二）7",
        quote: "熟悉掌握社区矫正对象“九清楚”情况",
        method: Coverage,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/community_correction/subjects", "/community_correction/nine_clear"],
        label_zh: "社区矫正对象“九清楚”",
        label_en: "\"nine clear\" facts known",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| over_subjects(r, r.community_correction.nine_clear, "/community_correction/nine_clear"),
    },
    RuleDef {
        id: "t07-archives",
        task: 7,
        clause: "二（二）7",
        quote: "建立规范的社区矫正工作档案",
        method: Coverage,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/community_correction/subjects", "/community_correction/with_archive"],
        label_zh: "社区矫正工作档案",
        label_en: "correction case files",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| {
            over_subjects(
                r,
                r.community_correction.with_archive,
                "/community_correction/with_archive",
            )
        },
    },
    RuleDef {
        id: "t07-analysis-meetings",
        task: 7,
        clause: "二（二）7",
        quote: "按期召开动态分析会议",
        method: Target,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &[
            "/community_correction/analysis_meetings/held",
            "/community_correction/analysis_meetings/required",
        ],
        label_zh: "动态分析会议",
        label_en: "dynamic analysis meetings",
        measure: Measure::Times,
        year: None,
        eval: |r, c| {
            let m = &r.community_correction.analysis_meetings;
            let required = m.required.map_or(c.params.targets.analysis_meetings, |n| n.as_f64());
            target(
                (m.held, "/community_correction/analysis_meetings/held"),
                required,
                Measure::Times,
            )
        },
    },
    RuleDef {
        id: "t07-platform-records",
        task: 7,
        clause: "二（二）7",
        quote: "录入社区矫正综合管理平台信息及时全面、准确无误",
        method: Coverage,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &[
            "/community_correction/platform_records/total",
            "/community_correction/platform_records/timely",
        ],
        label_zh: "社区矫正综合管理平台录入",
        label_en: "timely platform entries",
        measure: Measure::Items,
        year: None,
        eval: |r, _| {
            let p = &r.community_correction.platform_records;
            coverage(
                (p.timely, "/community_correction/platform_records/timely"),
                (p.total, "/community_correction/platform_records/total"),
                Measure::Items,
            )
        },
    },
    RuleDef {
        id: "t07-police-station",
        task: 7,
        clause: "二（二）7",
        quote: "与派出所建立信息通报、定期会商、联合管控等工作制度",
        method: Checklist,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &[
            "/community_correction/police_station/information_sharing",
            "/community_correction/police_station/regular_consultation",
            "/community_correction/police_station/joint_control",
        ],
        label_zh: "与派出所工作制度",
        label_en: "arrangements with the police station",
        measure: Measure::Checks,
        year: None,
        eval: |r, _| {
            let p = &r.community_correction.police_station;
            checklist(&[
                Check {
                    value: p.information_sharing,
                    path: "/community_correction/police_station/information_sharing",
                    zh: "未建立信息通报制度",
                    en: "no information sharing",
                },
                Check {
                    value: p.regular_consultation,
                    path: "/community_correction/police_station/regular_consultation",
                    zh: "未建立定期会商制度",
                    en: "no regular consultation",
                },
                Check {
                    value: p.joint_control,
                    path: "/community_correction/police_station/joint_control",
                    zh: "未建立联合管控制度",
                    en: "no joint control",
                },
            ])
        },
    },
    RuleDef {
        id: "t07-no-loss-of-supervision",
        task: 7,
        clause: "二（二）7",
        quote: "严格落实日常监督管理和教育帮扶措施",
        method: AllOrNothing,
        severity: Veto,
        points: 0.0,
        dimension: Business,
        fields: &[
            "/community_correction/escaped_supervision",
            "/community_correction/missed_supervision",
        ],
        label_zh: "社区矫正对象脱管漏管",
        label_en: "correction subjects escaping or missed by supervision",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| {
            let c = &r.community_correction;
            all_zero(
                &[
                    (
                        c.escaped_supervision,
                        "/community_correction/escaped_supervision",
                        "脱管",
                        ("person escaped supervision", "persons escaped supervision"),
                    ),
                    (
                        c.missed_supervision,
                        "/community_correction/missed_supervision",
                        "漏管",
                        ("person missed by supervision", "persons missed by supervision"),
                    ),
                ],
                Measure::Persons,
            )
        },
    },
];
