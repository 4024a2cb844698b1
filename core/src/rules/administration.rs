//! 二（二）4 深入推进基层政府依法行政.

use super::eval::{coverage, flag};
use super::{Dimension::Business, Measure, Method::*, RuleDef, Severity::*};
use crate::model::OfficeRecord;

pub(super) const RULES: &[RuleDef<OfficeRecord>] = &[
    RuleDef {
        id: "t04-normative-document-review",
        task: 4,
        clause: "二（二）4",
        quote: "实现合法性审核全覆盖，做到应审尽审",
        method: Coverage,
        severity: Mandatory,
        points: 3.0,
        dimension: Business,
        fields: &[
            "/administration/normative_documents/total",
            "/administration/normative_documents/reviewed",
        ],
        label_zh: "行政规范性文件合法性审核",
        label_en: "legality review of normative documents",
        measure: Measure::Items,
        year: None,
        eval: |r, _| {
            let d = &r.administration.normative_documents;
            coverage(
                (d.reviewed, "/administration/normative_documents/reviewed"),
                (d.total, "/administration/normative_documents/total"),
                Measure::Items,
            )
        },
    },
    RuleDef {
        id: "t04-major-decision-review",
        task: 4,
        clause: "二（二）4",
        quote: "健全完善行政规范性文件和重大行政决策合法性审核工作机制",
        method: Coverage,
        severity: Mandatory,
        points: 2.0,
        dimension: Business,
        fields: &[
            "/administration/major_decisions/total",
            "/administration/major_decisions/reviewed",
        ],
        label_zh: "重大行政决策合法性审核",
        label_en: "legality review of major decisions",
        measure: Measure::Items,
        year: None,
        eval: |r, _| {
            let d = &r.administration.major_decisions;
            coverage(
                (d.reviewed, "/administration/major_decisions/reviewed"),
                (d.total, "/administration/major_decisions/total"),
                Measure::Items,
            )
        },
    },
    RuleDef {
        id: "t04-enforcement-decision-review",
        task: 4,
        clause: "二（二）4",
        quote: "落实重大行政执法决定法制审核职责",
        method: Coverage,
        severity: Standard,
        points: 2.0,
        dimension: Business,
        fields: &[
            "/administration/enforcement_decisions/total",
            "/administration/enforcement_decisions/reviewed",
        ],
        label_zh: "重大行政执法决定法制审核",
        label_en: "legal review of major enforcement decisions",
        measure: Measure::Items,
        year: None,
        eval: |r, _| {
            let d = &r.administration.enforcement_decisions;
            coverage(
                (d.reviewed, "/administration/enforcement_decisions/reviewed"),
                (d.total, "/administration/enforcement_decisions/total"),
                Measure::Items,
            )
        },
    },
    RuleDef {
        id: "t04-office-meetings",
        task: 4,
        clause: "二（二）4",
        quote: "司法所所长列席街道主任（乡镇长）办公会",
        method: Coverage,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &[
            "/administration/office_meetings/total",
            "/administration/office_meetings/attended",
        ],
        label_zh: "所长列席街道主任（乡镇长）办公会",
        label_en: "director attending subdistrict office meetings",
        measure: Measure::Times,
        year: None,
        eval: |r, _| {
            let m = &r.administration.office_meetings;
            coverage(
                (m.attended, "/administration/office_meetings/attended"),
                (m.total, "/administration/office_meetings/total"),
                Measure::Times,
            )
        },
    },
    RuleDef {
        id: "t04-pre-meeting-law-study",
        task: 4,
        clause: "二（二）4",
        quote: "办公会会前学法",
        method: AllOrNothing,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &["/administration/pre_meeting_law_study"],
        label_zh: "办公会会前学法",
        label_en: "law study before office meetings",
        measure: Measure::Flag,
        year: None,
        eval: |r, _| {
            flag(
                r.administration.pre_meeting_law_study,
                "/administration/pre_meeting_law_study",
            )
        },
    },
    RuleDef {
        id: "t04-reconsideration-litigation",
        task: 4,
        clause: "二（二）4",
        quote: "组织依法办理行政复议答复和行政应诉工作",
        method: Coverage,
        severity: Standard,
        points: 1.0,
        dimension: Business,
        fields: &[
            "/administration/reconsideration_litigation/total",
            "/administration/reconsideration_litigation/handled",
        ],
        label_zh: "行政复议答复和行政应诉",
        label_en: "reconsideration replies and litigation responses",
        measure: Measure::Items,
        year: None,
        eval: |r, _| {
            let c = &r.administration.reconsideration_litigation;
            coverage(
                (c.handled, "/administration/reconsideration_litigation/handled"),
                (c.total, "/administration/reconsideration_litigation/total"),
                Measure::Items,
            )
        },
    },
];
