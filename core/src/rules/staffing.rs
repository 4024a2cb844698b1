//! 二（三）干部队伍建设: tasks 10–11.

use super::eval::{
    at_least, checklist, coverage, coverage_of, flag, flag_or, missing, not_applicable, target, trend, Check, Eval,
};
use super::{Dimension::Staffing, EvalCtx, Measure, Method::*, RuleDef, Severity::*};
use crate::model::{Count, OfficeRecord};

fn qualification_trend(r: &OfficeRecord, c: &EvalCtx) -> Eval {
    let s = &r.staffing;
    if s.staff == Some(Count(0)) {
        return not_applicable("无在编在岗人员", "no staff");
    }
    let (Some(staff), Some(q)) = (s.staff, s.legal_qualification) else {
        let absent = [
            (s.staff.is_none(), "/staffing/staff"),
            (s.legal_qualification.is_none(), "/staffing/legal_qualification"),
        ];
        return missing(absent.into_iter().filter(|x| x.0).map(|x| x.1));
    };
    let previous = s.previous_qualification_ratio.map(|r| r.0).or(c.previous_ratio);
    let Some(previous) = previous else {
        return missing(["/staffing/previous_qualification_ratio"]);
    };
    trend(q.as_f64() / staff.as_f64(), previous)
}

fn staffing_level(r: &OfficeRecord) -> Eval {
    let s = &r.staffing;
    let (Some(staff), Some(posts)) = (s.staff, s.authorized_posts) else {
        return coverage(
            (s.staff, "/staffing/staff"),
            (s.authorized_posts, "/staffing/authorized_posts"),
            Measure::Persons,
        );
    };
    coverage_of(staff.min(posts).as_f64(), posts.as_f64(), Measure::Persons)
}

fn social_workforce(r: &OfficeRecord) -> Eval {
    let subjects = r.community_correction.subjects;
    let mut items = vec![Check {
        value: r.mediation.mediators.map(|m| m.0 > 0),
        path: "/mediation/mediators",
        zh: "未落实人民调解员",
        en: "no people's mediators",
    }];
    match subjects {
        None => items.push(Check {
            value: None,
            path: "/community_correction/subjects",
            zh: "社区矫正对象人数未填报",
            en: "persons under correction not reported",
        }),
        Some(Count(0)) => {}
        Some(_) => items.push(Check {
            value: r.staffing.correction_social_workers.map(|w| w.0 > 0),
            path: "/staffing/correction_social_workers",
            zh: "未落实社区矫正社会工作者",
            en: "no community-correction social workers",
        }),
    }
    checklist(&items)
}

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t10-director",
        task: 10,
        clause: "二（三）10",
        quote: "保持司法所干部队伍稳定",
        method: AllOrNothing,
        severity: Standard,
        points: 2.0,
        dimension: Staffing,
        fields: &["/staffing/director_in_post"],
        label_zh: "所长在岗",
        label_en: "director in post",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag_or(
                r.staffing.director_in_post,
                "/staffing/director_in_post",
                "所长不在岗",
                "the director is not in post",
            )
        },
    },
    RuleDef {
        id: "t10-legal-professional",
        task: 10,
        clause: "二（三）10",
        quote: "司法所至少有1名法律专业人员",
        method: AllOrNothing,
        severity: Mandatory,
        points: 3.0,
        dimension: Staffing,
        fields: &["/staffing/legal_professionals"],
        label_zh: "法律专业人员",
        label_en: "legal professionals",
        measure: Measure::Persons,
        year: None,
        eval: |r, c| {
            at_least(
                r.staffing.legal_professionals.map(|n| n.as_f64()),
                c.params.thresholds.legal_professionals,
                "/staffing/legal_professionals",
                Measure::Persons,
            )
        },
    },
    RuleDef {
        id: "t10-dedicated-legal-post",
        task: 10,
        clause: "二（三）10",
        quote: "专人专岗负责法制工作",
        method: AllOrNothing,
        severity: Mandatory,
        points: 2.0,
        dimension: Staffing,
        fields: &["/staffing/dedicated_legal_post"],
        label_zh: "专人专岗负责法制工作",
        label_en: "dedicated legal-affairs post",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| flag(r.staffing.dedicated_legal_post, "/staffing/dedicated_legal_post"),
    },
    RuleDef {
        id: "t10-qualification-trend",
        task: 10,
        clause: "二（三）10",
        quote: "使具有国家统一法律职业资格证的人员比例进一步提高",
        method: Trend,
        severity: Standard,
        points: 1.0,
        dimension: Staffing,
        fields: &[
            "/staffing/legal_qualification",
            "/staffing/staff",
            "/staffing/previous_qualification_ratio",
        ],
        label_zh: "法律职业资格人员比例",
        label_en: "share of staff with the legal qualification",
        measure: Measure::Ratio,
        year: None,
        eval: qualification_trend,
    },
    RuleDef {
        id: "t10-staffing-level",
        task: 10,
        clause: "二（三）10",
        quote: "在编制内及时补充人员力量",
        method: Coverage,
        severity: Standard,
        points: 1.0,
        dimension: Staffing,
        fields: &["/staffing/staff", "/staffing/authorized_posts"],
        label_zh: "编制内人员配备",
        label_en: "posts filled",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| staffing_level(r),
    },
    RuleDef {
        id: "t10-social-workforce",
        task: 10,
        clause: "二（三）10",
        quote: "区司法局积极协调街道（乡镇）落实人民调解员、社区矫正社会工作力量",
        method: Checklist,
        severity: Standard,
        points: 1.0,
        dimension: Staffing,
        fields: &[
            "/mediation/mediators",
            "/staffing/correction_social_workers",
            "/community_correction/subjects",
        ],
        label_zh: "人民调解员、社区矫正社会工作力量",
        label_en: "mediators and correction social workers",
        measure: Measure::Checks,
        year: None,
        eval: |r, _| social_workforce(r),
    },
    RuleDef {
        id: "t11-pre-job-training",
        task: 11,
        clause: "二（三）11",
        quote: "对司法所新增人员及时进行岗前培训",
        method: Coverage,
        severity: Standard,
        points: 2.0,
        dimension: Staffing,
        fields: &["/staffing/new_staff", "/staffing/new_staff_trained"],
        label_zh: "新增人员岗前培训",
        label_en: "pre-job training of new staff",
        measure: Measure::Persons,
        year: None,
        eval: |r, _| {
            coverage(
                (r.staffing.new_staff_trained, "/staffing/new_staff_trained"),
                (r.staffing.new_staff, "/staffing/new_staff"),
                Measure::Persons,
            )
        },
    },
    RuleDef {
        id: "t11-director-training",
        task: 11,
        clause: "二（三）11",
        quote: "市司法局每年组织司法所所长示范培训",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Staffing,
        fields: &["/staffing/director_city_training"],
        label_zh: "所长参加市司法局示范培训",
        label_en: "director's city training",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag_or(
                r.staffing.director_city_training,
                "/staffing/director_city_training",
                "所长未参加",
                "not attended",
            )
        },
    },
    RuleDef {
        id: "t11-business-training",
        task: 11,
        clause: "二（三）11",
        quote: "组织司法所工作人员开展业务培训",
        method: Target,
        severity: Standard,
        points: 2.0,
        dimension: Staffing,
        fields: &["/staffing/training_sessions"],
        label_zh: "业务培训",
        label_en: "business training",
        measure: Measure::Times,
        year: None,
        eval: |r, c| {
            target(
                (r.staffing.training_sessions, "/staffing/training_sessions"),
                c.params.targets.training_sessions,
                Measure::Times,
            )
        },
    },
];
