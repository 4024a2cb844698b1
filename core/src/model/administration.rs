//! 依法行政 (plan 二（二）4).

use super::{is_default, Count};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Items of one kind and how many of them passed legality review.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reviewed {
    /// How many items there were in the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "总数")]
    pub total: Option<Count>,
    /// How many of them were reviewed (≤ total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "已审核数", description = "不得大于总数")]
    pub reviewed: Option<Count>,
}

/// Office meetings of the subdistrict and how many the office director attended.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// Meetings held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "办公会次数")]
    pub total: Option<Count>,
    /// Meetings the director attended (≤ total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "列席次数", description = "不得大于办公会次数")]
    pub attended: Option<Count>,
}

/// Cases and how many were handled.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Handled {
    /// Cases in the year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "案件数")]
    pub total: Option<Count>,
    /// Cases handled (≤ total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "已办理数", description = "不得大于案件数")]
    pub handled: Option<Count>,
}

/// Administration by law (依法行政), task 4.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "依法行政", description = "深入推进基层政府依法行政")]
pub struct Administration {
    /// Normative documents and their legality review.
    #[serde(default, skip_serializing_if = "Reviewed::is_empty")]
    #[schemars(
        with = "Option<Reviewed>",
        title = "行政规范性文件合法性审核",
        description = "实现合法性审核全覆盖，做到应审尽审"
    )]
    pub normative_documents: Reviewed,
    /// Major administrative decisions and their legality review.
    #[serde(default, skip_serializing_if = "Reviewed::is_empty")]
    #[schemars(
        with = "Option<Reviewed>",
        title = "重大行政决策合法性审核",
        description = "健全完善行政规范性文件和重大行政决策合法性审核工作机制"
    )]
    pub major_decisions: Reviewed,
    /// Major law-enforcement decisions and their legal review.
    #[serde(default, skip_serializing_if = "Reviewed::is_empty")]
    #[schemars(
        with = "Option<Reviewed>",
        title = "重大行政执法决定法制审核",
        description = "落实重大行政执法决定法制审核职责"
    )]
    pub enforcement_decisions: Reviewed,
    /// Subdistrict office meetings attended by the office director.
    #[serde(default, skip_serializing_if = "Attendance::is_empty")]
    #[schemars(
        with = "Option<Attendance>",
        title = "所长列席街道主任（乡镇长）办公会",
        description = "司法所所长列席街道主任（乡镇长）办公会"
    )]
    pub office_meetings: Attendance,
    /// Law study before office meetings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(title = "办公会会前学法", description = "办公会会前学法")]
    pub pre_meeting_law_study: Option<bool>,
    /// Administrative reconsideration replies and litigation responses.
    #[serde(default, skip_serializing_if = "Handled::is_empty")]
    #[schemars(
        with = "Option<Handled>",
        title = "行政复议答复和行政应诉",
        description = "组织依法办理行政复议答复和行政应诉工作"
    )]
    pub reconsideration_litigation: Handled,
}

impl Reviewed {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl Attendance {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl Handled {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
impl Administration {
    /// True when nothing was reported.
    pub fn is_empty(&self) -> bool {
        is_default(self)
    }
}
